import { GitWriter } from "../cherry-pick/git-writer.js";
import { GitHubTreeSource } from "../cherry-pick/github-tree-source.js";
import { planPick } from "../cherry-pick/local-pick.js";
import { readPickPlan, readPullCommits } from "../cherry-pick/read-pick-plan.js";
import { serverCherryPick } from "../cherry-pick/server-merge.js";
import type { EngineContext } from "../context.js";

export interface RevertInput {
  /** The merged PR whose change is taken out, and the commit it merged as. */
  pr: number;
  mergeSha: string;
  /** The production tip the revert goes onto, and its branch name (for conflict markers). */
  ontoSha: string;
  ontoLabel: string;
  message: string;
}

export interface RevertResult {
  status: "clean" | "conflict" | "empty";
  /** The revert commit (== ontoSha when empty). */
  headSha: string;
  conflictFiles: string[];
  usedServerMerge: boolean;
  writes: number;
}

/**
 * The commit the merged change is measured against: the merge commit's first parent for a merge or a squash; for a
 * rebase merge of N commits, the first parent of the oldest of them, so that the revert takes out all N.
 */
export async function revertBase(ctx: EngineContext, pr: number, mergeSha: string): Promise<string> {
  const { picks } = await readPickPlan(ctx, mergeSha, await readPullCommits(ctx, pr));
  const oldest = picks[0];
  if (!oldest) throw new Error(`nothing to revert for #${pr}`);
  return oldest.parent;
}

/**
 * `git revert` through the Git Data API, built like a backport: a three-way merge with base = the merged result,
 * theirs = the state before the change, ours = the production tip. Settled locally where that is certain to match
 * git (one tree, one commit); otherwise git decides through the merge endpoint, with a commit holding the pre-change
 * tree on top of the merge as the "pick". A conflict is committed with its markers, for a draft PR. Creates git
 * objects only: the caller points a branch at `headSha`.
 */
export async function revertCommit(
  ctx: EngineContext,
  input: RevertInput & { baseSha: string },
): Promise<RevertResult> {
  const { octokit, repo } = ctx;
  const source = new GitHubTreeSource(octokit, repo);
  const changed = new Set<string>();
  const writer = new GitWriter(octokit, repo, () => [...changed]);
  const [merged, before, onto] = await Promise.all([
    source.commit(input.mergeSha),
    source.commit(input.baseSha),
    source.commit(input.ontoSha),
  ]);
  const labels = { ours: input.ontoLabel, theirs: `revert of ${input.mergeSha.slice(0, 7)} (#${input.pr})` };
  const plan = await planPick(source, { base: merged.tree, ours: onto.tree, theirs: before.tree }, labels);
  for (const path of plan.changedPaths) changed.add(path);

  let tree: string;
  let conflictFiles: string[] = [];
  let usedServerMerge = false;
  if (plan.uncertain.length === 0) {
    tree = plan.entries.length > 0 ? await writer.tree(onto.tree, plan.entries) : onto.tree;
  } else {
    usedServerMerge = true;
    const inverse = await writer.commit({
      message: `Inverse of ${input.mergeSha} for a revert`,
      tree: before.tree,
      parents: [input.mergeSha],
    });
    const outcome = await serverCherryPick(source, writer, {
      pick: { sha: inverse, parent: input.mergeSha },
      baseTree: merged.tree,
      oursTree: onto.tree,
      plan,
    });
    tree = outcome.tree;
    conflictFiles = outcome.conflictFiles;
  }
  if (tree === onto.tree && conflictFiles.length === 0) {
    return { status: "empty", headSha: input.ontoSha, conflictFiles, usedServerMerge, writes: writer.writes };
  }
  const headSha = await writer.commit({ message: input.message, tree, parents: [input.ontoSha] });
  return {
    status: conflictFiles.length > 0 ? "conflict" : "clean",
    headSha,
    conflictFiles,
    usedServerMerge,
    writes: writer.writes,
  };
}
