import { execFileSync } from "node:child_process";
import { startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { loadConfig } from "../src/config/load-config.js";
import type { EngineContext, Octokit, RepoRef } from "../src/context.js";
import { createEngineLocks } from "../src/engine-context.js";
import { startAppOnSandbox } from "../src/sandbox-app/start-app-on-sandbox.js";
import { sweepInstallations } from "../src/sweep/sweep-installations.js";
import { runWorkflowKills } from "../test/reliability/kill-workflows.js";
import { startRedisServer } from "../test/support/redis-server.js";
import { ratio } from "./figures.js";
import { measureFollowUpDeadlines } from "./follow-up-deadline-sweep.js";
import { legacyReconcileReads } from "./legacy-reconcile.js";

/**
 * `npm run bench:sweep`: (1) the requests of one sweep of an installation with REPOSITORIES repositories, 3 of
 * them with an incident in the lookback, against the reads of the reconcile it replaces on the same
 * installation; (2) the time from a SIGKILL in the middle of intake, the draft PR, the deploy trigger and the
 * rollback to the workflow's completion: by the next process's sweep at start (no Redis) and by the next process
 * taking the job from the queue (Redis; skipped without redis-server). Throughput with the queue on is
 * `npm run bench:throughput -- --queue`.
 */

const REPOSITORIES = Number(process.env.BENCH_REPOSITORIES ?? 2000);
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

const sandbox = await startSandbox({ report: () => {} });
const lines: string[] = [];
try {
  // Retries on (a reset connection under load is retried, and counted: the figures are exact requests sent).
  const app = await startAppOnSandbox(sandbox, {
    throttle: { enabled: false },
    retry: { retries: 3, retryAfterBaseValue: 1 },
  });
  const active = ["webshop", "billing", "search"];
  for (const name of active) {
    await sandbox.createRepository({ ...WEBSHOP, name });
    await sandbox
      .as("alice", `acme/${name}`)
      .createIssue({ title: `${name} is down`, labels: ["P1-hotfix"] });
  }
  await sandbox.settle();
  await app.close();
  // The quiet rest: empty repositories (the sweep never reads them; the old reconcile reads each).
  for (let i = active.length; i < REPOSITORIES; i++)
    await sandbox.world.createRepository({ owner: "acme", name: `service-${i}` });

  const contextFor = (octokit: Octokit, repo: RepoRef): EngineContext => ({
    octokit,
    repo,
    config: () => loadConfig(octokit, repo),
    log: quiet,
    clock: () => new Date(),
    identity: async () => ({ appId: sandbox.app.id, stateSecret: null }),
    locks: createEngineLocks(),
  });
  // Both measured with a cached installation token, after one warm-up sweep.
  await sweepInstallations(app.probot, contextFor);
  sandbox.requests.reset();
  let started = performance.now();
  const swept = await sweepInstallations(app.probot, contextFor);
  const sweepMs = performance.now() - started;
  const sweepRequests = sandbox.requests.all().length;
  sandbox.requests.reset();
  started = performance.now();
  const repositories = await legacyReconcileReads(app.probot, contextFor);
  const legacyMs = performance.now() - started;
  const legacyRequests = sandbox.requests.all().length;

  lines.push(
    "### Sweep cost against the reconcile it replaces",
    "",
    `One installation of ${repositories} repositories, ${swept.reports.length} of them with an incident in the ` +
      "lookback (the others empty); requests counted by the sandbox, installation token cached.",
    "",
    "| | requests | time |",
    "| --- | ---: | ---: |",
    `| sweep (search discovery) | ${sweepRequests} | ${(sweepMs / 1000).toFixed(1)} s |`,
    `| reconcile (every repository) | ${legacyRequests} | ${(legacyMs / 1000).toFixed(1)} s |`,
    `| sweep / reconcile | ${ratio(sweepRequests, legacyRequests)} | |`,
    "",
  );
} finally {
  await sandbox.close();
}

lines.push(...(await measureFollowUpDeadlines()));

const kills = [{ mode: "sweep at the next start (no Redis)", run: await runWorkflowKills({}) }];
let redisInstalled = true;
try {
  execFileSync("redis-server", ["--version"], { stdio: "ignore" });
} catch {
  redisInstalled = false;
}
if (redisInstalled) {
  const redis = await startRedisServer();
  try {
    kills.push({
      mode: "the next process takes the job (Redis queue)",
      run: await runWorkflowKills({ redisUrl: redis.url }),
    });
  } finally {
    await redis.stop();
  }
}
lines.push(
  "### From a SIGKILL mid-workflow to the workflow's completion",
  "",
  "The next process is started right after the kill (its start, about a second, is included). Without Redis a " +
    "running App's periodic sweep would finish the same work within one interval (SWEEP_INTERVAL_MINUTES).",
  "",
  "| recovery | intake | draft PR | deploy trigger | rollback | duplicates |",
  "| --- | ---: | ---: | ---: | ---: | ---: |",
  ...kills.map(
    ({ mode, run }) =>
      `| ${mode} | ${run.recoveries.map((r) => `${(r.ms / 1000).toFixed(1)} s`).join(" | ")} | ${run.duplicates.length} |`,
  ),
  ...(redisInstalled ? [] : ["", "(Redis row skipped: redis-server is not installed.)"]),
);
console.log(lines.join("\n"));
