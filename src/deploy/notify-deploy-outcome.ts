import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import type { MessageLink } from "../incident/notify/milestone-message.js";
import { notificationsWanted, notifyMilestone } from "../incident/notify/notify-milestone.js";
import { resolvedDetails } from "../incident/notify/resolved-details.js";
import type { DeploymentStatus } from "./deployment-status-event.js";

/**
 * After a deployment of the fix: "deployed" (and "resolved" when that resolved the incident), or "rollback" once
 * a failed deployment started one, each from what the timeline records for the merged PR. Called outside the
 * pipeline and incident locks; reads nothing unless the repository wants one of these milestones.
 */
export async function notifyDeployOutcome(
  ctx: EngineContext,
  config: HotfixConfig,
  incident: number | null,
  pr: number,
  status: DeploymentStatus,
): Promise<void> {
  if (incident === null) return;
  const wanted = (["deployed", "rollback", "resolved"] as const).some((m) => notificationsWanted(config, m));
  if (!wanted) return;
  if (status.state === "success") {
    await notifyMilestone(ctx, config, incident, "deployed", (state) => {
      const deploy = state.pipelines[String(pr)]?.deploy;
      if (deploy?.deployedAt === undefined) return null;
      return {
        summary: `${status.ref} deployed to ${status.environment} (PR #${pr})`,
        at: deploy.deployedAt,
        links: deploy.url ? [{ label: "Deployment", url: deploy.url }] : [],
      };
    });
    await notifyMilestone(ctx, config, incident, "resolved", resolvedDetails);
    return;
  }
  await notifyMilestone(ctx, config, incident, "rollback", (state) => {
    const deploy = state.pipelines[String(pr)]?.deploy;
    if (deploy?.failedAt === undefined || !deploy.rollback) return null;
    const { rollback } = deploy;
    const links: MessageLink[] = [];
    if (rollback.url && rollback.pr !== undefined)
      links.push({ label: `Revert PR #${rollback.pr}`, url: rollback.url });
    if (status.url) links.push({ label: "Failed deployment", url: status.url });
    const what =
      rollback.status === "open"
        ? `revert PR #${rollback.pr} opened`
        : rollback.status === "conflict"
          ? `draft revert PR #${rollback.pr} opened, with conflicts to resolve`
          : rollback.status === "empty"
            ? "nothing to revert: production no longer has the change"
            : `the revert could not be opened (${rollback.error ?? "unknown error"})`;
    return {
      summary: `Deployment of ${status.ref} to ${status.environment} failed (${status.state}); ${what}`,
      at: deploy.failedAt,
      links,
    };
  });
}
