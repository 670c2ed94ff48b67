import { describeWithRedis, type RedisServer, startRedisServer } from "../support/redis-server.js";
import { runWorkflowKills } from "./kill-workflows.js";

// SIGKILL in the middle of intake, of the draft PR, of the deploy trigger and of the rollback (see
// kill-workflows.ts). Without Redis, the next process's sweep at start finishes each; with Redis, the next process
// takes over the killed process's job from the queue. Either way: every workflow complete, nothing twice.

const report = (mode: string, run: Awaited<ReturnType<typeof runWorkflowKills>>) =>
  process.stdout.write(
    `kill workflows (${mode}): recovered ${run.recoveries.map((r) => `${r.workflow} in ${(r.ms / 1000).toFixed(1)} s`).join(", ")}; ` +
      `${run.processes} processes; effects ${JSON.stringify(run.effects)}; duplicates ${run.duplicates.length}\n`,
  );

test("without Redis: the sweep at the next start finishes each killed workflow, with nothing twice", async () => {
  const run = await runWorkflowKills({});
  report("sweep", run);
  expect(run.recoveries.map((r) => r.workflow)).toEqual(["intake", "draft PR", "deploy trigger", "rollback"]);
  expect(run.missing).toEqual([]);
  expect(run.duplicates).toEqual([]);
}, 600_000);

let redis: RedisServer;
describeWithRedis("with Redis", () => {
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  test("another instance takes each killed workflow's job over from the queue, with nothing twice", async () => {
    const run = await runWorkflowKills({ redisUrl: redis.url });
    report("queue", run);
    expect(run.recoveries.map((r) => r.workflow)).toEqual([
      "intake",
      "draft PR",
      "deploy trigger",
      "rollback",
    ]);
    expect(run.missing).toEqual([]);
    expect(run.duplicates).toEqual([]);
  }, 600_000);
});
