import type { EngineContext } from "../context.js";
import { isTrustedState, sealState } from "../identity/trusted-state.js";
import { stoppedWith } from "../route.js";
import { createOnce, NO_BLIND_RETRY } from "../util/create-once.js";
import { httpStatus } from "../util/http-status.js";
import { hasTimelineMarker, parseTimeline, renderTimeline, visibleTimeline } from "./timeline-markdown.js";
import type { TimelineState } from "./timeline-state.js";

/** What the timeline needs: the API, the repository, and who we are (whose comment is the timeline). */
export type TimelineContext = Pick<EngineContext, "octokit" | "repo" | "identity">;

interface Comment {
  id: number;
  body?: string | undefined;
  performed_via_github_app?: { id?: number } | null;
}

/**
 * The first timeline comment we wrote on the issue (see trusted-state: our App's id, and our seal where a state
 * secret is set); pages are read only until it is found. A marker in anyone else's comment is text.
 */
async function findTimelineComment(ctx: TimelineContext, issueNumber: number): Promise<Comment | null> {
  const { octokit, repo } = ctx;
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    ...repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  for await (const page of pages) {
    for (const comment of page.data as Comment[]) {
      if (!hasTimelineMarker(comment.body)) continue;
      if (await isTrustedState(ctx, comment, { repo, issue: issueNumber })) return comment;
    }
  }
  return null;
}

/**
 * The timeline of an incident (or of a PR without one). `commentId` is set when our comment exists, even if its
 * state is damaged (then `state` is null and the next write repairs that comment instead of adding another).
 */
export async function readTimeline(
  ctx: TimelineContext,
  issueNumber: number,
): Promise<{ commentId: number | null; state: TimelineState | null }> {
  const comment = await findTimelineComment(ctx, issueNumber);
  if (!comment) return { commentId: null, state: null };
  return { commentId: comment.id, state: parseTimeline(comment.body ?? "") };
}

/**
 * Writes the timeline: PATCHes our comment when we know it, else creates it. Never leaves two: a comment
 * deleted by hand is re-created, and when two runs create one at the same time, the later comment is deleted and
 * its content goes to the earlier one, which every reader finds first. Returns the comment and the markdown a
 * person reads in it, for the step's outcome; a write stopped on purpose (a dry run) carries that markdown too.
 */
export async function writeTimeline(
  ctx: TimelineContext,
  issueNumber: number,
  commentId: number | null,
  state: TimelineState,
): Promise<{ commentId: number; markdown: string }> {
  const rendered = renderTimeline(state);
  const markdown = visibleTimeline(rendered);
  try {
    return await writeTimelineComment(ctx, issueNumber, commentId, rendered, markdown);
  } catch (error) {
    throw stoppedWith(error, { timeline: markdown });
  }
}

async function writeTimelineComment(
  ctx: TimelineContext,
  issueNumber: number,
  commentId: number | null,
  rendered: string,
  markdown: string,
): Promise<{ commentId: number; markdown: string }> {
  const { octokit, repo } = ctx;
  const body = await sealState(ctx, rendered, { repo, issue: issueNumber });
  if (commentId !== null) {
    try {
      await octokit.rest.issues.updateComment({ ...repo, comment_id: commentId, body });
      return { commentId, markdown };
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
    }
  }
  // A create whose answer was lost is looked for before it is sent again (createOnce), never repeated blindly.
  const createdId = await createOnce(
    async () => {
      const { data } = await octokit.rest.issues.createComment({
        ...repo,
        issue_number: issueNumber,
        body,
        ...NO_BLIND_RETRY,
      });
      return data.id;
    },
    async () => {
      // Ours only if it holds what we wrote; a concurrent run's comment is handled below like any other.
      const found = await findTimelineComment(ctx, issueNumber);
      return found?.body === body ? found.id : null;
    },
  );
  const first = await findTimelineComment(ctx, issueNumber);
  if (!first || first.id === createdId) return { commentId: createdId, markdown };
  try {
    await octokit.rest.issues.deleteComment({ ...repo, comment_id: createdId });
  } catch (error) {
    // Gone already: a retried delete whose first answer was lost.
    if (httpStatus(error) !== 404) throw error;
  }
  await octokit.rest.issues.updateComment({ ...repo, comment_id: first.id, body });
  return { commentId: first.id, markdown };
}
