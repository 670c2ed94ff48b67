import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import type { MergedPullRequest } from "../incident/merged-pull-request.js";
import type { MessageLink } from "../incident/notify/milestone-message.js";
import { notificationsWanted, notifyMilestone } from "../incident/notify/notify-milestone.js";
import { resolvedDetails } from "../incident/notify/resolved-details.js";
import { incidentOfPull } from "../incident/pull-incident.js";

/**
 * "Merged" once the after-merge pipeline has recorded the merge on the incident (with its tag and release), and
 * "resolved" when that pipeline resolved it (no deploy step, every backport already there). Runs after the
 * pipeline, outside its locks; nothing is read unless the repository wants one of these milestones.
 */
export async function notifyAfterMerge(
  ctx: EngineContext,
  config: HotfixConfig,
  pr: MergedPullRequest,
): Promise<void> {
  if (!notificationsWanted(config, "merged") && !notificationsWanted(config, "resolved")) return;
  let incident: number | null;
  try {
    ({ incident } = await incidentOfPull(ctx, pr));
  } catch (error) {
    ctx.log.warn(`notifications for the merge of #${pr.number} skipped: ${String(error)}`);
    return;
  }
  if (incident === null) return;
  await notifyMilestone(ctx, config, incident, "merged", (state) => {
    const pipeline = state.pipelines[String(pr.number)];
    if (!pipeline) return null;
    const links: MessageLink[] = [{ label: `PR #${pr.number}`, url: pr.url }];
    if (pipeline.release && pipeline.tag)
      links.push({ label: `Release ${pipeline.tag}`, url: pipeline.release.url });
    return {
      summary: `PR #${pr.number} merged into ${pr.baseRef}${pipeline.tag ? `, tagged ${pipeline.tag}` : ""}`,
      at: pipeline.mergedAt,
      links,
    };
  });
  await notifyMilestone(ctx, config, incident, "resolved", resolvedDetails);
}
