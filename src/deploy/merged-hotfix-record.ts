import type { EngineContext } from "../context.js";
import { withIncidentLock } from "../incident/incident-lock.js";
import type { MergedPullRequest } from "../incident/merged-pull-request.js";
import { withPipelineLock } from "../incident/pipeline-lock.js";
import { incidentOfPull } from "../incident/pull-incident.js";
import type { RollbackOrigin } from "./roll-back.js";

/**
 * Runs `act` on a merged hotfix's record: its incident (only one bound to the PR's branch, see incidentOfPull) or
 * else the PR itself, after any after-merge pipeline of the PR in this process and under the incident's lock, so
 * that a deployment status, a `/rollback`, a failing check and the sweep never write the timeline at once.
 */
export async function withMergedHotfixRecord<T>(
  ctx: EngineContext,
  pr: MergedPullRequest,
  act: (origin: RollbackOrigin) => Promise<T>,
): Promise<T> {
  const { incident } = await incidentOfPull(ctx, pr);
  const issue = incident ?? pr.number;
  return withPipelineLock(ctx, pr.number, () =>
    withIncidentLock(ctx, issue, () => act({ pr, incident, issue })),
  );
}
