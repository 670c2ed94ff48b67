import { mkdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import fc from "fast-check";
import { gitEnv, makeScratchDir, SCRATCH_ROOT } from "../../support/git.js";
import { GitShell } from "../../support/git-shell.js";
import { appOctokit, type TestOctokit } from "../../support/sandbox-octokit.js";

// The judge: git itself, in a working clone, doing the same work the sandbox did through the API.

const PATHS = ["a.txt", "b.txt", "dir/c.txt", "dir/sub/d.txt", "e.txt"] as const;
type Files = Partial<Record<(typeof PATHS)[number], string>>;
type Edits = Partial<Record<(typeof PATHS)[number], string | null>>;
type Method = "merges-api" | "merge" | "squash" | "rebase";

const ENV = gitEnv({ name: "Judge", email: "judge@example.com", date: "@1767225600 +0000" });

// One long-lived shell forks the judge's git (see GitShell): a fork of this worker costs far more than git's work.
let shell: GitShell;

async function git(cwd: string, ...args: string[]): Promise<string> {
  const result = await gitResult(cwd, args);
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return result.stdout.toString("utf8");
}

function gitResult(cwd: string, args: string[]) {
  return shell.run(["-c", "init.defaultBranch=main", "-c", "merge.conflictStyle=merge", ...args], { cwd });
}

/** Runs git and reports whether it succeeded (merges and cherry-picks exit 1 on conflict). */
async function gitOk(cwd: string, ...args: string[]): Promise<boolean> {
  return (await gitResult(cwd, args)).status === 0;
}

// Few lines from a tiny alphabet, so that edits collide, touch adjacent lines, and conflict.
const content = fc
  .array(fc.constantFrom("x", "y", "z", "x y"), { minLength: 0, maxLength: 5 })
  .map((lines) => (lines.length === 0 ? "" : `${lines.join("\n")}\n`));
const baseFiles = fc
  .dictionary(fc.constantFrom(...PATHS), content, { minKeys: 1, maxKeys: 5 })
  .map((files) => files as Files);

/** Edits against a set of files: change or add any path, delete only existing ones (deleting nothing is a 422). */
function editsOf(files: Files): fc.Arbitrary<Edits> {
  return fc
    .dictionary(
      fc.constantFrom(...PATHS),
      fc.oneof(
        { weight: 4, arbitrary: content.map((text): string | null => text) },
        { weight: 1, arbitrary: fc.constant(null) },
      ),
      { minKeys: 1, maxKeys: 3 },
    )
    .map((edits) => {
      const result: Edits = {};
      for (const [path, value] of Object.entries(edits) as [keyof Files, string | null][]) {
        if (value === null && files[path] === undefined) continue;
        result[path] = value;
      }
      return result;
    });
}

function apply(files: Files, edits: Edits): Files {
  const result: Files = { ...files };
  for (const [path, value] of Object.entries(edits) as [keyof Files, string | null][]) {
    if (value === null) delete result[path];
    else result[path] = value;
  }
  return result;
}

const scenario = baseFiles.chain((base) =>
  fc.record({
    base: fc.constant(base),
    ours: editsOf(base),
    theirs: fc.array(editsOf(base), { minLength: 1, maxLength: 2 }),
    method: fc.constantFrom<Method>("merges-api", "merge", "squash", "rebase"),
  }),
);

function writeEdits(work: string, edits: Edits): void {
  for (const [path, value] of Object.entries(edits)) {
    const file = join(work, path);
    if (value === null) unlinkSync(file);
    else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, value as string);
    }
  }
}

let sandbox: Sandbox;
let octokit: TestOctokit;
let scratch: string;
let run = 0;

beforeAll(async () => {
  sandbox = await startSandbox({ clock: () => new Date("2026-01-01T00:00:00Z") });
  octokit = appOctokit(sandbox);
  scratch = makeScratchDir("sandbox-judge-");
  shell = new GitShell({ env: ENV, scratchRoot: SCRATCH_ROOT });
});
afterAll(async () => {
  await sandbox.close();
  shell.close();
  rmSync(scratch, { recursive: true, force: true });
});

test("tree writes and merges through the API give the trees git gives (25 random repositories)", async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async ({ base, ours, theirs, method }) => {
      const name = `judge-${++run}`;
      const repo = await sandbox.createRepository({
        name,
        collaborators: { alice: "write" },
        history: [{ message: "base", files: base as Record<string, string> }],
        branches: {},
      });
      const alice = sandbox.as("alice", `acme/${name}`);
      const full = `acme/${name}`;
      // Through the API: base_tree + inline content + sha:null deletions, one commit per edit set.
      const topicTips: string[] = [];
      for (const [i, edits] of theirs.entries()) {
        topicTips.push(await alice.push("topic", edits, { from: "main", message: `theirs ${i}` }));
      }
      const ourTip = await alice.push("main", ours, { message: "ours" });
      await sandbox.internalRepo(full).store.flush();

      // git, in a working clone, does the same edits.
      const work = join(scratch, name);
      await git(scratch, "clone", "--quiet", "--shared", repo.gitDir, work);
      await git(work, "checkout", "--quiet", "-b", "judge-topic", "origin/main~1");
      for (const [i, edits] of theirs.entries()) {
        writeEdits(work, edits);
        await git(work, "add", "-A");
        await git(work, "commit", "--quiet", "--allow-empty", "-m", `theirs ${i}`);
        expect((await git(work, "rev-parse", "HEAD^{tree}")).trim()).toBe(
          (await git(work, "rev-parse", `${topicTips[i]}^{tree}`)).trim(),
        );
      }
      await git(work, "checkout", "--quiet", "-b", "judge-main", "origin/main~1");
      writeEdits(work, ours);
      await git(work, "add", "-A");
      await git(work, "commit", "--quiet", "--allow-empty", "-m", "ours");
      expect((await git(work, "rev-parse", "HEAD^{tree}")).trim()).toBe(
        (await git(work, "rev-parse", `${ourTip}^{tree}`)).trim(),
      );
      // (The model agrees too: the tree holds exactly the files we think.)
      const expectedFiles = Object.keys(apply(base, ours)).sort();
      expect((await git(work, "ls-files")).trim().split("\n").filter(Boolean).sort()).toEqual(expectedFiles);

      // The merge, by the sandbox and by git.
      let sandboxTree: string | null = null;
      if (method === "merges-api") {
        const result = await octokit.rest.repos
          .merge({ owner: "acme", repo: name, base: "main", head: "topic" })
          .catch((e) => e);
        if (result.status === 201) sandboxTree = result.data.commit.tree.sha;
        else expect(result.status).toBe(409);
      } else {
        const pr = await alice.openPullRequest({ head: "topic", base: "main", title: "topic" });
        const result = await alice.merge(pr.number, method).catch((e) => e);
        if (typeof result !== "string") expect(result.status).toBe(405);
        else {
          await sandbox.internalRepo(full).store.flush();
          await git(work, "fetch", "--quiet", "origin");
          sandboxTree = (await git(work, "rev-parse", `${result}^{tree}`)).trim();
        }
      }

      let gitClean: boolean;
      if (method === "rebase") {
        // A picked commit whose change is already there becomes empty; that is not a conflict.
        gitClean = await gitOk(
          work,
          "cherry-pick",
          "--allow-empty",
          "--keep-redundant-commits",
          ...topicTips,
        );
        if (!gitClean) await gitOk(work, "cherry-pick", "--abort");
      } else if (method === "squash") {
        gitClean = await gitOk(work, "merge", "--squash", "judge-topic");
        if (gitClean) await git(work, "commit", "--quiet", "--allow-empty", "-m", "squash");
      } else {
        gitClean = await gitOk(work, "merge", "--no-ff", "--no-edit", "judge-topic");
        if (!gitClean) await gitOk(work, "merge", "--abort");
      }
      expect(sandboxTree !== null).toBe(gitClean);
      if (sandboxTree !== null)
        expect(sandboxTree).toBe((await git(work, "rev-parse", "HEAD^{tree}")).trim());
      rmSync(work, { recursive: true, force: true });
    }),
    { numRuns: 25, seed: 20260301, endOnFailure: true },
  );
  // 25 repositories created, written and merged through the sandbox and by git: about a minute alone, twice that
  // beside another suite on a loaded 2-core machine.
}, 300_000);
