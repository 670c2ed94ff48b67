import { randomBytes } from "node:crypto";
import { type Sandbox, seededUnit, startSandbox } from "@hotfix-bot/sandbox";
import { type AppConformance, recordAppConformance } from "./app-conformance.js";
import { type AppProcess, ProcessWork, startAppProcess } from "./app-processes.js";
import { duplicatesIn, effectCounts, effectsSnapshot } from "./effects-snapshot.js";
import { openHotfix, REPO, type ScenarioFacts, scenarioOutcome, seedWebshop } from "./hotfix-scenario.js";

// The App process is SIGKILLed in the middle of an after-merge pipeline, after the n-th of its writes since the
// merge (points drawn from a seed). The writes in flight land or not, their answers are lost, the deliveries its
// own writes cause find nobody. A new process starts, as `npm start` does, with the sweep at start: it must finish
// the pipeline from GitHub's state alone, creating what is missing and nothing twice. One repository, one hotfix
// per kill point: each new process also has the next hotfix to handle while it reconciles the last one.

const SEEDS = [7, 11];
/**
 * The pipeline of one hotfix makes 14 writes here (its claim, tag object and ref, release, tree, commit, branch, PR,
 * labels, two follow-ups, branch deletion, timeline, the claim's release; no review request, as intake opened the
 * PR): per seed one kill point from each half of the way, the last write excluded (nothing left to kill).
 */
const BINS = [
  [1, 7],
  [8, 13],
] as const;

function killPoints(): number[] {
  return SEEDS.flatMap((seed) =>
    BINS.map(([low, high], i) => low + Math.floor(seededUnit(seed, `kill#${i}`) * (high - low + 1))),
  );
}

const claimRefs = () =>
  sandbox
    .internalRepo(REPO)
    .refs.list("refs/hotfix-bot/claims/")
    .map((r) => r.ref);

let sandbox: Sandbox;
let conformance: AppConformance;
let current: AppProcess | null = null;

beforeAll(async () => {
  sandbox = await startSandbox();
  await seedWebshop(sandbox);
  conformance = await recordAppConformance(sandbox);
});

afterAll(async () => {
  conformance.stop();
  await current?.kill();
  await sandbox.close();
});

test("killed at random points of the pipeline, a restarted App finishes every pipeline from GitHub's state", async () => {
  const secret = randomBytes(16).toString("hex");
  const processes: AppProcess[] = [];
  const start = async () => {
    current = await startAppProcess(sandbox, { secret, reconcileOnStart: true });
    processes.push(current);
    sandbox.setWebhook({ url: current.webhookUrl, secret });
  };
  sandbox.trackWork(new ProcessWork(sandbox, () => (current ? [current] : [])));
  const settle = () => sandbox.settle({ timeoutMs: 120_000 });
  const points = killPoints();
  const hotfixes: ScenarioFacts[] = [];
  const killedAfter: number[] = [];

  await start();
  for (const [i, point] of points.entries()) {
    const opened = await openHotfix(sandbox, settle, i + 1);
    // Count the App's writes from the merge on; the n-th one pulls the plug.
    const victim = current as AppProcess;
    let writes = 0;
    const stop = sandbox.observe((exchange) => {
      if (exchange.identity.kind !== "installation" || exchange.identity.app.slug !== sandbox.app.slug)
        return;
      if (exchange.method === "GET") return;
      writes++;
      if (writes === point) void victim.kill();
    });
    const mergeSha = await sandbox.as("alice", REPO).merge(opened.pr, "merge");
    await Promise.race([
      victim.exited,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`the pipeline made fewer than ${point} writes`)), 60_000).unref(),
      ),
    ]);
    stop();
    killedAfter.push(writes);
    hotfixes.push({ ...opened, mergeSha, commands: false });
    // What the dead App left: some pipeline writes, not all (at the last point, only its claim).
    const unfinished = (await scenarioOutcome(sandbox, hotfixes.at(-1) as ScenarioFacts)).missing;
    expect({ unfinished, claims: claimRefs() }).not.toEqual({ unfinished: [], claims: [] });
    await start();
  }
  await settle();

  const missing = await Promise.all(hotfixes.map(async (h) => (await scenarioOutcome(sandbox, h)).missing));
  const snapshot = await effectsSnapshot(sandbox, REPO);
  process.stdout.write(
    `kill: seeds ${SEEDS.join(", ")}, killed after writes ${JSON.stringify(points)} of the pipeline (writes seen when it died: ` +
      `${JSON.stringify(killedAfter)}); ${processes.length} processes; ` +
      `complete ${missing.filter((m) => m.length === 0).length}/${hotfixes.length}; ` +
      `effects ${JSON.stringify(effectCounts(snapshot))}; duplicates ${duplicatesIn(snapshot).length}\n`,
  );
  expect(missing).toEqual(hotfixes.map(() => []));
  // No claim outlives its pipeline: the dead runs' claims were taken over or deleted by reconcile.
  expect(claimRefs()).toEqual([]);
  expect(duplicatesIn(snapshot)).toEqual([]);
  expect(conformance.undocumented).toEqual(new Set());
  expect(conformance.invalidBodies).toEqual([]);
}, 300_000);
