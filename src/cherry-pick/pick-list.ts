import { HotfixBotError } from "../util/errors.js";

/** How the hotfix pull request was merged, as far as the history shows. */
export type MergeMethod = "merge" | "squash" | "rebase";

export interface Pick {
  sha: string;
  /** The commit the pick's changes are taken against: its first parent. */
  parent: string;
  /** Set for a merge commit: pick its changes against the first parent, like `git cherry-pick -m 1`. */
  mainline?: 1;
}

export interface PickListInput {
  /** The pull request's `merge_commit_sha` once merged, and that commit's parents (GET /commits/{sha}). */
  mergeCommitSha: string;
  mergeCommitParents: string[];
  /** The pull request's commits in order, oldest first (GET /pulls/{n}/commits). */
  prCommits: { sha: string; message: string }[];
  /**
   * How many commits the pull request has (its `commits` count). GitHub lists at most 250; when `prCommits` is
   * shorter than this, the list was cut and a single-parent merge commit cannot be told rebase from squash.
   * Defaults to `prCommits.length`.
   */
  prCommitTotal?: number;
  /**
   * The merge commit and its first-parent ancestors, newest first, at least as many as the pull request has
   * commits (or down to the root commit).
   */
  firstParentChain: { sha: string; message: string; parents: string[] }[];
}

/** The inputs do not describe one history: the chain does not start at the merge commit or is broken. */
export class PickListError extends HotfixBotError {
  override readonly kind = "unworkable";
  override readonly name = "PickListError";
  constructor(
    readonly mergeCommitSha: string,
    reason: string,
  ) {
    super(`cannot work out what to pick for ${mergeCommitSha}: ${reason}`);
  }
}

/**
 * Which commits to cherry-pick, oldest first, to carry a merged pull request to another branch.
 *
 * - Two or more parents: a merge commit. Its changes against the first parent are the whole pull request, so the
 *   merge commit is picked alone with mainline 1.
 * - One parent, and the last N first-parent commits carry the N pull request commits' messages in the same order:
 *   a rebase merge, which rewrote each commit onto the production branch. All N are picked, oldest first, so the
 *   target gets the same commits and messages.
 * - Otherwise a squash merge: the single commit holds the whole pull request.
 *
 * A single-commit pull request merged by squash or by rebase picks the same one commit either way; when the
 * message matches it is reported as a rebase.
 */
export function commitsToPick(input: PickListInput): { method: MergeMethod; picks: Pick[] } {
  const { mergeCommitSha, mergeCommitParents, prCommits, firstParentChain } = input;
  const [firstParent] = mergeCommitParents;
  if (firstParent === undefined) throw new PickListError(mergeCommitSha, "it has no parent (a root commit)");
  if (mergeCommitParents.length >= 2) {
    return { method: "merge", picks: [{ sha: mergeCommitSha, parent: firstParent, mainline: 1 }] };
  }

  const n = prCommits.length;
  const total = input.prCommitTotal ?? n;
  if (total > n) {
    throw new PickListError(
      mergeCommitSha,
      `the pull request has ${total} commits and GitHub lists only ${n} of them, so whether it was rebased (pick ` +
        "every commit) or squashed (pick one) cannot be verified; backport it by hand with the manual steps",
    );
  }

  const head = firstParentChain[0];
  if (head && head.sha !== mergeCommitSha) {
    throw new PickListError(mergeCommitSha, `the first-parent chain starts at ${head.sha}`);
  }
  for (let k = 0; k + 1 < firstParentChain.length; k++) {
    const commit = firstParentChain[k] as { sha: string; parents: string[] };
    const older = firstParentChain[k + 1] as { sha: string };
    if (commit.parents[0] !== older.sha) {
      throw new PickListError(mergeCommitSha, `${older.sha} is not the first parent of ${commit.sha}`);
    }
  }

  const last = firstParentChain.at(-1);
  if (n > firstParentChain.length && (!last || last.parents.length > 0)) {
    throw new PickListError(
      mergeCommitSha,
      `the first-parent chain has ${firstParentChain.length} commits, the pull request ${n}`,
    );
  }
  if (n > 0 && n <= firstParentChain.length) {
    const newestFirst = firstParentChain.slice(0, n);
    const oldestFirst = [...newestFirst].reverse();
    const rebased = oldestFirst.every(
      (commit, k) => commit.parents.length === 1 && sameMessage(commit.message, prCommits[k]?.message ?? ""),
    );
    if (rebased) {
      return {
        method: "rebase",
        picks: oldestFirst.map((commit) => ({ sha: commit.sha, parent: commit.parents[0] as string })),
      };
    }
  }
  return { method: "squash", picks: [{ sha: mergeCommitSha, parent: firstParent }] };
}

/** A rebase keeps messages; trailing whitespace and line endings are not worth a different verdict. */
function sameMessage(x: string, y: string): boolean {
  const norm = (message: string) => message.replace(/\r\n/g, "\n").trimEnd();
  return norm(x) === norm(y);
}
