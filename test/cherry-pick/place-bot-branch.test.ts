import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { branchNameCandidates, sameChange } from "../../src/cherry-pick/branch-adoption.js";
import { NoFreeBranchNameError, placeBotBranch } from "../../src/cherry-pick/place-bot-branch.js";
import type { Octokit } from "../../src/context.js";
import { appOctokit } from "../support/sandbox-octokit.js";

// The one rule for bot branches (backports, reverts): adopt an existing branch only when it holds the commits the
// bot computed, compared by parent, tree and message, never by SHA, since GitHub signs each commit anew.

const facts = (over: Partial<Parameters<typeof sameChange>[0]> = {}) => ({
  sha: "a".repeat(40),
  tree: "t".repeat(40),
  parents: ["p".repeat(40)],
  message: "Fix\n\n(cherry picked from commit c)\nCo-authored-by: alice <alice@example.com>\n",
  author: { name: "x", email: "x@example.com", date: "2026-01-01T00:00:00Z" },
  ...over,
});

test("names: the deterministic one first, then -2 … -5", () => {
  expect(branchNameCandidates("hotfix-bot/revert-7")).toEqual([
    "hotfix-bot/revert-7",
    "hotfix-bot/revert-7-2",
    "hotfix-bot/revert-7-3",
    "hotfix-bot/revert-7-4",
    "hotfix-bot/revert-7-5",
  ]);
});

test("the same change: tree and whole message (trailers included), never the SHA; a signed one needs a signed one", () => {
  const computed = facts({ sha: "b".repeat(40), verified: true });
  expect(sameChange(facts({ verified: true }), computed)).toBe(true);
  expect(sameChange(facts({ verified: false }), computed)).toBe(false);
  expect(sameChange(facts({ tree: "e".repeat(40), verified: true }), computed)).toBe(false);
  expect(
    sameChange(facts({ message: "Fix\n\n(cherry picked from commit c)\n", verified: true }), computed),
  ).toBe(false);
  expect(sameChange(facts({ parents: ["1", "2"], verified: true }), computed)).toBe(false);
  expect(sameChange(facts(), facts({ sha: "c".repeat(40) }))).toBe(true);
});

describe("on the sandbox", () => {
  let sandbox: Sandbox;
  let octokit: Octokit;
  let now = Date.parse("2026-03-01T12:00:00Z");
  const repo = { owner: "acme", repo: "adopt" };

  beforeAll(async () => {
    // Each commit a second later: GitHub's committer date, and so the SHA, differs between two runs.
    const clock = () => {
      now += 1000;
      return new Date(now);
    };
    sandbox = await startSandbox({ clock });
    await sandbox.createRepository({
      name: "adopt",
      history: [{ message: "base", files: { "a.txt": "a\n" } }],
      collaborators: { bob: "write" },
    });
    octokit = appOctokit(sandbox) as unknown as Octokit;
  });
  afterAll(() => sandbox.close());

  /** What a backport run computes: one signed commit changing a.txt on top of `onto`. */
  async function compute(onto: string, content: string): Promise<string> {
    const { data: base } = await octokit.rest.git.getCommit({ ...repo, commit_sha: onto });
    const { data: tree } = await octokit.rest.git.createTree({
      ...repo,
      base_tree: base.tree.sha,
      tree: [{ path: "a.txt", mode: "100644", type: "blob", content }],
    });
    const { data } = await octokit.rest.git.createCommit({
      ...repo,
      message: "Fix\n\n(cherry picked from commit c)\n",
      tree: tree.sha,
      parents: [onto],
    });
    return data.sha;
  }

  test("a retry adopts its earlier branch although the SHAs differ; someone else's is refused and the next free name used", async () => {
    const onto = sandbox.repository("acme/adopt").branch("main") as string;
    const first = await compute(onto, "fixed\n");
    expect(await placeBotBranch(octokit, repo, { name: "hotfix-bot/x", head: first, onto })).toEqual({
      branch: "hotfix-bot/x",
      created: true,
      refused: [],
    });
    const retry = await compute(onto, "fixed\n");
    expect(retry).not.toBe(first);
    expect(await placeBotBranch(octokit, repo, { name: "hotfix-bot/x", head: retry, onto })).toEqual({
      branch: "hotfix-bot/x",
      created: false,
      refused: [],
    });

    // Bob's branch of that name: the same message, another tree (a backdoor).
    const bob = sandbox.as("bob", "acme/adopt");
    const planted = await bob.push(
      "hotfix-bot/y",
      { "a.txt": "backdoor\n" },
      { from: "main", message: "Fix\n\n(cherry picked from commit c)\n" },
    );
    // And an unsigned copy of exactly the change under -2: the same content, but the PR would not merge.
    const unsigned = await bob.push(
      "hotfix-bot/y-2",
      { "a.txt": "fixed\n" },
      { from: "main", message: "Fix\n\n(cherry picked from commit c)\n" },
    );
    const placed = await placeBotBranch(octokit, repo, { name: "hotfix-bot/y", head: retry, onto });
    expect(placed).toEqual({
      branch: "hotfix-bot/y-3",
      created: true,
      refused: [
        { branch: "hotfix-bot/y", tip: planted },
        { branch: "hotfix-bot/y-2", tip: unsigned },
      ],
    });
    expect(sandbox.repository("acme/adopt").branch("hotfix-bot/y")).toBe(planted);
    // A redelivery lands on the same name.
    const again = await compute(onto, "fixed\n");
    expect(await placeBotBranch(octokit, repo, { name: "hotfix-bot/y", head: again, onto })).toMatchObject({
      branch: "hotfix-bot/y-3",
      created: false,
    });
  });

  test("every name taken by someone else: a clear error naming them, and no branch moved", async () => {
    const onto = sandbox.repository("acme/adopt").branch("main") as string;
    const bob = sandbox.as("bob", "acme/adopt");
    for (const name of branchNameCandidates("hotfix-bot/z"))
      await bob.push(name, { "b.txt": "b\n" }, { from: "main" });
    const head = await compute(onto, "z\n");
    const error = await placeBotBranch(octokit, repo, { name: "hotfix-bot/z", head, onto }).catch((e) => e);
    expect(error).toBeInstanceOf(NoFreeBranchNameError);
    expect(error.message).toContain("hotfix-bot/z-5 at");
    expect(error.refused).toHaveLength(5);
  });
});
