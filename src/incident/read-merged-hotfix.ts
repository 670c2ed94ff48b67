import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { httpStatus } from "../util/http-status.js";
import { isMergedHotfix, type MergedPullRequest, mergedPullRequestFrom } from "./merged-pull-request.js";

/**
 * PR `number` when it is a merged hotfix into a production line, else null (also when it does not exist): the PR a
 * backport branch points at (`hotfix-bot/backport-<n>-to-…`), or the one a `/rollback` is said on.
 */
export async function readMergedHotfix(
  ctx: EngineContext,
  config: HotfixConfig,
  number: number,
): Promise<MergedPullRequest | null> {
  try {
    const { data } = await ctx.octokit.rest.pulls.get({ ...ctx.repo, pull_number: number });
    const pr = mergedPullRequestFrom(data);
    return pr && isMergedHotfix(pr, config) ? pr : null;
  } catch (error) {
    if (httpStatus(error) === 404) return null;
    throw error;
  }
}
