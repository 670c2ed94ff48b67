import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const entry = join(root, "scripts/hotfix-bot.ts");

const sandboxDirs = (dir: string) => readdirSync(dir).filter((name) => name.startsWith("hotfix-sandbox-"));

/**
 * Starts `hotfix-bot <args>` from source with its own temp directory, waits for a line that shows the sandbox is
 * up, sends the signal, and returns the exit code and what is left in the temp directory.
 */
async function interrupt(args: string[], ready: RegExp, signal: NodeJS.Signals) {
  const tmp = mkdtempSync(join(tmpdir(), "hotfix-bot-interrupt-"));
  try {
    const child = spawn(process.execPath, ["--import", "tsx", entry, ...args], {
      cwd: root,
      env: { ...process.env, TMPDIR: tmp, NODE_OPTIONS: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const stderr: string[] = [];
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout }).on("line", (line) => {
        if (ready.test(line)) resolve();
      });
      child.once("exit", () => reject(new Error(`exited before ${ready}: ${stderr.join("")}`)));
    });
    const whileRunning = sandboxDirs(tmp);
    child.kill(signal);
    const code = await exited;
    return { code, whileRunning, left: sandboxDirs(tmp), stderr: stderr.join("") };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

describe("an interrupted command leaves no sandbox directory behind", () => {
  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)(
    "demo on %s exits %d and removes it",
    async (signal, expected) => {
      const run = await interrupt(["demo"], /^sandbox http:\/\/127\.0\.0\.1:\d+/, signal);
      expect(run.whileRunning).toHaveLength(1);
      expect(run.code).toBe(expected);
      expect(run.stderr).toContain(`demo interrupted (${signal})`);
      expect(run.left).toEqual([]);
    },
    120_000,
  );

  it("sandbox on SIGINT closes and removes it", async () => {
    const run = await interrupt(["sandbox"], /^sandbox listening on /, "SIGINT");
    // Its git data, and the App key it generates for `npm start`.
    expect(run.whileRunning.length).toBeGreaterThan(0);
    expect(run.code).toBe(0);
    expect(run.left).toEqual([]);
  }, 120_000);
});
