import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { claimRefName } from "../../src/after-merge/pipeline-claim.js";
import { runAfterMerge } from "../../src/after-merge/run-after-merge.js";
import { afterMergeSteps } from "../../src/after-merge-wiring.js";
import { sweepOneRepository } from "../../src/sweep/sweep-repository.js";
import { appContext } from "../reliability/app-context.js";
import { duplicatesIn, effectsSnapshot } from "../reliability/effects-snapshot.js";
import { REPO, scenarioOutcome, seedWebshop } from "../reliability/hotfix-scenario.js";
import { mergedHotfix as mergedHotfixOn } from "./merged-hotfix.js";

// The after-merge pipeline's claim (refs/hotfix-bot/claims/pr-<n>), run directly on the sandbox without the App:
// a run waits while another holds the claim, takes over a claim that outlives its wait, and reconcile deletes a
// claim whose run died after finishing the pipeline.

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startSandbox();
  await seedWebshop(sandbox);
});
afterEach(() => sandbox.close());

const claims = () =>
  sandbox
    .internalRepo(REPO)
    .refs.list("refs/hotfix-bot/claims/")
    .map((r) => r.ref);

const mergedHotfix = () => mergedHotfixOn(sandbox);

/** What the after-merge pipeline owes (no App ran here, so the gate and intake parts are not expected). */
function afterMergeMissing(outcome: { missing: string[] }): string[] {
  return outcome.missing.filter((what) => !/hotfix-gate|intake/.test(what));
}

/** Another run's claim, as a process holding it would have made it. */
async function holdClaim(pr: number, sha: string): Promise<void> {
  await sandbox
    .as("alice", REPO)
    .request("POST", "/repos/acme/webshop/git/refs", { ref: claimRefName(pr), sha });
}

test("a run that finds the pipeline claimed acts only once the claim is gone", async () => {
  const { ctx, config, pr, facts } = await mergedHotfix();
  await holdClaim(pr.number, pr.mergeSha);
  sandbox.counters.reset();
  const waiting = runAfterMerge(ctx, config, pr, afterMergeSteps, {
    claimWait: { timeoutMs: 30_000, pollMs: 20 },
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  // While another run holds the claim, this one writes nothing (its one claim attempt is refused).
  expect(sandbox.counters.appWrites().map((w) => `${w.method} ${w.route} ${w.status}`)).toEqual([
    "POST /repos/{owner}/{repo}/git/refs 422",
  ]);
  // The other run ends (in another process: here its claim is simply deleted); this one claims and runs.
  await sandbox.as("alice", REPO).request("DELETE", `/repos/acme/webshop/git/${claimRefName(pr.number)}`);
  await waiting;
  expect(afterMergeMissing(await scenarioOutcome(sandbox, facts))).toEqual([]);
  expect(duplicatesIn(await effectsSnapshot(sandbox, REPO))).toEqual([]);
  expect(claims()).toEqual([]);
});

test("a claim that outlives the wait was a dead run's: the run takes it over and finishes", async () => {
  const { ctx, config, pr, facts } = await mergedHotfix();
  await holdClaim(pr.number, pr.mergeSha);
  await runAfterMerge(ctx, config, pr, afterMergeSteps, { claimWait: { timeoutMs: 100, pollMs: 20 } });
  expect(afterMergeMissing(await scenarioOutcome(sandbox, facts))).toEqual([]);
  expect(claims()).toEqual([]);
});

test("reconcile deletes a claim left after the pipeline was recorded done, and writes nothing else", async () => {
  const { ctx, config, pr } = await mergedHotfix();
  await runAfterMerge(ctx, config, pr, afterMergeSteps);
  await holdClaim(pr.number, pr.mergeSha);
  sandbox.counters.reset();
  const report = await sweepOneRepository(appContext(sandbox), { staleAfterMs: 0 });
  expect(report.finished).toEqual([]);
  expect(claims()).toEqual([]);
  expect(sandbox.counters.appWrites().map((w) => `${w.method} ${w.route}`)).toEqual([
    "DELETE /repos/{owner}/{repo}/git/refs/{ref}",
  ]);
});
