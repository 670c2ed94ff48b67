import type { EngineContext } from "../context.js";

/** GitHub lists at most this many files of a pull request (GET /pulls/{n}/files), however many pages. */
export const PULL_FILES_LIMIT = 3000;

/**
 * The paths pull request `pullNumber` changed, every page, and how many files it changed in all: when the list
 * reaches GitHub's limit, the pull request's own count says whether it was cut.
 */
export async function readChangedFiles(
  ctx: EngineContext,
  pullNumber: number,
): Promise<{ files: string[]; total: number }> {
  const { octokit, repo } = ctx;
  const listed = await octokit.paginate(octokit.rest.pulls.listFiles, {
    ...repo,
    pull_number: pullNumber,
    per_page: 100,
  });
  const files = listed.map((file) => file.filename);
  if (files.length < PULL_FILES_LIMIT) return { files, total: files.length };
  const { data: pull } = await octokit.rest.pulls.get({ ...repo, pull_number: pullNumber });
  return { files, total: Math.max(pull.changed_files, files.length) };
}
