import type { ReleaseStep } from "../incident/pipeline-steps.js";
import type { TimelineEntry } from "../incident/timeline-state.js";
import { tagAndRelease } from "./create-tag-and-release.js";

/**
 * The after-merge pipeline's release step: the tag on the merge commit, the release and the changelog where
 * configured (idempotent: a re-run finds them), and the timeline lines that say so.
 */
export const releaseStep: ReleaseStep = async (ctx, config, { pr, incident, jiraKey, commits }) => {
  const released = await tagAndRelease(ctx.octokit, ctx.repo, {
    config,
    line: pr.baseRef,
    mergeSha: pr.mergeSha,
    mergedAt: new Date(pr.mergedAt),
    pr: { number: pr.number, title: pr.title, url: pr.url, author: pr.author },
    incident,
    jiraKey,
    commits,
  });
  const now = () => ctx.clock().toISOString();
  const entries: TimelineEntry[] = [{ key: `tag-${pr.number}`, at: now(), text: `Tagged ${released.tag}` }];
  if (released.note) entries.push({ key: `tag-note-${pr.number}`, at: now(), text: released.note });
  if (released.release) {
    entries.push({
      key: `release-${pr.number}`,
      at: now(),
      text: `Release ${released.tag} published`,
      url: released.release.url,
    });
  }
  return {
    tag: released.tag,
    ...(released.release ? { release: released.release } : {}),
    entries,
  };
};
