import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./run-cli.js";

describe("hotfix-bot check-title", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "hotfix-bot-cli-"));
    writeFileSync(join(dir, "spf-only.yml"), "title:\n  projects: [SPF]\n");
    writeFileSync(join(dir, "broken.yml"), "title:\n  format: 12\n  projcts: []\n");
    mkdirSync(join(dir, "repo", ".github"), { recursive: true });
    writeFileSync(join(dir, "repo", ".github", "hotfix.yml"), "title:\n  format: '{key}: {summary}'\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 0 for a valid title and names the Jira key", async () => {
    const run = await runCli(["check-title", "[SPF-1290] Fix critical auth failure"], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("SPF-1290");
  });

  it("exits 1 with the reason and an example for a title that does not follow the format", async () => {
    const run = await runCli(["check-title", "fix login"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('"fix login" does not match');
    expect(run.stderr).toContain("[SPF-1290] Fix critical auth failure");
  });

  it("never reads a date-and-hash fragment as a Jira key", async () => {
    const run = await runCli(["check-title", "20230411-245a825 hotfix"], { cwd: dir });
    expect(run.code).toBe(1);
  });

  it("checks against --config: a project outside the allow-list fails", async () => {
    const ok = await runCli(["check-title", "--config", "spf-only.yml", "[SPF-1] Fix"], { cwd: dir });
    expect(ok.code).toBe(0);
    const run = await runCli(["check-title", "--config", "spf-only.yml", "[OPS-12] Fix"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Jira project OPS is not allowed (allowed: SPF)");
  });

  it("uses .github/hotfix.yml of the current directory when no --config is given", async () => {
    const cwd = join(dir, "repo");
    expect((await runCli(["check-title", "SPF-7: Fix"], { cwd })).code).toBe(0);
    expect((await runCli(["check-title", "[SPF-7] Fix"], { cwd })).code).toBe(1);
  });

  it("exits 2 with the file and field paths when the configuration is broken", async () => {
    const run = await runCli(["check-title", "--config", "broken.yml", "[SPF-1] Fix"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("broken.yml is invalid");
    expect(run.stderr).toContain("title.format");
    expect(run.stderr).toContain("title.projcts");
  });

  it.each([
    [[], "expected one title argument, got 0"],
    [["a", "b"], "expected one title argument, got 2"],
    [["--nope", "x"], "--nope"],
    [["--config"], "--config"],
  ])("exits 2 on usage errors: %j", async (args, message) => {
    const run = await runCli(["check-title", ...args], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain("hotfix-bot check-title --help");
  });

  it("exits 2 when the --config file does not exist", async () => {
    const run = await runCli(["check-title", "--config", "missing.yml", "[SPF-1] Fix"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("cannot read missing.yml: no such file");
  });
});
