import { generateKeyPairSync } from "node:crypto";
import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import pino from "pino";
import { Probot, ProbotOctokit } from "probot";
import { loadConfig } from "../../src/config/load-config.js";
import type { EngineContext, Octokit, RepoRef } from "../../src/context.js";
import { createEngineLocks } from "../../src/engine-context.js";
import { runIntake } from "../../src/intake/run-intake.js";
import { sweepInstallations } from "../../src/sweep/sweep-installations.js";

// The App's sweep against the sandbox, through a real Probot (JWT, installation tokens, the search API): what it
// costs in requests does not grow with the repositories of the installation, and it finishes an intake cut
// short and the draft PR of a push whose delivery was lost, from GitHub's state alone, then finds nothing to do.

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let sandbox: Sandbox;
let probot: Probot;

const contextFor = (octokit: Octokit, repo: RepoRef): EngineContext => ({
  octokit,
  repo,
  config: () => loadConfig(octokit, repo),
  log: quiet,
  clock: () => new Date(),
  identity: async () => ({ appId: sandbox.app.id, stateSecret: null }),
  locks: createEngineLocks(),
});

beforeAll(async () => {
  sandbox = await startSandbox();
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  probot = new Probot({
    appId: sandbox.app.id,
    privateKey,
    baseUrl: sandbox.url,
    Octokit: ProbotOctokit.defaults({ throttle: { enabled: false }, retry: { enabled: false } }),
    log: pino({ level: "silent" }),
  });
  // Three repositories with an incident each.
  for (const name of ["webshop", "billing", "search"]) {
    await sandbox.createRepository({ ...WEBSHOP, name });
    await sandbox
      .as("alice", `acme/${name}`)
      .createIssue({ title: `${name} is down`, labels: ["P1-hotfix"] });
  }
});

afterAll(async () => {
  await sandbox.close();
});

const sweep = () => sweepInstallations(probot, contextFor, { staleAfterMs: 0 });

test("one sweep costs the same requests with 3 active repositories among 3 or among 43", async () => {
  // Probot caches the installation token after the first sweep: both counts are of a sweep with a cached token.
  await sweep();
  sandbox.requests.reset();
  const small = await sweep();
  const smallCount = sandbox.requests.all().length;
  for (let i = 0; i < 40; i++) await sandbox.createRepository({ owner: "acme", name: `quiet-${i}` });
  sandbox.requests.reset();
  const large = await sweep();
  const largeCount = sandbox.requests.all().length;
  process.stdout.write(
    `sweep: ${smallCount} requests with 3 repositories, ${largeCount} with 43 (3 active)\n`,
  );
  expect(large.reports.map((r) => r.repo).sort()).toEqual(["acme/billing", "acme/search", "acme/webshop"]);
  expect(small.reports.map((r) => r.repo).sort()).toEqual(large.reports.map((r) => r.repo).sort());
  expect(largeCount).toBe(smallCount);
  expect(largeCount).toBeLessThanOrEqual(30);
  // Nothing was declared (no timeline): the sweep declares no incident on a labeller's behalf.
  expect(sandbox.requests.forApp().writes).toBe(0);
}, 180_000);

test("finishes an intake cut short and the draft PR of a lost push, then has nothing left to do", async () => {
  const repo = { owner: "acme", repo: "webshop" };
  const octokit = new ProbotOctokit({
    auth: { token: sandbox.appToken() },
    baseUrl: sandbox.url,
    throttle: { enabled: false },
    retry: { enabled: false },
    log: quiet,
  }) as Octokit;
  const ctx = contextFor(octokit, repo);
  const loaded = await ctx.config();
  if (!loaded.ok) throw loaded.error;
  const alice = sandbox.as("alice", "acme/webshop");
  const incident = await alice.createIssue({ title: "Checkout fails", labels: ["P1-hotfix"] });
  // Intake dies at its branch: the declaration is recorded, nothing else.
  sandbox.setFaults({ seed: 1, rate: 1, kinds: ["500"], routes: ["POST /repos/{owner}/{repo}/git/refs"] });
  await expect(
    runIntake(ctx, loaded.config, {
      issue: { number: incident, title: "Checkout fails", state: "open", labels: ["P1-hotfix"], url: "" },
      trigger: "label",
      severity: "P1",
      actor: "alice",
      at: new Date().toISOString(),
      line: null,
    }),
  ).rejects.toThrow();
  sandbox.setFaults(null);
  const branch = `hotfix/incident-${incident}`;
  expect(sandbox.repository("acme/webshop").branch(branch)).toBeNull();

  const first = await sweep();
  const webshop = first.reports.find((r) => r.repo === "acme/webshop");
  expect(webshop?.results).toContainEqual(
    expect.objectContaining({ task: "intake", target: `#${incident}`, outcome: "finished" }),
  );
  expect(sandbox.repository("acme/webshop").branch(branch)).not.toBeNull();

  // The first push to the branch, its delivery lost (no App listens): the next sweep opens the draft PR.
  await alice.push(branch, { "src/fix.js": "export const fixed = true;\n" });
  const second = await sweep();
  const opened = second.reports.find((r) => r.repo === "acme/webshop")?.results ?? [];
  expect(opened).toContainEqual(expect.objectContaining({ task: "draft-pr", target: `#${incident}` }));
  const pulls = [...sandbox.internalRepo("acme/webshop").pulls.values()].filter((p) => p.headRef === branch);
  expect(pulls).toHaveLength(1);

  sandbox.requests.reset();
  const third = await sweep();
  expect(third.reports.flatMap((r) => r.results)).toEqual([]);
  expect(sandbox.requests.forApp().writes).toBe(0);
}, 120_000);
