import { mergeFileLikeGit } from "./git-merge/merge-file-like-git.js";
import { type FileChange, type GitEntry, parentDirs, sameEntry, type TreeSource } from "./git-tree.js";
import {
  bytesToText,
  looksBinary,
  MAX_READABLE_BLOB_BYTES,
  mergeMode,
  type NewEntry,
  type PickLabels,
  type PickTrees,
  regular,
  sameBytes,
  textToBytes,
  type UncertainItem,
  utf8,
} from "./pick-entries.js";
import { movedWithDirectory, planRenames } from "./renamed-files.js";
import { diffTrees, entryAt } from "./tree-changes.js";

export interface LocalPlan {
  /** Entries settled locally: what git's cherry-pick would write for those paths. */
  entries: NewEntry[];
  uncertain: UncertainItem[];
  /** Every path the picked commit changes. */
  changedPaths: string[];
  /** Files whose two-sided changes were merged here. */
  mergedFiles: number;
}

/** What a person must do where no conflict marker shows the fix's change. */
const NO_MARKERS = "apply the fix's change by hand (`git cherry-pick -x` shows git's result)";

/** Attributes that change how git merges a file (a merge driver, `binary`, the marker size). */
const MERGE_ATTRIBUTES = /(^|[\s!-])(merge|binary|conflict-marker-size)\b/m;

/**
 * Works out a cherry-pick of `theirs` (against `base`) onto `ours` from the trees alone: which paths need no
 * change, which take the picked version, which need a line merge (done here), and which only git can decide —
 * renames, directory moves, binary and symlink conflicts, merge attributes, modify/delete, or a line merge that
 * is not certainly clean. Reads go through `source`; nothing is written.
 */
export async function planPick(source: TreeSource, trees: PickTrees, labels: PickLabels): Promise<LocalPlan> {
  const changes = await diffTrees(source, trees.base, trees.theirs);
  const changedPaths = [...changes.files.map((c) => c.path), ...changes.clashes];
  const plan: LocalPlan = { entries: [], uncertain: [], changedPaths, mergedFiles: 0 };
  if (changes.incomplete) {
    // A tree too large to list: the whole pick goes to git.
    plan.uncertain.push({
      reason: "a changed directory is too large to list",
      paths: changedPaths,
      theirs: changes.files,
      onConflict: [],
      conflictLikely: false,
      undrafted: "the fix changes a directory too large for the bot to list: replay the fix by hand",
    });
    return plan;
  }
  for (const path of changes.clashes) {
    // A directory replaced by a submodule or a file (or back): git moves one of them aside under a new name.
    plan.uncertain.push({
      reason: `a directory and a file or submodule swap places at ${path}`,
      paths: [path],
      theirs: await clashChanges(source, trees, path),
      onConflict: [],
      conflictLikely: false,
      undrafted:
        "a directory and a submodule (or a file) swap places here, and git moves one of them aside: replay the fix's change to this path by hand",
    });
  }
  const ours = (path: string) => entryAt(source, trees.ours, path);
  const isDir = (entry: GitEntry | null | "blocked") =>
    entry !== null && entry !== "blocked" && entry.type === "tree";

  const renamed = await planRenames(source, trees, labels, changes.files);
  plan.entries.push(...renamed.entries);
  plan.uncertain.push(...renamed.uncertain);

  // A directory the picked commit empties, where the target added files: if the pick moved the directory, git
  // moves the target's new files along (and reports their new place).
  const adds = changes.files.some((c) => c.before === null);
  for (const dir of changes.removedDirs) {
    const there = await ours(dir.path);
    if (!adds || !isDir(there) || (there as GitEntry).sha === dir.sha) continue;
    const before = new Set(changes.files.filter((c) => c.path.startsWith(`${dir.path}/`)).map((c) => c.path));
    const added = ((await source.files((there as GitEntry).sha)) ?? [])
      .map((file) => `${dir.path}/${file.path}`)
      .filter((path) => !before.has(path));
    if (added.length === 0) continue;
    // Where git's directory rename detection puts them, when the fix's renames moved the directory.
    const swapped = { base: trees.base, ours: trees.theirs, theirs: trees.ours };
    const moved = await Promise.all(
      added.map((path) => movedWithDirectory(source, swapped, path, renamed.theirsRenames)),
    );
    plan.uncertain.push({
      reason: `the target added files under ${dir.path}/, which the picked commit empties`,
      paths: [...new Set([...added, ...moved.filter((path) => path !== null)])].sort(),
      theirs: changes.files,
      onConflict: [],
      conflictLikely: false,
      undrafted: `added on the target under ${dir.path}/, which the fix empties; git may move it with the directory: check where it belongs`,
    });
  }

  const merges: { change: FileChange; ours: GitEntry; mode: string; addedTwice?: boolean }[] = [];
  for (const change of changes.files) {
    if (renamed.handled.has(change.path)) continue;
    const { path, before: base, after: theirs } = change;
    const o = await ours(path);
    const uncertain = (
      reason: string,
      onConflict: NewEntry[] = [],
      conflictLikely = false,
      forPerson: Pick<UncertainItem, "undrafted" | "asGit"> = {},
    ) =>
      plan.uncertain.push({
        reason,
        paths: [path],
        theirs: [change],
        onConflict,
        conflictLikely,
        ...forPerson,
      });
    if (o === "blocked" || (o !== null && o.type === "tree")) {
      // A file or submodule took the place of a directory above it (or a directory took the file's place).
      const blocker = o === "blocked" ? await blockingPath(source, trees.ours, path) : path;
      plan.uncertain.push({
        reason: `${path} is a directory path on the target`,
        paths: [...new Set([path, blocker])].sort(),
        theirs: [change],
        onConflict: [],
        conflictLikely: false,
        undrafted: `the target has a file, submodule or directory in the way at \`${blocker}\`; git moves one of them aside: replay the fix's change here by hand`,
      });
      continue;
    }
    if (sameEntry(theirs, o)) {
      // Both gone: git may pair the deletion with an addition elsewhere (a rename) and conflict.
      if (theirs === null) uncertain(`${path} is deleted on both sides`);
      continue;
    }
    if (sameEntry(base, o)) {
      if (base === null) {
        let moved = false;
        for (const dir of parentDirs(path)) {
          if (isDir(await entryAt(source, trees.base, dir)) && !isDir(await ours(dir))) moved = true;
        }
        if (moved) {
          plan.uncertain.push({
            reason: `the directory of the new file ${path} is gone on the target`,
            paths: [path],
            theirs: [change],
            onConflict: theirs ? [{ path, entry: theirs }] : [],
            conflictLikely: false,
            undrafted:
              "added by the fix in a directory the target removed or renamed; git may move it: check where it belongs",
          });
          continue;
        }
      }
      plan.entries.push(theirs ? { path, entry: theirs } : { path, remove: base as GitEntry });
      continue;
    }
    // Both sides changed the path, differently.
    if (base === null || o === null || theirs === null) {
      const kind =
        base === null ? "added on both sides" : o === null ? "deleted on the target" : "deleted by the pick";
      const onConflict = o === null && theirs ? [{ path, entry: theirs }] : [];
      if (base === null && o && theirs && regular(o) && regular(theirs)) {
        // Added on both sides, differently: git conflicts; merge here only to write git-like markers.
        merges.push({ change, ours: o, mode: o.mode, addedTwice: true });
        continue;
      }
      const forPerson =
        base === null
          ? { undrafted: `added on both sides, as different kinds of file: ${NO_MARKERS}` }
          : {
              undrafted: `${kind}, changed on the other side (modify/delete): git leaves the changed version without markers; keep it or delete it`,
              asGit: true,
            };
      uncertain(`${path} is ${kind}`, onConflict, true, forPerson);
      continue;
    }
    if (!regular(base) || !regular(o) || !regular(theirs)) {
      uncertain(`${path} is a symlink or submodule changed on both sides`, [], true, {
        undrafted: `a symlink or submodule changed on both sides; the draft keeps the target's: ${NO_MARKERS}`,
      });
      continue;
    }
    const mode = mergeMode(base.mode, o.mode, theirs.mode);
    if (mode === null) {
      uncertain(`${path} has its mode changed on both sides`, [], true, {
        undrafted: `its executable bit changed differently on both sides; the draft keeps the target's file: ${NO_MARKERS}`,
      });
      continue;
    }
    if (base.sha === theirs.sha || o.sha === theirs.sha) {
      // Only the mode can still change; the target's content is the result.
      if (mode !== o.mode) plan.entries.push({ path, entry: { ...o, mode } });
    } else if (base.sha === o.sha) {
      plan.entries.push({ path, entry: { ...theirs, mode } });
    } else {
      merges.push({ change, ours: o, mode });
    }
  }

  if (merges.length > 0) {
    const attributesChanged = changedPaths.some(
      (p) => p === ".gitattributes" || p.endsWith("/.gitattributes"),
    );
    for (const { change, ours: o, mode, addedTwice } of merges) {
      const uncertain = (reason: string, onConflict: NewEntry[] = [], conflictLikely = false) =>
        plan.uncertain.push({ reason, paths: [change.path], theirs: [change], onConflict, conflictLikely });
      // git would write conflict blocks here; the draft keeps the target's bytes and says so.
      const undrafted = (reason: string, undraftedWhy: string) =>
        plan.uncertain.push({
          reason,
          paths: [change.path],
          theirs: [change],
          onConflict: [],
          conflictLikely: false,
          undrafted: undraftedWhy,
        });
      if (attributesChanged || (await mergeAttributesApply(source, trees.ours, change.path))) {
        uncertain(`${change.path} may have merge attributes`);
        continue;
      }
      const theirs = change.after as GitEntry;
      if ([change.before, o, theirs].some((entry) => (entry?.size ?? 0) > MAX_READABLE_BLOB_BYTES)) {
        undrafted(
          `${change.path} is too large to read through the API`,
          `over ${MAX_READABLE_BLOB_BYTES / 1024 / 1024} MB, more than GitHub's API serves: the bot keeps the target's version, without the fix's change to it`,
        );
        continue;
      }
      const [b, x, y] = await Promise.all([
        change.before ? source.blob(change.before.sha) : Promise.resolve(new Uint8Array()),
        source.blob(o.sha),
        source.blob(theirs.sha),
      ]);
      if ([b, x, y].some(looksBinary)) {
        plan.uncertain.push({
          reason: `${change.path} is binary`,
          paths: [change.path],
          theirs: [change],
          onConflict: [],
          conflictLikely: true,
          undrafted:
            "a binary file, which git does not merge either: it keeps the target's version, without the fix's change to it; apply the fix's version by hand if it is needed",
          asGit: true,
        });
        continue;
      }
      const merged = mergeFileLikeGit({
        base: bytesToText(b),
        ours: bytesToText(x),
        theirs: bytesToText(y),
        oursLabel: bytesToText(utf8(labels.ours)),
        theirsLabel: bytesToText(utf8(labels.theirs)),
      });
      if (!merged.reproduced) {
        // Whether git conflicts is for git to say; if it does, no guessed blocks pass for git's.
        undrafted(
          `${change.path} may conflict`,
          `${merged.why}: the bot keeps the target's version, without the fix's change to it`,
        );
        continue;
      }
      const content = textToBytes(merged.text);
      if (merged.conflicts === 0 && !addedTwice) {
        // git's own result for this file, byte for byte.
        plan.mergedFiles++;
        if (mode === o.mode && sameBytes(content, x)) continue;
        plan.entries.push({ path: change.path, mode, content });
      } else if (addedTwice) {
        // A file added on both sides may pair with a deletion elsewhere (a rename): git's to judge.
        uncertain(`${change.path} is added on both sides`, [{ path: change.path, mode, content }], true);
      } else {
        const blocks = `${merged.conflicts} conflict block${merged.conflicts === 1 ? "" : "s"}`;
        plan.uncertain.push({
          reason: `${change.path} has ${blocks}`,
          paths: [change.path],
          theirs: [change],
          onConflict: [{ path: change.path, mode, content }],
          conflictLikely: true,
          certain: true,
        });
      }
    }
  }
  return plan;
}

/**
 * The picked commit's changes at a path that is a directory on one side and a file or submodule on the other,
 * file by file, removals first: what a probe replays.
 */
async function clashChanges(source: TreeSource, trees: PickTrees, path: string): Promise<FileChange[]> {
  const [before, after] = await Promise.all([
    entryAt(source, trees.base, path),
    entryAt(source, trees.theirs, path),
  ]);
  const filesOf = async (entry: GitEntry | null | "blocked") =>
    entry !== null && entry !== "blocked" && entry.type === "tree"
      ? ((await source.files(entry.sha)) ?? []).map((file) => ({
          path: `${path}/${file.path}`,
          entry: { mode: file.mode, type: file.type, sha: file.sha },
        }))
      : entry !== null && entry !== "blocked"
        ? [{ path, entry }]
        : [];
  const removed = (await filesOf(before)).map(({ path: p, entry }) => ({
    path: p,
    before: entry,
    after: null,
  }));
  const added = (await filesOf(after)).map(({ path: p, entry }) => ({ path: p, before: null, after: entry }));
  return [...removed, ...added];
}

/** The first directory of `path` that is a file or submodule in `tree`. */
async function blockingPath(source: TreeSource, tree: string, path: string): Promise<string> {
  for (const dir of parentDirs(path)) {
    const entry = await entryAt(source, tree, dir);
    if (entry !== null && entry !== "blocked" && entry.type !== "tree") return dir;
  }
  return path;
}

/** Whether a `.gitattributes` on the target, in the file's directory or above, could change how git merges it. */
async function mergeAttributesApply(source: TreeSource, oursTree: string, path: string): Promise<boolean> {
  for (const dir of ["", ...parentDirs(path)]) {
    const file = await entryAt(source, oursTree, dir === "" ? ".gitattributes" : `${dir}/.gitattributes`);
    if (file === null || file === "blocked" || file.type !== "blob") continue;
    if (MERGE_ATTRIBUTES.test(bytesToText(await source.blob(file.sha)))) return true;
  }
  return false;
}
