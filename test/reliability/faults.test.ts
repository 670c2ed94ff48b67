import { type FaultOptions, type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { sweepOneRepository } from "../../src/sweep/sweep-repository.js";
import { type AppConformance, recordAppConformance } from "./app-conformance.js";
import { appContext, type HotfixApp, startHotfixApp } from "./app-context.js";
import { duplicatesIn, effectsSnapshot } from "./effects-snapshot.js";
import { playHotfix, REPO, scenarioOutcome, seedWebshop } from "./hotfix-scenario.js";

// GitHub under load: 20 % of the App's API calls fail with 500, 502, a dropped connection after a hang, or a
// secondary rate limit (403 + retry-after); half of the failed writes took effect before their answer was lost.
// Probot's retry plugin retries (POSTs too). What a failure still leaves undone is finished the ways an operator
// or the App itself has: redelivering the failed deliveries (GitHub's "Redeliver") and reconcile (App start,
// schedule). The whole scenario must end complete, with nothing duplicated.

const SEEDS = [1, 2, 3];
const MAX_RECOVERY_ROUNDS = 4;

const faultsFor = (seed: number): FaultOptions => ({
  seed,
  rate: 0.2,
  phase: "mixed",
  kinds: ["500", "502", "timeout", "secondary-rate-limit"],
  timeoutMs: 50,
  retryAfterSeconds: 1,
});

let sandbox: Sandbox;
let app: HotfixApp;
let conformance: AppConformance;
const summary: string[] = [];

beforeEach(async () => {
  sandbox = await startSandbox();
  await seedWebshop(sandbox);
  conformance = await recordAppConformance(sandbox);
  app = await startHotfixApp(sandbox);
});

afterEach(async () => {
  conformance.stop();
  await app.close();
  await sandbox.close();
});

afterAll(() => {
  process.stdout.write(`faults (rate 0.2, mixed phase):\n${summary.join("\n")}\n`);
});

/** Redelivers every event whose latest delivery the App did not accept, as a person would from the UI. */
async function redeliverFailed(): Promise<number> {
  const latest = new Map<string, { ok: boolean }>();
  for (const d of sandbox.webhooks.deliveries) {
    if (d.state === "not-sent") continue;
    latest.set(d.id, { ok: d.state === "delivered" });
  }
  const failed = [...latest].filter(([, d]) => !d.ok).map(([id]) => id);
  for (const id of failed) await sandbox.webhooks.redeliver(id);
  await sandbox.settle();
  return failed.length;
}

test.each(SEEDS)(
  "seed %i: every pipeline completes, nothing is duplicated",
  async (seed) => {
    sandbox.setFaults(faultsFor(seed));
    const facts = await playHotfix(sandbox, () => sandbox.settle({ timeoutMs: 120_000 }));
    const afterRetries = (await scenarioOutcome(sandbox, facts)).missing;

    let rounds = 0;
    let redelivered = 0;
    const reconciled: number[] = [];
    let missing = afterRetries;
    while (missing.length > 0 && rounds < MAX_RECOVERY_ROUNDS) {
      rounds++;
      redelivered += await redeliverFailed();
      // Faults stay on: recovery has to work on the same flaky API. A reconcile that fails is the next round's.
      const report = await sweepOneRepository(appContext(sandbox), { staleAfterMs: 0 }).catch(() => null);
      reconciled.push(...(report?.finished ?? []));
      await sandbox.settle();
      missing = (await scenarioOutcome(sandbox, facts)).missing;
    }
    const injected = [...sandbox.faults.injected];
    const lostAnswers = injected.filter((f) => f.phase === "after").length;
    sandbox.setFaults(null);

    const snapshot = await effectsSnapshot(sandbox, REPO);
    summary.push(
      `  seed ${seed}: ${injected.length} faults (${lostAnswers} writes applied with the answer lost); ` +
        `complete by retries alone: ${afterRetries.length === 0 ? "yes" : `no (${afterRetries.join("; ")})`}; ` +
        `steps run again ${app.background.retryCount}; ` +
        `recovery rounds ${rounds} (redelivered ${redelivered}, reconciled ${reconciled.length}); ` +
        `complete: ${missing.length === 0 ? "yes" : "NO"}; duplicates ${duplicatesIn(snapshot).length}`,
    );
    expect(injected.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
    expect(duplicatesIn(snapshot)).toEqual([]);
    expect(conformance.undocumented).toEqual(new Set());
    expect(conformance.invalidBodies).toEqual([]);
  },
  300_000,
);

/** Every write route the App uses in the scenario (checked below, so that a new one cannot slip by). */
const WRITE_ROUTES = [
  "POST /repos/{owner}/{repo}/check-runs",
  "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
  "POST /repos/{owner}/{repo}/git/refs",
  "DELETE /repos/{owner}/{repo}/git/refs/{ref}",
  "POST /repos/{owner}/{repo}/git/tags",
  "POST /repos/{owner}/{repo}/git/trees",
  "POST /repos/{owner}/{repo}/git/commits",
  "POST /repos/{owner}/{repo}/releases",
  "POST /repos/{owner}/{repo}/pulls",
  "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "POST /repos/{owner}/{repo}/issues",
  "PATCH /repos/{owner}/{repo}/issues/{issue_number}",
  "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
  "POST /repos/{owner}/{repo}/issues/{issue_number}/assignees",
  "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
  "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
  "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}",
];

test("the first write to every route, before and after the merge, loses its answer: nothing duplicated", async () => {
  // Twice over: the routes the intake and the gate use first, then again for the after-merge pipeline.
  const remaining = new Set(WRITE_ROUTES);
  const lostRoutes = new Set<string>();
  const arm = () =>
    sandbox.setFaults({ seed: 1, rate: 1, kinds: ["500"], phase: "after", routes: [...remaining] });
  arm();
  let lostAnswers = 0;
  const stop = sandbox.observe((exchange) => {
    if (!exchange.fault) return;
    lostAnswers++;
    lostRoutes.add(`${exchange.method} ${exchange.route}`);
    remaining.delete(`${exchange.method} ${exchange.route}`);
    arm();
  });
  const facts = await playHotfix(sandbox, () => sandbox.settle({ timeoutMs: 120_000 }), {
    beforeMerge: () => {
      for (const route of WRITE_ROUTES) remaining.add(route);
      arm();
    },
  });
  stop();
  sandbox.setFaults(null);

  const used = new Set(sandbox.counters.appWrites().map((w) => `${w.method} ${w.route}`));
  expect([...used].filter((route) => !WRITE_ROUTES.includes(route))).toEqual([]);
  const lost = WRITE_ROUTES.filter((route) => lostRoutes.has(route));
  const snapshot = await effectsSnapshot(sandbox, REPO);
  summary.push(
    `  first write per route (before and after the merge) answered 500 after taking effect: ` +
      `${lostAnswers} answers lost on ${lost.length} routes; ` +
      `steps run again ${app.background.retryCount}; ` +
      `complete: ${(await scenarioOutcome(sandbox, facts)).missing.length === 0 ? "yes" : "NO"}; ` +
      `duplicates ${duplicatesIn(snapshot).length}`,
  );
  expect(lost).toEqual(
    [...used]
      .filter((route) => WRITE_ROUTES.includes(route))
      .sort((a, b) => WRITE_ROUTES.indexOf(a) - WRITE_ROUTES.indexOf(b)),
  );
  expect((await scenarioOutcome(sandbox, facts)).missing).toEqual([]);
  expect(duplicatesIn(snapshot)).toEqual([]);
  expect(conformance.invalidBodies).toEqual([]);
}, 300_000);
