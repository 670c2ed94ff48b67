import { execFileSync } from "node:child_process";
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

export const FIXED_CLOCK = () => new Date("2026-03-01T12:00:00Z");
