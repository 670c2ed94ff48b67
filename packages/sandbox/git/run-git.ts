import { GitShell } from "./git-shell.js";

/** A git process that ended with an exit code the caller did not expect; names the command it ran. */
export class GitCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.join(" ")} failed (exit ${exitCode}): ${stderr.trim().split("\n")[0] ?? ""}`);
    this.name = "GitCommandError";
  }
}

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

export interface RunGitOptions {
  input?: Buffer | string;
  env?: Record<string, string>;
  /** Exit codes that are answers rather than failures (merge-tree exits 1 on conflict). */
  okCodes?: readonly number[];
}

/**
 * The environment every git process gets: no user or system configuration, so that results do not depend on
 * the machine (a global `merge.conflictStyle` or `core.autocrlf` would change trees), and a fixed locale.
 */
function baseEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    LC_ALL: "C",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    HOME: "/nonexistent",
  };
}

/** At most this many git processes at once: the machine is small and shared. */
const MAX_CONCURRENT = 6;

/**
 * The shells that fork the git processes (see GitShell), at most MAX_CONCURRENT, made as concurrency needs them
 * and kept for the process's life; a command waits for an idle one.
 */
const shells: GitShell[] = [];
const idle: GitShell[] = [];
const waiting: ((shell: GitShell) => void)[] = [];

async function acquire(): Promise<GitShell> {
  const ready = idle.pop();
  if (ready) return ready;
  if (shells.length < MAX_CONCURRENT) {
    const shell = new GitShell({ env: baseEnv() });
    shells.push(shell);
    return shell;
  }
  return new Promise<GitShell>((resolve) => waiting.push(resolve));
}

function release(shell: GitShell): void {
  const next = waiting.shift();
  if (next) next(shell);
  else idle.push(shell);
}

/** Runs `git <args>` (argument array, each one shell-quoted) and resolves with its output. */
export async function runGit(args: readonly string[], options: RunGitOptions = {}): Promise<GitResult> {
  const shell = await acquire();
  try {
    const result = await shell.run(args, {
      cwd: process.cwd(),
      ...(options.input !== undefined ? { input: options.input } : {}),
      ...(options.env ? { env: options.env } : {}),
    });
    if (result.status === 0 || options.okCodes?.includes(result.status)) {
      return { stdout: result.stdout, stderr: result.stderr, code: result.status };
    }
    throw new GitCommandError(args, result.status, result.stderr);
  } finally {
    release(shell);
  }
}
