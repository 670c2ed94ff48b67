import { Redis } from "ioredis";
import { LockTimeoutError } from "../../src/util/keyed-lock.js";
import { RedisMutexLock } from "../../src/util/redis-mutex-lock.js";
import { describeWithRedis, type RedisServer, startRedisServer } from "../support/redis-server.js";

// Against a real redis-server (the same one the two-instance test uses): skipped, saying why, on a machine
// without it; required under CI.

let server: RedisServer;
const clients: Redis[] = [];
const client = () => {
  const redis = new Redis(server.url);
  clients.push(redis);
  return redis;
};

describeWithRedis("RedisMutexLock on a real redis-server", () => {
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.quit()));
    // beforeAll may have failed before there was a server (CI without redis-server): report that, not a TypeError.
    await server?.stop();
  });

  const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

  test("two instances' tasks on one key never overlap; other keys run side by side", async () => {
    const a = new RedisMutexLock(client(), { pollMs: 5 });
    const b = new RedisMutexLock(client(), { pollMs: 5 });
    const log: string[] = [];
    let inside = 0;
    let most = 0;
    const task = (name: string) => async () => {
      inside++;
      most = Math.max(most, inside);
      log.push(`${name} in`);
      await tick();
      log.push(`${name} out`);
      inside--;
      return name;
    };
    const results = await Promise.all([
      a.run("gate:acme/webshop@1", task("a1")),
      b.run("gate:acme/webshop@1", task("b1")),
      a.run("gate:acme/webshop@1", task("a2")),
    ]);
    expect(results).toEqual(["a1", "b1", "a2"]);
    expect(most).toBe(1);
    for (let i = 0; i < log.length; i += 2)
      expect(log[i]?.replace(" in", "")).toBe(log[i + 1]?.replace(" out", ""));

    inside = 0;
    most = 0;
    await Promise.all([a.run("gate:x", task("x")), b.run("gate:y", task("y"))]);
    expect(most).toBe(2);
  });

  test("a failing task releases the key", async () => {
    const lock = new RedisMutexLock(client(), { pollMs: 5, waitMs: 1_000 });
    await expect(lock.run("k", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await lock.run("k", async () => "next")).toBe("next");
  });

  test("a key whose holder died frees itself when its expiry passes; a waiter gives up after its wait", async () => {
    const redis = client();
    // A holder that never releases: what a SIGKILLed instance leaves.
    await redis.set("mutex:hotfix-bot:lock:dead", "someone-else", "PX", 300);
    const patient = new RedisMutexLock(redis, { pollMs: 10, waitMs: 5_000 });
    expect(await patient.run("dead", async () => "taken over")).toBe("taken over");

    await redis.set("mutex:hotfix-bot:lock:held", "someone-else", "PX", 10_000);
    const hasty = new RedisMutexLock(redis, { pollMs: 10, waitMs: 100 });
    await expect(hasty.run("held", async () => "never")).rejects.toBeInstanceOf(LockTimeoutError);
    // Our release never deletes another holder's lock.
    expect(await redis.get("mutex:hotfix-bot:lock:held")).toBe("someone-else");
  });
});
