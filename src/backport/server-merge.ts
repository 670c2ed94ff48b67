import { randomBytes } from "node:crypto";
import { CherryPickError } from "./backport-errors.js";
import type { FileChange, TreeSource } from "./git-tree.js";
import type { GitWrites } from "./git-writer.js";
import type { LocalPlan, NewEntry, UncertainItem } from "./local-pick.js";
import type { Pick } from "./pick-list.js";
import { diffTrees } from "./tree-changes.js";

export interface ServerPickInput {
  pick: Pick;
  /** The tree of the pick's parent (the merge base of the cherry-pick). */
  baseTree: string;
  oursTree: string;
  plan: LocalPlan;
}

export interface ServerPickOutcome {
  /** The tree git's cherry-pick ends with (conflicting paths as in `onConflict`), written or merged. */
  tree: string;
  conflictFiles: string[];
}

/**
 * Lets git decide a cherry-pick through GitHub's merge endpoint. A sibling commit S has the target's tree and the
 * picked commit's parent as parent; merging the picked commit into a temporary branch at S is then exactly the
 * three-way merge a cherry-pick does (merge base = the parent). A clean merge's tree is the answer. On a conflict,
 * each uncertain item is merged alone (a commit replaying only its changes onto the parent) when there are
 * several, so that only what git really conflicts on is reported; items that merge cleanly take git's result.
 * The temporary branch is always deleted.
 */
export async function serverCherryPick(
  source: TreeSource,
  writer: GitWrites,
  input: ServerPickInput,
): Promise<ServerPickOutcome> {
  const { pick, baseTree, oursTree, plan } = input;
  const sibling = await writer.commit({
    message: `Merge base for cherry-picking ${pick.sha}`,
    tree: oursTree,
    parents: [pick.parent],
  });
  const branch = `hotfix-bot/tmp-pick-${pick.sha.slice(0, 12)}-${randomBytes(4).toString("hex")}`;
  await writer.createBranch(branch, sibling);
  try {
    const whole = await writer.merge(branch, pick.sha, `Cherry-pick ${pick.sha}`);
    if (whole.merged) return { tree: whole.tree, conflictFiles: [] };
    if (whole.reason === "nothing") {
      throw new CherryPickError(pick.sha, "GitHub found nothing to merge onto the sibling commit");
    }

    let conflicted: UncertainItem[] = plan.uncertain;
    const resolved: NewEntry[] = [];
    if (plan.uncertain.length > 1) {
      conflicted = [];
      let branchAt = sibling;
      for (const item of plan.uncertain) {
        const probeTree = await writer.tree(baseTree, item.theirs.map(afterEntry));
        const probe = await writer.commit({
          message: `Probe for cherry-picking ${pick.sha}`,
          tree: probeTree,
          parents: [pick.parent],
        });
        if (branchAt !== sibling) await writer.moveBranch(branch, sibling);
        branchAt = sibling;
        const outcome = await writer.merge(branch, probe, `Probe ${pick.sha}`);
        if (!outcome.merged) {
          conflicted.push(item);
          continue;
        }
        branchAt = outcome.sha;
        const effect = await diffTrees(source, oursTree, outcome.tree);
        if (effect.incomplete || effect.clashes.length > 0) {
          conflicted.push(item);
          continue;
        }
        resolved.push(...effect.files.map(afterEntry));
      }
      // Every item merges alone, yet not all together: they interact (a rename, say). Report them all.
      if (conflicted.length === 0) {
        conflicted = plan.uncertain;
        resolved.length = 0;
      }
    }
    const entries = [...plan.entries, ...resolved, ...conflicted.flatMap((item) => item.onConflict)];
    const tree = entries.length > 0 ? await writer.tree(oursTree, entries) : oursTree;
    return { tree, conflictFiles: [...new Set(conflicted.flatMap((item) => item.paths))].sort() };
  } finally {
    await writer.deleteBranch(branch).catch(() => undefined);
  }
}

/** The tree entry that brings a path to its state after the change. */
function afterEntry(change: FileChange): NewEntry {
  if (change.after) return { path: change.path, entry: change.after };
  if (change.before) return { path: change.path, remove: change.before };
  throw new Error(`a change of ${change.path} with neither side`);
}
