import { HotfixBotError } from "./errors.js";

/** Runs tasks with the same key one at a time; KeyedMutex does it within a process, RedisMutexLock across them. */
export interface KeyedLock {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/** The lock on a key stayed held for longer than a task waits. */
export class LockTimeoutError extends HotfixBotError {
  override readonly kind = "contention";
  override readonly name = "LockTimeoutError";
  constructor(readonly key: string) {
    super(`the lock on ${key} stayed held by another App instance; the next event for it evaluates again`);
  }
}
