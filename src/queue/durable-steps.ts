import { type Job, Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { Log, RepoRef } from "../context.js";
import type { LongStepJob } from "../route.js";

/** A long step queued for any instance: the job, and where it runs (installation and repository). */
export interface StepJobData extends LongStepJob {
  installationId: number;
  repo: RepoRef;
}

export interface DurableStepsOptions {
  /** Runs in all, the first included. */
  attempts?: number;
  /** Pause before the second run; doubled for each later one. */
  backoffMs?: number;
  /**
   * How long a worker's hold on a job lasts without renewal (renewed every half of it while the worker lives). A
   * killed worker's job is taken by another instance at most this plus `stalledIntervalMs` later.
   */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Jobs one instance runs at the same time. */
  concurrency?: number;
}

/** The App's policy: three runs, 20 s then 40 s apart; a dead instance's job moves on within 15 s. */
export const DURABLE_STEPS: Required<DurableStepsOptions> = {
  attempts: 3,
  backoffMs: 20_000,
  lockDurationMs: 10_000,
  stalledIntervalMs: 5_000,
  concurrency: 8,
};

export const STEP_QUEUE = "hotfix-bot-steps";

/**
 * The job id of a long step (pure): the step and the webhook delivery it serves. GitHub's redelivery of a
 * delivery keeps its id, so a redelivered event adds nothing while the job is kept (a day after it completes, a
 * week after it failed): the first job's run stands. BullMQ ids may not hold ':'.
 */
export function stepJobId(step: string, deliveryId: string): string {
  return `${step}-${deliveryId}`.replace(/[^A-Za-z0-9._-]/g, "_");
}

/** Whether a failed run was the job's last (pure): then the failure is final and must be seen. */
export function isFinalFailure(attemptsMade: number, attempts: number): boolean {
  return attemptsMade >= attempts;
}

/**
 * Long steps as jobs on a BullMQ queue in the Redis that App instances share (`REDIS_URL`): any instance runs any
 * job; a job whose instance died (its lock not renewed) is moved back and run by another (BullMQ's stalled-job
 * check); a failed run is retried with exponential backoff; the last failure is logged as an error naming the
 * step and the delivery. Steps are idempotent, so a run after a crash only creates what is missing.
 */
export class DurableSteps {
  private readonly queue: Queue<StepJobData>;
  private readonly worker: Worker<StepJobData>;
  private readonly connections: Redis[] = [];
  private readonly options: Required<DurableStepsOptions>;

  constructor(
    redisUrl: string,
    run: (data: StepJobData, resumed: boolean) => Promise<void>,
    private readonly log: Pick<Log, "info" | "error">,
    options: DurableStepsOptions = {},
  ) {
    this.options = { ...DURABLE_STEPS, ...options };
    // BullMQ's workers block on Redis and must never give up a command: maxRetriesPerRequest null.
    const connection = () => {
      const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
      this.connections.push(redis);
      return redis;
    };
    this.queue = new Queue<StepJobData>(STEP_QUEUE, { connection: connection() });
    this.worker = new Worker<StepJobData>(
      STEP_QUEUE,
      async (job: Job<StepJobData>) => run(job.data, job.attemptsStarted > 1),
      {
        connection: connection(),
        concurrency: this.options.concurrency,
        lockDuration: this.options.lockDurationMs,
        stalledInterval: this.options.stalledIntervalMs,
        // A job whose instance died twice in a row is not handed to a third: it fails, and says so.
        maxStalledCount: 2,
      },
    );
    this.worker.on("failed", (job, error) => {
      if (!job) return;
      const what = `${job.data.step} for ${job.data.event.name} ${job.data.event.id} in ${job.data.repo.owner}/${job.data.repo.repo}`;
      if (isFinalFailure(job.attemptsMade, this.options.attempts))
        this.log.error(`${what} failed for good after ${job.attemptsMade} runs: ${error.message}`);
      else
        this.log.error(
          `${what} failed (run ${job.attemptsMade} of ${this.options.attempts}, runs again): ${error.message}`,
        );
    });
    // Connection errors are retried by ioredis; log them instead of crashing on an unhandled 'error'.
    this.worker.on("error", (error) => this.log.error(`step queue: ${error.message}`));
    this.queue.on("error", (error) => this.log.error(`step queue: ${error.message}`));
  }

  /** Queues a long step; a job with the same id (a redelivery) is left as it is. */
  async enqueue(data: StepJobData): Promise<void> {
    await this.queue.add(data.step, data, {
      jobId: stepJobId(data.step, data.event.id),
      attempts: this.options.attempts,
      backoff: { type: "exponential", delay: this.options.backoffMs },
      removeOnComplete: { age: 86_400 },
      removeOnFail: { age: 7 * 86_400 },
    });
  }

  /** Whether no job waits, runs or waits for a retry (for tests and the demo). */
  async idle(): Promise<boolean> {
    const counts = await this.queue.getJobCounts("wait", "active", "delayed", "prioritized");
    return Object.values(counts).every((n) => n === 0);
  }

  /** Jobs per state, for the App's queue-depth metric. */
  async depth(): Promise<Record<string, number>> {
    return this.queue.getJobCounts("wait", "active", "delayed", "failed");
  }

  async close(): Promise<void> {
    await this.worker.close();
    await this.queue.close();
    await Promise.all(this.connections.map((redis) => redis.quit().catch(() => undefined)));
  }
}
