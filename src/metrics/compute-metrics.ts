import { type IncidentDurations, incidentDurations } from "../incident/incident-durations.js";
import type { TimelineState } from "../incident/timeline-state.js";
import { type BackportLanding, backportLanding } from "./backport-landing.js";

/** The recovery policy the report is set against. */
export const POLICY = {
  /** Every incident resolved (its fix deployed, or merged where no deploy is recorded) within an hour. */
  resolutionMs: 3_600_000,
  /** Fewer than 5 % of shipped hotfixes rolled back. */
  rollbackRate: 0.05,
  /** Every follow-up issue closed. */
  followUpCompletion: 1,
  /**
   * A follow-up is due at the time its timeline records (followUps.due after the merge); one recorded before
   * deadlines existed is due a week after its fix merged.
   */
  followUpDueMs: 7 * 86_400_000,
  /** Every backport landed (merged, or already there); a waived one is left out. */
  backportsLanded: 1,
} as const;

/** An incident as the report reads it: the labelled issue and the timeline state in the bot's comment. */
export interface IncidentRecord {
  number: number;
  title: string;
  url: string;
  severity: string | null;
  state: "open" | "closed";
  createdAt: string;
  timeline: TimelineState | null;
  /** The states of this incident's follow-ups, where records of several repositories are computed together. */
  followUpStates?: ReadonlyMap<number, "open" | "closed">;
  /** When each of those follow-ups was closed, alike. */
  followUpClosedAt?: ReadonlyMap<number, string>;
}

export interface DurationStats {
  count: number;
  medianMs: number | null;
  maxMs: number | null;
}

export interface IncidentRow extends IncidentDurations {
  number: number;
  title: string;
  url: string;
  severity: string | null;
  state: "open" | "closed";
  /** Detection → deploy, or → merge where no deploy is recorded; null while unresolved. */
  resolutionMs: number | null;
  followUpsOpened: number;
  followUpsClosed: number;
  /** Follow-up issues still open past their due time. */
  followUpsOverdue: number[];
  /** The due time (ISO) of each overdue follow-up, by issue number. */
  followUpsOverdueSince: Record<number, string>;
  /** Follow-ups closed by their due time, and after it. */
  followUpsOnTime: number;
  followUpsLate: number;
  backportsTotal: number;
  backportsLanded: number;
  backportsWaived: number;
}

export interface RecoveryMetrics {
  since: string | null;
  generatedAt: string;
  incidents: number;
  detectionToPr: DurationStats;
  detectionToMerge: DurationStats;
  mergeToDeploy: DurationStats;
  detectionToDeploy: DurationStats;
  resolution: DurationStats & {
    targetMs: number;
    within: number;
    /** Open incidents without a fix, detected longer ago than the target: already missed. */
    unresolvedOverdue: number;
    met: boolean;
  };
  rollback: { shipped: number; rolledBack: number; rate: number | null; target: number; met: boolean };
  followUps: {
    opened: number;
    closed: number;
    completion: number | null;
    target: number;
    met: boolean;
    /** Open follow-ups past their due time, over all incidents. */
    overdue: number;
    /** Follow-ups closed by their due time, and after it (closing time unknown: in neither). */
    onTime: number;
    late: number;
  };
  /** Backports landed against 100 %, and the time from the hotfix merge to each backport's merge. */
  backports: {
    total: number;
    landed: number;
    waived: number;
    rate: number | null;
    target: number;
    met: boolean;
    timeToLand: DurationStats;
  };
  perIncident: IncidentRow[];
}

function stats(values: (number | null)[]): DurationStats {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (known.length === 0) return { count: 0, medianMs: null, maxMs: null };
  const mid = Math.floor(known.length / 2);
  const median =
    known.length % 2 === 1
      ? (known[mid] as number)
      : ((known[mid - 1] as number) + (known[mid] as number)) / 2;
  return { count: known.length, medianMs: median, maxMs: known[known.length - 1] as number };
}

/** When the incident was detected: the timeline's record, else the issue's creation. */
function detectedAt(record: IncidentRecord): number {
  const t = Date.parse(record.timeline?.detectedAt ?? "");
  return Number.isNaN(t) ? Date.parse(record.createdAt) : t;
}

/**
 * The recovery figures of a set of incidents, from their records alone (pure). `followUpStates` gives the state of
 * each follow-up issue the pipelines opened; one it does not know counts as open. Incidents detected before
 * `since` are left out.
 */
export function computeMetrics(
  records: readonly IncidentRecord[],
  followUpStates: ReadonlyMap<number, "open" | "closed">,
  options: {
    since?: Date | null;
    now: Date;
    /** When each closed follow-up issue was closed (its `closed_at`); else the timeline's record, if any. */
    followUpClosedAt?: ReadonlyMap<number, string>;
  },
): RecoveryMetrics {
  const since = options.since ?? null;
  const now = options.now.getTime();
  const kept = records
    .filter((r) => since === null || detectedAt(r) >= since.getTime())
    .sort((a, b) => a.number - b.number);
  const landings = kept.map((record) => backportLanding(record.timeline));
  const rows: IncidentRow[] = kept.map((record, i) => {
    const landing = landings[i] as BackportLanding;
    const d = record.timeline
      ? incidentDurations(record.timeline)
      : incidentDurations({ v: 1, incident: record.number, entries: [], pipelines: {} });
    const states = record.followUpStates ?? followUpStates;
    const closed = d.followUps.filter((n) => states.get(n) === "closed").length;
    const deadlines = followUpDeadlines(
      record.timeline,
      states,
      record.followUpClosedAt ?? options.followUpClosedAt,
      now,
    );
    return {
      number: record.number,
      title: record.title,
      url: record.url,
      severity: record.severity,
      state: record.state,
      ...d,
      // An incident without a timeline (intake never ran) was detected when its issue was opened.
      detectedAt: d.detectedAt ?? new Date(detectedAt(record)).toISOString(),
      resolutionMs: d.detectionToDeploy ?? d.detectionToMerge,
      followUpsOpened: d.followUps.length,
      followUpsClosed: closed,
      followUpsOverdue: deadlines.overdue,
      followUpsOverdueSince: deadlines.overdueSince,
      followUpsOnTime: deadlines.onTime,
      followUpsLate: deadlines.late,
      backportsTotal: landing.total,
      backportsLanded: landing.landed,
      backportsWaived: landing.waived,
    };
  });

  const resolution = stats(rows.map((r) => r.resolutionMs));
  const within = rows.filter((r) => r.resolutionMs !== null && r.resolutionMs < POLICY.resolutionMs).length;
  const overdue = kept.filter((record, i) => {
    const row = rows[i] as IncidentRow;
    return (
      row.resolutionMs === null && record.state === "open" && now - detectedAt(record) >= POLICY.resolutionMs
    );
  }).length;

  const shipped = rows.filter((r) => r.mergedAt !== null).length;
  const rolledBack = rows.filter((r) => r.rolledBack).length;
  const rate = shipped === 0 ? null : rolledBack / shipped;
  const opened = rows.reduce((sum, r) => sum + r.followUpsOpened, 0);
  const closed = rows.reduce((sum, r) => sum + r.followUpsClosed, 0);
  const completion = opened === 0 ? null : closed / opened;

  return {
    since: since?.toISOString() ?? null,
    generatedAt: options.now.toISOString(),
    incidents: rows.length,
    detectionToPr: stats(rows.map((r) => r.detectionToPr)),
    detectionToMerge: stats(rows.map((r) => r.detectionToMerge)),
    mergeToDeploy: stats(rows.map((r) => r.mergeToDeploy)),
    detectionToDeploy: stats(rows.map((r) => r.detectionToDeploy)),
    resolution: {
      ...resolution,
      targetMs: POLICY.resolutionMs,
      within,
      unresolvedOverdue: overdue,
      met: within === resolution.count && overdue === 0,
    },
    rollback: {
      shipped,
      rolledBack,
      rate,
      target: POLICY.rollbackRate,
      met: rate === null || rate < POLICY.rollbackRate,
    },
    followUps: {
      opened,
      closed,
      completion,
      target: POLICY.followUpCompletion,
      met: completion === null || completion >= POLICY.followUpCompletion,
      overdue: rows.reduce((sum, r) => sum + r.followUpsOverdue.length, 0),
      onTime: rows.reduce((sum, r) => sum + r.followUpsOnTime, 0),
      late: rows.reduce((sum, r) => sum + r.followUpsLate, 0),
    },
    backports: backportFigures(landings),
    perIncident: rows,
  };
}

/**
 * Each follow-up of an incident against its due time (pure): open past it (overdue), closed by it (on time) or
 * after it (late). The due time is the timeline's; a follow-up recorded before deadlines existed is due
 * POLICY.followUpDueMs after its fix merged.
 */
export function followUpDeadlines(
  timeline: TimelineState | null,
  states: ReadonlyMap<number, "open" | "closed">,
  closedAtOf: ReadonlyMap<number, string> | undefined,
  now: number,
): { overdue: number[]; overdueSince: Record<number, string>; onTime: number; late: number } {
  const overdueSince: Record<number, string> = {};
  let onTime = 0;
  let late = 0;
  const seen = new Set<number>();
  for (const pipeline of Object.values(timeline?.pipelines ?? {})) {
    for (const followUp of Object.values(pipeline.followUps)) {
      if (!followUp || seen.has(followUp.issue)) continue;
      seen.add(followUp.issue);
      const due = followUp.dueAt
        ? Date.parse(followUp.dueAt)
        : Date.parse(pipeline.mergedAt) + POLICY.followUpDueMs;
      if (Number.isNaN(due)) continue;
      if (states.get(followUp.issue) !== "closed") {
        if (now > due) overdueSince[followUp.issue] = new Date(due).toISOString();
        continue;
      }
      const closedAt = Date.parse(closedAtOf?.get(followUp.issue) ?? followUp.closedAt ?? "");
      if (Number.isNaN(closedAt)) continue;
      if (closedAt <= due) onTime += 1;
      else late += 1;
    }
  }
  const overdue = Object.keys(overdueSince)
    .map(Number)
    .sort((a, b) => a - b);
  return { overdue, overdueSince, onTime, late };
}

function backportFigures(landings: readonly BackportLanding[]): RecoveryMetrics["backports"] {
  const total = landings.reduce((sum, l) => sum + l.total, 0);
  const landed = landings.reduce((sum, l) => sum + l.landed, 0);
  const rate = total === 0 ? null : landed / total;
  return {
    total,
    landed,
    waived: landings.reduce((sum, l) => sum + l.waived, 0),
    rate,
    target: POLICY.backportsLanded,
    met: rate === null || rate >= POLICY.backportsLanded,
    timeToLand: stats(landings.flatMap((l) => l.landMs)),
  };
}
