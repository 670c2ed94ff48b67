import type { GitStore } from "./git-store.js";

/** One changed file as GitHub lists it in commits, compares and pull request files. */
export interface FileChange {
  filename: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  additions: number;
  deletions: number;
  changes: number;
  /** The blob of the new version (the old one for a removed file). */
  sha: string;
  /** Hunks only (from the first `@@`), absent for binary files and for diffs too large to show. */
  patch?: string;
  previous_filename?: string;
  /** Not part of GitHub's shape; used internally to tell binary from text. */
  binary: boolean;
}

/** GitHub leaves out patches larger than this. */
export const MAX_PATCH_BYTES = 1_000_000;

const STATUS: Record<string, FileChange["status"]> = {
  A: "added",
  D: "removed",
  M: "modified",
  R: "renamed",
  C: "copied",
  T: "changed",
};

interface RawEntry {
  oldSha: string;
  newSha: string;
  letter: string;
  path: string;
  oldPath?: string;
}

/** Parses `git diff-tree -r -M -z` raw output. Pure. */
export function parseRawDiff(text: string): RawEntry[] {
  const fields = text.split("\0");
  const entries: RawEntry[] = [];
  let at = 0;
  while (at < fields.length) {
    const header = fields[at];
    if (!header?.startsWith(":")) {
      at++;
      continue;
    }
    const [, , oldSha = "", newSha = "", statusField = ""] = header.slice(1).split(" ");
    const letter = statusField.charAt(0);
    if (letter === "R" || letter === "C") {
      entries.push({ oldSha, newSha, letter, oldPath: fields[at + 1] ?? "", path: fields[at + 2] ?? "" });
      at += 3;
    } else {
      entries.push({ oldSha, newSha, letter, path: fields[at + 1] ?? "" });
      at += 2;
    }
  }
  return entries;
}

/** Parses `git diff-tree -r -M -z --numstat` output into [additions, deletions] (null = binary). Pure. */
export function parseNumstat(text: string): ([number, number] | null)[] {
  const fields = text.split("\0");
  const counts: ([number, number] | null)[] = [];
  let at = 0;
  while (at < fields.length) {
    const field = fields[at] ?? "";
    if (field === "") {
      at++;
      continue;
    }
    const [adds = "", dels = "", path = ""] = field.split("\t");
    counts.push(adds === "-" ? null : [Number(adds), Number(dels)]);
    // A rename/copy has an empty path here followed by the old and new names.
    at += path === "" ? 3 : 1;
  }
  return counts;
}

/** Splits `git diff-tree -p` output per file and keeps the hunks of each (undefined when there are none). */
export function splitPatches(text: string): (string | undefined)[] {
  const sections: string[][] = [];
  for (const line of text.split("\n")) {
    if (line.startsWith("diff --git ")) sections.push([]);
    else sections[sections.length - 1]?.push(line);
  }
  return sections.map((lines) => {
    const first = lines.findIndex((line) => line.startsWith("@@"));
    if (first === -1) return undefined;
    const hunks = lines.slice(first);
    while (hunks.length > 0 && hunks[hunks.length - 1] === "") hunks.pop();
    return hunks.join("\n");
  });
}

/** Files changed between two tree-ishes (base null = the empty tree), with GitHub's fields. */
export async function diffFiles(store: GitStore, base: string | null, head: string): Promise<FileChange[]> {
  const from = base ?? "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
  const [raw, numstat, patch] = await Promise.all([
    store.git(["diff-tree", "-r", "-M", "-z", "--no-commit-id", from, head]),
    store.git(["diff-tree", "-r", "-M", "-z", "--no-commit-id", "--numstat", from, head]),
    store.git(["diff-tree", "-r", "-M", "-p", "--no-color", "--no-ext-diff", "--no-commit-id", from, head]),
  ]);
  const entries = parseRawDiff(raw.stdout.toString("utf8"));
  const counts = parseNumstat(numstat.stdout.toString("utf8"));
  const patches = splitPatches(patch.stdout.toString("utf8"));
  return entries.map((entry, index) => {
    const count = counts[index] ?? null;
    const text = patches[index];
    const [additions, deletions] = count ?? [0, 0];
    const change: FileChange = {
      filename: entry.path,
      status: STATUS[entry.letter] ?? "modified",
      additions,
      deletions,
      changes: additions + deletions,
      sha: entry.letter === "D" ? entry.oldSha : entry.newSha,
      binary: count === null,
    };
    if (text !== undefined && Buffer.byteLength(text) <= MAX_PATCH_BYTES) change.patch = text;
    if (entry.oldPath !== undefined && entry.letter === "R") change.previous_filename = entry.oldPath;
    return change;
  });
}
