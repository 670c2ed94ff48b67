import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { ImportRepositoryError } from "../../packages/sandbox/import-repository.js";
import { gitEnv, gitIn as runGit } from "../support/git.js";
import { appOctokit, FIXED_CLOCK } from "../support/sandbox-octokit.js";

const env = gitEnv({ name: "Dev", email: "dev@example.com", date: "2026-01-01T00:00:00Z" });
const gitIn = (cwd: string, ...args: string[]) => runGit(cwd, args, env);

let sandbox: Sandbox;
let dir: string;
let source: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "hotfix-import-"));
  source = join(dir, "source");
  gitIn(dir, "init", "--quiet", source);
  writeFileSync(join(source, "a.txt"), "one\n");
  gitIn(source, "add", "a.txt");
  gitIn(source, "commit", "--quiet", "-m", "One");
  gitIn(source, "branch", "develop");
  writeFileSync(join(source, "a.txt"), "two\n");
  gitIn(source, "commit", "--quiet", "-am", "Two");
  gitIn(source, "tag", "v1.0.0");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(async () => {
  sandbox = await startSandbox({ clock: FIXED_CLOCK, report: () => {} });
});

afterEach(() => sandbox.close());

test("branches, tags and history of a repository on disk are served by the API", async () => {
  const handle = await sandbox.importRepository({
    name: "big",
    from: source,
    collaborators: { alice: "write" },
  });
  expect(handle.branch("main")).toBe(gitIn(source, "rev-parse", "main"));
  expect(handle.branch("develop")).toBe(gitIn(source, "rev-parse", "develop"));
  const octokit = appOctokit(sandbox);
  const tag = await octokit.rest.git.getRef({ owner: "acme", repo: "big", ref: "tags/v1.0.0" });
  expect(tag.data.object.sha).toBe(gitIn(source, "rev-parse", "v1.0.0"));
  const commit = await octokit.rest.git.getCommit({
    owner: "acme",
    repo: "big",
    commit_sha: handle.branch("main") ?? "",
  });
  expect(commit.data.message).toBe("Two\n");
  expect(commit.data.parents[0]?.sha).toBe(handle.branch("develop"));
  // Imported, not pushed: nothing announced, nothing counted.
  expect(sandbox.webhooks.deliveries).toHaveLength(0);
  expect(sandbox.counters.total().requests).toBe(2);
  // Collaborators act on it like on a seeded repository.
  await sandbox.as("alice", "acme/big").push("feature", { "b.txt": "b\n" }, { from: "main" });
  expect(sandbox.repository("acme/big").branch("feature")).not.toBeNull();
});

test("an import needs the default branch and a free name", async () => {
  await expect(sandbox.importRepository({ name: "x", from: source, defaultBranch: "trunk" })).rejects.toThrow(
    ImportRepositoryError,
  );
  expect(() => sandbox.repository("acme/x")).toThrow();
  await sandbox.importRepository({ name: "y", from: source });
  await expect(sandbox.importRepository({ name: "y", from: source })).rejects.toThrow(/exists/);
});
