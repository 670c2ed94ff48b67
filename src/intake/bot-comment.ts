import type { EngineContext } from "../context.js";
import { isTrustedState, sealState } from "../identity/trusted-state.js";
import { createOnce, NO_BLIND_RETRY } from "../util/create-once.js";
import { httpStatus } from "../util/http-status.js";

interface Comment {
  id: number;
  body?: string | undefined;
  performed_via_github_app?: { id?: number } | null;
}

async function findMarked(ctx: EngineContext, issue: number, marker: string): Promise<Comment[]> {
  const comments = (await ctx.octokit.paginate(ctx.octokit.rest.issues.listComments, {
    ...ctx.repo,
    issue_number: issue,
    per_page: 100,
  })) as Comment[];
  // Only our own comment counts (trusted-state): anyone, another App included, can type the marker.
  const marked = comments.filter((c) => (c.body ?? "").trimStart().startsWith(marker));
  const trusted = await Promise.all(marked.map((c) => isTrustedState(ctx, c, { repo: ctx.repo, issue })));
  return marked.filter((_, i) => trusted[i]);
}

/**
 * Posts a comment that starts with `marker` unless one is there already; returns its id and whether this call
 * posted it. When two runs post at once, the later comment is deleted, so there is only ever one.
 */
export async function ensureBotComment(
  ctx: EngineContext,
  issue: number,
  marker: string,
  body: string,
): Promise<{ id: number; created: boolean }> {
  const existing = await findMarked(ctx, issue, marker);
  if (existing[0]) return { id: existing[0].id, created: false };
  const sealed = await sealState(ctx, body, { repo: ctx.repo, issue });
  // A create whose answer was lost is looked for before it is sent again (createOnce), never repeated blindly.
  const created = await createOnce(
    async () => {
      const { data } = await ctx.octokit.rest.issues.createComment({
        ...ctx.repo,
        issue_number: issue,
        body: sealed,
        ...NO_BLIND_RETRY,
      });
      return data.id;
    },
    async () => (await findMarked(ctx, issue, marker)).at(-1)?.id ?? null,
  );
  const all = await findMarked(ctx, issue, marker);
  const first = all[0];
  if (first && first.id !== created) {
    try {
      await ctx.octokit.rest.issues.deleteComment({ ...ctx.repo, comment_id: created });
    } catch (error) {
      // Gone already: a retried delete whose first answer was lost.
      if (httpStatus(error) !== 404) throw error;
    }
    return { id: first.id, created: false };
  }
  return { id: created, created: true };
}
