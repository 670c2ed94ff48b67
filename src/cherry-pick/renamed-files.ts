import { mergeFileLikeGit } from "./git-merge/merge-file-like-git.js";
import type { FileChange, GitEntry, TreeSource } from "./git-tree.js";
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
import { pairRenames } from "./rename-pairs.js";
import { diffTrees, entryAt } from "./tree-changes.js";

/** What the renames of a pick settle: entries, items for git (and a person), and the paths they cover. */
export interface RenamePlan {
  entries: NewEntry[];
  uncertain: UncertainItem[];
  /** Paths of the picked commit's changes planned here, which the per-path plan must skip. */
  handled: Set<string>;
  /** The fix's certain renames, source -> destination. */
  theirsRenames: ReadonlyMap<string, string>;
}

const MANUAL = "replay the fix on this file by hand (`git cherry-pick -x` shows git's result)";

/**
 * Follows renames the way git's cherry-pick does (merge-ort): a file the target renamed takes the fix at its new
 * path; a file the fix renamed is merged with the target's changes and lands at the fix's new path; a rename on
 * one side against a deletion on the other conflicts (rename/delete) with the renamed file left in place. Where
 * the pairing is not certain, or git's result is one the bot cannot write (a rename on both sides to different
 * names, a rename onto a path the other side added), the files are listed for a person, never guessed.
 */
export async function planRenames(
  source: TreeSource,
  trees: PickTrees,
  labels: PickLabels,
  theirsChanges: readonly FileChange[],
): Promise<RenamePlan> {
  const plan: RenamePlan = { entries: [], uncertain: [], handled: new Set(), theirsRenames: new Map() };
  const ours = async (path: string) => entryAt(source, trees.ours, path);
  const byPath = new Map(theirsChanges.map((change) => [change.path, change]));

  // The fix's renames: what it deletes against what it adds.
  const theirs = await pairRenames(
    theirsChanges.flatMap((c) => (c.before && !c.after ? [{ path: c.path, entry: c.before }] : [])),
    theirsChanges.flatMap((c) => (c.after && !c.before ? [{ path: c.path, entry: c.after }] : [])),
    (sha) => source.blob(sha),
  );
  plan.theirsRenames = theirs.pairs;

  // The target's renames matter only for files the fix changes and the target no longer has there.
  const missing: FileChange[] = [];
  for (const change of theirsChanges) {
    if (change.before && (await ours(change.path)) === null) missing.push(change);
  }
  // ... and for files the fix adds in a directory the target no longer has (git may move them with it).
  let orphans = false;
  for (const change of theirsChanges) {
    const dir = change.path.includes("/") ? change.path.slice(0, change.path.lastIndexOf("/")) : "";
    if (change.before !== null || dir === "" || orphans) continue;
    const [inBase, inOurs] = [await entryAt(source, trees.base, dir), await ours(dir)];
    orphans = inBase !== null && inOurs === null;
  }
  let oursPairs = new Map<string, string>();
  const oursUnsure = new Set<string>();
  if (missing.length > 0 || orphans) {
    const oursChanges = await diffTrees(source, trees.base, trees.ours);
    if (oursChanges.incomplete) {
      for (const change of missing) oursUnsure.add(change.path);
    } else {
      const found = await pairRenames(
        oursChanges.files.flatMap((c) => (c.before && !c.after ? [{ path: c.path, entry: c.before }] : [])),
        oursChanges.files.flatMap((c) => (c.after && !c.before ? [{ path: c.path, entry: c.after }] : [])),
        (sha) => source.blob(sha),
      );
      oursPairs = found.pairs;
      for (const path of found.unsure) oursUnsure.add(path);
    }
  }

  const item = (fields: Omit<UncertainItem, "conflictLikely"> & { conflictLikely?: boolean }) => {
    plan.uncertain.push({ conflictLikely: false, ...fields });
    for (const change of fields.theirs) plan.handled.add(change.path);
  };
  const changesOf = (...paths: string[]) =>
    paths.flatMap((path) => {
      const change = byPath.get(path);
      return change ? [change] : [];
    });

  // Pairings git may make differently: the fix's files involved go to a person, with the target's candidates.
  // The fix's own doubtful renames matter only where the target changed a source: elsewhere a rename and a
  // deletion plus an addition come to the same tree.
  let theirsUnsureMatters = false;
  for (const path of theirs.unsure) {
    const before = byPath.get(path)?.before;
    const there = before ? await ours(path) : null;
    if (
      before &&
      (there === null || there === "blocked" || there.sha !== before.sha || there.mode !== before.mode)
    ) {
      theirsUnsureMatters = true;
    }
  }
  const unsure = new Set([
    ...(theirsUnsureMatters ? theirs.unsure : []),
    ...[...oursUnsure].filter((path) => byPath.has(path)),
  ]);
  const unsureChanges = changesOf(...unsure);
  if (unsureChanges.length > 0) {
    const paths = [...new Set([...unsureChanges.map((c) => c.path), ...[...oursUnsure]])].sort();
    item({
      reason: `git may pair ${paths.join(", ")} as renames differently`,
      paths,
      theirs: unsureChanges,
      onConflict: [],
      undrafted: `a rename git may or may not see here (similar files, or a score near git's 50 % threshold): ${MANUAL}`,
    });
  }

  // A file the fix adds in a directory the target renamed: git moves it along (and reports the new place).
  for (const change of theirsChanges) {
    if (change.before !== null || plan.handled.has(change.path) || change.after === null) continue;
    const moved = await movedWithDirectory(source, trees, change.path, oursPairs);
    if (moved === null) continue;
    item({
      reason: `${change.path} is added in a directory the target renamed`,
      paths: [...new Set([change.path, moved])].sort(),
      theirs: [change],
      onConflict: [],
      undrafted: `added by the fix in a directory the target renamed; git moves it to \`${moved}\`: check where it belongs`,
    });
  }

  // A file both the fix and the target renamed, or the fix renamed alone.
  for (const [from, to] of theirs.pairs) {
    if (unsure.has(from) || unsure.has(to)) continue;
    const deleted = byPath.get(from) as FileChange;
    const added = byPath.get(to) as FileChange;
    const base = deleted.before as GitEntry;
    const fixed = added.after as GitEntry;
    const changes = [deleted, added];
    const oursFrom = await ours(from);
    const oursTo = await ours(to);
    const oursRenamed = oursPairs.get(from);
    if (oursRenamed !== undefined && oursRenamed !== to) {
      item({
        reason: `${from} is renamed to ${oursRenamed} on the target and to ${to} by the fix`,
        paths: [from, oursRenamed, to].sort(),
        theirs: changes,
        onConflict: [{ path: to, entry: fixed }],
        conflictLikely: true,
        undrafted: `renamed to \`${oursRenamed}\` on the target and to \`${to}\` by the fix (rename/rename): choose one name and ${MANUAL}`,
      });
      continue;
    }
    if (oursRenamed === to) {
      // Both renamed it to the same name: git merges the contents there.
      await mergeAt(to, { base, ours: oursTo as GitEntry, theirs: fixed }, changes, [], true);
      continue;
    }
    if (oursFrom === null && oursTo === null && !oursUnsure.has(from)) {
      // Deleted on the target, renamed by the fix: git leaves the fix's file at its new name and conflicts.
      item({
        reason: `${from} is deleted on the target and renamed to ${to} by the fix`,
        paths: [to],
        theirs: changes,
        onConflict: [{ path: to, entry: fixed }],
        conflictLikely: true,
        undrafted: `deleted on the target, renamed from \`${from}\` by the fix (rename/delete): git leaves the fix's version without markers; keep it or delete it`,
        asGit: true,
      });
      continue;
    }
    if (oursFrom === null || oursFrom === "blocked" || oursFrom.type === "tree" || oursTo !== null) {
      item({
        reason: `the fix renames ${from} to ${to}, which the target changed in another way`,
        paths: [to],
        theirs: changes,
        onConflict:
          oursFrom !== null && oursFrom !== "blocked" && oursFrom.type !== "tree"
            ? [{ path: from, remove: oursFrom }]
            : [],
        conflictLikely: true,
        undrafted: `renamed from \`${from}\` by the fix onto a path the target changed or added: ${MANUAL}`,
      });
      continue;
    }
    if (oursFrom.sha === base.sha && oursFrom.mode === base.mode) {
      // The target left the file alone: the rename is just a deletion and an addition.
      plan.entries.push({ path: from, remove: oursFrom }, { path: to, entry: fixed });
      plan.handled.add(from).add(to);
      continue;
    }
    await mergeAt(
      to,
      { base, ours: oursFrom, theirs: fixed },
      changes,
      [{ path: from, remove: oursFrom }],
      false,
      {
        ours: `${labels.ours}:${from}`,
        theirs: `${labels.theirs}:${to}`,
      },
    );
  }

  // A file the target renamed, which the fix changed (or deleted) at its old path.
  for (const [from, to] of oursPairs) {
    const change = byPath.get(from);
    if (!change || plan.handled.has(from) || unsure.has(from) || theirs.pairs.has(from)) continue;
    const base = change.before as GitEntry;
    const oursTo = (await ours(to)) as GitEntry;
    if (byPath.has(to)) {
      item({
        reason: `${from} is renamed to ${to} on the target, where the fix adds a file`,
        paths: [to],
        theirs: changesOf(from, to),
        onConflict: [],
        conflictLikely: true,
        undrafted: `renamed from \`${from}\` on the target onto a path the fix also writes: ${MANUAL}`,
      });
      continue;
    }
    if (change.after === null) {
      item({
        reason: `${from} is renamed to ${to} on the target and deleted by the fix`,
        paths: [to],
        theirs: [change],
        onConflict: [],
        conflictLikely: true,
        undrafted: `renamed from \`${from}\` on the target, deleted by the fix (rename/delete): git keeps the target's file without markers; keep it or delete it`,
        asGit: true,
      });
      continue;
    }
    await mergeAt(to, { base, ours: oursTo, theirs: change.after }, [change], [], true, {
      ours: `${labels.ours}:${to}`,
      theirs: `${labels.theirs}:${from}`,
    });
  }
  return plan;

  /** The line merge of a renamed file, written at `path`; `extra` entries go with it (the old path's removal). */
  async function mergeAt(
    path: string,
    versions: { base: GitEntry; ours: GitEntry; theirs: GitEntry },
    changes: FileChange[],
    extra: NewEntry[],
    /** Whether the target's version already sits at `path` (nothing to write when the merge leaves it). */
    oursAtPath: boolean,
    markerLabels: PickLabels = labels,
  ): Promise<void> {
    const cannot = (why: string) =>
      item({
        reason: `${path} (renamed) ${why}`,
        paths: [path],
        theirs: changes,
        onConflict: extra,
        conflictLikely: true,
        undrafted: `renamed, and ${why}: ${MANUAL}`,
      });
    const { base, ours: o, theirs: t } = versions;
    if (!regular(base) || !regular(o) || !regular(t)) return cannot("a symlink or submodule on one side");
    const mode = mergeMode(base.mode, o.mode, t.mode);
    if (mode === null) return cannot("its mode changed on both sides");
    if ([base, o, t].some((entry) => (entry.size ?? 0) > MAX_READABLE_BLOB_BYTES)) {
      return cannot("too large to read through GitHub's API");
    }
    const [b, x, y] = await Promise.all([source.blob(base.sha), source.blob(o.sha), source.blob(t.sha)]);
    if ([b, x, y].some(looksBinary)) return cannot("binary on one side");
    const merged = mergeFileLikeGit({
      base: bytesToText(b),
      ours: bytesToText(x),
      theirs: bytesToText(y),
      oursLabel: bytesToText(utf8(markerLabels.ours)),
      theirsLabel: bytesToText(utf8(markerLabels.theirs)),
    });
    if (!merged.reproduced) return cannot(merged.why);
    const content = textToBytes(merged.text);
    const write: NewEntry[] =
      oursAtPath && mode === o.mode && sameBytes(content, x) ? extra : [...extra, { path, mode, content }];
    if (merged.conflicts === 0) {
      plan.entries.push(...write);
      for (const change of changes) plan.handled.add(change.path);
      return;
    }
    item({
      reason: `${path} (renamed) may conflict`,
      paths: [path],
      theirs: changes,
      onConflict: write,
      conflictLikely: true,
    });
  }
}

/**
 * Where git's directory rename detection moves `path`, added on one side, when a directory above it is gone on
 * the other side (`trees.ours`) because its files were renamed elsewhere: the directory most of them went to. Null
 * when no directory above it moved.
 */
export async function movedWithDirectory(
  source: TreeSource,
  trees: PickTrees,
  path: string,
  renames: ReadonlyMap<string, string>,
): Promise<string | null> {
  const parts = path.split("/");
  for (let depth = parts.length - 1; depth >= 1; depth--) {
    const dir = parts.slice(0, depth).join("/");
    const inBase = await entryAt(source, trees.base, dir);
    const inOurs = await entryAt(source, trees.ours, dir);
    if (inBase === null || inBase === "blocked" || inBase.type !== "tree") continue;
    if (inOurs !== null && inOurs !== "blocked" && inOurs.type === "tree") continue;
    const votes = new Map<string, number>();
    for (const [from, to] of renames) {
      if (!from.startsWith(`${dir}/`)) continue;
      const fromDir = from.slice(0, from.lastIndexOf("/"));
      const toDir = to.includes("/") ? to.slice(0, to.lastIndexOf("/")) : "";
      const rest = fromDir.slice(dir.length);
      // dir/x/f -> new/x/f says dir -> new; only the part that is not the file's own subdirectory counts.
      if (rest !== "" && !toDir.endsWith(rest)) continue;
      const target = toDir.slice(0, toDir.length - rest.length);
      votes.set(target, (votes.get(target) ?? 0) + 1);
    }
    const ranked = [...votes.entries()].sort((x, y) => y[1] - x[1]);
    const [best, second] = ranked;
    if (!best || (second && second[1] === best[1])) return best ? path : null;
    const tail = parts.slice(depth).join("/");
    return best[0] === "" ? tail : `${best[0]}/${tail}`;
  }
  return null;
}
