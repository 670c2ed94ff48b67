import type { HotfixConfig } from "../../config/schema.js";
import type { Octokit, RepoRef } from "../../context.js";
import type { BotIdentity } from "../../identity/bot-identity.js";
import { errorMessage } from "../../util/errors.js";
import { computeMetrics, type IncidentRecord, type RecoveryMetrics } from "../compute-metrics.js";
import { readIncidents } from "../read-incidents.js";
import { type IncidentStep, incidentStep } from "./incident-step.js";

/** An open incident as the dashboard lists it. */
export interface OpenIncident extends IncidentStep {
  repo: string;
  number: number;
  title: string;
  url: string;
  severity: string | null;
  commander: string | null;
  detectedAt: string;
}

/** What the dashboard shows: the open incidents across installations and the recovery figures of all of them. */
export interface IncidentSnapshot {
  takenAt: string;
  repositories: number;
  open: OpenIncident[];
  metrics: RecoveryMetrics;
  /** Repositories that could not be read, with the reason; the others are still shown. */
  problems: { repo: string; error: string }[];
}

export interface RepositoryReader {
  octokit: Octokit;
  repo: RepoRef;
  config: HotfixConfig;
  identity: () => Promise<BotIdentity>;
}

const SEVERITY_ORDER = (severity: string | null) => (severity === null ? "~" : severity);

/**
 * Reads every installed repository's incident records (reads only) and computes the dashboard's snapshot:
 * open incidents by severity, then age (oldest first), and the recovery metrics of all incidents together.
 */
export async function takeSnapshot(
  repositories: AsyncIterable<RepositoryReader>,
  now: Date,
): Promise<IncidentSnapshot> {
  const records: IncidentRecord[] = [];
  const open: OpenIncident[] = [];
  const problems: IncidentSnapshot["problems"] = [];
  let count = 0;
  for await (const reader of repositories) {
    count += 1;
    const name = `${reader.repo.owner}/${reader.repo.repo}`;
    try {
      const read = await readIncidents(reader, reader.config);
      for (const record of read.incidents) {
        records.push({ ...record, followUpStates: read.followUps, followUpClosedAt: read.followUpClosedAt });
        if (record.state !== "open") continue;
        open.push({
          repo: name,
          number: record.number,
          title: record.title,
          url: record.url,
          severity: record.severity,
          commander: record.timeline?.commander ?? null,
          detectedAt: record.timeline?.detectedAt ?? record.createdAt,
          ...incidentStep(record.timeline),
        });
      }
    } catch (error) {
      problems.push({ repo: name, error: errorMessage(error) });
    }
  }
  open.sort(
    (a, b) =>
      SEVERITY_ORDER(a.severity).localeCompare(SEVERITY_ORDER(b.severity)) ||
      Date.parse(a.detectedAt) - Date.parse(b.detectedAt),
  );
  return {
    takenAt: now.toISOString(),
    repositories: count,
    open,
    metrics: computeMetrics(records, new Map(), { now }),
    problems,
  };
}

/**
 * The latest snapshot, taken again when older than `maxAgeMs`: page views and scrapes between two refreshes
 * cost no API request, and concurrent ones share one refresh.
 */
export class SnapshotCache {
  private latest: { at: number; snapshot: IncidentSnapshot } | null = null;
  private refreshing: Promise<IncidentSnapshot> | null = null;

  constructor(
    private readonly take: () => Promise<IncidentSnapshot>,
    private readonly maxAgeMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  async get(): Promise<IncidentSnapshot> {
    if (this.latest && this.clock() - this.latest.at < this.maxAgeMs) return this.latest.snapshot;
    this.refreshing ??= this.take()
      .then((snapshot) => {
        this.latest = { at: this.clock(), snapshot };
        return snapshot;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }
}
