import type { EngineContext, Octokit } from "../context.js";
import { isOpenedByAnApp } from "../identity/bot-identity.js";

/** A pull request as GitHub lists it. */
export type ListedPull = Awaited<ReturnType<Octokit["rest"]["pulls"]["list"]>>["data"][number];

/**
 * The pull request the bot already opened from one of its branches (see placeBotBranch) into `base`, in any state,
 * or null. Backports, reverts and the resolution record look for it before opening one, so that a re-run or a
 * create whose answer was lost adopts the PR instead of opening a second. A PR a person opened from a branch of
 * that name is not ours to adopt.
 */
export async function findBotPull(
  ctx: Pick<EngineContext, "octokit" | "repo">,
  branch: string,
  base: string,
): Promise<ListedPull | null> {
  const { data } = await ctx.octokit.rest.pulls.list({
    ...ctx.repo,
    head: `${ctx.repo.owner}:${branch}`,
    base,
    state: "all",
    per_page: 10,
  });
  return data.find(isOpenedByAnApp) ?? null;
}
