import { execFile } from "node:child_process";

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
let running = 0;
const waiting: (() => void)[] = [];

async function acquire(): Promise<void> {
  if (running < MAX_CONCURRENT) {
    running++;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

/** Runs `git <args>` (argument array, never a shell) and resolves with its output. */
export async function runGit(args: readonly string[], options: RunGitOptions = {}): Promise<GitResult> {
  await acquire();
  try {
    return await new Promise<GitResult>((resolve, reject) => {
      const child = execFile(
        "git",
        args,
        {
          encoding: "buffer",
          maxBuffer: 512 * 1024 * 1024,
          env: { ...baseEnv(), ...options.env },
        },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
          const stderrText = stderr.toString("utf8");
          if (code === 0 || (code !== null && options.okCodes?.includes(code))) {
            resolve({ stdout, stderr: stderrText, code: code ?? 0 });
          } else {
            reject(new GitCommandError(args, code, stderrText || (error?.message ?? "")));
          }
        },
      );
      // A process that exits before reading all of stdin must not crash us with EPIPE.
      child.stdin?.on("error", () => {});
      if (options.input !== undefined) child.stdin?.end(options.input);
      else child.stdin?.end();
    });
  } finally {
    release();
  }
}
