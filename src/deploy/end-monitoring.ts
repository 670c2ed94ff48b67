import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { incidentProgress } from "../incident/incident-resolution.js";
import type { MergedPullRequest } from "../incident/merged-pull-request.js";
import { CLOSED_AT_RESOLUTION_KEY, deployConfigured } from "../incident/settle-incident.js";
import { addEntry, type PipelineState, type TimelineState } from "../incident/timeline-state.js";
import { readTimeline, writeTimeline } from "../incident/upsert-timeline.js";
import { withMergedHotfixRecord } from "./merged-hotfix-record.js";
import { monitoringPhase, stableEntry } from "./monitoring-window.js";
import type { RollbackOrigin } from "./roll-back.js";

/**
 * "Monitoring done": the window of `pipeline` ended without a rollback. Records it as stable and, with
 * `monitoring.closeWhenStable`, closes the incident — only once every backport has landed too (an incident whose
 * fix has not reached the next release is not over), and only once (its timeline line is the ledger). Returns the
 * state to write; the caller holds the incident's lock. The one place that says a window ended stable.
 */
export async function recordStable(
  ctx: Pick<EngineContext, "octokit" | "repo" | "clock">,
  config: Pick<HotfixConfig, "monitoring" | "deploy">,
  state: TimelineState,
  pipeline: PipelineState,
  incident: number | null,
): Promise<TimelineState> {
  const monitor = pipeline.monitor;
  if (!monitor || monitor.stableAt !== undefined) return state;
  const at = ctx.clock().toISOString();
  let next: TimelineState = {
    ...state,
    pipelines: {
      ...state.pipelines,
      [String(pipeline.pr)]: { ...pipeline, monitor: { ...monitor, stableAt: at } },
    },
  };
  next = addEntry(next, stableEntry(pipeline.pr, monitor, at));
  if (!config.monitoring.closeWhenStable || incident === null) return next;
  // The key of the close at resolution: the incident is resolved here too, so one close by either path is the
  // ledger, and the route that records people's closes recognises it as the bot's own.
  if (next.entries.some((e) => e.key === CLOSED_AT_RESOLUTION_KEY)) return next;
  const progress = incidentProgress(next, deployConfigured(config));
  if (!progress.resolved) {
    return addEntry(next, {
      key: `stable-not-closed-${pipeline.pr}`,
      at,
      text: "Not closed: stable, but some backports have not landed yet",
    });
  }
  await ctx.octokit.rest.issues.update({
    ...ctx.repo,
    issue_number: incident,
    state: "closed",
    state_reason: "completed",
  });
  return addEntry(next, {
    key: CLOSED_AT_RESOLUTION_KEY,
    at: ctx.clock().toISOString(),
    text: "Incident closed: stable after the monitoring window, and every backport has landed",
  });
}

/**
 * Ends the monitoring window of a merged hotfix when its time has come and nothing recorded it yet: the sweep's
 * task, and any later event about the fix (a check on the deployed commit, a `/rollback`) when there is no sweep.
 * Returns whether it recorded the window as stable now, and the incident that holds the record ("monitoring done"
 * is told to it once the lock is released).
 */
export async function endMonitoringIfDue(
  ctx: EngineContext,
  config: HotfixConfig,
  pr: MergedPullRequest,
): Promise<{ stable: boolean; incident: number | null }> {
  return withMergedHotfixRecord(ctx, pr, async (origin) => ({
    stable: await endUnderLock(ctx, config, origin),
    incident: origin.incident,
  }));
}

/** endMonitoringIfDue for a caller that already holds the record's lock and has read the timeline. */
export async function endMonitoringUnderLock(
  ctx: EngineContext,
  config: HotfixConfig,
  origin: RollbackOrigin,
  state: TimelineState,
): Promise<TimelineState> {
  const pipeline = state.pipelines[String(origin.pr.number)];
  if (!pipeline || monitoringPhase(pipeline, ctx.clock()) !== "due") return state;
  return recordStable(ctx, config, state, pipeline, origin.incident);
}

async function endUnderLock(
  ctx: EngineContext,
  config: HotfixConfig,
  origin: RollbackOrigin,
): Promise<boolean> {
  const timeline = await readTimeline(ctx, origin.issue);
  if (!timeline.state) return false;
  const next = await endMonitoringUnderLock(ctx, config, origin, timeline.state);
  if (next === timeline.state) return false;
  await writeTimeline(ctx, origin.issue, timeline.commentId, next);
  return true;
}
