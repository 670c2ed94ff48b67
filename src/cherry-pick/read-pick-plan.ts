import type { EngineContext } from "../context.js";
import { commitsToPick, type MergeMethod, type Pick, PickListError } from "./pick-list.js";

/** GitHub lists at most this many commits of a pull request (GET /pulls/{n}/commits), however many pages. */
export const PULL_COMMITS_LIMIT = 250;
const PER_PAGE = 100;

/** The reads here need only the client and the repository. */
type GitHubAccess = { octokit: EngineContext["octokit"]; repo: EngineContext["repo"] };
/** How far the first-parent walk may read the history (pages of 100) before it gives up: side branches interleave. */
const HISTORY_PAGE_SLACK = 10;

interface ListedCommit {
  sha: string;
  message: string;
  parents: string[];
}

/**
 * The first-parent path from `head` through `listed` (any order, any extra commits), newest first, at most `count`
 * long. It stops early where a first parent is not among `listed` or at the root commit.
 */
export function firstParentPath(
  listed: readonly ListedCommit[],
  head: string,
  count: number,
): ListedCommit[] {
  const bySha = new Map(listed.map((commit) => [commit.sha, commit]));
  const path: ListedCommit[] = [];
  let next: string | undefined = head;
  while (next !== undefined && path.length < count) {
    const commit = bySha.get(next);
    if (!commit) break;
    path.push(commit);
    next = commit.parents[0];
  }
  return path;
}

/**
 * Every commit of pull request `pullNumber`, oldest first, and how many it has. The list is paged to the end;
 * when it reaches GitHub's limit the pull request itself says how many there are, so a caller can tell a complete
 * list from a cut one.
 */
export async function readPullCommits(
  ctx: GitHubAccess,
  pullNumber: number,
): Promise<{ commits: { sha: string; message: string }[]; total: number }> {
  const { octokit, repo } = ctx;
  const listed = await octokit.paginate(octokit.rest.pulls.listCommits, {
    ...repo,
    pull_number: pullNumber,
    per_page: PER_PAGE,
  });
  const commits = listed.map((c) => ({ sha: c.sha, message: c.commit.message }));
  if (commits.length < PULL_COMMITS_LIMIT) return { commits, total: commits.length };
  const { data: pull } = await octokit.rest.pulls.get({ ...repo, pull_number: pullNumber });
  return { commits, total: Math.max(pull.commits, commits.length) };
}

/**
 * `head` and its first-parent ancestors, newest first, `count` of them (fewer only at the root). GitHub's commit
 * list is not first-parent only, so pages are read until the first-parent path is long enough.
 */
export async function readFirstParentChain(ctx: GitHubAccess, head: string, count: number) {
  const { octokit, repo } = ctx;
  const listed: ListedCommit[] = [];
  const maxPages = Math.ceil(count / PER_PAGE) + HISTORY_PAGE_SLACK;
  let pages = 0;
  let path: ListedCommit[] = [];
  for await (const { data } of octokit.paginate.iterator(octokit.rest.repos.listCommits, {
    ...repo,
    sha: head,
    per_page: PER_PAGE,
  })) {
    for (const c of data) {
      listed.push({ sha: c.sha, message: c.commit.message, parents: c.parents.map((p) => p.sha) });
    }
    pages++;
    path = firstParentPath(listed, head, count);
    const atRoot = path.at(-1)?.parents.length === 0;
    const isMerge = (path[0]?.parents.length ?? 0) >= 2;
    if (path.length >= count || atRoot || isMerge || pages >= maxPages) break;
  }
  return path;
}

/**
 * What to cherry-pick to carry a merged pull request elsewhere: its commits (`pulled`, every page) against the
 * merge commit's first-parent history, judged by `commitsToPick`. Throws PickListError when the history cannot be
 * read in full.
 */
export async function readPickPlan(
  ctx: GitHubAccess,
  mergeSha: string,
  pulled: { commits: { sha: string; message: string }[]; total: number },
): Promise<{ method: MergeMethod; picks: Pick[] }> {
  const chain = await readFirstParentChain(ctx, mergeSha, pulled.commits.length + 1);
  if (chain[0]?.sha !== mergeSha) {
    throw new PickListError(mergeSha, "the repository's commit list does not start at the merge commit");
  }
  return commitsToPick({
    mergeCommitSha: mergeSha,
    mergeCommitParents: chain[0].parents,
    prCommits: pulled.commits,
    prCommitTotal: pulled.total,
    firstParentChain: chain,
  });
}
