import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli.js";

/** The command line in this process, with its output kept. */
async function cli(args: string[], env: NodeJS.ProcessEnv = {}, cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env, cwd };
  const code = await main(args, io);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

describe("validate-config on something that is not a file", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "hotfix-bot-cli-"));
    mkdirSync(join(dir, ".github"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("names the directory and the file to give instead of a raw EISDIR", async () => {
    const run = await cli(["validate-config", ".github"], {}, dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `hotfix-bot validate-config: cannot read .github: it is a directory; give the configuration file itself, such as ${join(".github", "hotfix.yml")}`,
    );
    const root = await cli(["validate-config", "."], {}, dir);
    expect(root.stderr).toContain(`such as ${join(".github", "hotfix.yml")}`);
    expect(root.stderr).not.toContain("EISDIR");
  });

  it("says when there is no such file", async () => {
    const run = await cli(["validate-config", "nope.yml"], {}, dir);
    expect(run).toMatchObject({
      code: 2,
      stderr: "hotfix-bot validate-config: cannot read nope.yml: no such file",
    });
  });
});

describe("reconcile and report on a repository the token cannot reach", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
    await sandbox.createRepository(WEBSHOP);
  });
  afterAll(() => sandbox.close());

  it.each(["reconcile", "report"])(
    "%s names the repository, the server and what to check",
    async (command) => {
      const env = { GITHUB_TOKEN: sandbox.appToken(), HOTFIX_BOT_WRITE_PACING: "off" };
      const run = await cli([command, "--repo", "acme/nope", "--api-url", sandbox.url], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`repository acme/nope not found at ${sandbox.url}`);
      expect(run.stderr).toContain("that the token in GITHUB_TOKEN can access it");
    },
  );

  it("reconcile says when the token itself is refused", async () => {
    const run = await cli(["reconcile", "--repo", "acme/webshop", "--api-url", sandbox.url], {
      GITHUB_TOKEN: "not-a-token",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${sandbox.url} refused the token in GITHUB_TOKEN (Bad credentials)`);
  });
});

describe("the token each command asks for", () => {
  it("report only reads, and says a read-only token is enough", async () => {
    const run = await cli(["report", "--repo", "acme/webshop"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "GITHUB_TOKEN is not set: export a token that can read the repository's issues",
    );
    expect(run.stderr).not.toContain("write");
  });

  it("reconcile writes, and says so", async () => {
    const run = await cli(["reconcile", "--repo", "acme/webshop"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("export a token that can read and write the repository");
  });
});
