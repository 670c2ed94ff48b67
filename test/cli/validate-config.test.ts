import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./run-cli.js";

describe("hotfix-bot validate-config", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "hotfix-bot-cli-"));
    const files: Record<string, string> = {
      "good.yml":
        "productionBranch: main\nchecks:\n  criticalTests: [critical-tests]\napprovals:\n  P2:\n    required: 2\n",
      "empty.yml": "",
      "wrong-type.yml": "diffBudget:\n  maxFiles: many\n",
      "unknown-key.yml": "approvals:\n  P2:\n    requierd: 1\n",
      "syntax.yml": "title: [unclosed\n",
      "placeholder.yml": "followUps:\n  postMortem:\n    title: 'PM {incidnet}'\n    body: ''\n",
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(["good.yml", "empty.yml"])("exits 0 for %s", async (file) => {
    const run = await runCli(["validate-config", file], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stdout: `${file}: valid\n`, stderr: "" });
  });

  it.each([
    ["wrong-type.yml", "wrong-type.yml: diffBudget.maxFiles: ", "expected number"],
    ["unknown-key.yml", "unknown-key.yml: approvals.P2: ", "unknown key approvals.P2.requierd"],
    ["syntax.yml", "syntax.yml: ", "YAML syntax error"],
    ["placeholder.yml", "placeholder.yml: followUps.postMortem.title: ", "unknown placeholder {incidnet}"],
  ])("exits 1 for %s, naming the field path and what was expected", async (file, where, what) => {
    const run = await runCli(["validate-config", file], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(where);
    expect(run.stderr).toContain(what);
  });

  it("exits 2 without a file, with two files, or with a file that cannot be read", async () => {
    for (const args of [[], ["good.yml", "empty.yml"], ["missing.yml"]]) {
      expect((await runCli(["validate-config", ...args], { cwd: dir })).code).toBe(2);
    }
  });
});

describe("hotfix-bot validate-config with _extends", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "hotfix-bot-cli-"));
    writeFileSync(join(dir, "extends.yml"), "_extends: .github\ndiffBudget:\n  maxFiles: 3\n");
    writeFileSync(join(dir, "extends-typo.yml"), "_extends: .github\ndifBudget: {}\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("validates the file's own keys and says the base is resolved only from GitHub", async () => {
    const run = await runCli(["validate-config", "extends.yml"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("extends.yml: valid\n");
    expect(run.stderr).toContain('extends ".github", which is resolved only when read from GitHub');
  });

  it("still reports the file's own unknown keys", async () => {
    const run = await runCli(["validate-config", "extends-typo.yml"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("unknown key difBudget");
    expect(run.stderr).not.toContain("unknown keys _extends");
  });
});
