import { listClaims } from "../after-merge/pipeline-claim.js";
import type { EngineContext } from "../context.js";
import { isMergedHotfix, mergedPullRequestFrom } from "../incident/merged-pull-request.js";
import { readTimeline } from "../incident/upsert-timeline.js";
import type { FoundIssue, SweptRepository } from "./sweep-task.js";

/** How far back the sweep looks for activity: a hotfix's workflows end within days, not weeks. */
export const SWEEP_LOOKBACK_DAYS = 14;

/**
 * A claim or temporary branch younger than this may belong to a run in progress (a pipeline ends within a minute
 * or two; CLAIM_WAIT is three): the sweep leaves it alone until it is older.
 */
export const STALE_AFTER_MS = 10 * 60_000;

export type ReadSwept = { ok: true; swept: SweptRepository } | { ok: false; skipped: string };

/**
 * Reads what every task of the sweep needs from one repository: the configuration, the merged hotfix PRs of the
 * lookback (one page of closed PRs into production), and the pipeline claims — three requests — plus each
 * timeline once, when a task first asks for it.
 */
export async function readSweptRepository(
  ctx: EngineContext,
  found: FoundIssue[],
  options: { staleAfterMs?: number } = {},
): Promise<ReadSwept> {
  const loaded = await ctx.config();
  if (!loaded.ok) return { ok: false, skipped: loaded.error.message };
  const config = loaded.config;
  const now = ctx.clock();
  const cutoff = now.getTime() - SWEEP_LOOKBACK_DAYS * 86_400_000;
  const { data: closed } = await ctx.octokit.rest.pulls.list({
    ...ctx.repo,
    state: "closed",
    // With maintenance lines (globs) no one base names them all: the newest closed PRs are filtered below.
    ...(config.productionBranches.length === 1 ? { base: config.productionBranch } : {}),
    sort: "updated",
    direction: "desc",
    per_page: config.productionBranches.length === 1 ? 50 : 100,
  });
  const mergedHotfixes = closed.flatMap((raw) => {
    const pr = mergedPullRequestFrom(raw);
    return pr && isMergedHotfix(pr, config) && Date.parse(pr.mergedAt) >= cutoff ? [pr] : [];
  });
  const claims = await listClaims(ctx);
  const timelines = new Map<number, ReturnType<typeof readTimeline>>();
  return {
    ok: true,
    swept: {
      repo: ctx.repo,
      config,
      now,
      found,
      mergedHotfixes,
      claims,
      staleAfterMs: options.staleAfterMs ?? STALE_AFTER_MS,
      timeline(issue) {
        let read = timelines.get(issue);
        if (!read) {
          read = readTimeline(ctx, issue);
          // A failed read is not remembered: the next task asks again.
          read.catch(() => timelines.delete(issue));
          timelines.set(issue, read);
        }
        return read;
      },
    },
  };
}
