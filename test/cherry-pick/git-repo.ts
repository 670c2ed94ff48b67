import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { CommitFacts, CommitSource, TreeItem } from "../../src/cherry-pick/git-tree.js";
import type { GitWrites, MergeOutcome } from "../../src/cherry-pick/git-writer.js";
import type { NewEntry } from "../../src/cherry-pick/pick-entries.js";
import { makeScratchDir, SCRATCH_ROOT } from "../support/git.js";
import { GitShell, type ShellResult } from "../support/git-shell.js";

const IDENTITY = {
  GIT_AUTHOR_NAME: "Ada Tester",
  GIT_AUTHOR_EMAIL: "ada@example.test",
  GIT_COMMITTER_NAME: "Ada Tester",
  GIT_COMMITTER_EMAIL: "ada@example.test",
  GIT_AUTHOR_DATE: "2024-05-01T12:00:00Z",
  GIT_COMMITTER_DATE: "2024-05-01T12:00:00Z",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
};

type Commit = {
  message: string;
  parents: (number | string)[];
  files: Record<string, string | Buffer | { content: string | Buffer; mode: string }>;
};

/**
 * A throwaway git repository driven with argument arrays, fixed identity and dates, no global config. `git()` and
 * friends run git from this process and answer at once; `run()` and friends run the same commands from the
 * repository's long-lived shell (see GitShell), much cheaper where a test runs git hundreds of times.
 */
export class GitRepo {
  readonly dir: string;
  private shell: GitShell | null = null;
  private catFile: CatFile | null = null;

  constructor(options: { bare?: boolean; dir?: string } = {}) {
    this.dir = options.dir ?? makeScratchDir("hotfix-backport-");
    if (!options.dir) this.git(["init", "-q", ...(options.bare ? ["--bare"] : [])]);
  }

  /** `git <args>` from the repository's shell: its exit status and output, whatever the status. */
  tryRun(args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}) {
    this.shell ??= new GitShell({
      cwd: this.dir,
      env: { ...process.env, ...IDENTITY },
      scratchRoot: SCRATCH_ROOT,
    });
    return this.shell.run(["-c", "init.defaultBranch=main", ...args], options);
  }

  /** Like git(), from the repository's shell: its output, or an error naming the command and git's message. */
  async run(args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}) {
    return succeeded(args, await this.tryRun(args, options)).stdout.toString("utf8");
  }

  /** Like bytes(), from the repository's shell. */
  async runBytes(args: string[]): Promise<Buffer> {
    return succeeded(args, await this.tryRun(args)).stdout;
  }

  /** One `git cat-file --batch` for the repository's lifetime, shared by its tree sources. */
  objects(): CatFile {
    this.catFile ??= new CatFile(this.dir);
    return this.catFile;
  }

  git(args: string[], input?: string | Buffer): string {
    return execFileSync("git", ["-c", "init.defaultBranch=main", ...args], {
      cwd: this.dir,
      env: { ...process.env, ...IDENTITY },
      encoding: "utf8",
      stdio: ["pipe", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
      ...(input !== undefined ? { input } : {}),
    });
  }

  /** Like git(), but returns the exit status instead of throwing on a non-zero one. */
  tryGit(args: string[]): { status: number; stdout: string } {
    try {
      return { status: 0, stdout: this.git(args) };
    } catch (error) {
      const failed = error as { status?: number; stdout?: string };
      return { status: failed.status ?? 1, stdout: failed.stdout ?? "" };
    }
  }

  bytes(args: string[]): Buffer {
    return execFileSync("git", args, {
      cwd: this.dir,
      env: { ...process.env, ...IDENTITY },
      maxBuffer: 1 << 26,
    });
  }

  /** Writes a tree from path -> content (mode 100644 unless given) without a working tree; returns its sha. */
  writeTree(files: Record<string, string | Buffer | { content: string | Buffer; mode: string }>): string {
    const lines: string[] = [];
    for (const [path, file] of Object.entries(files)) {
      const { content, mode } =
        typeof file === "object" && !Buffer.isBuffer(file) ? file : { content: file, mode: "100644" };
      const sha = this.git(["hash-object", "-w", "--stdin"], content).trim();
      lines.push(`${mode} ${mode === "160000" ? "commit" : "blob"} ${sha}\t${path}`);
    }
    // mktree wants one level; build nested trees through the index instead.
    const index = join(this.dir, `.index-${process.pid}-${Math.random().toString(36).slice(2)}`);
    const env = { ...process.env, ...IDENTITY, GIT_INDEX_FILE: index };
    try {
      execFileSync("git", ["update-index", "--add", "--index-info"], {
        cwd: this.dir,
        env,
        input: lines.map((line) => line.replace(/ (blob|commit) /, " ")).join("\n"),
      });
      return execFileSync("git", ["write-tree"], { cwd: this.dir, env, encoding: "utf8" }).trim();
    } finally {
      rmSync(index, { force: true });
    }
  }

  /**
   * Writes commits with one `git fast-import`, each with exactly the given files (a path to text or bytes, mode
   * 100644 unless given) on top of the given parents (earlier commits of the same call by index, or SHAs).
   * Returns the commits' SHAs in order.
   */
  importCommits(commits: Commit[]): string[] {
    const { stream, refs } = fastImportStream(commits);
    this.git(["fast-import", "--quiet"], stream);
    const shas = this.git(["rev-parse", ...refs])
      .trim()
      .split("\n");
    this.git(["update-ref", "--stdin"], refs.map((r) => `delete ${r}\n`).join(""));
    return shas;
  }

  /** importCommits() from the repository's shell. */
  async importCommitsAsync(commits: Commit[]): Promise<string[]> {
    const { stream, refs } = fastImportStream(commits);
    await this.run(["fast-import", "--quiet"], { input: stream });
    const shas = (await this.run(["rev-parse", ...refs])).trim().split("\n");
    await this.run(["update-ref", "--stdin"], { input: refs.map((r) => `delete ${r}\n`).join("") });
    return shas;
  }

  commitTree(tree: string, parents: string[], message: string): string {
    return this.git(["commit-tree", tree, ...parents.flatMap((p) => ["-p", p]), "-m", message]).trim();
  }

  remove(): void {
    this.shell?.close();
    this.catFile?.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function succeeded(args: string[], result: ShellResult): ShellResult {
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return result;
}

/** A `git fast-import` stream writing `commits` onto fresh refs under `refs/import/`, and those refs in order. */
function fastImportStream(commits: Commit[]): { stream: Buffer; refs: string[] } {
  const chunks: Buffer[] = [];
  const put = (s: string | Buffer) => chunks.push(typeof s === "string" ? Buffer.from(s, "utf8") : s);
  const data = (content: string | Buffer) => {
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    put(`data ${bytes.length}\n`);
    put(bytes);
    put("\n");
  };
  const ref = `refs/import/${process.pid}-${Math.random().toString(36).slice(2)}`;
  commits.forEach((commit, k) => {
    put(`commit ${ref}/${k}\nmark :${k + 1}\n`);
    put("author Ada Tester <ada@example.test> 1714564800 +0000\n");
    put("committer Ada Tester <ada@example.test> 1714564800 +0000\n");
    data(commit.message);
    const [first, ...merges] = commit.parents.map((p) => (typeof p === "number" ? `:${p + 1}` : p));
    put(first ? `from ${first}\n` : "");
    for (const parent of merges) put(`merge ${parent}\n`);
    put("deleteall\n");
    for (const [path, file] of Object.entries(commit.files)) {
      const { content, mode } =
        typeof file === "object" && !Buffer.isBuffer(file) ? file : { content: file, mode: "100644" };
      if (mode === "160000") {
        // A submodule: the entry names a commit (of another repository), not content.
        put(`M 160000 ${String(content)} ${path}\n`);
        continue;
      }
      put(`M ${mode} inline ${path}\n`);
      data(content);
    }
    put("\n");
  });
  return { stream: Buffer.concat(chunks), refs: commits.map((_, k) => `${ref}/${k}`) };
}

/** One long-running `git cat-file --batch`: objects by SHA without a process each. */
class CatFile {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private readonly waiting: {
    resolve: (o: { type: string; data: Buffer }) => void;
    reject: (e: Error) => void;
  }[] = [];

  constructor(dir: string) {
    this.child = spawn("git", ["cat-file", "--batch"], { cwd: dir, env: { ...process.env, ...IDENTITY } });
    this.child.stdout.on("data", (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
  }

  read(sha: string): Promise<{ type: string; data: Buffer }> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.child.stdin.write(`${sha}\n`);
    });
  }

  close(): void {
    this.child.stdin.end();
  }

  private drain(): void {
    for (;;) {
      const eol = this.buffer.indexOf(10);
      if (eol < 0) return;
      const header = this.buffer.subarray(0, eol).toString("utf8");
      const [, type = "", size = ""] = header.split(" ");
      const waiter = this.waiting[0];
      if (!waiter) return;
      if (type === "missing" || size === "") {
        this.waiting.shift();
        this.buffer = this.buffer.subarray(eol + 1);
        waiter.reject(new Error(`no object ${header}`));
        continue;
      }
      const length = Number(size);
      if (this.buffer.length < eol + 1 + length + 1) return;
      const data = Buffer.from(this.buffer.subarray(eol + 1, eol + 1 + length));
      this.buffer = this.buffer.subarray(eol + 1 + length + 1);
      this.waiting.shift();
      waiter.resolve({ type, data });
    }
  }
}

/**
 * A TreeSource over a local repository: what the GitHub reader returns, read from git's objects through the
 * repository's one `git cat-file --batch` (which sees objects written after it started).
 */
export class LocalTreeSource implements CommitSource {
  reads = 0;
  private readonly cat: CatFile;
  private readonly trees = new Map<string, TreeItem[]>();

  constructor(repo: GitRepo) {
    this.cat = repo.objects();
  }

  /** Nothing to release: the object reader is the repository's, ended by GitRepo.remove(). */
  close(): void {}

  async tree(sha: string): Promise<TreeItem[]> {
    let items = this.trees.get(sha);
    if (!items) {
      this.reads++;
      items = parseTree((await this.cat.read(sha)).data);
      this.trees.set(sha, items);
    }
    return items;
  }

  async files(sha: string): Promise<TreeItem[] | null> {
    this.reads++;
    const out: TreeItem[] = [];
    const walk = async (tree: string, prefix: string) => {
      for (const item of await this.tree(tree)) {
        if (item.type === "tree") await walk(item.sha, `${prefix}${item.path}/`);
        else out.push({ ...item, path: prefix + item.path });
      }
    };
    await walk(sha, "");
    return out;
  }

  async blob(sha: string): Promise<Uint8Array> {
    this.reads++;
    return new Uint8Array((await this.cat.read(sha)).data);
  }

  async commit(sha: string): Promise<CommitFacts> {
    this.reads++;
    return parseCommit(sha, (await this.cat.read(sha)).data.toString("utf8"));
  }
}

/** A raw tree object: entries of `<mode> <name>\0<20-byte sha>`. */
function parseTree(data: Buffer): TreeItem[] {
  const items: TreeItem[] = [];
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(32, at);
    const nul = data.indexOf(0, space);
    const rawMode = data.subarray(at, space).toString("utf8");
    const mode = rawMode.padStart(6, "0");
    const type = mode === "040000" ? "tree" : mode === "160000" ? "commit" : "blob";
    items.push({
      mode,
      type,
      path: data.subarray(space + 1, nul).toString("utf8"),
      sha: data.subarray(nul + 1, nul + 21).toString("hex"),
    });
    at = nul + 21;
  }
  return items;
}

export function readCommit(repo: GitRepo, sha: string): CommitFacts {
  return parseCommit(sha, repo.git(["cat-file", "commit", sha]));
}

/** readCommit() from the repository's shell. */
export async function readCommitAsync(repo: GitRepo, sha: string): Promise<CommitFacts> {
  return parseCommit(sha, await repo.run(["cat-file", "commit", sha]));
}

function parseCommit(sha: string, raw: string): CommitFacts {
  const split = raw.indexOf("\n\n");
  const headers = raw.slice(0, split).split("\n");
  const value = (name: string) =>
    headers.filter((h) => h.startsWith(`${name} `)).map((h) => h.slice(name.length + 1));
  const author = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(value("author")[0] ?? "");
  if (!author) throw new Error(`no author in ${sha}`);
  return {
    sha,
    tree: value("tree")[0] ?? "",
    parents: value("parent"),
    message: raw.slice(split + 2),
    author: {
      name: author[1] ?? "",
      email: author[2] ?? "",
      date: new Date(Number(author[3]) * 1000).toISOString().replace(/\.000Z$/, "Z"),
    },
  };
}

/**
 * The writes of a cherry-pick made in a local repository; `merge` is git's merge-tree, like GitHub's endpoint. Each
 * write is git run from the repository's shell (see GitShell).
 */
export class LocalGitWriter implements GitWrites {
  writes = 0;
  readonly log: string[] = [];

  constructor(private readonly repo: GitRepo) {}

  async tree(baseTree: string, entries: readonly NewEntry[]): Promise<string> {
    this.count("tree");
    const env = { GIT_INDEX_FILE: join(this.repo.dir, `.index-${Math.random().toString(36).slice(2)}`) };
    try {
      await this.repo.run(["read-tree", baseTree], { env });
      // --index-info: "mode sha<TAB>path" adds, mode 0 with the null sha removes.
      const lines: string[] = [];
      for (const item of entries) {
        if ("remove" in item) lines.push(`0 ${"0".repeat(40)}\t${item.path}`);
        else if ("entry" in item) lines.push(`${item.entry.mode} ${item.entry.sha}\t${item.path}`);
        else {
          const input = Buffer.from(item.content);
          const sha = (await this.repo.run(["hash-object", "-w", "--stdin"], { input, env })).trim();
          lines.push(`${item.mode} ${sha}\t${item.path}`);
        }
      }
      if (lines.length > 0)
        await this.repo.run(["update-index", "--index-info"], { input: `${lines.join("\n")}\n`, env });
      return (await this.repo.run(["write-tree"], { env })).trim();
    } finally {
      rmSync(env.GIT_INDEX_FILE, { force: true });
    }
  }

  async commit(input: {
    message: string;
    tree: string;
    parents: string[];
    author?: { name: string; email: string; date: string };
  }): Promise<string> {
    this.count("commit");
    const env: Record<string, string> = input.author
      ? {
          GIT_AUTHOR_NAME: input.author.name,
          GIT_AUTHOR_EMAIL: input.author.email,
          GIT_AUTHOR_DATE: input.author.date,
        }
      : {};
    const parents = input.parents.flatMap((p) => ["-p", p]);
    return (
      await this.repo.run(["commit-tree", input.tree, ...parents, "-F", "-"], { input: input.message, env })
    ).trim();
  }

  async createBranch(branch: string, sha: string): Promise<void> {
    this.count("create-ref");
    await this.repo.run(["update-ref", `refs/heads/${branch}`, sha, ""]);
  }

  async moveBranch(branch: string, sha: string): Promise<void> {
    this.count("update-ref");
    await this.repo.run(["update-ref", `refs/heads/${branch}`, sha]);
  }

  async deleteBranch(branch: string): Promise<void> {
    this.count("delete-ref");
    await this.repo.run(["update-ref", "-d", `refs/heads/${branch}`]);
  }

  async merge(base: string, head: string, message: string): Promise<MergeOutcome> {
    this.count("merge");
    const baseSha = (await this.repo.run(["rev-parse", `refs/heads/${base}`])).trim();
    if ((await this.repo.tryRun(["merge-base", "--is-ancestor", head, baseSha])).status === 0) {
      return { merged: false, reason: "nothing" };
    }
    const result = await this.repo.tryRun(["merge-tree", "--write-tree", baseSha, head]);
    if (result.status !== 0) return { merged: false, reason: "conflict" };
    const tree = result.stdout.toString("utf8").split("\n")[0] ?? "";
    const sha = (await this.repo.run(["commit-tree", tree, "-p", baseSha, "-p", head, "-m", message])).trim();
    await this.repo.run(["update-ref", `refs/heads/${base}`, sha]);
    return { merged: true, sha, tree };
  }

  private count(what: string): void {
    this.writes++;
    this.log.push(what);
  }
}
