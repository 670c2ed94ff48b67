import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { loadConfig } from "../../src/config/load-config.js";
import type { EngineContext } from "../../src/context.js";
import { triggerDeploy } from "../../src/deploy/trigger-deploy.js";
import { createEngineLocks } from "../../src/engine-context.js";
import { configOf } from "../support/config-of.js";
import { appOctokit } from "../support/sandbox-octokit.js";

const REPO = "acme/webshop";
let sandbox: Sandbox;
let ctx: EngineContext;
const errors: string[] = [];

beforeEach(async () => {
  sandbox = await startSandbox();
  await sandbox.createRepository(WEBSHOP);
  const octokit = appOctokit(sandbox);
  const repo = { owner: "acme", repo: "webshop" };
  const log = { debug() {}, info() {}, warn() {}, error: (m: string) => errors.push(m) };
  ctx = {
    octokit,
    repo,
    config: () => loadConfig(octokit, repo),
    log,
    clock: () => new Date("2026-03-01T12:00:00Z"),
    identity: async () => ({ appId: sandbox.app.id, stateSecret: null }),
    locks: createEngineLocks(),
  };
  errors.length = 0;
});

afterEach(async () => {
  await sandbox.close();
});

async function tag(name: string): Promise<string> {
  const sha = sandbox.repository(REPO).branch("main") ?? "";
  await sandbox
    .as("alice", REPO)
    .request("POST", `/repos/${REPO}/git/refs`, { ref: `refs/tags/${name}`, sha });
  return sha;
}

const request = (sha: string) => ({
  tag: "v1.0.1",
  line: "main",
  mergeSha: sha,
  pr: 4,
  incident: 3,
  severity: "P1",
});

test("no deploy configured: nothing happens", async () => {
  expect(await triggerDeploy(ctx, configOf(), request("a".repeat(40)))).toBeNull();
  expect(sandbox.counters.forApp().requests).toBe(0);
});

test("a deployment of the tag is created once: a re-run after a crash finds it instead of making another", async () => {
  const sha = await tag("v1.0.1");
  const config = configOf({ deploy: { environment: "staging" } });
  const first = await triggerDeploy(ctx, config, request(sha));
  const again = await triggerDeploy(ctx, config, request(sha));
  const deployments = [...sandbox.internalRepo(REPO).deployments.values()];
  expect(deployments).toHaveLength(1);
  expect(deployments[0]).toMatchObject({
    ref: "v1.0.1",
    sha,
    environment: "staging",
    description: "hotfix-bot: deploy v1.0.1 (#4) for incident #3",
  });
  expect(first?.deploy.environment).toEqual({
    name: "staging",
    deployment: deployments[0]?.id,
    at: deployments[0]?.createdAt,
  });
  expect(again?.deploy).toEqual(first?.deploy);
  expect(first?.mustRecord).toBe(false);
  // Someone else's deployment of the same tag (no marker) is not taken for ours.
  await sandbox.as("bob", REPO).createDeployment("v1.0.1", "staging");
  const third = await triggerDeploy(ctx, config, { ...request(sha), pr: 5 });
  expect(third?.deploy.environment?.deployment).not.toBe(first?.deploy.environment?.deployment);
});

test("a maintenance line deploys to its own environment ({line}) and dispatches on its own branch", async () => {
  const sha = await tag("v1.0.1");
  const config = configOf({
    productionBranches: ["main", "release/*"],
    deploy: { environment: "production-{line}", workflow: { id: "deploy.yml", inputs: { line: "{line}" } } },
  });
  const result = await triggerDeploy(ctx, config, { ...request(sha), line: "release/1.x" });
  expect(result?.deploy.environment?.name).toBe("production-release/1.x");
  const deployments = [...sandbox.internalRepo(REPO).deployments.values()];
  expect(deployments.map((d) => d.environment)).toEqual(["production-release/1.x"]);
  // The workflow runs on the line itself by default (here refused: the sandbox has no such branch).
  expect(result?.deploy.error ?? result?.deploy.workflow?.ref).toBeDefined();
});

test("a refused dispatch is recorded with the reason, not thrown, and must be recorded at once", async () => {
  await tag("v1.0.1");
  const config = configOf({ deploy: { workflow: { id: "deploy.yml", ref: "no-such-branch" } } });
  const result = await triggerDeploy(ctx, config, request("b".repeat(40)));
  expect(result?.mustRecord).toBe(true);
  expect(result?.deploy.workflow).toBeUndefined();
  expect(result?.deploy.error).toContain("No ref found for: no-such-branch");
  expect(result?.entries.map((e) => e.text)).toEqual([`Deploy not started: ${result?.deploy.error}`]);
  expect(errors).toHaveLength(1);
  expect(sandbox.internalRepo(REPO).dispatches).toEqual([]);
});
