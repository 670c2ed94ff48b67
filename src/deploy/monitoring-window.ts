import type { HotfixConfig } from "../config/schema.js";
import type { MonitorState, PipelineState, TimelineEntry } from "../incident/timeline-state.js";

type Monitoring = HotfixConfig["monitoring"];

/** The window that opens when a fix is deployed: `windowMinutes` from now, on the deployed commit (pure). */
export function startMonitoring(monitoring: Monitoring, sha: string, now: Date): MonitorState {
  return {
    sha,
    since: now.toISOString(),
    until: new Date(now.getTime() + monitoring.windowMinutes * 60_000).toISOString(),
  };
}

/** `14:32` of an ISO time, in UTC: the timeline says "(UTC)" beside it. */
export function utcClock(iso: string): string {
  return new Date(iso).toISOString().slice(11, 16);
}

/** The timeline line that opens the window, with the policy's checklist and how to roll back (pure). */
export function monitoringEntry(pr: number, monitor: MonitorState, monitoring: Monitoring): TimelineEntry {
  const checklist = monitoring.checklist.length > 0 ? `; check: ${monitoring.checklist.join("; ")}` : "";
  return {
    key: `monitoring-${pr}`,
    at: monitor.since,
    text: `Monitoring until ${utcClock(monitor.until)} (UTC)${checklist} — unstable? comment /rollback [reason]`,
  };
}

/**
 * Where a pipeline's monitoring window stands at `now` (pure): `none` (never opened), `open`, `due` (its end
 * passed and nothing has recorded it), or `ended` (stable, or a rollback came first: a failed deployment, a
 * `/rollback`, a failing check).
 */
export function monitoringPhase(
  pipeline: PipelineState | undefined,
  now: Date,
): "none" | "open" | "due" | "ended" {
  const monitor = pipeline?.monitor;
  if (!monitor) return "none";
  if (monitor.stableAt !== undefined || pipeline.rollbackBy !== undefined) return "ended";
  if (pipeline.deploy?.rollback !== undefined || pipeline.deploy?.failedAt !== undefined) return "ended";
  const until = Date.parse(monitor.until);
  // An unreadable end is never due (as dueNow): it cannot be trusted.
  if (Number.isNaN(until)) return "open";
  return now.getTime() >= until ? "due" : "open";
}

/** The line that records a window ended without a rollback (pure). */
export function stableEntry(pr: number, monitor: MonitorState, at: string): TimelineEntry {
  return {
    key: `stable-${pr}`,
    at,
    text: `Stable: the monitoring window of #${pr} ended at ${utcClock(monitor.until)} (UTC) without a rollback`,
  };
}
