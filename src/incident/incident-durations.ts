import type { PipelineState, TimelineState } from "./timeline-state.js";

/** One incident's recovery, from its timeline state alone. Durations in milliseconds; null when unknown. */
export interface IncidentDurations {
  detectedAt: string | null;
  prOpenedAt: string | null;
  /** The first merge of a hotfix for the incident. */
  mergedAt: string | null;
  /** The first successful deployment of a hotfix tag. */
  deployedAt: string | null;
  detectionToPr: number | null;
  detectionToMerge: number | null;
  /** From the merge of the hotfix that deployed first to that deployment. */
  mergeToDeploy: number | null;
  detectionToDeploy: number | null;
  /** A deployment of a fix failed, and the rollback started. */
  rolledBack: boolean;
  /** Follow-up issues the pipelines opened. */
  followUps: number[];
}

function time(iso: string | undefined | null): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** b − a, or null when either is unknown or the order is impossible (a label added after the merge, say). */
function span(a: number | null, b: number | null): number | null {
  return a === null || b === null || b < a ? null : b - a;
}

function iso(t: number | null): string | null {
  return t === null ? null : new Date(t).toISOString();
}

export function incidentDurations(state: TimelineState): IncidentDurations {
  const detected = time(state.detectedAt);
  const prOpened = time(state.intake?.pr?.openedAt);
  const pipelines: PipelineState[] = Object.values(state.pipelines);
  const merges = pipelines.map((p) => time(p.mergedAt)).filter((t): t is number => t !== null);
  const merged = merges.length > 0 ? Math.min(...merges) : null;
  let first: { deployed: number; merged: number | null } | null = null;
  for (const p of pipelines) {
    const deployed = time(p.deploy?.deployedAt);
    if (deployed !== null && (first === null || deployed < first.deployed))
      first = { deployed, merged: time(p.mergedAt) };
  }
  const followUps = pipelines.flatMap((p) => Object.values(p.followUps).flatMap((f) => (f ? [f.issue] : [])));
  return {
    detectedAt: iso(detected),
    prOpenedAt: iso(prOpened),
    mergedAt: iso(merged),
    deployedAt: iso(first?.deployed ?? null),
    detectionToPr: span(detected, prOpened),
    detectionToMerge: span(detected, merged),
    mergeToDeploy: span(first?.merged ?? null, first?.deployed ?? null),
    detectionToDeploy: span(detected, first?.deployed ?? null),
    rolledBack: pipelines.some((p) => p.deploy?.rollback !== undefined || p.deploy?.failedAt !== undefined),
    followUps: [...new Set(followUps)].sort((a, b) => a - b),
  };
}

/** `45 s`, `12 min`, `1 h 05 min`, `2 d 3 h`: as precise as a person reading a timeline needs. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.round(ms / 60_000);
  if (min < 60) return `${min} min`;
  if (min < 24 * 60) return `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, "0")} min`;
  const h = Math.round(ms / 3_600_000);
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** The incident's own figures for its timeline: `detection → PR 4 min, → merge 23 min, → deploy 31 min`. */
export function recoveryLine(d: IncidentDurations): string | null {
  const parts: string[] = [];
  if (d.detectionToPr !== null) parts.push(`PR ${formatDuration(d.detectionToPr)}`);
  if (d.detectionToMerge !== null) parts.push(`merge ${formatDuration(d.detectionToMerge)}`);
  if (d.detectionToDeploy !== null) parts.push(`deploy ${formatDuration(d.detectionToDeploy)}`);
  if (parts.length === 0) return null;
  return `detection → ${parts.join(", → ")}`;
}
