/** A tree entry as the Git Data API lists it. */
export interface GitEntry {
  mode: string;
  type: "blob" | "tree" | "commit";
  sha: string;
  /** A blob's size in bytes, when the listing gave it. */
  size?: number;
}

/** An entry of one tree listing; `path` is relative to the listed tree (nested paths in a recursive listing). */
export interface TreeItem extends GitEntry {
  path: string;
}

/** Where trees and blobs are read from: the GitHub API in production, a local repository in tests. */
export interface TreeSource {
  /** One level of a tree. */
  tree(sha: string): Promise<TreeItem[]>;
  /** Every blob and submodule entry under a tree, or null when the listing would be incomplete. */
  files(sha: string): Promise<TreeItem[] | null>;
  blob(sha: string): Promise<Uint8Array>;
}

/** What a cherry-pick needs to know of a commit. */
export interface CommitFacts {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: { name: string; email: string; date: string };
  /** Whether GitHub verifies the commit's signature, where the source knows (the API does, local git does not). */
  verified?: boolean;
}

/** A TreeSource that also reads commits. */
export interface CommitSource extends TreeSource {
  /** Requests made so far. */
  readonly reads: number;
  commit(sha: string): Promise<CommitFacts>;
}

/** A file-level change from one tree to another (null: absent on that side). */
export interface FileChange {
  path: string;
  before: GitEntry | null;
  after: GitEntry | null;
}

export const REGULAR_MODES = new Set(["100644", "100755"]);

export function sameEntry(x: GitEntry | null, y: GitEntry | null): boolean {
  if (x === null || y === null) return x === y;
  return x.sha === y.sha && x.mode === y.mode;
}

export function parentDirs(path: string): string[] {
  const parts = path.split("/");
  return parts.slice(0, -1).map((_, k) => parts.slice(0, k + 1).join("/"));
}
