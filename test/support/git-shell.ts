import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeScratchDir } from "./git.js";

/** What one git command left: its exit status, its output and its error output. */
export interface ShellResult {
  status: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * git commands run, one after the other, by one long-lived `sh` in a repository's directory. The commands are the
 * ones a test would run itself; only the process that forks them differs. A Jest worker holds a few hundred MB,
 * and each fork of it copies that much of page tables: 40-100 ms per git command on a loaded machine, against a
 * few ms from a small shell. A property test running ~30 git commands per case spends most of its time there.
 *
 * Each command's input and output go through files in a scratch directory (binary-safe, no framing); the shell
 * prints the exit status on its own line when the command ends, so answers come back in the order asked.
 */
export class GitShell {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly scratch = makeScratchDir("git-shell-");
  private readonly waiting: { done: (status: number) => void; fail: (error: Error) => void }[] = [];
  private pendingOutput = "";
  private sequence = 0;
  private exited: Error | null = null;

  constructor(cwd: string, env: NodeJS.ProcessEnv) {
    this.child = spawn("sh", [], { cwd, env, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stdout.setEncoding("utf8");
    this.child.stdout.on("data", (chunk: string) => {
      this.pendingOutput += chunk;
      for (let eol = this.pendingOutput.indexOf("\n"); eol >= 0; eol = this.pendingOutput.indexOf("\n")) {
        const status = Number(this.pendingOutput.slice(0, eol));
        this.pendingOutput = this.pendingOutput.slice(eol + 1);
        this.waiting.shift()?.done(status);
      }
    });
    this.child.on("exit", (code, signal) => {
      this.exited = new Error(`the git shell in ${cwd} exited (${signal ?? code})`);
      for (const waiter of this.waiting.splice(0)) waiter.fail(this.exited);
    });
  }

  /** Runs `git <args>` with `input` on its standard input and `env` added to the shell's environment. */
  run(args: readonly string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}) {
    if (this.exited) return Promise.reject(this.exited);
    const k = this.sequence++;
    const files = {
      in: join(this.scratch, `${k}.in`),
      out: join(this.scratch, `${k}.out`),
      err: join(this.scratch, `${k}.err`),
    };
    writeFileSync(files.in, options.input ?? "");
    const assignments = Object.entries(options.env ?? {}).map(([name, value]) => `${name}=${quote(value)}`);
    const command = [...assignments, "git", ...args.map(quote)].join(" ");
    return new Promise<ShellResult>((resolve, reject) => {
      this.waiting.push({
        done: (status) => {
          const result = { status, stdout: readFileSync(files.out), stderr: readFileSync(files.err, "utf8") };
          for (const file of Object.values(files)) rmSync(file, { force: true });
          resolve(result);
        },
        fail: reject,
      });
      this.child.stdin.write(
        `${command} <${quote(files.in)} >${quote(files.out)} 2>${quote(files.err)}; echo $?\n`,
      );
    });
  }

  close(): void {
    this.child.stdin.end();
    rmSync(this.scratch, { recursive: true, force: true });
  }
}

/** One shell word holding exactly `text`. */
function quote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
