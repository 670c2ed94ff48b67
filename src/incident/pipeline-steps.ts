import type { MergeMethod, Pick, PickListError } from "../cherry-pick/pick-list.js";
import type { HotfixConfig, Severity } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import type { FollowUpKind } from "./follow-up-kinds.js";
import type { MergedPullRequest } from "./merged-pull-request.js";
import type { BackportState, DeployState, TimelineEntry } from "./timeline-state.js";

/*
 * The steps of the after-merge pipeline, as plain data in and plain data out. The pipeline (src/after-merge/)
 * says which steps it runs and in which order; each feature implements its step against these shapes; the
 * engine's wiring (src/after-merge-wiring.ts) says which function fills which step. A step returns what it did —
 * the state the pipeline records and the timeline entries to add — and never writes the timeline itself.
 */

/** Tag the merge commit, and publish the release and the changelog where configured. */
export interface ReleaseStepInput {
  pr: MergedPullRequest;
  incident: number | null;
  jiraKey: string | null;
  /** The pull request's commits (every page), for the release notes. */
  commits: { sha: string; message: string }[];
}

export interface ReleaseStepResult {
  tag: string;
  release?: { id: number; url: string };
  entries: TimelineEntry[];
}

export type ReleaseStep = (
  ctx: EngineContext,
  config: HotfixConfig,
  input: ReleaseStepInput,
) => Promise<ReleaseStepResult>;

/** Start the deploy of the tag (deploy.workflow / deploy.environment). */
export interface DeployStepInput {
  pr: MergedPullRequest;
  tag: string;
  incident: number | null;
  severity: string;
}

export interface DeployStepResult {
  deploy: DeployState;
  entries: TimelineEntry[];
  /** Something was started that nothing in GitHub finds again (a workflow run): record it before going on. */
  mustRecord: boolean;
}

/** Null when no deploy is configured. */
export type DeployStep = (
  ctx: EngineContext,
  config: HotfixConfig,
  input: DeployStepInput,
) => Promise<DeployStepResult | null>;

/** Backport the merged fix to one target branch. */
export interface BackportStepInput {
  pr: MergedPullRequest;
  target: string;
  /** What to cherry-pick, or why the pick list cannot be trusted (then the target fails, like any failure). */
  plan: { method: MergeMethod; picks: Pick[] } | PickListError;
  incident: number | null;
}

export interface BackportStepResult {
  /** The target's record; a failure is recorded here (status "failed"), never thrown. */
  backport: BackportState;
  entries: TimelineEntry[];
}

export type BackportStep = (
  ctx: EngineContext,
  config: HotfixConfig,
  input: BackportStepInput,
) => Promise<BackportStepResult>;

/** Say on the merged PR which of `targets` got no backport PR (the PR is not the incident, where the timeline is). */
export type BackportNoticeStep = (
  ctx: EngineContext,
  pr: number,
  targets: string[],
  backports: Record<string, BackportState>,
) => Promise<void>;

/** Open the follow-up issues the merged fix calls for. */
export interface FollowUpsStepInput {
  pr: MergedPullRequest;
  incident: number | null;
  jiraKey: string | null;
  tag: string;
  severity: Severity;
  /** Whether the merged head had an approval that counts. */
  approved: boolean;
  commander: string | null;
  changedFiles: { files: string[]; total: number };
}

export interface OpenedFollowUpRecord {
  kind: FollowUpKind;
  issue: number;
  url: string;
  dueAt?: string;
}

export interface FollowUpsStepResult {
  opened: OpenedFollowUpRecord[];
  entries: TimelineEntry[];
}

export type FollowUpsStep = (
  ctx: EngineContext,
  config: HotfixConfig,
  input: FollowUpsStepInput,
) => Promise<FollowUpsStepResult>;
