import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { loadConfig } from "../../src/config/load-config.js";
import type { EngineContext } from "../../src/context.js";
import { revertBase, revertCommit } from "../../src/deploy/revert-commit.js";
import { createEngineLocks } from "../../src/engine-context.js";
import { git as gitOn, revertTree } from "../support/git.js";
import { appOctokit } from "../support/sandbox-octokit.js";

// The revert is built through the API (no clone); git, run on the sandbox's repository, is the judge.

const REPO = "acme/webshop";

let sandbox: Sandbox;
let ctx: EngineContext;

beforeEach(async () => {
  sandbox = await startSandbox();
  await sandbox.createRepository(WEBSHOP);
  const octokit = appOctokit(sandbox);
  const repo = { owner: "acme", repo: "webshop" };
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  ctx = {
    octokit,
    repo,
    config: () => loadConfig(octokit, repo),
    log: quiet,
    clock: () => new Date(),
    identity: async () => ({ appId: sandbox.app.id, stateSecret: null }),
    locks: createEngineLocks(),
  };
});

afterEach(async () => {
  await sandbox.close();
});

const gitDir = () => sandbox.repository(REPO).gitDir;
const git = (...args: string[]) => gitOn(gitDir(), ...args).trim();

const AUTH_FIX =
  "export function checkPassword(user, password) {\n  if (!user || !password) return false;\n  return user.password === password;\n}\n";

/** A hotfix PR merged into main with `method`; returns its number and merge commit. */
async function mergedFix(method: "merge" | "squash" | "rebase", commits: Record<string, string>[]) {
  const alice = sandbox.as("alice", REPO);
  for (const [i, files] of commits.entries()) {
    await alice.push("hotfix/x", files, { from: "main", message: `Fix part ${i + 1}` });
  }
  const { number } = await alice.openPullRequest({ head: "hotfix/x", title: "[SPF-1] Fix" });
  const mergeSha = await alice.merge(number, method);
  return { pr: number, mergeSha };
}

test("a merge commit is reverted onto a production that moved on, as git reverts it, in two writes", async () => {
  const { pr, mergeSha } = await mergedFix("merge", [{ "src/auth.js": AUTH_FIX, "docs/fix.md": "why\n" }]);
  const alice = sandbox.as("alice", REPO);
  const tip = await alice.push("main", { "src/cart.js": "export const total = () => 0;\n" });
  const base = await revertBase(ctx, pr, mergeSha);
  expect(base).toBe(git("rev-parse", `${mergeSha}^1`));
  const result = await revertCommit(ctx, {
    pr,
    mergeSha,
    baseSha: base,
    ontoSha: tip,
    ontoLabel: "main",
    message: "Revert fix\n",
  });
  expect(result).toMatchObject({ status: "clean", conflictFiles: [], usedServerMerge: false, writes: 2 });
  expect(git("rev-parse", `${result.headSha}^{tree}`)).toBe(revertTree(gitDir(), tip, mergeSha));
  expect(git("rev-parse", `${result.headSha}^`)).toBe(tip);
  expect(git("log", "-1", "--format=%B", result.headSha)).toBe("Revert fix");
});

test("a rebase merge of two commits is reverted whole", async () => {
  const { pr, mergeSha } = await mergedFix("rebase", [
    { "src/auth.js": AUTH_FIX },
    { "docs/fix.md": "why\n" },
  ]);
  const before = git("rev-parse", `${mergeSha}~2`);
  const base = await revertBase(ctx, pr, mergeSha);
  expect(base).toBe(before);
  const result = await revertCommit(ctx, {
    pr,
    mergeSha,
    baseSha: base,
    ontoSha: mergeSha,
    ontoLabel: "main",
    message: "r\n",
  });
  expect(result.status).toBe("clean");
  expect(git("rev-parse", `${result.headSha}^{tree}`)).toBe(git("rev-parse", `${before}^{tree}`));
});

test("production changed the fixed lines since: a conflict, committed with markers, where git conflicts too", async () => {
  const { pr, mergeSha } = await mergedFix("squash", [{ "src/auth.js": AUTH_FIX }]);
  const alice = sandbox.as("alice", REPO);
  const tip = await alice.push("main", {
    "src/auth.js": AUTH_FIX.replace("!user || !password", "!user || password.length === 0"),
  });
  const result = await revertCommit(ctx, {
    pr,
    mergeSha,
    baseSha: await revertBase(ctx, pr, mergeSha),
    ontoSha: tip,
    ontoLabel: "main",
    message: "r\n",
  });
  expect(revertTree(gitDir(), tip, mergeSha)).toBeNull();
  expect(result.status).toBe("conflict");
  expect(result.conflictFiles).toEqual(["src/auth.js"]);
  const content = git("show", `${result.headSha}:src/auth.js`);
  expect(content).toContain("<<<<<<< main");
  expect(content).toContain(`>>>>>>> revert of ${mergeSha.slice(0, 7)} (#${pr})`);
});

test("a change production no longer has is nothing to revert, and nothing is written", async () => {
  const { pr, mergeSha } = await mergedFix("squash", [{ "src/auth.js": AUTH_FIX }]);
  const original = git("show", `${mergeSha}^:src/auth.js`);
  const tip = await sandbox.as("alice", REPO).push("main", { "src/auth.js": `${original}\n` });
  expect(git("rev-parse", `${tip}^{tree}`)).toBe(git("rev-parse", `${mergeSha}^^{tree}`));
  const result = await revertCommit(ctx, {
    pr,
    mergeSha,
    baseSha: await revertBase(ctx, pr, mergeSha),
    ontoSha: tip,
    ontoLabel: "main",
    message: "r\n",
  });
  expect(result).toMatchObject({ status: "empty", headSha: tip, writes: 0 });
});
