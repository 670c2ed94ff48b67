import type { Octokit } from "../context.js";
import { CherryPickError, isWorkflowPath } from "./backport-errors.js";
import { cherryPickMessage } from "./cherry-pick-message.js";
import type { CommitSource } from "./git-tree.js";
import { GitWriter, type GitWrites } from "./git-writer.js";
import { GitHubTreeSource } from "./github-tree-source.js";
import { planPick } from "./local-pick.js";
import type { Pick } from "./pick-list.js";
import { serverCherryPick, type UndraftedFile } from "./server-merge.js";

export interface CherryPickInput {
  /** Tip of the target branch. */
  ontoSha: string;
  /** The target branch's name, for conflict markers (`<<<<<<< develop`). */
  ontoLabel: string;
  /** Oldest first, as `commitsToPick` returns them. */
  picks: Pick[];
  /**
   * `commits.verified`: send no author, so that GitHub signs the commit, and credit the original author with a
   * `Co-authored-by:` trailer; false keeps the original author (and date) on the commit, unsigned.
   */
  verified: boolean;
}

export interface CherryPickResult {
  status: "clean" | "conflict" | "empty";
  /** The new tip (== ontoSha when empty). */
  headSha: string;
  /** Paths of the conflicting pick left with conflict markers (or with the side git keeps) for a human. */
  conflictFiles: string[];
  /** Conflicting files committed without git's conflict blocks, and why: a person must apply the fix to them. */
  undraftedFiles: UndraftedFile[];
  usedServerMerge: boolean;
  /** Writes this call made, failed attempts included. */
  writes: number;
  /** Reads this call made. */
  reads: number;
  /** Each pick carried out, in order: the commit made for it, or null when the target already had its changes. */
  commits: { pick: string; commit: string | null }[];
  /** The pick that conflicted (its commit, with markers, is the last of `commits`). */
  conflictPick?: string;
  /** Picks not attempted because an earlier one conflicted, oldest first. */
  notApplied: string[];
  /** Changed files under `.github/workflows/`: creating the ref needs the `workflows` permission. */
  workflowFiles: string[];
}

/**
 * Cherry-picks commits onto a branch tip through the Git Data API, like `git cherry-pick -x` each in turn.
 * Creates git objects only: per clean pick one tree (new content inline) and one commit, with the changed files'
 * three-way merge done locally where it is certain to match git; otherwise git decides through the merge
 * endpoint on a temporary branch (see serverCherryPick). It creates or moves no branch: the caller points the
 * backport branch at `headSha`.
 *
 * Stops at the first conflicting pick, which is committed with the markers (a draft for a human); later picks are
 * listed in `notApplied`. A pick whose changes the target already has makes no commit.
 */
export async function cherryPickCommits(
  octokit: Octokit,
  repo: { owner: string; repo: string },
  input: CherryPickInput,
): Promise<CherryPickResult> {
  const changed = new Set<string>();
  return cherryPickWith(
    new GitHubTreeSource(octokit, repo),
    new GitWriter(octokit, repo, () => [...changed]),
    input,
    changed,
  );
}

/** cherryPickCommits over any reader and writer; `changed` collects the paths the picks change. */
export async function cherryPickWith(
  source: CommitSource,
  writer: GitWrites,
  input: CherryPickInput,
  changed: Set<string> = new Set(),
): Promise<CherryPickResult> {
  const result: CherryPickResult = {
    status: "empty",
    headSha: input.ontoSha,
    conflictFiles: [],
    undraftedFiles: [],
    usedServerMerge: false,
    writes: 0,
    reads: 0,
    commits: [],
    notApplied: [],
    workflowFiles: [],
  };
  const finish = () => {
    result.writes = writer.writes;
    result.reads = source.reads;
    result.workflowFiles = [...changed].filter(isWorkflowPath).sort();
    return result;
  };

  let headTree = (await source.commit(input.ontoSha)).tree;
  for (const [index, pick] of input.picks.entries()) {
    const commit = await source.commit(pick.sha);
    if (commit.parents[0] !== pick.parent) {
      throw new CherryPickError(
        pick.sha,
        `its first parent is ${commit.parents[0] ?? "none"}, not ${pick.parent}`,
      );
    }
    if (commit.parents.length > 1 && pick.mainline !== 1) {
      throw new CherryPickError(pick.sha, "it is a merge commit and no mainline was given");
    }
    const parent = await source.commit(pick.parent);
    const subject = commit.message.split("\n", 1)[0] ?? "";
    const labels = { ours: input.ontoLabel, theirs: `${pick.sha.slice(0, 7)} (${subject})` };
    const trees = { base: parent.tree, ours: headTree, theirs: commit.tree };
    const plan = await planPick(source, trees, labels);
    for (const path of plan.changedPaths) changed.add(path);

    let tree: string;
    let conflictFiles: string[] = [];
    let undraftedFiles: UndraftedFile[] = [];
    if (plan.uncertain.every((item) => item.certain)) {
      // Clean, or conflicts git is certain to have, with its own drafts: no server-side merge needed.
      const drafts = plan.uncertain.flatMap((item) => item.onConflict);
      const entries = [...plan.entries, ...drafts];
      tree = entries.length > 0 ? await writer.tree(headTree, entries) : headTree;
      conflictFiles = [...new Set(plan.uncertain.flatMap((item) => item.paths))].sort();
    } else {
      result.usedServerMerge = true;
      const outcome = await serverCherryPick(source, writer, {
        pick,
        baseTree: parent.tree,
        oursTree: headTree,
        plan,
      });
      tree = outcome.tree;
      conflictFiles = outcome.conflictFiles;
      undraftedFiles = outcome.undraftedFiles;
    }

    if (tree === headTree && conflictFiles.length === 0) {
      result.commits.push({ pick: pick.sha, commit: null });
      continue;
    }
    const sha = await writer.commit(
      input.verified
        ? {
            message: cherryPickMessage(commit.message, pick.sha, commit.author),
            tree,
            parents: [result.headSha],
          }
        : {
            message: cherryPickMessage(commit.message, pick.sha),
            tree,
            parents: [result.headSha],
            author: commit.author,
          },
    );
    result.commits.push({ pick: pick.sha, commit: sha });
    result.headSha = sha;
    headTree = tree;
    result.status = "clean";
    if (conflictFiles.length > 0) {
      result.status = "conflict";
      result.conflictFiles = conflictFiles;
      result.undraftedFiles = undraftedFiles;
      result.conflictPick = pick.sha;
      result.notApplied = input.picks.slice(index + 1).map((p) => p.sha);
      break;
    }
  }
  return finish();
}
