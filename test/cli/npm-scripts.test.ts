import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const scripts = (
  JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { scripts: Record<string, string> }
).scripts;

/** `npm run <script> -- <args>` in the repository, as a contributor types it. */
function npmRun(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      "npm",
      ["run", "--silent", script, "--", ...args],
      { cwd: root, env: { ...process.env, NODE_OPTIONS: "" }, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") return reject(error);
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

describe("npm scripts run the hotfix-bot command", () => {
  it.each(["demo", "sandbox", "report", "reconcile"])(
    "npm run %s calls the CLI command of that name",
    (name) => {
      expect(scripts[name]).toBe(`tsx scripts/hotfix-bot.ts ${name}`);
    },
  );

  it("npm run demo -- --help prints the demo's help instead of playing it", async () => {
    const run = await npmRun("demo", ["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: hotfix-bot demo /);
    expect(run.stdout).not.toContain("sandbox http://");
  }, 150_000);

  it("refuses a bad value and an unknown option with a usage error (exit 2) that names them", async () => {
    const [badPort, unknownFlag] = await Promise.all([
      npmRun("sandbox", ["--port", "abc"]),
      npmRun("demo", ["--slow"]),
    ]);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('hotfix-bot sandbox: --port: expected a port number, got "abc"');
    expect(badPort.stdout).not.toContain("listening");
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/hotfix-bot demo: .*'--slow'/);
  }, 150_000);
});
