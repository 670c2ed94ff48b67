import { execFileSync } from "node:child_process";

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { Sandbox } from "@hotfix-bot/sandbox";

import { ProbotOctokit } from "probot";

export type TestOctokit = InstanceType<typeof ProbotOctokit>;

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** Octokit as the App uses it (installation token), without throttling or retries. */
export function appOctokit(sandbox: Sandbox): TestOctokit {
  return new ProbotOctokit({
    auth: { token: sandbox.appToken() },
    baseUrl: sandbox.url,
    throttle: { enabled: false },
    retry: { enabled: false },
    log: quiet,
  });
}

/** Octokit acting as a person with their own token. */
export function userOctokit(sandbox: Sandbox, login: string): TestOctokit {
  return new ProbotOctokit({
    auth: { token: sandbox.tokenFor(login) },
    baseUrl: sandbox.url,
    throttle: { enabled: false },
    retry: { enabled: false },
    log: quiet,
  });
}

/** The status and message of a rejected Octokit request. */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ status: number; message: string; body: unknown }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { status?: number; message?: string; response?: { data?: unknown } };
    return {
      status: e.status ?? -1,
      message: e.response?.data
        ? String((e.response.data as { message?: unknown }).message)
        : String(e.message),
      body: e.response?.data,
    };
  }
  throw new Error("expected the request to fail");
}

/** git as the judge: runs plumbing against a sandbox repository on disk. */
export function git(gitDir: string, ...args: string[]): string {
  return execFileSync("git", ["--git-dir", gitDir, ...args], {
    encoding: "utf8",
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      HOME: "/nonexistent",
    },
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
  const work = mkdtempSync(join(tmpdir(), "commits-"));
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
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", GIT_CONFIG_NOSYSTEM: "1", HOME: "/nonexistent" },
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

export const FIXED_CLOCK = () => new Date("2026-03-01T12:00:00Z");
