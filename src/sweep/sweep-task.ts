import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext, RepoRef } from "../context.js";
import type { MergedPullRequest } from "../incident/merged-pull-request.js";
import type { TimelineState } from "../incident/timeline-state.js";
import { errorMessage } from "../util/errors.js";

/** An issue or pull request the discovery found (a search result item, as far as the sweep reads it). */
export interface FoundIssue {
  number: number;
  title: string;
  state: "open" | "closed";
  labels: string[];
  url: string;
  isPull: boolean;
  updatedAt: string;
}

/**
 * What the sweep knows of one active repository, read once and shared by every task: its configuration, the
 * incidents and bot PRs the discovery found in it, its recent merged hotfixes, the pipeline claims, and the
 * timelines (each read at most once per sweep).
 */
export interface SweptRepository {
  repo: RepoRef;
  config: HotfixConfig;
  now: Date;
  /** Incident issues (severity label) and PRs the bot opened, updated in the lookback. */
  found: FoundIssue[];
  /** Merged hotfix PRs into production in the lookback, newest first. */
  mergedHotfixes: MergedPullRequest[];
  /** PRs whose after-merge pipeline is claimed (refs/hotfix-bot/claims/pr-<n>). */
  claims: Set<number>;
  /** The timeline of an issue or PR, read once per sweep; later reads get the same answer. */
  timeline(issue: number): Promise<{ commentId: number | null; state: TimelineState | null }>;
  /** How old a claim or temporary branch must be before the sweep takes it for a dead run's. */
  staleAfterMs: number;
}

/** What a task did to one thing (a PR, an incident, a branch), for the report, the logs and the job summary. */
export interface SweepResult {
  task: string;
  /** `#12`, `hotfix-bot/tmp-pick-…`: what it acted on. */
  target: string;
  outcome: "finished" | "failed";
  detail: string;
}

/**
 * One kind of work the sweep does in every active repository: finishing a half-done workflow, or firing what is
 * due. A task reads the shared `SweptRepository`, acts only where GitHub's state says something is left to do,
 * and is idempotent (the next sweep, or a concurrent delivery, finds it done). Register a task in sweep-tasks.ts.
 */
export interface SweepTask {
  name: string;
  run(ctx: EngineContext, swept: SweptRepository): Promise<SweepResult[]>;
}

/**
 * Something due at a time, kept in GitHub state (a timeline's JSON, a label, a ref): an approval timeout, the end
 * of a monitoring window, a follow-up deadline. `key` names it so that firing it twice is recognisable.
 */
export interface DueItem {
  key: string;
  /** ISO 8601. */
  dueAt: string;
}

/** The items due at `now`, earliest first (pure). An unreadable time is never due: it cannot be trusted. */
export function dueNow<T extends DueItem>(items: readonly T[], now: Date): T[] {
  return items
    .filter((item) => {
      const t = Date.parse(item.dueAt);
      return !Number.isNaN(t) && t <= now.getTime();
    })
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

/**
 * A task from a function that acts on a repository at a time (`remindStaleBackports(ctx, repo, now)`), so that a
 * feature registers with one line: `everySweep("stale-backports", remindStaleBackports)`. The function returns
 * what it did, in the sweep's terms, or nothing.
 */
export function everySweep(
  name: string,
  act: (
    ctx: EngineContext,
    repo: RepoRef,
    now: Date,
    swept: SweptRepository,
  ) => Promise<SweepResult[] | undefined>,
): SweepTask {
  return { name, run: async (ctx, swept) => (await act(ctx, swept.repo, swept.now, swept)) ?? [] };
}

/** A task's failure on one target, as a result: one target's error must not stop the others. */
export function failedResult(task: string, target: string, error: unknown): SweepResult {
  return { task, target, outcome: "failed", detail: errorMessage(error) };
}
