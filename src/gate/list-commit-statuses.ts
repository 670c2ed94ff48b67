import type { EngineContext } from "../context.js";
import { type CheckRunFact, statusAsCheckRun } from "../rules/required-checks.js";
import { collectPages, PER_PAGE } from "../util/collect-pages.js";

/** Page cap: GitHub keeps at most 1000 statuses per context and SHA; newest first, so the cap loses only old ones. */
const MAX_STATUS_PAGES = 10;

/**
 * The commit statuses of a SHA, read as check runs (Jenkins, Buildkite and deploy tools report statuses). The
 * statuses listing is read rather than the combined status, because only the listing names each status's
 * `creator`, which a pinned context (`{ name, creator }`) is judged by; every status of every reporter is kept
 * and the rules take each reporter's newest, as they do for check runs.
 */
export async function listCommitStatuses(ctx: EngineContext, sha: string): Promise<CheckRunFact[]> {
  const { items } = await collectPages(
    ctx.octokit.paginate.iterator("GET /repos/{owner}/{repo}/commits/{ref}/statuses", {
      ...ctx.repo,
      ref: sha,
      per_page: PER_PAGE,
    }),
    MAX_STATUS_PAGES,
  );
  return items.map((status) =>
    statusAsCheckRun({
      id: Number(status.id),
      context: status.context,
      state: status.state,
      createdAt: status.created_at ?? null,
      creator: status.creator ? { id: status.creator.id, login: status.creator.login } : null,
    }),
  );
}
