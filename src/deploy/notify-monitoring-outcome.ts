import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { notificationsWanted, notifyMilestone } from "../incident/notify/notify-milestone.js";
import type { TimelineState } from "../incident/timeline-state.js";
import { revertLinks, revertOutcome } from "./notify-deploy-outcome.js";
import { triggerText } from "./revert-pr-text.js";

/**
 * "monitoring-done": the window after the deploy of PR `pr` ended stable, as the timeline records it (the sweep,
 * or a later event about the fix, recorded it). Called after the step's own locked section; sends nothing when
 * the record is not there, or when it was sent before. Returns the timeline as its record wrote it, if it did.
 */
export async function notifyMonitoringDone(
  ctx: EngineContext,
  config: HotfixConfig,
  incident: number | null,
  pr: number,
): Promise<string | undefined> {
  if (incident === null || !notificationsWanted(config, "monitoring-done")) return undefined;
  const notified = await notifyMilestone(ctx, config, incident, "monitoring-done", (state) => {
    const monitor = state.pipelines[String(pr)]?.monitor;
    if (monitor?.stableAt === undefined) return null;
    return {
      summary: `No rollback in the monitoring window after the deploy of PR #${pr}: stable since ${monitor.until}`,
      at: monitor.stableAt,
    };
  });
  return notified.timeline;
}

/**
 * "rollback" asked for after the merge — a writer's `/rollback` or a watched check that failed in the window —
 * once the revert PR is recorded. A failed deployment's rollback is told by notifyDeployOutcome; both share the
 * milestone, so an incident hears of its rollback once, whichever came first. Returns the timeline as its record
 * wrote it, if it did.
 */
export async function notifyRollbackAsked(
  ctx: EngineContext,
  config: HotfixConfig,
  incident: number | null,
  pr: number,
): Promise<string | undefined> {
  if (incident === null || !notificationsWanted(config, "rollback")) return undefined;
  const notified = await notifyMilestone(ctx, config, incident, "rollback", (state) =>
    rollbackAskedDetails(state, pr),
  );
  return notified.timeline;
}

/** The message of a rollback asked for by a person or a check, from the pipeline's record (pure). */
export function rollbackAskedDetails(state: TimelineState, pr: number) {
  const pipeline = state.pipelines[String(pr)];
  const trigger = pipeline?.rollbackBy;
  const revert = pipeline?.deploy?.rollback;
  if (!trigger || !revert) return null;
  return {
    summary: `Rollback of PR #${pr}: ${triggerText(trigger)}; ${revertOutcome(revert)}`,
    at: trigger.at,
    links: revertLinks(revert),
  };
}
