import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { Log } from "../context.js";
import { errorMessage } from "../util/errors.js";

export const SWEEP_QUEUE = "hotfix-bot-sweep";

/** The sweep interval from the environment (pure): SWEEP_INTERVAL_MINUTES, default 10, 0 turns the timer off. */
export function sweepIntervalMs(env: Record<string, string | undefined>): number {
  const raw = env.SWEEP_INTERVAL_MINUTES?.trim();
  if (raw === undefined || raw === "") return 10 * 60_000;
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new Error(
      `SWEEP_INTERVAL_MINUTES must be a number of minutes (0 turns the sweep off), got "${raw}"`,
    );
  return Math.round(minutes * 60_000);
}

/** Something that runs the sweep every interval until stopped. */
export interface SweepSchedule {
  stop(): Promise<void>;
}

/** One process, no Redis: a timer. A sweep still running when the next is due is not started twice. */
export function scheduleSweepInProcess(
  intervalMs: number,
  sweep: () => Promise<void>,
  log: Pick<Log, "error">,
): SweepSchedule {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = sweep()
      .catch((error: unknown) => log.error(`sweep failed: ${errorMessage(error)}`))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * Several instances sharing Redis: a BullMQ job scheduler adds one sweep job per interval (every instance
 * upserts the same scheduler; BullMQ keeps one), and whichever instance's worker takes the job runs that sweep —
 * exactly one per interval. A sweep whose instance died is taken over like any stalled job.
 */
export function scheduleSweepOnQueue(
  redisUrl: string,
  intervalMs: number,
  sweep: () => Promise<void>,
  log: Pick<Log, "error">,
): SweepSchedule {
  const connections = [0, 1].map(() => new Redis(redisUrl, { maxRetriesPerRequest: null }));
  const [queueConnection, workerConnection] = connections as [Redis, Redis];
  const queue = new Queue(SWEEP_QUEUE, { connection: queueConnection });
  const worker = new Worker(SWEEP_QUEUE, async () => sweep(), {
    connection: workerConnection,
    concurrency: 1,
    lockDuration: 30_000,
  });
  const report = (error: Error) => log.error(`sweep queue: ${error.message}`);
  worker.on("error", report);
  queue.on("error", report);
  worker.on("failed", (_job, error) => log.error(`sweep failed: ${error.message}`));
  void queue
    .upsertJobScheduler(
      "sweep",
      { every: intervalMs },
      { name: "sweep", opts: { removeOnComplete: 100, removeOnFail: 100 } },
    )
    .catch(report);
  return {
    async stop() {
      await worker.close();
      await queue.close();
      await Promise.all(connections.map((redis) => redis.quit().catch(() => undefined)));
    },
  };
}
