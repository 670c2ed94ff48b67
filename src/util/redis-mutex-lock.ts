import type { Redis } from "ioredis";
import { Mutex, TimeoutError } from "redis-semaphore";
import { type KeyedLock, LockTimeoutError } from "./keyed-lock.js";

export interface RedisLockOptions {
  /** The lock expires after this unless its holder refreshes it (a process that died stops refreshing). */
  ttlMs?: number;
  /** How often a waiter tries again. */
  pollMs?: number;
  /** A waiter gives up after this. */
  waitMs?: number;
}

/**
 * A keyed lock shared by App instances through the Redis they already share (`REDIS_URL`), built on
 * redis-semaphore's Mutex: acquired atomically with an expiry, refreshed while the task runs (so a long task
 * keeps it, and a dead holder frees it once the expiry passes), released only by its holder.
 */
export class RedisMutexLock implements KeyedLock {
  private readonly ttlMs: number;
  private readonly pollMs: number;
  private readonly waitMs: number;

  constructor(
    private readonly redis: Redis,
    options: RedisLockOptions = {},
    private readonly prefix = "hotfix-bot:lock:",
  ) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.pollMs = options.pollMs ?? 50;
    this.waitMs = options.waitMs ?? 120_000;
  }

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const mutex = new Mutex(this.redis, `${this.prefix}${key}`, {
      lockTimeout: this.ttlMs,
      acquireTimeout: this.waitMs,
      retryInterval: this.pollMs,
      refreshInterval: Math.floor(this.ttlMs * 0.8),
      // A refresh that failed (Redis unreachable for longer than the expiry): the task finishes anyway; every
      // step is idempotent, the lock only spares duplicate work.
      onLockLost: () => undefined,
    });
    try {
      await mutex.acquire();
    } catch (error) {
      if (error instanceof TimeoutError) throw new LockTimeoutError(key);
      throw error;
    }
    try {
      return await task();
    } finally {
      await mutex.release().catch(() => undefined);
    }
  }
}
