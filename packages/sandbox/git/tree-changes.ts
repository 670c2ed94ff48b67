import type { GitStore } from "./git-store.js";

/** Paths added, removed and modified between two trees, as a push event lists them (no rename detection). */
export interface TreeChanges {
  added: string[];
  removed: string[];
  modified: string[];
}

/**
 * Compares two trees in-process (objects are read from disk, no git process) and lists the changed file
 * paths in git's order. A subtree whose id did not change is not descended into.
 */
export async function treeChanges(
  store: GitStore,
  from: string | null,
  to: string | null,
): Promise<TreeChanges> {
  const changes: TreeChanges = { added: [], removed: [], modified: [] };
  await walk(store, from, to, "", changes);
  return changes;
}

async function allFiles(store: GitStore, tree: string, prefix: string, into: string[]): Promise<void> {
  for (const entry of (await store.readTree(tree)) ?? []) {
    const path = `${prefix}${entry.name}`;
    if (entry.type === "tree") await allFiles(store, entry.sha, `${path}/`, into);
    else into.push(path);
  }
}

async function walk(
  store: GitStore,
  from: string | null,
  to: string | null,
  prefix: string,
  changes: TreeChanges,
) {
  if (from === to) return;
  const before = new Map(
    ((from ? await store.readTree(from) : []) ?? []).map((entry) => [entry.name, entry]),
  );
  const after = new Map(((to ? await store.readTree(to) : []) ?? []).map((entry) => [entry.name, entry]));
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const name of names) {
    const old = before.get(name);
    const now = after.get(name);
    const path = `${prefix}${name}`;
    if (old && now && old.sha === now.sha && old.mode === now.mode) continue;
    if (old?.type === "tree" && now?.type === "tree") {
      await walk(store, old.sha, now.sha, `${path}/`, changes);
      continue;
    }
    if (old) {
      if (old.type === "tree") await allFiles(store, old.sha, `${path}/`, changes.removed);
      else if (!now || now.type === "tree") changes.removed.push(path);
    }
    if (now) {
      if (now.type === "tree") await allFiles(store, now.sha, `${path}/`, changes.added);
      else if (old && old.type !== "tree") changes.modified.push(path);
      else changes.added.push(path);
    }
  }
}
