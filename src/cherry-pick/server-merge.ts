import { randomBytes } from "node:crypto";
import { CherryPickError } from "./backport-errors.js";
import type { FileChange, TreeSource } from "./git-tree.js";
import type { GitWrites } from "./git-writer.js";
import type { LocalPlan } from "./local-pick.js";
import type { NewEntry, UncertainItem } from "./pick-entries.js";
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
  /** Conflicting files committed without git's conflict blocks, and why (see UncertainItem.undrafted). */
  undraftedFiles: UndraftedFile[];
}

/**
 * A conflicting file no conflict marker explains: committed without git's conflict blocks (the fix's change to it
 * is missing), or — `asGit` — as git leaves it, without markers because git writes none there either (a
 * rename/delete). Either way a person must act on it, and the draft says so.
 */
export interface UndraftedFile {
  path: string;
  reason: string;
  asGit?: boolean;
}

/**
 * Lets git decide a cherry-pick through GitHub's merge endpoint. A sibling commit S has the target's tree and the
 * picked commit's parent as parent; merging the picked commit into a temporary branch at S is then exactly the
 * three-way merge a cherry-pick does (merge base = the parent). A clean merge's tree is the answer. On a conflict,
 * up to PROBE_EACH_MAX uncertain items are merged by git one by one, so that only what git really conflicts on is
 * reported; more items are judged in a fixed number of writes: the ones git conflicts on whenever the whole does
 * (`conflictLikely`) are reported, the others merged by git together in one probe (at most eight writes).
 * The temporary branch is always deleted.
 */
export async function serverCherryPick(
  source: TreeSource,
  writer: GitWrites,
  input: ServerPickInput,
): Promise<ServerPickOutcome> {
  const { pick, oursTree, plan } = input;
  const sibling = await writer.commit({
    message: `Merge base for cherry-picking ${pick.sha}`,
    tree: oursTree,
    parents: [pick.parent],
  });
  const branch = `hotfix-bot/tmp-pick-${pick.sha.slice(0, 12)}-${randomBytes(4).toString("hex")}`;
  await writer.createBranch(branch, sibling);
  try {
    const whole = await writer.merge(branch, pick.sha, `Cherry-pick ${pick.sha}`);
    if (whole.merged) return { tree: whole.tree, conflictFiles: [], undraftedFiles: [] };
    if (whole.reason === "nothing") {
      throw new CherryPickError(pick.sha, "GitHub found nothing to merge onto the sibling commit");
    }

    let conflicted: UncertainItem[] = plan.uncertain;
    let resolved: NewEntry[] = [];
    if (plan.uncertain.length > 1 && plan.uncertain.length <= PROBE_EACH_MAX) {
      // Few items: git judges each alone, so that only what it really conflicts on is reported.
      ({ conflicted, resolved } = await probeEach(source, writer, { ...input, branch, sibling }));
    } else if (plan.uncertain.length > PROBE_EACH_MAX) {
      // Many items: a bounded number of writes whatever the number of files. Items git almost surely conflicts
      // on are taken as conflicts; the rest are merged by git together, in one probe, when both kinds are present.
      const likely = plan.uncertain.filter((item) => item.conflictLikely);
      const unsure = plan.uncertain.filter((item) => !item.conflictLikely);
      const settled =
        likely.length > 0 && unsure.length > 0
          ? (await probe(source, writer, { ...input, branch, items: unsure })).settled
          : null;
      if (settled) {
        conflicted = likely;
        resolved = settled;
      }
    }
    const entries = [...plan.entries, ...resolved, ...conflicted.flatMap((item) => item.onConflict)];
    const tree = entries.length > 0 ? await writer.tree(oursTree, entries) : oursTree;
    const undraftedFiles = conflicted.flatMap((item) =>
      item.undrafted === undefined
        ? []
        : item.paths.map((path) => ({
            path,
            reason: item.undrafted as string,
            ...(item.asGit ? { asGit: true } : {}),
          })),
    );
    return {
      tree,
      conflictFiles: [...new Set(conflicted.flatMap((item) => item.paths))].sort(),
      undraftedFiles,
    };
  } finally {
    await writer.deleteBranch(branch).catch(() => undefined);
  }
}

/**
 * Up to this many uncertain items are merged by git one by one (four writes each at most); beyond, they are
 * grouped so that a conflict draft stays within a fixed number of writes (at most ten before its PR).
 */
export const PROBE_EACH_MAX = 6;

/** Each item merged alone into `branch`, moved back to `sibling` between merges: what git conflicts on, the rest's result. */
async function probeEach(
  source: TreeSource,
  writer: GitWrites,
  input: ServerPickInput & { branch: string; sibling: string },
): Promise<{ conflicted: UncertainItem[]; resolved: NewEntry[] }> {
  const { plan, branch, sibling } = input;
  const conflicted: UncertainItem[] = [];
  const resolved: NewEntry[] = [];
  let branchAtSibling = true;
  for (const item of plan.uncertain) {
    if (!branchAtSibling) await writer.moveBranch(branch, sibling);
    const { merged, settled } = await probe(source, writer, { ...input, items: [item] });
    branchAtSibling = !merged;
    if (settled === null) conflicted.push(item);
    else resolved.push(...settled);
  }
  // Every item merges alone, yet not all together: they interact (a rename, say). Report them all.
  if (conflicted.length === 0) return { conflicted: plan.uncertain, resolved: [] };
  return { conflicted, resolved };
}

/**
 * Merges only `items`' changes (a commit replaying them onto the pick's parent) into `branch`, which is at the
 * sibling commit: git's result for those paths (`settled`), or null when git conflicts on them; `merged` says
 * whether the branch moved. Three writes.
 */
async function probe(
  source: TreeSource,
  writer: GitWrites,
  input: ServerPickInput & { branch: string; items: UncertainItem[] },
): Promise<{ merged: boolean; settled: NewEntry[] | null }> {
  const { pick, baseTree, oursTree, branch, items } = input;
  const probeTree = await writer.tree(
    baseTree,
    items.flatMap((item) => item.theirs.map(afterEntry)),
  );
  const probeCommit = await writer.commit({
    message: `Probe for cherry-picking ${pick.sha}`,
    tree: probeTree,
    parents: [pick.parent],
  });
  const outcome = await writer.merge(branch, probeCommit, `Probe ${pick.sha}`);
  if (!outcome.merged) return { merged: false, settled: null };
  const effect = await diffTrees(source, oursTree, outcome.tree);
  if (effect.incomplete || effect.clashes.length > 0) return { merged: true, settled: null };
  return { merged: true, settled: effect.files.map(afterEntry) };
}

/** The tree entry that brings a path to its state after the change. */
function afterEntry(change: FileChange): NewEntry {
  if (change.after) return { path: change.path, entry: change.after };
  if (change.before) return { path: change.path, remove: change.before };
  throw new Error(`a change of ${change.path} with neither side`);
}
