import type { EngineContext } from "../context.js";
import { isTrustedState, sealState } from "../identity/trusted-state.js";
import { createOnce, NO_BLIND_RETRY } from "../util/create-once.js";
import { httpStatus } from "../util/http-status.js";

interface Comment {
  id: number;
  body?: string | undefined;
  created_at?: string;
  performed_via_github_app?: { id?: number } | null;
}

/**
 * A twin posted by a concurrent run was posted after our scan began (else the scan would have found it). In
 * GitHub's clock that is at most "our scan-to-post time" before our own comment; this margin covers clock
 * granularity and latency.
 */
const RACE_MARGIN_MS = 5_000;

/** The app-written comments of an issue that start with `marker`; `since` limits the listing to recent ones. */
async function findMarked(
  ctx: EngineContext,
  issue: number,
  marker: string,
  since?: string,
): Promise<Comment[]> {
  const comments = (await ctx.octokit.paginate(ctx.octokit.rest.issues.listComments, {
    ...ctx.repo,
    issue_number: issue,
    per_page: 100,
    ...(since ? { since } : {}),
  })) as Comment[];
  // Only our own comment counts (trusted-state): anyone, another App included, can type the marker.
  const marked = comments.filter((c) => (c.body ?? "").trimStart().startsWith(marker));
  const trusted = await Promise.all(marked.map((c) => isTrustedState(ctx, c, { repo: ctx.repo, issue })));
  return marked.filter((_, i) => trusted[i]);
}

/**
 * Posts a comment that starts with `marker` unless one is there already; returns its id and whether this call
 * posted it. The whole thread is read once; after posting, only the comments since that scan began are read
 * again, to catch a twin posted by a concurrent run: the later one is deleted, so there is only ever one.
 */
export async function ensureBotComment(
  ctx: EngineContext,
  issue: number,
  marker: string,
  body: string,
): Promise<{ id: number; created: boolean }> {
  const startedAt = Date.now();
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
      return { id: data.id, createdAt: data.created_at };
    },
    async () => {
      const found = (await findMarked(ctx, issue, marker)).at(-1);
      return found
        ? { id: found.id, createdAt: found.created_at ?? new Date(startedAt).toISOString() }
        : null;
    },
  );
  const elapsed = Date.now() - startedAt;
  const since = new Date((Date.parse(created.createdAt) || startedAt) - elapsed - RACE_MARGIN_MS);
  const first = (await findMarked(ctx, issue, marker, since.toISOString()))[0];
  if (first && first.id !== created.id) {
    try {
      await ctx.octokit.rest.issues.deleteComment({ ...ctx.repo, comment_id: created.id });
    } catch (error) {
      // Gone already: a retried delete whose first answer was lost.
      if (httpStatus(error) !== 404) throw error;
    }
    return { id: first.id, created: false };
  }
  return { id: created.id, created: true };
}
