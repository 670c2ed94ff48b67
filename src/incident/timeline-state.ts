import { truncate } from "../text/escape-markdown.js";
import type { FollowUpKind } from "./follow-up-kinds.js";

/**
 * The machine-readable state of an incident, kept (as JSON) in the bot's one timeline comment: GitHub is the
 * database. `v` is bumped on any incompatible change; a state of another version is not read.
 */

export type BackportStatus = "open" | "conflict" | "already" | "failed";

/** A branch the bot would have used but found holding commits it did not compute, and the tip it had. */
export interface RefusedBranchState {
  branch: string;
  tip: string;
}

export interface BackportState {
  status: BackportStatus;
  pr?: number;
  url?: string;
  error?: string;
  /** The branch used, when it is not the deterministic name (see `refused`). */
  branch?: string;
  refused?: RefusedBranchState[];
  /** How the backport PR ended; absent while it is open. */
  end?: BackportEnd;
  /** GitHub's auto-merge on the PR (`backport.autoMerge`): enabled with a method, or why GitHub refused it. */
  autoMerge?: { method: string; at: string; error?: string };
  /** A writer waived this backport (`/backport skip <branch> <reason>` on the incident). */
  waived?: { by: string; reason: string; at: string };
}

/**
 * The end of a backport PR: merged (with the merge SHA: the fix is on the target), or closed without merging, by
 * whom. `conflict` is set when it was a draft with conflicts, so that its merge reads as "conflict resolved".
 */
export type BackportEnd =
  | { state: "merged"; sha: string; at: string; by: string | null; conflict?: boolean }
  | { state: "closed"; at: string; by: string | null };

/** A follow-up issue the pipeline opened. */
export interface FollowUpState {
  issue: number;
  url: string;
  // Follow-up deadlines:
  /** When it is due (followUps.due after the merge); absent in timelines written before deadlines existed. */
  dueAt?: string;
  /** When the sweep commented on it, overdue and still open: the ledger that keeps that comment to one. */
  overdueNoticeAt?: string;
  /** When it was found closed (its issue's closed_at), once it was due: on time or late. */
  closedAt?: string;
}

/** One after-merge pipeline (one merged hotfix PR), keyed in `TimelineState.pipelines` by the PR number. */
export interface PipelineState {
  pr: number;
  mergeSha: string;
  mergedAt: string;
  tag?: string;
  release?: { id: number; url: string };
  /** Keyed by target branch. */
  backports: Record<string, BackportState>;
  followUps: Partial<Record<FollowUpKind, FollowUpState>>;
  branchDeleted?: boolean;
  /** The deploy of the tag (deploy.workflow / deploy.environment) and what came of it. */
  deploy?: DeployState;
  done: boolean;
  /** Last time a run worked on this pipeline; a stale heartbeat on an unfinished pipeline means a crash. */
  heartbeatAt: string;
  // Monitoring window and /rollback.
  /** The watch after a successful deploy: until when, and whether it ended stable. */
  monitor?: MonitorState;
  /** A rollback asked for after the merge (not a failed deploy): a writer's `/rollback`, or a failing check. */
  rollbackBy?: RollbackTrigger;
}

/** The monitoring window of a deployed fix (`monitoring.windowMinutes` from the deploy's success). */
export interface MonitorState {
  /** The deployed commit, whose configured checks (`monitoring.rollbackOn`) are watched. */
  sha: string;
  since: string;
  until: string;
  /** The window ended without a rollback. */
  stableAt?: string;
}

/** Who asked for a rollback, and why: a writer's `/rollback [reason]`, or a configured check that failed. */
export interface RollbackTrigger {
  kind: "command" | "check";
  at: string;
  /** The writer's login, or the check's name. */
  by: string;
  byId?: number;
  /** The command's reason (may be empty), or the check's conclusion. */
  reason: string;
  /** The `/rollback` comment. */
  commentId?: number;
}

/** The revert PR that answers a failed deployment; `empty` when production no longer had the change. */
export interface RollbackState {
  status: "open" | "conflict" | "empty" | "failed";
  pr?: number;
  url?: string;
  error?: string;
  /** The branch used, when it is not the deterministic name (see `refused`). */
  branch?: string;
  refused?: RefusedBranchState[];
}

export interface DeployState {
  /** A workflow_dispatch sent (it cannot be found again, so it is recorded the moment it is sent). */
  workflow?: { id: string; ref: string; at: string };
  /** A GitHub deployment of the tag that hotfix-bot created. */
  environment?: { name: string; deployment: number; at: string };
  /** The first successful deployment of the tag. */
  deployedAt?: string;
  deployment?: number;
  url?: string;
  /** The first failed (failure or error) deployment of the tag, and the rollback it started. */
  failedAt?: string;
  failedDeployment?: number;
  rollback?: RollbackState;
  /** The rollback label is on the incident and the commander has been told. */
  escalated?: boolean;
  /** Why the deploy could not be started (a refused dispatch, a deployment GitHub would not create). */
  error?: string;
}

/** What intake did when the issue became an incident; every field is a step a redelivery need not repeat. */
export interface IntakeState {
  trigger: "label" | "command";
  /** `hotfix/incident-<n>`, once its ref exists. */
  branch: string;
  /** The tag or branch the hotfix branch was cut from, and the commit. */
  cutFrom: string;
  baseSha: string;
  /** The production head at intake (the head of `line`). */
  productionSha: string;
  /** The maintenance line the incident is on (`/hotfix release/1.x`); absent: the main line. */
  line?: string;
  /** The latest production tag at intake: what production runs, and what a rollback restores. */
  previousTag?: { name: string; sha: string };
  checklist?: boolean;
  report?: { path: string; commit: string };
  /** The PR from the hotfix branch into production (the draft hotfix-bot opened, or one found open). */
  pr?: { number: number; url: string; openedAt: string; byBot: boolean };
}

/** One line of the human timeline. The key makes adding an entry idempotent (`merged-12`, `tag-12`, …). */
export interface TimelineEntry {
  key: string;
  /** ISO 8601 time. */
  at: string;
  /** Plain text; it is escaped when rendered. */
  text: string;
  url?: string;
}

export interface TimelineState {
  v: 1;
  incident: number | null;
  detectedAt?: string;
  severity?: string;
  commander?: string;
  intake?: IntakeState;
  entries: TimelineEntry[];
  pipelines: Record<string, PipelineState>;
  /** How many of the oldest entries were dropped to keep the comment within GitHub's size limit. */
  collapsed?: number;
  /** When the incident was resolved: the fix deployed and every backport landed or was waived. */
  resolvedAt?: string;
  // Notifications (incident/notify): each milestone announced, with what every channel answered. A milestone
  // recorded here is never announced again, whatever is redelivered.
  notifications?: Record<string, NotificationRecord>;
  // Fast-track approval (approvals.<P>.timeoutMinutes):
  /** The fast-track clock of each hotfix PR, keyed by PR number; see `FastTrackState`. */
  fastTrack?: Record<string, FastTrackState>;
  // Resolution record (deploy/record-resolution): the incident report's Resolution section, proposed once through a
  // PR into production after the first successful deploy, or held by the timeline when there is no report.
  resolution?: ResolutionState;
}

/**
 * The Resolution record of an incident: `proposed` (a PR adds the section to the report), `timeline` (no report:
 * the timeline's `resolution` entry holds it) or `failed` (retried on the next success status of the fix).
 */
export interface ResolutionState {
  status: "proposed" | "timeline" | "failed";
  /** The hotfix PR whose deploy is recorded. */
  fix: number;
  at: string;
  pr?: number;
  url?: string;
  /** The branch used, when it is not the deterministic name (see `refused`). */
  branch?: string;
  refused?: RefusedBranchState[];
  error?: string;
}

/** One milestone's notification: when it was sent and how each channel (by name, never by URL) took it. */
export interface NotificationRecord {
  at: string;
  channels: { channel: string; kind?: string; ok: boolean; status?: number; error?: string }[];
}

/**
 * The fast-track clock of one hotfix PR: started when its head `head` was ready for review with every other gate
 * row passing. The gate also keeps the start in its own check run on that head (which only our App can write)
 * and trusts the later of the two, so an edit of this record can only delay a fast-track, never advance it.
 */
export interface FastTrackState {
  head: string;
  since: string;
  /** The timeout that applied (`approvals.<P>.timeoutMinutes`): the sweep fires the gate at since + minutes. */
  minutes: number;
  /** When the approvals row passed as fast-tracked. */
  firedAt?: string;
}

/** Entry texts are short step descriptions; a longer one is cut so one entry cannot crowd out the others. */
export const ENTRY_TEXT_MAX = 1_000;

export function emptyTimeline(incident: number | null): TimelineState {
  return { v: 1, incident, entries: [], pipelines: {} };
}

function timeOf(entry: TimelineEntry): number {
  const t = Date.parse(entry.at);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/**
 * Adds an entry, or replaces the entry with the same key (so a redelivered step does not add a second line).
 * Entries stay sorted by time; equal times keep the order in which they were first added.
 */
export function addEntry(state: TimelineState, entry: TimelineEntry): TimelineState {
  const next: TimelineEntry = { ...entry, text: truncate(entry.text, ENTRY_TEXT_MAX) };
  const index = state.entries.findIndex((e) => e.key === entry.key);
  const entries =
    index === -1 ? [...state.entries, next] : state.entries.map((e, i) => (i === index ? next : e));
  // Array.prototype.sort is stable, so ties keep their insertion order.
  entries.sort((a, b) => {
    const x = timeOf(a);
    const y = timeOf(b);
    return x === y ? 0 : x < y ? -1 : 1;
  });
  return { ...state, entries };
}
