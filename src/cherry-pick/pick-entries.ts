import { type FileChange, type GitEntry, REGULAR_MODES } from "./git-tree.js";

/*
 * The pieces a local cherry-pick is made of, shared by the plan of a pick (local-pick.ts) and the plan of its
 * renames (renamed-files.ts): the trees and labels of a pick, the entries it writes, what only git can settle,
 * and exact byte handling of file contents.
 */

/** The three trees of a cherry-pick: the picked commit's parent, the branch it goes onto, the picked commit. */
export interface PickTrees {
  base: string;
  ours: string;
  theirs: string;
}

/** Conflict marker labels, as `<<<<<<< <ours>` and `>>>>>>> <theirs>`. */
export interface PickLabels {
  ours: string;
  theirs: string;
}

/** An entry of the tree to write: an existing object, the removal of one, or new content. */
export type NewEntry =
  | { path: string; entry: GitEntry }
  | { path: string; remove: GitEntry }
  | { path: string; mode: string; content: Uint8Array };

/** Something only git can settle (the server-side merge): what it covers and what to commit if git conflicts. */
export interface UncertainItem {
  reason: string;
  /** The files reported as conflicting if git conflicts here. */
  paths: string[];
  /** The picked commit's changes this item covers: replaying only these isolates the item in a probe merge. */
  theirs: FileChange[];
  /** Entries to commit when git confirms the conflict (conflict markers, or the side git leaves in place). */
  onConflict: NewEntry[];
  /**
   * git conflicts here whenever the whole pick conflicts, unless a rename elsewhere pairs with it: both sides
   * changed the same lines, bytes, link, mode or presence. Such items are reported without a probe of their own;
   * the others (renames, moves, large files, attributes) are probed by git together.
   */
  conflictLikely: boolean;
  /**
   * git conflicts here whatever else the pick does, and `onConflict` is byte for byte what it leaves (a file both
   * sides changed at the same path, merged by git's own content merge). A pick whose every item is certain is
   * drafted without GitHub's merge endpoint.
   */
  certain?: boolean;
  /**
   * Set when a conflict here is committed without git's conflict blocks (git would write them): why. The draft
   * must say so for the file, because the fix's change to it is not in the commit.
   */
  undrafted?: string;
  /**
   * With `undrafted`: the commit holds what git leaves in the work tree for these paths (git writes no markers
   * either, as for a rename/delete), so only a person's decision is missing.
   */
  asGit?: boolean;
}

/**
 * The largest blob GitHub's Git Data API serves (`git/blobs`, base64). Larger files cannot be read, so git alone
 * can merge them; their conflict is committed without markers, and the draft says so.
 */
export const MAX_READABLE_BLOB_BYTES = 100 * 1024 * 1024;
/** git's own binary test looks at this many leading bytes for a NUL. */
const BINARY_PROBE_BYTES = 8000;

export function regular(entry: GitEntry): boolean {
  return entry.type === "blob" && REGULAR_MODES.has(entry.mode);
}

/** git's rule for the executable bit: a side that changed it wins; both changing it differently conflicts. */
export function mergeMode(base: string, ours: string, theirs: string): string | null {
  if (ours === theirs || base === theirs) return ours;
  if (base === ours) return theirs;
  return null;
}

export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_PROBE_BYTES).includes(0);
}

/** Bytes as a string of one character per byte, so that the merge works on exact bytes whatever the encoding. */
export function bytesToText(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("latin1");
}

export function textToBytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "latin1"));
}

export function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "utf8"));
}

export function sameBytes(x: Uint8Array, y: Uint8Array): boolean {
  return Buffer.from(x).equals(Buffer.from(y));
}
