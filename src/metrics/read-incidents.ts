import type { HotfixConfig } from "../config/schema.js";
import { readTimeline, type TimelineContext } from "../incident/upsert-timeline.js";
import { severityFromLabels } from "../rules/severity.js";
import { httpStatus } from "../util/http-status.js";
import type { IncidentRecord } from "./compute-metrics.js";

export interface IncidentRecords {
  incidents: IncidentRecord[];
  followUps: Map<number, "open" | "closed">;
  /** When each closed follow-up was closed (`closed_at`): on time or late against its due time. */
  followUpClosedAt: Map<number, string>;
  /** Requests made, for the curious (`--json`). */
  reads: number;
}

const labelName = (label: string | { name?: string }) =>
  typeof label === "string" ? label : (label.name ?? "");

/**
 * The records the report is computed from, read through the API: every issue carrying a severity label (updated
 * since `since`, when given), the timeline state in the bot's comment on each, and the state of every follow-up
 * issue the timelines name. Reads only.
 */
export async function readIncidents(
  ctx: TimelineContext,
  config: HotfixConfig,
  options: { since?: Date | null } = {},
): Promise<IncidentRecords> {
  const { octokit, repo } = ctx;
  let reads = 0;
  const counted = <T>(value: T) => {
    reads += 1;
    return value;
  };
  const issues = new Map<number, IncidentRecord>();
  for (const label of Object.values(config.severity.labels)) {
    const found = await octokit.paginate(
      octokit.rest.issues.listForRepo,
      {
        ...repo,
        labels: label,
        state: "all",
        per_page: 100,
        ...(options.since ? { since: options.since.toISOString() } : {}),
      },
      (response) => counted(response.data),
    );
    for (const issue of found) {
      if (issue.pull_request || issues.has(issue.number)) continue;
      const labels = issue.labels.map(labelName);
      issues.set(issue.number, {
        number: issue.number,
        title: issue.title,
        url: issue.html_url,
        severity: severityFromLabels(labels, config),
        state: issue.state === "closed" ? "closed" : "open",
        createdAt: issue.created_at,
        timeline: null,
      });
    }
  }
  for (const record of issues.values()) {
    const { state } = await readTimeline(ctx, record.number);
    reads += 1;
    record.timeline = state;
    if (state?.severity && !record.severity) record.severity = state.severity;
  }
  const followUps = new Map<number, "open" | "closed">();
  const followUpClosedAt = new Map<number, string>();
  const wanted = new Set(
    [...issues.values()].flatMap((r) =>
      Object.values(r.timeline?.pipelines ?? {}).flatMap((p) =>
        Object.values(p.followUps).map((f) => f?.issue),
      ),
    ),
  );
  for (const number of wanted) {
    if (number === undefined) continue;
    try {
      const { data } = await octokit.rest.issues.get({ ...repo, issue_number: number });
      reads += 1;
      followUps.set(number, data.state === "closed" ? "closed" : "open");
      if (data.state === "closed" && data.closed_at) followUpClosedAt.set(number, data.closed_at);
    } catch (error) {
      // A deleted or transferred follow-up cannot be shown closed: it counts as open.
      if (httpStatus(error) !== 404 && httpStatus(error) !== 410) throw error;
    }
  }
  return { incidents: [...issues.values()], followUps, followUpClosedAt, reads };
}
