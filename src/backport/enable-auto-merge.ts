import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import type { BackportState, TimelineEntry } from "../incident/timeline-state.js";
import { errorMessage } from "../util/errors.js";

const MUTATION = `mutation EnableAutoMerge($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
  enablePullRequestAutoMerge(input: { pullRequestId: $pullRequestId, mergeMethod: $mergeMethod }) {
    pullRequest { number autoMergeRequest { mergeMethod enabledAt } }
  }
}`;

/** GitHub's message of a refused GraphQL request (a GraphqlResponseError carries `errors`), else the error's. */
function graphqlMessage(error: unknown): string {
  const errors = (error as { errors?: { message?: unknown }[] } | null)?.errors;
  const first = Array.isArray(errors)
    ? errors.find((e) => typeof e?.message === "string")?.message
    : undefined;
  if (typeof first === "string") return first;
  return errorMessage(error);
}

/**
 * `backport.autoMerge`: turns on GitHub's auto-merge on a clean (conflict-free) backport PR, once. The PR is read
 * first: auto-merge already on (a re-run, a person) costs no write. A refusal (the repository does not allow
 * auto-merge, the PR is not open, the token may not) is recorded with GitHub's reason, never thrown: the PR stays
 * open for a person to merge.
 */
export async function enableAutoMerge(
  ctx: EngineContext,
  config: Pick<HotfixConfig, "backport">,
  pr: number,
): Promise<NonNullable<BackportState["autoMerge"]>> {
  const method = config.backport.autoMergeMethod;
  const at = ctx.clock().toISOString();
  try {
    const { data } = await ctx.octokit.rest.pulls.get({ ...ctx.repo, pull_number: pr });
    if (data.auto_merge) return { method: data.auto_merge.merge_method, at };
    await ctx.octokit.graphql(MUTATION, { pullRequestId: data.node_id, mergeMethod: method.toUpperCase() });
    return { method, at };
  } catch (error) {
    const message = graphqlMessage(error);
    ctx.log.warn(`auto-merge of backport PR #${pr} not enabled: ${message}`);
    return { method, at, error: message };
  }
}

/** The timeline line of an auto-merge request on a backport PR. */
export function autoMergeEntry(
  hotfixPr: number,
  target: string,
  backport: BackportState,
): TimelineEntry | null {
  const auto = backport.autoMerge;
  if (!auto || backport.pr === undefined) return null;
  return {
    key: `auto-merge-${hotfixPr}-${target}`,
    at: auto.at,
    text: auto.error
      ? `Auto-merge of the backport to ${target} (#${backport.pr}) not enabled: ${auto.error}; merge it by hand`
      : `Auto-merge (${auto.method}) enabled on the backport to ${target} (#${backport.pr}): it lands once its required checks pass`,
    ...(backport.url ? { url: backport.url } : {}),
  };
}
