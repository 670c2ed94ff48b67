import type { EngineContext } from "../context.js";
import { pipelineLock } from "./pipeline-lock.js";

/**
 * One intake step at a time per incident in this process: a label and a `/hotfix` delivered together, or a push
 * arriving while intake still runs, go one after the other, so the second reads the first one's timeline.
 */
export function withIncidentLock<T>(
  ctx: EngineContext,
  incident: number,
  task: () => Promise<T>,
): Promise<T> {
  return pipelineLock.run(`${ctx.repo.owner}/${ctx.repo.repo}#incident-${incident}`, task);
}
