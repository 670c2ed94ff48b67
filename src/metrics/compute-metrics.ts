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
  /** A follow-up still open a week after its fix merged is overdue. */
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
  /** Follow-up issues still open more than POLICY.followUpDueMs after the fix merged. */
  followUpsOverdue: number[];
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
    /** Open follow-ups past their due time (POLICY.followUpDueMs after the merge), over all incidents. */
    overdue: number;
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

/** When the incident was detected: the timeline's record, else the creation. */
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
  options: { since?: Date | null; now: Date },
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
    const merged = d.mergedAt === null ? null : Date.parse(d.mergedAt);
    const pastDue = merged !== null && now - merged > POLICY.followUpDueMs;
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
      followUpsOverdue: pastDue ? d.followUps.filter((n) => states.get(n) !== "closed") : [],
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
    },
    backports: backportFigures(landings),
    perIncident: rows,
  };
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
