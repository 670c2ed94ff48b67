import type { EngineContext } from "../context.js";
import { errorMessage } from "../util/errors.js";
import { discoverActiveRepositories } from "./discover-active-repositories.js";
import { readSweptRepository, SWEEP_LOOKBACK_DAYS } from "./read-swept-repository.js";
import type { FoundIssue, SweepResult, SweepTask } from "./sweep-task.js";
import { sweepTasks } from "./sweep-tasks.js";

/** What one sweep of one repository did. `finished`/`failed` are the after-merge pipelines (as reconcile said). */
export interface SweepReport {
  repo: string;
  /** Merged hotfix PRs of the lookback looked at. */
  checked: number;
  finished: number[];
  failed: { pr: number; error: string }[];
  skipped?: string;
  /** Everything every task did, after-merge pipelines included. */
  results: SweepResult[];
}

export interface SweepRepositoryOptions {
  staleAfterMs?: number;
  tasks?: readonly SweepTask[];
}

const prNumber = (target: string) => Number(target.replace(/^#/, ""));

/** Runs every sweep task on one repository that the discovery found active. A task's failure stops no other. */
export async function sweepRepository(
  ctx: EngineContext,
  found: FoundIssue[],
  options: SweepRepositoryOptions = {},
): Promise<SweepReport> {
  const name = `${ctx.repo.owner}/${ctx.repo.repo}`;
  const read = await readSweptRepository(ctx, found, options);
  if (!read.ok)
    return { repo: name, checked: 0, finished: [], failed: [], skipped: read.skipped, results: [] };
  const results: SweepResult[] = [];
  for (const task of options.tasks ?? sweepTasks) {
    try {
      results.push(...(await task.run(ctx, read.swept)));
    } catch (error) {
      results.push({
        task: task.name,
        target: name,
        outcome: "failed",
        detail: errorMessage(error),
      });
    }
  }
  const afterMerge = results.filter((r) => r.task === "after-merge" && r.target.startsWith("#"));
  return {
    repo: name,
    checked: read.swept.mergedHotfixes.length,
    finished: afterMerge
      .filter((r) => r.outcome === "finished" && r.detail !== "stale claim deleted")
      .map((r) => prNumber(r.target)),
    failed: afterMerge
      .filter((r) => r.outcome === "failed")
      .map((r) => ({ pr: prNumber(r.target), error: r.detail })),
    results,
  };
}

/**
 * The sweep of one repository on its own (the Action on `schedule`, `hotfix-bot sweep --repo`): the incidents
 * come from one search in the repository for its configured severity labels.
 */
export async function sweepOneRepository(
  ctx: EngineContext,
  options: SweepRepositoryOptions = {},
): Promise<SweepReport> {
  const loaded = await ctx.config();
  const labels = loaded.ok ? Object.values(loaded.config.severity.labels) : [];
  const since = new Date(ctx.clock().getTime() - SWEEP_LOOKBACK_DAYS * 86_400_000);
  const active = await discoverActiveRepositories(ctx.octokit, {
    scope: { kind: "repo", repo: ctx.repo },
    since,
    severityLabels: labels,
    appSlug: null,
  });
  const found = [...active.values()].flatMap((group) => group.found);
  return sweepRepository(ctx, found, options);
}
