import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import {
  isMergedHotfix,
  type MergedPullRequest,
  mergedPullRequestFrom,
} from "../incident/merged-pull-request.js";
import { httpStatus } from "../util/http-status.js";

/** The merged hotfix PR a backport branch points at (`hotfix-bot/backport-<n>-to-…`), if it is one. */
export async function hotfixPrOf(
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
