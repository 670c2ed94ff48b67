import type { EngineContext } from "../context.js";

/**
 * One intake step at a time per incident in this process: a label and a `/hotfix` delivered together, or a push
 * arriving while intake still runs, go one after the other, so the second reads the first one's timeline. The
 * lock is the process's, in the context.
 */
export function withIncidentLock<T>(
  ctx: EngineContext,
  incident: number,
  task: () => Promise<T>,
): Promise<T> {
  return ctx.locks.pipeline.run(`${ctx.repo.owner}/${ctx.repo.repo}#incident-${incident}`, task);
}
