import type { Log } from "../context.js";

/**
 * Tracks work that outlives the webhook delivery that started it, so that tests, the demo and a graceful shutdown
 * can wait for it. A failure is logged, never lost silently: reconcile picks the work up again.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();
  private failures = 0;

  constructor(private readonly log: Pick<Log, "error">) {}

  run(name: string, task: () => Promise<unknown>): void {
    const promise: Promise<void> = task().then(
      () => undefined,
      (error: unknown) => {
        this.failures += 1;
        this.log.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    this.running.add(promise);
    void promise.finally(() => this.running.delete(promise));
  }

  /** Resolves once nothing is running, including work started while waiting. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  get busy(): boolean {
    return this.running.size > 0;
  }

  get failureCount(): number {
    return this.failures;
  }
}
