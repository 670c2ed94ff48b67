import type { Log } from "../context.js";
import { errorMessage } from "./errors.js";

/**
 * How often a failed background task is run again, and after what pause. Every long step is idempotent (it
 * creates only what is missing), so running it again is safe; the pause lets a flaky API or a rate limit pass.
 */
export interface BackgroundRetry {
  /** Runs in all, the first included (1: no retry). */
  attempts: number;
  /** Pause before run `attempt + 1`, after run `attempt` failed. */
  delayMs(attempt: number): number;
}

/** No retry: a failure is logged and left to reconcile (the default, and what tests that count runs want). */
export const NO_RETRY: BackgroundRetry = { attempts: 1, delayMs: () => 0 };

/**
 * The App's policy: a long step that failed after Octokit's own retries (an outage, a burst of secondary rate
 * limits) runs twice more, 20 s and 60 s later. Without it, a failed `/backport` or intake would be lost until
 * someone acted again: their webhook was answered before they ran, so GitHub shows nothing to redeliver.
 */
export const STEP_RETRY: BackgroundRetry = {
  attempts: 3,
  delayMs: (attempt) => (attempt === 1 ? 20_000 : 60_000),
};

/**
 * Tracks work that outlives the webhook delivery that started it, so that tests, the demo and a graceful shutdown
 * can wait for it. A failure is logged, never lost silently: it is retried per the policy, and reconcile picks up
 * the after-merge pipeline again.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();
  private failures = 0;
  private retried = 0;

  constructor(
    private readonly log: Pick<Log, "error">,
    private readonly retry: BackgroundRetry = NO_RETRY,
  ) {}

  run(name: string, task: () => Promise<unknown>): void {
    const promise = this.attempt(name, task, 1);
    this.running.add(promise);
    void promise.finally(() => this.running.delete(promise));
  }

  private async attempt(name: string, task: () => Promise<unknown>, attempt: number): Promise<void> {
    try {
      await task();
    } catch (error) {
      const message = errorMessage(error);
      if (attempt >= this.retry.attempts) {
        this.failures += 1;
        this.log.error(`${name} failed: ${message}`);
        return;
      }
      this.retried += 1;
      this.log.error(`${name} failed (run ${attempt} of ${this.retry.attempts}, runs again): ${message}`);
      await new Promise((resolve) => setTimeout(resolve, this.retry.delayMs(attempt)));
      await this.attempt(name, task, attempt + 1);
    }
  }

  /** Counts work that runs elsewhere (a queue worker's job) as running, so that idle() waits for it too. */
  track<T>(promise: Promise<T>): Promise<T> {
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    void settled.finally(() => this.running.delete(settled));
    return promise;
  }

  /** Resolves once nothing is running, including work started while waiting. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  get busy(): boolean {
    return this.running.size > 0;
  }

  /** Tasks running now (a task waiting to run again counts). */
  get runningCount(): number {
    return this.running.size;
  }

  /** Tasks that failed for good (every run failed). */
  get failureCount(): number {
    return this.failures;
  }

  /** Failed runs that were followed by another run. */
  get retryCount(): number {
    return this.retried;
  }
}
