import type { EngineContext } from "../context.js";

/**
 * One after-merge pipeline at a time per merged PR in this process (deliveries, `/backport`, the sweep), on the
 * process's lock in the context.
 */
export function withPipelineLock<T>(ctx: EngineContext, pr: number, task: () => Promise<T>): Promise<T> {
  return ctx.locks.pipeline.run(`${ctx.repo.owner}/${ctx.repo.repo}#${pr}`, task);
}
