import { execFileSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statfsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// git as the judge of what the sandbox and the engine wrote. Every test runs git the same way: argument arrays, no
// shell, and an environment that reads neither the machine's nor the user's configuration, so a developer's
// `~/.gitconfig` (signing, hooks, another default branch) cannot change a verdict.

export interface GitIdentity {
  name: string;
  email: string;
  /** Author and committer date (any format git reads); unset: now. Fix it where a test compares SHAs. */
  date?: string;
}

const JUDGE: GitIdentity = { name: "judge", email: "judge@example.com" };

/** The environment of every git the tests run: no system or global configuration, a fixed identity. */
export function gitEnv(identity: GitIdentity = JUDGE): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: "/nonexistent",
    LC_ALL: "C",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    GIT_AUTHOR_NAME: identity.name,
    GIT_AUTHOR_EMAIL: identity.email,
    GIT_COMMITTER_NAME: identity.name,
    GIT_COMMITTER_EMAIL: identity.email,
    ...(identity.date ? { GIT_AUTHOR_DATE: identity.date, GIT_COMMITTER_DATE: identity.date } : {}),
  };
}

/**
 * Where the tests' throwaway repositories go: RAM-backed `/dev/shm` where the machine has it (git writes and
 * removes thousands of small files per suite), the system's temporary directory otherwise.
 */
export const SCRATCH_ROOT = ((): string => {
  try {
    accessSync("/dev/shm", constants.W_OK);
    // A container's default /dev/shm is 64 MB: too small for a suite's repositories.
    const free = statfsSync("/dev/shm");
    return free.bavail * free.bsize >= 1024 ** 3 ? "/dev/shm" : tmpdir();
  } catch {
    return tmpdir();
  }
})();

/** A new empty directory under SCRATCH_ROOT; the caller removes it. */
export function makeScratchDir(prefix: string): string {
  return mkdtempSync(join(SCRATCH_ROOT, prefix));
}

/** The judge's environment (see gitEnv). */
export const GIT_ENV = gitEnv();

/** git on a bare repository on disk (a sandbox repository's `gitDir`); its output as git printed it. */
export function git(gitDir: string, ...args: string[]): string {
  return execFileSync("git", ["--git-dir", gitDir, ...args], { encoding: "utf8", env: GIT_ENV });
}

/** git in a working directory (`init` makes `main`); its output, trimmed. */
export function gitIn(cwd: string, args: string[], env: NodeJS.ProcessEnv = GIT_ENV): string {
  return execFileSync("git", ["-c", "init.defaultBranch=main", ...args], {
    cwd,
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}

/**
 * Runs `work` in a scratch clone of a bare repository, checked out (detached) at `at`; the clone is removed after.
 * `run` is git in the clone, output trimmed. This is how a test asks what `git cherry-pick` or `git revert` makes.
 */
export function inScratchClone<T>(
  gitDir: string,
  at: string,
  work: (run: (...args: string[]) => string) => T,
): T {
  const dir = makeScratchDir("judge-");
  try {
    const run = (...args: string[]) =>
      execFileSync("git", args, { cwd: dir, encoding: "utf8", env: GIT_ENV }).trim();
    run("-c", "init.defaultBranch=main", "clone", "--quiet", "--no-checkout", gitDir, ".");
    run("checkout", "--quiet", "--detach", at);
    return work(run);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The tree `git cherry-pick -x` of `commit` (mainline 1 for a merge) onto `onto` gives. */
export function cherryPickTree(gitDir: string, onto: string, commit: string): string {
  return inScratchClone(gitDir, onto, (run) => {
    const isMerge = run("rev-list", "--parents", "-n", "1", commit).split(" ").length > 2;
    run("cherry-pick", "-x", ...(isMerge ? ["-m", "1"] : []), commit);
    return run("rev-parse", "HEAD^{tree}");
  });
}

/** The tree `git revert` (mainline 1 for a merge) of `commit` on top of `onto` gives; null when git stops on a conflict. */
export function revertTree(gitDir: string, onto: string, commit: string): string | null {
  return inScratchClone(gitDir, onto, (run) => {
    const isMerge = run("rev-list", "--parents", "-n", "1", commit).split(" ").length > 2;
    try {
      run("revert", "--no-edit", ...(isMerge ? ["-m", "1"] : []), commit);
    } catch {
      return null;
    }
    return run("rev-parse", "HEAD^{tree}");
  });
}

/** path -> content of every blob in a commit's tree, read by git. */
export function treeFiles(gitDir: string, commit: string): Record<string, string> {
  const files: Record<string, string> = {};
  const listing = git(gitDir, "ls-tree", "-r", "-z", commit);
  for (const line of listing.split("\0")) {
    if (line === "") continue;
    const tab = line.indexOf("\t");
    const [, , sha] = line.slice(0, tab).split(" ");
    files[line.slice(tab + 1)] = git(gitDir, "cat-file", "blob", sha ?? "");
  }
  return files;
}

/**
 * Commits written straight into a sandbox repository with `git fast-import`, each on top of the previous one (the
 * first on `parent`), as a developer's local commits are before a push; returns their SHAs in order. A large
 * history this way takes one git process instead of hundreds of API requests. No ref is left behind.
 */
export function importCommits(
  gitDir: string,
  parent: string,
  commits: { message: string; files: Record<string, string> }[],
): string[] {
  const work = makeScratchDir("commits-");
  try {
    const marks = join(work, "marks");
    const stream = commits
      .map((commit, k) => {
        const files = Object.entries(commit.files)
          .map(([path, text]) => `M 100644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}\n`)
          .join("");
        const from = k === 0 ? `from ${parent}\n` : "";
        const who = `Alice <alice@example.com> ${1_790_000_000 + k} +0000`;
        const message = `data ${Buffer.byteLength(commit.message)}\n${commit.message}\n`;
        return `commit refs/import/scratch\nmark :${k + 1}\nauthor ${who}\ncommitter ${who}\n${message}${from}${files}`;
      })
      .join("");
    execFileSync("git", ["--git-dir", gitDir, "fast-import", "--quiet", `--export-marks=${marks}`], {
      input: stream,
      env: GIT_ENV,
    });
    git(gitDir, "update-ref", "-d", "refs/import/scratch");
    const byMark = new Map(
      readFileSync(marks, "utf8")
        .trim()
        .split("\n")
        .map((line) => line.split(" ") as [string, string]),
    );
    return commits.map((_, k) => byMark.get(`:${k + 1}`) ?? "");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * `count` modules changed on the same line by develop and by a fix, both from one base on `parent`: a pick of `fix`
 * (against `base`) onto `develop` conflicts in every module.
 */
export function importConflictingModules(
  gitDir: string,
  parent: string,
  count: number,
): { base: string; develop: string; fix: string; paths: string[] } {
  const paths = Array.from({ length: count }, (_, k) => `src/module-${String(k).padStart(3, "0")}.js`);
  const modules = (line: string) =>
    Object.fromEntries(paths.map((path) => [path, `export const a = 1;\n${line}\nexport const c = 3;\n`]));
  const [base = ""] = importCommits(gitDir, parent, [
    { message: "Modules", files: modules("export const b = 2;") },
  ]);
  const [develop = ""] = importCommits(gitDir, base, [
    { message: "Develop work", files: modules("export const b = 20;") },
  ]);
  const [fix = ""] = importCommits(gitDir, base, [
    { message: "Fix", files: modules("export const b = 200;") },
  ]);
  return { base, develop, fix, paths };
}
