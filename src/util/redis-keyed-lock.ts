import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

/** Runs tasks with the same key one at a time; KeyedMutex does it within a process, RedisKeyedLock across them. */
export interface KeyedLock {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export interface RedisLockOptions {
  /** The lock expires after this even if its holder never releases it (a process that died). */
  ttlMs?: number;
  /** How often a waiter tries again. */
  pollMs?: number;
  /** A waiter gives up after this. */
  waitMs?: number;
}

/** The lock on a key stayed held for longer than a task waits. */
export class LockTimeoutError extends Error {
  override readonly name = "LockTimeoutError";
  constructor(readonly key: string) {
    super(`the lock on ${key} stayed held by another App instance; the next event for it evaluates again`);
  }
}

// Deletes the lock only if it is still ours: an expired lock may have been taken by someone else since.
const RELEASE =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * A keyed lock shared by App instances through the Redis they already share for Probot's throttling
 * (`REDIS_URL`): SET NX with an expiry, released by a compare-and-delete. It spans processes where KeyedMutex
 * cannot, and costs no GitHub request. A holder that dies frees the key when the expiry passes.
 */
export class RedisKeyedLock implements KeyedLock {
  private readonly ttlMs: number;
  private readonly pollMs: number;
  private readonly waitMs: number;

  constructor(
    private readonly redis: Pick<Redis, "set" | "eval">,
    options: RedisLockOptions = {},
    private readonly prefix = "hotfix-bot:lock:",
  ) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.pollMs = options.pollMs ?? 50;
    this.waitMs = options.waitMs ?? 120_000;
  }

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const name = `${this.prefix}${key}`;
    const token = randomUUID();
    const deadline = Date.now() + this.waitMs;
    while ((await this.redis.set(name, token, "PX", this.ttlMs, "NX")) !== "OK") {
      if (Date.now() > deadline) throw new LockTimeoutError(key);
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
    try {
      return await task();
    } finally {
      await this.redis.eval(RELEASE, 1, name, token).catch(() => undefined);
    }
  }
}
