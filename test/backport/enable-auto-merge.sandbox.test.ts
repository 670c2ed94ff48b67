import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { autoMergeEntry, enableAutoMerge } from "../../src/backport/enable-auto-merge.js";
import { loadConfig } from "../../src/config/load-config.js";
import type { EngineContext } from "../../src/context.js";
import { createEngineLocks } from "../../src/engine-context.js";
import { configOf } from "../support/config-of.js";
import { appOctokit } from "../support/sandbox-octokit.js";

const REPO = "acme/webshop";
let sandbox: Sandbox;
let ctx: EngineContext;

beforeEach(async () => {
  sandbox = await startSandbox();
  await sandbox.createRepository(WEBSHOP);
  const octokit = appOctokit(sandbox);
  const repo = { owner: "acme", repo: "webshop" };
  ctx = {
    octokit,
    repo,
    config: () => loadConfig(octokit, repo),
    log: { debug() {}, info() {}, warn() {}, error() {} },
    clock: () => new Date("2026-03-01T12:00:00Z"),
    identity: async () => ({ appId: sandbox.app.id, stateSecret: null }),
    locks: createEngineLocks(),
  };
});

afterEach(async () => {
  await sandbox.close();
});

async function openPr(): Promise<number> {
  const alice = sandbox.as("alice", REPO);
  await alice.push("hotfix-bot/backport-1-to-develop", { "notes.md": "fix\n" }, { from: "develop" });
  const pr = await alice.openPullRequest({
    head: "hotfix-bot/backport-1-to-develop",
    base: "develop",
    title: "x",
  });
  return pr.number;
}

const config = configOf({ backport: { autoMerge: true, autoMergeMethod: "squash" } });

test("a repository that does not allow auto-merge: GitHub's reason recorded, nothing thrown", async () => {
  const pr = await openPr();
  const result = await enableAutoMerge(ctx, config, pr);
  expect(result).toEqual({
    method: "squash",
    at: "2026-03-01T12:00:00.000Z",
    error: "Pull request Auto merge is not allowed for this repository",
  });
  expect(sandbox.internalRepo(REPO).pulls.get(pr)?.autoMerge ?? null).toBeNull();
  const entry = autoMergeEntry(1, "develop", { status: "open", pr, autoMerge: result });
  expect(entry?.text).toBe(
    `Auto-merge of the backport to develop (#${pr}) not enabled: Pull request Auto merge is not allowed for this repository; merge it by hand`,
  );
});

test("enabled once through GraphQL with the configured method; a second run reads it and writes nothing", async () => {
  const pr = await openPr();
  sandbox.internalRepo(REPO).allowAutoMerge = true;
  sandbox.counters.reset();
  expect(await enableAutoMerge(ctx, config, pr)).toEqual({
    method: "squash",
    at: "2026-03-01T12:00:00.000Z",
  });
  expect(sandbox.counters.forApp().writes).toBe(1);
  const { data } = await ctx.octokit.rest.pulls.get({ ...ctx.repo, pull_number: pr });
  expect(data.auto_merge).toMatchObject({ merge_method: "squash", enabled_by: { login: "hotfix-bot[bot]" } });

  sandbox.counters.reset();
  expect(await enableAutoMerge(ctx, config, pr)).toMatchObject({ method: "squash" });
  expect(sandbox.counters.forApp().writes).toBe(0);
});
