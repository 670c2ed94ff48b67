import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { notificationsWanted, notifyMilestone } from "../incident/notify/notify-milestone.js";
import { incidentOfPull } from "../incident/pull-incident.js";
import type { GatePullRequest } from "./gate-facts.js";

/**
 * "Gate green" for the incident a hotfix PR belongs to (only an incident whose timeline records the PR's branch,
 * see incidentOfPull), the first time its gate passes. Nothing is read unless the repository wants the milestone.
 * Returns the timeline as the notification's record wrote it, if it wrote one.
 */
export async function notifyGateGreen(
  ctx: EngineContext,
  config: HotfixConfig,
  pr: GatePullRequest,
  checkUrl: string | null,
): Promise<string | undefined> {
  if (!notificationsWanted(config, "gate-green")) return undefined;
  let incident: number | null;
  try {
    ({ incident } = await incidentOfPull(ctx, pr));
  } catch (error) {
    // The gate's verdict is written; a failed look-up of its incident costs the message, never the gate.
    ctx.log.warn(`gate-green notification for #${pr.number} skipped: ${String(error)}`);
    return undefined;
  }
  if (incident === null) return undefined;
  const notified = await notifyMilestone(ctx, config, incident, "gate-green", {
    summary: `hotfix-gate passed on PR #${pr.number} (${pr.headSha.slice(0, 7)}): it can be merged`,
    ...(checkUrl ? { links: [{ label: "hotfix-gate", url: checkUrl }] } : {}),
  });
  return notified.timeline;
}
