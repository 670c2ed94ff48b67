import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { ProbotOctokit } from "probot";
import { runReport } from "../src/cli/report.js";
import { emptyTimeline, type TimelineState } from "../src/incident/timeline-state.js";
import { writeTimeline } from "../src/incident/upsert-timeline.js";
import { startServer } from "../src/server/start-server.js";

/**
 * `npm run bench:dashboard`: 100 open incidents (BENCH_INCIDENTS) on the sandbox, each with the timeline
 * hotfix-bot keeps; then the size of `report --html` for them, and the response time of the production server's
 * dashboard (`/hotfix-bot`): the first load reads everything from the sandbox, later loads within a minute are
 * served from the snapshot.
 */

const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 100);
const WARM = 20;
const REPO = "acme/webshop";

const sandbox = await startSandbox({ report: () => {} });
await sandbox.createRepository(WEBSHOP);
const octokit = new ProbotOctokit({
  auth: { token: sandbox.appToken() },
  baseUrl: sandbox.url,
  throttle: { enabled: false },
  retry: { enabled: false },
});
const repo = { owner: "acme", repo: "webshop" };
const identity = async () => ({ appId: sandbox.app.id, stateSecret: null });
const alice = sandbox.as("alice", REPO);
const start = Date.now() - INCIDENTS * 3_600_000;
for (let i = 0; i < INCIDENTS; i++) {
  const severity = ["P0", "P1", "P2"][i % 3] as string;
  const number = await alice.createIssue({
    title: `Incident ${i + 1}: checkout errors`,
    labels: [`${severity}-hotfix`],
  });
  const detected = start + i * 3_600_000;
  const at = (minutes: number) => new Date(detected + minutes * 60_000).toISOString();
  const state: TimelineState = {
    ...emptyTimeline(number),
    detectedAt: at(0),
    severity,
    commander: "alice",
    intake: {
      trigger: "label",
      branch: `hotfix/incident-${number}`,
      cutFrom: "main",
      baseSha: "b",
      productionSha: "b",
      pr: {
        number: 1000 + i,
        url: `${sandbox.url}/html/${REPO}/pull/${1000 + i}`,
        openedAt: at(5),
        byBot: true,
      },
    },
    pipelines:
      i % 2 === 0
        ? {
            [String(1000 + i)]: {
              pr: 1000 + i,
              mergeSha: "a".repeat(40),
              mergedAt: at(20 + (i % 7) * 10),
              tag: `v1.0.${i}`,
              backports: {},
              followUps: {},
              done: true,
              heartbeatAt: at(30),
              deploy: { deployedAt: at(40 + (i % 9) * 10) },
            },
          }
        : {},
  };
  await writeTimeline({ octokit, repo, identity }, number, null, state);
}

// The report's size, as `report --html` writes it.
const dir = await mkdtemp(join(tmpdir(), "hotfix-bench-"));
const file = join(dir, "report.html");
const code = await runReport(["--repo", REPO, "--api-url", sandbox.url, "--html", file], {
  stdout: () => {},
  stderr: () => {},
  env: {
    GITHUB_TOKEN: sandbox.tokenFor("carol"),
    HOTFIX_BOT_APP: "hotfix-bot",
    HOTFIX_BOT_WRITE_PACING: "off",
  },
});
if (code !== 0) throw new Error(`report exited ${code}`);
const bytes = (await stat(file)).size;
await rm(dir, { recursive: true, force: true });

// The dashboard of the production server, configured as GitHub Enterprise Server pointing at the sandbox.
const token = randomBytes(24).toString("hex");
const privateKey = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
}).privateKey;
const server = await startServer({
  APP_ID: String(sandbox.app.id),
  PRIVATE_KEY: privateKey,
  WEBHOOK_SECRET: "bench",
  HOST: "127.0.0.1",
  PORT: "0",
  GHE_HOST: new URL(sandbox.url).host,
  GHE_PROTOCOL: "http",
  DASHBOARD_TOKEN: token,
  LOG_LEVEL: "warn",
});
await sandbox.settle({ timeoutMs: 60_000 });
const load = async () => {
  const started = performance.now();
  const response = await fetch(`${server.url}/hotfix-bot`, { headers: { authorization: `Bearer ${token}` } });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`dashboard answered ${response.status}`);
  return { ms: performance.now() - started, html };
};
sandbox.counters.reset();
const cold = await load();
const coldRequests = sandbox.counters.total().requests;
const open = /data-figure="open-incidents" data-value="(\d+)"/.exec(cold.html)?.[1];
const warm: number[] = [];
for (let i = 0; i < WARM; i++) warm.push((await load()).ms);
warm.sort((a, b) => a - b);
await server.drain();
await sandbox.close();

const ms = (n: number) => `${Math.round(n)} ms`;
process.stdout.write(
  [
    `| Measure (${INCIDENTS} incidents on the sandbox) | Value |`,
    "| --- | --- |",
    `| report --html size | ${bytes} bytes (${Math.round(bytes / 1024)} KiB) |`,
    `| dashboard, first load (reads ${coldRequests} API requests) | ${ms(cold.ms)}, ${cold.html.length} bytes, ${open} open incidents |`,
    `| dashboard, later loads (snapshot, ${WARM} runs) | median ${ms(warm[Math.floor(WARM / 2)] ?? 0)}, max ${ms(warm[WARM - 1] ?? 0)} |`,
    "",
  ].join("\n"),
);
process.exit(0);
