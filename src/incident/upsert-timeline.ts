import type { Octokit, RepoRef } from "../context.js";
import { createOnce, NO_BLIND_RETRY } from "../util/create-once.js";
import { httpStatus } from "../util/http-status.js";
import { isBotAuthored } from "./bot-author.js";
import { hasTimelineMarker, parseTimeline, renderTimeline } from "./timeline-markdown.js";
import type { TimelineState } from "./timeline-state.js";

interface Comment {
  id: number;
  body?: string | undefined;
  user: { login?: string; type?: string } | null;
  performed_via_github_app?: unknown;
}

/** The first timeline comment an app wrote on the issue; pages are read only until it is found. */
async function findTimelineComment(
  octokit: Octokit,
  repo: RepoRef,
  issueNumber: number,
): Promise<Comment | null> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    ...repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  for await (const page of pages) {
    for (const comment of page.data as Comment[]) {
      if (isBotAuthored(comment) && hasTimelineMarker(comment.body)) return comment;
    }
  }
  return null;
}

/**
 * The timeline of an incident (or of a PR without one). `commentId` is set when our comment exists, even if its
 * state is damaged (then `state` is null and the next write repairs that comment instead of adding another).
 */
export async function readTimeline(
  octokit: Octokit,
  repo: RepoRef,
  issueNumber: number,
): Promise<{ commentId: number | null; state: TimelineState | null }> {
  const comment = await findTimelineComment(octokit, repo, issueNumber);
  if (!comment) return { commentId: null, state: null };
  return { commentId: comment.id, state: parseTimeline(comment.body ?? "") };
}

/**
 * Writes the timeline: PATCHes our comment when we know it, else creates it. Never leaves two: a comment
 * deleted by hand is re-created, and when two runs create one at the same time, the later comment is deleted and
 * its content goes to the earlier one, which every reader finds first.
 */
export async function writeTimeline(
  octokit: Octokit,
  repo: RepoRef,
  issueNumber: number,
  commentId: number | null,
  state: TimelineState,
): Promise<{ commentId: number }> {
  const body = renderTimeline(state);
  if (commentId !== null) {
    try {
      await octokit.rest.issues.updateComment({ ...repo, comment_id: commentId, body });
      return { commentId };
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
      const found = await findTimelineComment(octokit, repo, issueNumber);
      return found?.body === body ? found.id : null;
    },
  );
  const first = await findTimelineComment(octokit, repo, issueNumber);
  if (!first || first.id === createdId) return { commentId: createdId };
  try {
    await octokit.rest.issues.deleteComment({ ...repo, comment_id: createdId });
  } catch (error) {
    // Gone already: a retried delete whose first answer was lost.
    if (httpStatus(error) !== 404) throw error;
  }
  await octokit.rest.issues.updateComment({ ...repo, comment_id: first.id, body });
  return { commentId: first.id };
}
