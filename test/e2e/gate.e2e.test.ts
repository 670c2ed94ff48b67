import type { Sandbox } from "@hotfix-bot/sandbox";
import { appOnSandboxEachTest, configuredWebshop } from "../support/app-on-sandbox.js";

// End to end: the sandbox sends signed webhooks over HTTP to the real Probot server running hotfix-bot,
// which reads its configuration and writes its check run back through the sandbox's API.

const REPO = "acme/webshop";
const CONFIG = "checks:\n  criticalTests: [critical-tests]\n  securityScan: [security-scan]\n";

const stage = appOnSandboxEachTest({
  repository: configuredWebshop(CONFIG, {
    collaborators: { alice: "write", bob: "write" },
    files: { "src/auth.js": "export const check = (u, p) => u.password === p;\n" },
  }),
});
let sandbox: Sandbox;
beforeEach(() => {
  sandbox = stage.sandbox;
});

/** The hotfix-gate runs on a commit, as the sandbox holds them (every run, not only the latest). */
function gateRuns(sha: string) {
  return [...sandbox.internalRepo(REPO).checkRuns.values()].filter(
    (run) => run.name === "hotfix-gate" && run.headSha === sha,
  );
}

test("a hotfix PR's gate goes pending, then success when the required checks pass, then failure on a failed re-run", async () => {
  const conformance = await sandbox.recordConformance();
  const alice = sandbox.as("alice", REPO);
  const head = await alice.push(
    "hotfix/incident-1",
    { "src/auth.js": "export const check = (u, p) => Boolean(u) && u.password === p;\n" },
    { from: "main", message: "Fix critical auth failure" },
  );
  await alice.openPullRequest({
    head: "hotfix/incident-1",
    base: "main",
    title: "[SPF-1290] Fix critical auth failure",
  });
  await sandbox.settle();

  // Pending: the required checks have not run yet.
  expect(gateRuns(head).map((run) => run.status)).toEqual(["in_progress"]);
  expect(gateRuns(head)[0]?.app.slug).toBe("hotfix-bot");

  const ci = sandbox.asApp("ci", REPO);
  const scanner = sandbox.asApp("scanner", REPO);
  await ci.runCheck("critical-tests", head, "success");
  await sandbox.settle();
  expect(gateRuns(head).map((run) => `${run.status}/${run.conclusion}`)).toEqual(["in_progress/null"]);

  await scanner.runCheck("security-scan", head, "success");
  await sandbox.settle();
  expect(gateRuns(head).map((run) => `${run.status}/${run.conclusion}`)).toEqual(["completed/success"]);

  // A re-run of the scan fails: the same gate run turns red (updated in place, never a second run).
  await scanner.runCheck("security-scan", head, "failure");
  await sandbox.settle();
  expect(gateRuns(head).map((run) => `${run.status}/${run.conclusion}`)).toEqual(["completed/failure"]);
  expect(gateRuns(head)[0]?.output.summary ?? "").toMatch(/Security scan[^\n]*failed/);

  // Every delivery was answered, and the App's writes were its own, made with its installation token.
  expect(sandbox.webhooks.deliveries.filter((delivery) => delivery.status !== 200)).toEqual([]);
  expect(sandbox.counters.appWrites().every((write) => write.route.includes("check-runs"))).toBe(true);
  // What the App sent, and what it got back, matches GitHub's OpenAPI description.
  expect(conformance.violations).toEqual([]);
  expect(conformance.checkedRequests).toContain("POST /repos/{owner}/{repo}/check-runs");
});
