import type { Octokit, RepoRef } from "../context.js";
import { HotfixBotError } from "../util/errors.js";
import { httpStatus } from "../util/http-status.js";
import { prependChangelog } from "./release-notes.js";

export const CHANGELOG_PATH = "CHANGELOG.md";

/** Another commit landed between our read and our write; re-read and try again, a few times. */
const MAX_ATTEMPTS = 3;

export class ChangelogConflictError extends HotfixBotError {
  override readonly kind = "contention";
  constructor(
    readonly repo: RepoRef,
    readonly branch: string,
  ) {
    super(`${CHANGELOG_PATH} on ${repo.owner}/${repo.repo}@${branch} kept changing under us; not updated`);
    this.name = "ChangelogConflictError";
  }
}

/**
 * Prepends `entry` to CHANGELOG.md on `branch` through the contents API (one commit). Nothing is written when
 * the entry is already there, so a retried run costs one read. The file's blob SHA guards against overwriting a
 * concurrent change (GitHub answers 409 or 422), in which case it is read again; a rejection of an unchanged file
 * (branch protection) is thrown at once.
 */
export async function updateChangelog(
  octokit: Octokit,
  repo: RepoRef,
  input: { branch: string; entry: string; message: string },
): Promise<{ updated: boolean; commitSha?: string; reads: number; writes: number }> {
  let reads = 0;
  let writes = 0;
  let rejected: { sha: string | undefined; error: unknown } | null = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    let existing: string | null = null;
    let sha: string | undefined;
    reads++;
    try {
      const { data } = await octokit.rest.repos.getContent({
        ...repo,
        path: CHANGELOG_PATH,
        ref: input.branch,
      });
      if (Array.isArray(data) || data.type !== "file" || !("content" in data)) {
        throw new Error(`${CHANGELOG_PATH} on ${input.branch} is not a file`);
      }
      existing = Buffer.from(data.content, "base64").toString("utf8");
      sha = data.sha;
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
    }
    // Rejected although the file had not changed: not a race (a protected branch, say), so retrying is futile.
    if (rejected && rejected.sha === sha) throw rejected.error;
    const next = prependChangelog(existing, input.entry);
    if (next === existing) return { updated: false, reads, writes };
    try {
      writes++;
      const { data } = await octokit.rest.repos.createOrUpdateFileContents({
        ...repo,
        path: CHANGELOG_PATH,
        branch: input.branch,
        message: input.message,
        content: Buffer.from(next, "utf8").toString("base64"),
        ...(sha ? { sha } : {}),
      });
      return { updated: true, ...(data.commit.sha ? { commitSha: data.commit.sha } : {}), reads, writes };
    } catch (error) {
      const status = httpStatus(error);
      if (status !== 409 && status !== 422) throw error;
      rejected = { sha, error };
    }
  }
  throw new ChangelogConflictError(repo, input.branch);
}
