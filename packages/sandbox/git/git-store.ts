import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { withSignature } from "./commit-signature.js";
import {
  type CommitObject,
  type GitIdentity,
  gitDate,
  type ObjectType,
  parseCommit,
  parseTag,
  parseTree,
  type TagObject,
  type TreeEntry,
} from "./git-objects.js";
import { ImmutableQueries } from "./immutable-queries.js";
import { GitCommandError, type RunGitOptions, runGit } from "./run-git.js";

export const EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
const SHA = /^[0-9a-f]{40}$/;

export function isFullSha(value: unknown): value is string {
  return typeof value === "string" && SHA.test(value);
}

export interface RawObject {
  type: ObjectType;
  content: Buffer;
}

/** One change to a tree: a path (slash-separated, may be nested) set to an entry or deleted (null). */
export interface TreeEdit {
  path: string;
  entry: { mode: string; type: "blob" | "tree" | "commit"; sha: string } | null;
}

/** A tree edit that cannot be applied (deleting a path the base does not have); names the path. */
export class TreeEditError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = "TreeEditError";
  }
}

export interface MergeTreeResult {
  clean: boolean;
  tree: string;
  conflicts: string[];
}

export interface NewCommit {
  tree: string;
  parents: string[];
  message: string;
  author: GitIdentity;
  committer: GitIdentity;
}

/**
 * A bare git repository on disk, written only through git's plumbing (hash-object, mktree, commit-tree, mktag,
 * merge-tree, update-ref). Loose objects are read directly (zlib) because reads are the hot path and objects
 * are immutable; anything not loose falls back to `git cat-file`.
 */
export class GitStore {
  private readonly cache = new Map<string, RawObject>();
  /** Answers about commits named by SHA, which never change (see ImmutableQueries). */
  readonly queries = new ImmutableQueries();
  private refWrites: Promise<void> = Promise.resolve();
  private readonly pendingRefs: { name: string; sha: string | null }[] = [];

  private constructor(readonly gitDir: string) {}

  static async create(gitDir: string): Promise<GitStore> {
    await mkdir(gitDir, { recursive: true });
    await runGit(["-c", "init.defaultBranch=main", "init", "--bare", "--quiet", gitDir]);
    return new GitStore(gitDir);
  }

  git(args: readonly string[], options?: RunGitOptions) {
    return runGit(["--git-dir", this.gitDir, ...args], options);
  }

  // --- reading ---------------------------------------------------------------------------------------------

  async readObject(sha: string): Promise<RawObject | null> {
    if (!isFullSha(sha)) return null;
    if (sha === EMPTY_TREE) return { type: "tree", content: Buffer.alloc(0) };
    const hit = this.cache.get(sha);
    if (hit) return hit;
    let object = await this.readLoose(sha);
    if (!object) object = await this.readViaCatFile(sha);
    if (object) this.remember(sha, object);
    return object;
  }

  private remember(sha: string, object: RawObject): void {
    if (object.content.length > 1024 * 1024) return;
    if (this.cache.size >= 20_000) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(sha, object);
  }

  private async readLoose(sha: string): Promise<RawObject | null> {
    let compressed: Buffer;
    try {
      compressed = await readFile(join(this.gitDir, "objects", sha.slice(0, 2), sha.slice(2)));
    } catch {
      return null;
    }
    const raw = inflateSync(compressed);
    const nul = raw.indexOf(0);
    const [type] = raw.toString("latin1", 0, nul).split(" ");
    return { type: type as ObjectType, content: raw.subarray(nul + 1) };
  }

  private async readViaCatFile(sha: string): Promise<RawObject | null> {
    const typeResult = await this.git(["cat-file", "-t", sha], { okCodes: [1, 128] });
    if (typeResult.code !== 0) return null;
    const type = typeResult.stdout.toString("utf8").trim() as ObjectType;
    const content = (await this.git(["cat-file", type, sha])).stdout;
    return { type, content };
  }

  async objectType(sha: string): Promise<ObjectType | null> {
    return (await this.readObject(sha))?.type ?? null;
  }

  async readBlob(sha: string): Promise<Buffer | null> {
    const object = await this.readObject(sha);
    return object?.type === "blob" ? object.content : null;
  }

  async readCommit(sha: string): Promise<CommitObject | null> {
    const object = await this.readObject(sha);
    return object?.type === "commit" ? parseCommit(sha, object.content) : null;
  }

  async readTree(sha: string): Promise<TreeEntry[] | null> {
    const object = await this.readObject(sha);
    return object?.type === "tree" ? parseTree(sha, object.content) : null;
  }

  async readTag(sha: string): Promise<TagObject | null> {
    const object = await this.readObject(sha);
    return object?.type === "tag" ? parseTag(sha, object.content) : null;
  }

  /** Follows annotated tags to the object they finally point at. */
  async peel(sha: string): Promise<{ sha: string; type: ObjectType } | null> {
    let current = sha;
    for (let depth = 0; depth < 20; depth++) {
      const object = await this.readObject(current);
      if (!object) return null;
      if (object.type !== "tag") return { sha: current, type: object.type };
      current = parseTag(current, object.content).object;
    }
    return null;
  }

  async peelToCommit(sha: string): Promise<string | null> {
    const peeled = await this.peel(sha);
    return peeled?.type === "commit" ? peeled.sha : null;
  }

  /** A tree-ish (commit, tag or tree sha) to its tree sha. */
  async treeOf(sha: string): Promise<string | null> {
    const peeled = await this.peel(sha);
    if (!peeled) return null;
    if (peeled.type === "tree") return peeled.sha;
    if (peeled.type === "commit") return (await this.readCommit(peeled.sha))?.tree ?? null;
    return null;
  }

  /** The entry at a slash-separated path inside a tree, or null. An empty path is the tree itself. */
  async entryAt(treeSha: string, path: string): Promise<TreeEntry | null> {
    const parts = path.split("/").filter((part) => part !== "");
    let entry: TreeEntry = { mode: "040000", type: "tree", sha: treeSha, name: "" };
    for (const part of parts) {
      if (entry.type !== "tree") return null;
      const entries = await this.readTree(entry.sha);
      const next = entries?.find((candidate) => candidate.name === part);
      if (!next) return null;
      entry = next;
    }
    return entry;
  }

  /** Every entry below a tree, depth first in git's order; subtrees are listed before their contents. */
  async listRecursive(treeSha: string, prefix = ""): Promise<(TreeEntry & { path: string })[]> {
    const entries = (await this.readTree(treeSha)) ?? [];
    const result: (TreeEntry & { path: string })[] = [];
    for (const entry of entries) {
      const path = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
      result.push({ ...entry, path });
      if (entry.type === "tree") result.push(...(await this.listRecursive(entry.sha, path)));
    }
    return result;
  }

  // --- writing objects ---------------------------------------------------------------------------------------

  async writeBlob(content: Buffer): Promise<string> {
    const { stdout } = await this.git(["hash-object", "-w", "-t", "blob", "--stdin"], { input: content });
    return stdout.toString("utf8").trim();
  }

  /** Writes a tree with `git mktree`, which sorts entries and checks that the objects exist. */
  async writeTree(entries: readonly TreeEntry[]): Promise<string> {
    if (entries.length === 0) {
      const { stdout } = await this.git(["mktree", "-z"], { input: "" });
      return stdout.toString("utf8").trim();
    }
    const input = entries
      .map((entry) => `${entry.mode} ${entry.type} ${entry.sha}\t${entry.name}\0`)
      .join("");
    // mktree cannot check a submodule's commit (it lives in another repository); GitHub does not either.
    const args = entries.some((entry) => entry.type === "commit")
      ? ["mktree", "-z", "--missing"]
      : ["mktree", "-z"];
    const { stdout } = await this.git(args, { input });
    return stdout.toString("utf8").trim();
  }

  /**
   * Writes a commit with `git commit-tree`; with `sign`, the same object text with `sign(payload)` as its
   * `gpgsig` header, written with `hash-object` (commit-tree signs only through gpg).
   */
  async writeCommit(commit: NewCommit, sign?: (payload: string) => string): Promise<string> {
    if (sign) {
      const line = (who: string, identity: GitIdentity) =>
        `${who} ${identity.name} <${identity.email}> ${gitDate(identity.date).slice(1)}\n`;
      const payload =
        `tree ${commit.tree}\n${commit.parents.map((parent) => `parent ${parent}\n`).join("")}` +
        `${line("author", commit.author)}${line("committer", commit.committer)}\n${commit.message}`;
      const { stdout } = await this.git(["hash-object", "-w", "-t", "commit", "--stdin"], {
        input: withSignature(payload, sign(payload)),
      });
      return stdout.toString("utf8").trim();
    }
    const args = ["commit-tree", commit.tree];
    for (const parent of commit.parents) args.push("-p", parent);
    const { stdout } = await this.git(args, {
      input: commit.message,
      env: {
        GIT_AUTHOR_NAME: commit.author.name,
        GIT_AUTHOR_EMAIL: commit.author.email,
        GIT_AUTHOR_DATE: gitDate(commit.author.date),
        GIT_COMMITTER_NAME: commit.committer.name,
        GIT_COMMITTER_EMAIL: commit.committer.email,
        GIT_COMMITTER_DATE: gitDate(commit.committer.date),
      },
    });
    return stdout.toString("utf8").trim();
  }

  /** Writes an annotated tag object with `git mktag`, which validates it like fsck does. */
  async writeTag(tag: {
    object: string;
    type: ObjectType;
    tag: string;
    message: string;
    tagger: GitIdentity;
  }): Promise<string> {
    const seconds = Math.floor(Date.parse(tag.tagger.date) / 1000);
    const text =
      `object ${tag.object}\ntype ${tag.type}\ntag ${tag.tag}\n` +
      `tagger ${tag.tagger.name} <${tag.tagger.email}> ${seconds} +0000\n\n${tag.message}`;
    const { stdout } = await this.git(["mktag"], { input: text });
    return stdout.toString("utf8").trim();
  }

  /**
   * Applies edits to a base tree (null = start empty) and writes every changed tree bottom-up. Subtrees that
   * end up empty disappear, as in git. Deleting a path the base does not have is an error, as on GitHub.
   */
  async editTree(baseTree: string | null, edits: readonly TreeEdit[]): Promise<string> {
    const nested = edits.map((edit) => ({ parts: edit.path.split("/"), entry: edit.entry, path: edit.path }));
    return (await this.editLevel(baseTree, nested)) ?? (await this.writeTree([]));
  }

  private async editLevel(
    base: string | null,
    edits: { parts: string[]; entry: TreeEdit["entry"]; path: string }[],
  ): Promise<string | null> {
    const entries = new Map<string, TreeEntry>();
    if (base) for (const entry of (await this.readTree(base)) ?? []) entries.set(entry.name, entry);
    const groups = new Map<string, typeof edits>();
    for (const edit of edits) {
      const [head = "", ...rest] = edit.parts;
      const group = groups.get(head) ?? [];
      group.push({ ...edit, parts: rest });
      groups.set(head, group);
    }
    for (const [name, group] of groups) {
      for (const edit of group.filter((candidate) => candidate.parts.length === 0)) {
        if (edit.entry === null) {
          if (!entries.has(name)) throw new TreeEditError(edit.path, "no such path in the base tree");
          entries.delete(name);
        } else {
          entries.set(name, { ...edit.entry, name });
        }
      }
      const deeper = group.filter((candidate) => candidate.parts.length > 0);
      if (deeper.length === 0) continue;
      const existing = entries.get(name);
      const subtree = await this.editLevel(existing?.type === "tree" ? existing.sha : null, deeper);
      if (subtree === null) entries.delete(name);
      else entries.set(name, { mode: "040000", type: "tree", sha: subtree, name });
    }
    if (entries.size === 0) return null;
    return this.writeTree([...entries.values()]);
  }

  // --- history ---------------------------------------------------------------------------------------------

  /** `git merge-tree --write-tree`: git's own merge (ort) without a work tree; conflicted files are listed. */
  async mergeTree(ours: string, theirs: string): Promise<MergeTreeResult> {
    const { stdout, code } = await this.git(
      [
        "merge-tree",
        "--write-tree",
        "--name-only",
        "--no-messages",
        "-z",
        "--allow-unrelated-histories",
        ours,
        theirs,
      ],
      { okCodes: [1] },
    );
    const fields = stdout.toString("utf8").split("\0");
    const tree = fields[0] ?? "";
    const conflicts = code === 0 ? [] : fields.slice(1).filter((field) => field !== "");
    return { clean: code === 0, tree, conflicts: [...new Set(conflicts)] };
  }

  async mergeBase(a: string, b: string): Promise<string | null> {
    return this.immutable(["merge-base", a, b], [a, b], async () => {
      const { stdout, code } = await this.git(["merge-base", a, b], { okCodes: [1] });
      return code === 0 ? stdout.toString("utf8").trim() : null;
    });
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const args = ["merge-base", "--is-ancestor", ancestor, descendant];
    return this.immutable(args, [ancestor, descendant], async () => {
      const { code } = await this.git(args, { okCodes: [1] });
      return code === 0;
    });
  }

  /** `ask`'s answer, remembered when every commit it names is a full SHA (a branch name can move). */
  immutable<T>(args: readonly string[], commits: readonly string[], ask: () => Promise<T>): Promise<T> {
    if (!commits.every(isFullSha)) return ask();
    return this.queries.answer(JSON.stringify(args), ask);
  }

  /** Commits reachable from `include` but not from `exclude`, newest first (git log order) unless `reverse`. */
  async revList(
    include: readonly string[],
    exclude: readonly string[] = [],
    options: { reverse?: boolean; firstParent?: boolean; path?: string; max?: number; skip?: number } = {},
  ): Promise<string[]> {
    const args = ["rev-list"];
    if (options.reverse) args.push("--reverse");
    if (options.firstParent) args.push("--first-parent");
    if (options.max !== undefined) args.push(`--max-count=${options.max}`);
    if (options.skip !== undefined) args.push(`--skip=${options.skip}`);
    args.push(...include, ...exclude.map((sha) => `^${sha}`));
    if (options.path) args.push("--", options.path);
    const lines = await this.immutable(args, [...include, ...exclude], async () => {
      const { stdout } = await this.git(args);
      return stdout
        .toString("utf8")
        .split("\n")
        .filter((line) => line !== "");
    });
    // A copy: callers may sort or splice what they get.
    return [...lines];
  }

  // --- refs ------------------------------------------------------------------------------------------------

  /**
   * Mirrors a ref into the repository on disk, so that a person can `git clone` it. The in-memory ref table
   * is the authority; changes are queued and written in order, many at a time (one `update-ref --stdin`).
   */
  mirrorRef(name: string, sha: string | null): Promise<void> {
    this.pendingRefs.push({ name, sha });
    const write = () => this.writePendingRefs();
    this.refWrites = this.refWrites.then(write, write);
    return this.refWrites;
  }

  private async writePendingRefs(): Promise<void> {
    const batch = this.pendingRefs.splice(0);
    if (batch.length === 0) return;
    const line = ({ name, sha }: { name: string; sha: string | null }) =>
      sha === null ? `delete ${name}\n` : `update ${name} ${sha}\n`;
    try {
      await this.git(["update-ref", "--stdin"], { input: batch.map(line).join("") });
    } catch (error) {
      if (!(error instanceof GitCommandError)) throw error;
      // One transaction refuses everything if one change cannot apply (the same ref twice, a deleted ref):
      // apply them one by one, in order, and skip what git refuses.
      for (const change of batch) {
        await this.git(["update-ref", "--stdin"], { input: line(change) }).catch((inner: unknown) => {
          if (!(inner instanceof GitCommandError)) throw inner;
        });
      }
    }
  }

  /** Resolves once every queued ref mirror write has reached the disk. */
  flush(): Promise<void> {
    return this.refWrites;
  }
}
