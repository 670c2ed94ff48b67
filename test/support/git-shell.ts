import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What one git command left: its exit status (128 + n when killed by signal n), its output and its errors. */
export interface ShellResult {
  status: number;
  stdout: Buffer;
  stderr: string;
}

export interface ShellCommand {
  input?: string | Buffer;
  /** Added to the shell's environment for this command only. */
  env?: Record<string, string>;
  /** Where the command runs; the shell's directory when absent. */
  cwd?: string;
}

/**
 * git commands run, one after the other, by one long-lived `sh`. The commands are the ones the caller would run
 * itself; only the process that forks them differs. A Node process holding a few hundred MB (a test worker with
 * the sandbox and the App loaded) copies that much of page tables on every fork: 25-100 ms per git command on a
 * loaded 2-core machine, against a few ms from a small shell. Whatever runs git hundreds of times gains most.
 *
 * Each command's input and output go through files in a scratch directory (binary-safe, no framing); the shell
 * prints the exit status on its own line when the command ends, so answers come back in the order asked. An idle
 * shell does not keep the process alive.
 *
 * For tests only, whose arguments are their own: each is quoted as one sh word. The sandbox and the product run
 * git with an argument array (execFile), never through a shell.
 */
export class GitShell {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly scratch: string;
  private readonly waiting: { done: (status: number) => void; fail: (error: Error) => void }[] = [];
  private pendingOutput = "";
  private sequence = 0;
  private ended: Error | null = null;

  constructor(options: { cwd?: string; env: NodeJS.ProcessEnv; scratchRoot?: string }) {
    this.scratch = mkdtempSync(join(options.scratchRoot ?? tmpdir(), "git-shell-"));
    this.child = spawn("sh", [], { cwd: options.cwd, env: options.env, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stdin.on("error", () => {});
    this.child.stdout.setEncoding("utf8");
    this.child.stdout.on("data", (chunk: string) => {
      this.pendingOutput += chunk;
      for (let eol = this.pendingOutput.indexOf("\n"); eol >= 0; eol = this.pendingOutput.indexOf("\n")) {
        const status = Number(this.pendingOutput.slice(0, eol));
        this.pendingOutput = this.pendingOutput.slice(eol + 1);
        this.waiting.shift()?.done(status);
        if (this.waiting.length === 0) this.hold(false);
      }
    });
    this.child.stderr.resume();
    this.child.on("exit", (code, signal) => {
      this.ended ??= new Error(`the git shell exited (${signal ?? code})`);
      for (const waiter of this.waiting.splice(0)) waiter.fail(this.ended);
    });
    this.hold(false);
  }

  /** Whether a command is running; the caller waits for the shell's answer only while one is. */
  get busy(): boolean {
    return this.waiting.length > 0;
  }

  /** Runs `git <args>`; resolves with its status and output whatever the status. */
  run(args: readonly string[], command: ShellCommand = {}): Promise<ShellResult> {
    if (this.ended) return Promise.reject(this.ended);
    const k = this.sequence++;
    const files = {
      in: join(this.scratch, `${k}.in`),
      out: join(this.scratch, `${k}.out`),
      err: join(this.scratch, `${k}.err`),
    };
    writeFileSync(files.in, command.input ?? "");
    const assignments = Object.entries(command.env ?? {}).map(([name, value]) => `${name}=${quote(value)}`);
    const git = [...assignments, "git", ...args.map(quote)].join(" ");
    const redirected = `${git} <${quote(files.in)} >${quote(files.out)} 2>${quote(files.err)}`;
    // A subshell for another directory, so that the shell's own stays put.
    const line = command.cwd ? `(cd ${quote(command.cwd)} && ${redirected})` : redirected;
    return new Promise<ShellResult>((resolve, reject) => {
      if (this.waiting.length === 0) this.hold(true);
      this.waiting.push({
        done: (status) => {
          try {
            resolve({ status, stdout: readFileSync(files.out), stderr: readFileSync(files.err, "utf8") });
          } catch (error) {
            reject(error as Error);
          } finally {
            for (const file of Object.values(files)) rmSync(file, { force: true });
          }
        },
        fail: reject,
      });
      this.child.stdin.write(`${line}; echo $?\n`);
    });
  }

  close(): void {
    this.ended ??= new Error("the git shell was closed");
    this.child.stdin.end();
    rmSync(this.scratch, { recursive: true, force: true });
  }

  /** Keeps the process alive while a command runs, and lets it exit while the shell idles. */
  private hold(busy: boolean): void {
    for (const handle of [this.child, this.child.stdin, this.child.stdout, this.child.stderr]) {
      const refs = handle as unknown as { ref?: () => void; unref?: () => void };
      if (busy) refs.ref?.();
      else refs.unref?.();
    }
  }
}

/** One shell word holding exactly `text`. */
function quote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
