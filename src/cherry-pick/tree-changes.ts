import type { FileChange, GitEntry, TreeItem, TreeSource } from "./git-tree.js";

export interface TreeChanges {
  /** Files (blobs and submodules) that differ, in path order. */
  files: FileChange[];
  /** Directories present before and gone after, with their tree before. */
  removedDirs: { path: string; sha: string }[];
  /** Paths that are a directory on one side and a file on the other. */
  clashes: string[];
  /** Whether a listing was too large to be complete; the changes are then not to be trusted. */
  incomplete: boolean;
}

/**
 * The file-level differences between two trees, read one directory at a time and only where the trees differ:
 * a one-line fix deep in a large repository costs a handful of reads.
 */
export async function diffTrees(source: TreeSource, before: string, after: string): Promise<TreeChanges> {
  const result: TreeChanges = { files: [], removedDirs: [], clashes: [], incomplete: false };
  await walk(source, "", before, after, result);
  result.files.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  return result;
}

async function walk(
  source: TreeSource,
  prefix: string,
  before: string | null,
  after: string | null,
  out: TreeChanges,
): Promise<void> {
  if (before === after) return;
  const [left, right] = await Promise.all([
    before ? source.tree(before) : Promise.resolve([]),
    after ? source.tree(after) : Promise.resolve([]),
  ]);
  const byName = (items: TreeItem[]) => new Map(items.map((item) => [item.path, item]));
  const l = byName(left);
  const r = byName(right);
  for (const name of new Set([...l.keys(), ...r.keys()])) {
    const x = l.get(name) ?? null;
    const y = r.get(name) ?? null;
    if (x && y && x.sha === y.sha && x.mode === y.mode) continue;
    const path = prefix + name;
    const xDir = x?.type === "tree";
    const yDir = y?.type === "tree";
    if (xDir && yDir) {
      await walk(source, `${path}/`, x.sha, y.sha, out);
    } else if ((xDir && y) || (yDir && x)) {
      out.clashes.push(path);
    } else if (xDir || yDir) {
      const dir = (xDir ? x : y) as TreeItem;
      const files = await source.files(dir.sha);
      if (!files) {
        out.incomplete = true;
        continue;
      }
      if (xDir) out.removedDirs.push({ path, sha: dir.sha });
      for (const file of files) {
        const entry = strip(file);
        out.files.push({
          path: `${path}/${file.path}`,
          before: xDir ? entry : null,
          after: xDir ? null : entry,
        });
      }
    } else {
      out.files.push({ path, before: x ? strip(x) : null, after: y ? strip(y) : null });
    }
  }
}

function strip(item: TreeItem): GitEntry {
  const entry: GitEntry = { mode: item.mode, type: item.type, sha: item.sha };
  if (item.size !== undefined) entry.size = item.size;
  return entry;
}

/**
 * The entry at `path` in a tree: null when nothing is there, "blocked" when a file sits where one of the path's
 * directories should be.
 */
export async function entryAt(
  source: TreeSource,
  root: string,
  path: string,
): Promise<GitEntry | null | "blocked"> {
  let tree = root;
  const parts = path.split("/");
  for (let k = 0; k < parts.length; k++) {
    const item = (await source.tree(tree)).find((entry) => entry.path === parts[k]);
    if (!item) return null;
    if (k === parts.length - 1) return strip(item);
    if (item.type !== "tree") return "blocked";
    tree = item.sha;
  }
  return null;
}
