import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import type { MessageLink } from "../incident/notify/milestone-message.js";
import { notificationsWanted, notifyMilestone } from "../incident/notify/notify-milestone.js";
import { resolvedDetails } from "../incident/notify/resolved-details.js";
import type { RollbackState } from "../incident/timeline-state.js";
import type { DeploymentStatus } from "./deployment-status-event.js";

/**
 * After a deployment of the fix: "deployed" (and "resolved" when that resolved the incident), or "rollback" once
 * a failed deployment started one, each from what the timeline records for the merged PR. Called outside the
 * pipeline and incident locks; reads nothing unless the repository wants one of these milestones. Returns the
 * timeline as the last notification's record wrote it, if one did.
 */
export async function notifyDeployOutcome(
  ctx: EngineContext,
  config: HotfixConfig,
  incident: number | null,
  pr: number,
  status: DeploymentStatus,
): Promise<string | undefined> {
  if (incident === null) return undefined;
  const wanted = (["deployed", "rollback", "resolved"] as const).some((m) => notificationsWanted(config, m));
  if (!wanted) return undefined;
  if (status.state === "success") {
    const deployed = await notifyMilestone(ctx, config, incident, "deployed", (state) => {
      const deploy = state.pipelines[String(pr)]?.deploy;
      if (deploy?.deployedAt === undefined) return null;
      return {
        summary: `${status.ref} deployed to ${status.environment} (PR #${pr})`,
        at: deploy.deployedAt,
        links: deploy.url ? [{ label: "Deployment", url: deploy.url }] : [],
      };
    });
    const resolved = await notifyMilestone(ctx, config, incident, "resolved", resolvedDetails);
    return resolved.timeline ?? deployed.timeline;
  }
  const rolledBack = await notifyMilestone(ctx, config, incident, "rollback", (state) => {
    const deploy = state.pipelines[String(pr)]?.deploy;
    if (deploy?.failedAt === undefined || !deploy.rollback) return null;
    const { rollback } = deploy;
    const links = revertLinks(rollback);
    if (status.url) links.push({ label: "Failed deployment", url: status.url });
    const what = revertOutcome(rollback);
    return {
      summary: `Deployment of ${status.ref} to ${status.environment} failed (${status.state}); ${what}`,
      at: deploy.failedAt,
      links,
    };
  });
  return rolledBack.timeline;
}

/** What came of a rollback's revert, in one clause of a message (pure). */
export function revertOutcome(rollback: RollbackState): string {
  if (rollback.status === "open") return `revert PR #${rollback.pr} opened`;
  if (rollback.status === "conflict")
    return `draft revert PR #${rollback.pr} opened, with conflicts to resolve`;
  if (rollback.status === "empty") return "nothing to revert: production no longer has the change";
  return `the revert could not be opened (${rollback.error ?? "unknown error"})`;
}

/** The revert PR's link, when there is one (pure). */
export function revertLinks(rollback: RollbackState): MessageLink[] {
  return rollback.url && rollback.pr !== undefined
    ? [{ label: `Revert PR #${rollback.pr}`, url: rollback.url }]
    : [];
}
