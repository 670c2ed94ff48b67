/** Plain-data views of git objects, parsed from `cat-file` output. Pure. */

export type ObjectType = "blob" | "tree" | "commit" | "tag";

export interface GitIdentity {
  name: string;
  email: string;
  /** ISO 8601 in UTC, as GitHub shows git dates. */
  date: string;
}

export interface CommitObject {
  sha: string;
  tree: string;
  parents: string[];
  author: GitIdentity;
  committer: GitIdentity;
  message: string;
}

export interface TreeEntry {
  mode: string;
  type: "blob" | "tree" | "commit";
  sha: string;
  name: string;
}

export interface TagObject {
  sha: string;
  object: string;
  type: ObjectType;
  tag: string;
  tagger: GitIdentity | null;
  message: string;
}

/** Thrown when an object does not parse as its type claims; names the object. */
export class GitObjectFormatError extends Error {
  constructor(sha: string, what: string) {
    super(`git object ${sha} is not a valid ${what}`);
    this.name = "GitObjectFormatError";
  }
}

export function parseIdentity(text: string): GitIdentity | null {
  const match = /^(.*) <([^>]*)> (-?\d+) ([+-]\d{4})$/.exec(text);
  if (!match) return null;
  const seconds = Number(match[3]);
  return {
    name: match[1] ?? "",
    email: match[2] ?? "",
    date: new Date(seconds * 1000).toISOString().replace(/\.000Z$/, "Z"),
  };
}

/** Formats an identity for git's GIT_*_DATE variables: `@<unix seconds> +0000`. */
export function gitDate(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${iso}`);
  return `@${Math.floor(ms / 1000)} +0000`;
}

/** Splits the header block from the message; header continuation lines (gpgsig) start with a space. */
function headersOf(text: string): { headers: [string, string][]; message: string } {
  const end = text.indexOf("\n\n");
  const head = end === -1 ? text : text.slice(0, end);
  const message = end === -1 ? "" : text.slice(end + 2);
  const headers: [string, string][] = [];
  for (const line of head.split("\n")) {
    if (line.startsWith(" ") && headers.length > 0) {
      const last = headers[headers.length - 1] as [string, string];
      last[1] += `\n${line.slice(1)}`;
      continue;
    }
    const space = line.indexOf(" ");
    headers.push(space === -1 ? [line, ""] : [line.slice(0, space), line.slice(space + 1)]);
  }
  return { headers, message };
}

export function parseCommit(sha: string, content: Buffer): CommitObject {
  const { headers, message } = headersOf(content.toString("utf8"));
  let tree: string | undefined;
  const parents: string[] = [];
  let author: GitIdentity | null = null;
  let committer: GitIdentity | null = null;
  for (const [key, value] of headers) {
    if (key === "tree") tree = value;
    else if (key === "parent") parents.push(value);
    else if (key === "author") author = parseIdentity(value);
    else if (key === "committer") committer = parseIdentity(value);
  }
  if (!tree || !author || !committer) throw new GitObjectFormatError(sha, "commit");
  return { sha, tree, parents, author, committer, message };
}

export function parseTag(sha: string, content: Buffer): TagObject {
  const { headers, message } = headersOf(content.toString("utf8"));
  const get = (key: string) => headers.find(([k]) => k === key)?.[1];
  const object = get("object");
  const type = get("type");
  const tag = get("tag");
  if (!object || !type || tag === undefined) throw new GitObjectFormatError(sha, "tag");
  const tagger = get("tagger");
  return {
    sha,
    object,
    type: type as ObjectType,
    tag,
    tagger: tagger ? parseIdentity(tagger) : null,
    message,
  };
}

/** Parses git's binary tree format: `<mode> <name>\0<20-byte id>` repeated. */
export function parseTree(sha: string, content: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let at = 0;
  while (at < content.length) {
    const space = content.indexOf(0x20, at);
    const nul = content.indexOf(0, space);
    if (space === -1 || nul === -1 || nul + 21 > content.length) throw new GitObjectFormatError(sha, "tree");
    const rawMode = content.toString("latin1", at, space);
    const mode = rawMode.padStart(6, "0");
    const name = content.toString("utf8", space + 1, nul);
    const id = content.toString("hex", nul + 1, nul + 21);
    entries.push({ mode, type: typeOfMode(mode), sha: id, name });
    at = nul + 21;
  }
  return entries;
}

export function typeOfMode(mode: string): "blob" | "tree" | "commit" {
  if (mode === "040000") return "tree";
  if (mode === "160000") return "commit";
  return "blob";
}

export const TREE_MODES = ["100644", "100755", "040000", "160000", "120000"] as const;
