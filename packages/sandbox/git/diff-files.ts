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

export interface RawEntry {
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

/**
 * Splits the output of `git diff-tree -r -M -z --raw --numstat -p`: raw records, then as many numstat records,
 * then (after an empty field) the patch text. Pure.
 */
export function splitCombinedDiff(output: string): {
  raw: RawEntry[];
  counts: ([number, number] | null)[];
  patch: string;
} {
  const boundary = output.indexOf("\0\0diff --git ");
  const head = boundary === -1 ? output : output.slice(0, boundary + 1);
  const patch = boundary === -1 ? "" : output.slice(boundary + 2);
  const fields = head.split("\0");
  const raw: RawEntry[] = [];
  let at = 0;
  while (at < fields.length && fields[at]?.startsWith(":")) {
    const [, , oldSha = "", newSha = "", statusField = ""] = (fields[at] as string).slice(1).split(" ");
    const letter = statusField.charAt(0);
    if (letter === "R" || letter === "C") {
      raw.push({ oldSha, newSha, letter, oldPath: fields[at + 1] ?? "", path: fields[at + 2] ?? "" });
      at += 3;
    } else {
      raw.push({ oldSha, newSha, letter, path: fields[at + 1] ?? "" });
      at += 2;
    }
  }
  const counts: ([number, number] | null)[] = [];
  while (counts.length < raw.length && at < fields.length) {
    const [adds = "", dels = "", path = ""] = (fields[at] as string).split("\t");
    counts.push(adds === "-" ? null : [Number(adds), Number(dels)]);
    // A rename or copy leaves the path empty here; the old and new names follow as fields of their own.
    at += path === "" ? 3 : 1;
  }
  return { raw, counts, patch };
}

/** Files changed between two tree-ishes (base null = the empty tree), with GitHub's fields; one git process. */
export async function diffFiles(store: GitStore, base: string | null, head: string): Promise<FileChange[]> {
  const from = base ?? "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
  const changes = await store.immutable(["diff-files", from, head], [from, head], () =>
    readDiff(store, from, head),
  );
  // Copies: callers may change what they get.
  return changes.map((change) => ({ ...change }));
}

async function readDiff(store: GitStore, from: string, head: string): Promise<FileChange[]> {
  const { stdout } = await store.git([
    "diff-tree",
    "-r",
    "-M",
    "-z",
    "--raw",
    "--numstat",
    "-p",
    "--no-color",
    "--no-ext-diff",
    "--no-commit-id",
    from,
    head,
  ]);
  const { raw: entries, counts, patch } = splitCombinedDiff(stdout.toString("utf8"));
  const patches = splitPatches(patch);
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
