import { startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { startAppOnSandbox } from "../src/sandbox-app/start-app-on-sandbox.js";
import { openHotfixPr } from "./hotfix-pr.js";

/**
 * `npm run bench:storm`: one hotfix PR whose 100 check runs complete one by one, through the real App (Probot
 * server, signed webhooks, in order); then the same with 100 commit statuses going from pending to success. Counts, per delivery and in total, the requests and writes the App makes.
 * Two configurations: the gate waits for 2 of the 100 checks (the usual case), or for all of them (a glob). Counts
 * are exact; pacing is off (it changes no count). BENCH_CHECKS sets the number of runs (default 100).
 */

const CHECKS = Number(process.env.BENCH_CHECKS ?? 100);

interface Storm {
  label: string;
  deliveries: number;
  requests: number;
  writes: number;
  /** Requests per delivery: the most any one delivery caused, and how many deliveries caused none. */
  maxPerDelivery: number;
  silentDeliveries: number;
  gateWrites: number;
}

/** The CI check names: `ci / job <i>`, with `critical-tests` and `security-scan` in the middle and at the end. */
function checkNames(count: number): string[] {
  const names = Array.from({ length: count }, (_, i) => `ci / job ${i + 1}`);
  names[Math.floor(count / 2)] = "critical-tests";
  names[count - 1] = "security-scan";
  return names;
}

/** How CI reports: check runs (GitHub Actions, most Apps) or commit statuses (Jenkins, Buildkite, deploy tools). */
type Reporter = "check runs" | "commit statuses";

async function storm(label: string, checks: string, reporter: Reporter = "check runs"): Promise<Storm> {
  const sandbox = await startSandbox({ report: () => {} });
  const app = await startAppOnSandbox(sandbox, { throttle: { enabled: false }, retry: { enabled: false } });
  try {
    await sandbox.createRepository(WEBSHOP);
    const config = `productionBranch: main\ndevelopBranch: develop\nchecks: ${checks}\n`;
    await sandbox
      .as("alice", "acme/webshop")
      .push("main", { ".github/hotfix.yml": config }, { message: "Configure" });
    await sandbox.settle();
    const { head } = await openHotfixPr(sandbox, [
      { "src/auth.js": "export function checkPassword() {\n  return false;\n}\n" },
    ]);
    await sandbox
      .as("bob", "acme/webshop")
      .review(1, "APPROVE", "ok")
      .catch(() => {});
    const ci = sandbox.asApp("ci", "acme/webshop");
    const ids: number[] = [];
    const names = checkNames(CHECKS);
    for (const name of names) {
      if (reporter === "check runs")
        ids.push(await ci.createCheckRun({ name, headSha: head, status: "in_progress" }));
      else await ci.createStatus(head, name, "pending");
    }
    await sandbox.settle();

    const result: Storm = {
      label,
      deliveries: 0,
      requests: 0,
      writes: 0,
      maxPerDelivery: 0,
      silentDeliveries: 0,
      gateWrites: 0,
    };
    sandbox.counters.reset();
    for (const [i, name] of names.entries()) {
      const delivered = sandbox.webhooks.deliveries.length;
      const before = sandbox.counters.forApp();
      if (reporter === "check runs") await ci.completeCheckRun(ids[i] ?? 0, "success");
      else await ci.createStatus(head, name, "success");
      await sandbox.settle();
      const after = sandbox.counters.forApp();
      const deliveries = sandbox.webhooks.deliveries.length - delivered;
      const requests = after.requests - before.requests;
      result.deliveries += deliveries;
      result.maxPerDelivery = Math.max(result.maxPerDelivery, requests);
      if (requests === 0) result.silentDeliveries += deliveries;
    }
    const totals = sandbox.counters.forApp();
    result.requests = totals.requests;
    result.writes = totals.writes;
    result.gateWrites = sandbox.counters
      .appWrites()
      .filter((write) => write.route.includes("check-runs")).length;
    return result;
  } finally {
    await app.close();
    await sandbox.close();
  }
}

const TWO = "{ criticalTests: [critical-tests], securityScan: [security-scan] }";
const ALL = '{ criticalTests: ["ci / *", critical-tests], securityScan: [security-scan] }';
const results: Storm[] = [];
for (const reporter of ["check runs", "commit statuses"] as const) {
  results.push(await storm(`${reporter}: gate waits for 2 of them`, TWO, reporter));
  results.push(await storm(`${reporter}: gate waits for all ${CHECKS} (globs)`, ALL, reporter));
}

const lines = [
  `### Check storm: ${CHECKS} check runs (or commit statuses) on one hotfix PR complete one by one`,
  "",
  "Through the real App; every delivery answered before the next run completes. Exact counts of the App's requests.",
  "",
  "| configuration | deliveries | App requests | per delivery (mean) | most for one check completing | deliveries that cost no request | writes (of them hotfix-gate) |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...results.map(
    (r) =>
      `| ${r.label} | ${r.deliveries} | ${r.requests} | ${(r.requests / Math.max(1, r.deliveries)).toFixed(2)} | ` +
      `${r.maxPerDelivery} | ${r.silentDeliveries} | ${r.writes} (${r.gateWrites}) |`,
  ),
];
console.log(lines.join("\n"));
