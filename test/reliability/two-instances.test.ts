import { randomBytes } from "node:crypto";
import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { Redis } from "ioredis";
import { describeWithRedis, type RedisServer, startRedisServer } from "../support/redis-server.js";
import { type AppConformance, recordAppConformance } from "./app-conformance.js";
import { type AppProcess, ProcessWork, startAppProcess } from "./app-processes.js";
import { duplicatesIn, effectCounts, effectsSnapshot } from "./effects-snapshot.js";
import { type FanOut, startFanOut } from "./fan-out.js";
import { mergeHotfix, openHotfix, REPO, scenarioOutcome, seedWebshop } from "./hotfix-scenario.js";

// Two App processes behind one webhook URL, both receiving EVERY delivery at the same moment, sharing Probot's
// throttling through one Redis (as several production instances with REDIS_URL do). The in-process mutexes do not
// span processes: every effect must still exist exactly once. Needs redis-server: skipped, saying why, on a machine
// without it; under CI (.ci/run installs it) a missing redis-server fails the test.

let sandbox: Sandbox;
let redis: RedisServer;
let fanOut: FanOut;
let conformance: AppConformance;
const apps: AppProcess[] = [];

describeWithRedis("two App processes sharing one Redis", () => {
  beforeAll(async () => {
    redis = await startRedisServer();
    sandbox = await startSandbox();
    await seedWebshop(sandbox);
    conformance = await recordAppConformance(sandbox);
  });

  afterAll(async () => {
    conformance?.stop();
    await Promise.all(apps.map((app) => app.kill()));
    await fanOut?.close();
    await sandbox?.close();
    await redis?.stop();
  });

  test("two instances, every delivery to both: every effect exactly once", async () => {
    const secret = randomBytes(16).toString("hex");
    apps.push(
      ...(await Promise.all([
        startAppProcess(sandbox, { secret, redisUrl: redis.url }),
        startAppProcess(sandbox, { secret, redisUrl: redis.url }),
      ])),
    );
    fanOut = await startFanOut(() => apps.map((app) => app.webhookUrl));
    sandbox.setWebhook({ url: fanOut.url, secret });
    sandbox.trackWork(new ProcessWork(sandbox, () => apps));
    const settle = () => sandbox.settle({ timeoutMs: 240_000 });

    const started = Date.now();
    const opened = await openHotfix(sandbox, settle);
    const mergeSha = await mergeHotfix(sandbox, settle, opened);
    const facts = { ...opened, mergeSha, commands: false };
    const seconds = Math.round((Date.now() - started) / 1000);

    const snapshot = await effectsSnapshot(sandbox, REPO);
    const missing = (await scenarioOutcome(sandbox, facts)).missing;
    const refused = sandbox.counters.appWrites().filter((w) => w.status >= 400).length;
    process.stdout.write(
      `two instances (throttling shared through Redis): ${sandbox.webhooks.deliveries.length} deliveries to both; ` +
        `${seconds} s; App writes ${sandbox.counters.forApp().writes} (refused ${refused}); ` +
        `effects ${JSON.stringify(effectCounts(snapshot))}; complete ${missing.length === 0 ? "yes" : missing.join("; ")}; ` +
        `duplicates ${JSON.stringify(duplicatesIn(snapshot))}\n`,
    );
    // Both processes paced their writes through Redis: Probot's throttling keeps its limiters there.
    const redisClient = new Redis(redis.url);
    const limiterKeys = await redisClient.keys("b_octokit-write*");
    await redisClient.quit();
    expect(limiterKeys.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
    expect(duplicatesIn(snapshot)).toEqual([]);
    expect(sandbox.webhooks.deliveries.filter((d) => d.state === "failed")).toEqual([]);
    expect(conformance.undocumented).toEqual(new Set());
    expect(conformance.invalidBodies).toEqual([]);
  }, 300_000);
});
