import { type ChildProcess, fork } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { signatureSha1, signatureSha256, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { startRedisServer } from "../test/support/redis-server.js";
import { median, ratio } from "./figures.js";
import { openHotfixPr } from "./hotfix-pr.js";

/**
 * `npm run bench:throughput`: signed webhook deliveries per second through the real Probot server, hotfix-bot
 * beside a bare Probot app (one no-op handler), both served from child processes at the same time and measured
 * in alternating rounds, with the server's peak memory. Events: `star` and `issues.opened` without labels (not
 * ours: no API call) and `check_run.completed` of a check the gate waits for on an open hotfix PR (a gate
 * re-evaluation against the sandbox). Every count and time is bounded (BENCH_SECONDS per phase, default 3).
 */

const require = createRequire(import.meta.url);
type Json = Record<string, unknown>;
const definitions = require("@octokit/webhooks-examples") as { name: string; examples: Json[] }[];

const PHASE_SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = 4;
const CONCURRENCY = 8;
const IRRELEVANT_MAX = 5000;
const RELEVANT_MAX = 500;

interface Server {
  mode: "hotfix" | "bare";
  child: ChildProcess;
  url: string;
}

interface Stats {
  startupRss: number;
  peakRss: number;
  kernelPeakRss: number | null;
}

function example(name: string, action: string, where: (payload: Json) => boolean = () => true): Json {
  const found = definitions
    .find((definition) => definition.name === name)
    ?.examples.find((payload) => payload.action === action && where(payload));
  if (!found) throw new Error(`no ${name}.${action} example`);
  return structuredClone(found);
}

/** `--queue`: hotfix-bot with REDIS_URL (its BullMQ queue and Redis lock) against the bare app. */
const queue = process.argv.includes("--queue") ? await startRedisServer() : null;

async function startServer(mode: Server["mode"], apiUrl: string, secret: string): Promise<Server> {
  const script = fileURLToPath(new URL("./throughput-server.ts", import.meta.url));
  const child = fork(script, [], {
    execArgv: ["--import", "tsx"],
    env: {
      PATH: process.env.PATH,
      BENCH_APP: mode,
      BENCH_API_URL: apiUrl,
      BENCH_SECRET: secret,
      ...(queue && mode === "hotfix" ? { BENCH_REDIS_URL: queue.url } : {}),
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${mode} server did not start`)), 60_000);
    child.once("exit", (code) => reject(new Error(`${mode} server exited (${code})`)));
    child.on("message", (message: { type?: string; port?: number }) => {
      if (message.type !== "ready" || !message.port) return;
      clearTimeout(timer);
      resolve(message.port);
    });
  });
  return { mode, child, url: `http://127.0.0.1:${port}/api/github/webhooks` };
}

function stats(server: Server): Promise<Stats> {
  return new Promise((resolve) => {
    const listener = (message: Stats & { type?: string }) => {
      if (message.type !== "stats") return;
      server.child.off("message", listener);
      resolve(message);
    };
    server.child.on("message", listener);
    server.child.send({ type: "stats" });
  });
}

/** Sends the event until `max` deliveries or the phase's time are used up; answers per second. */
async function blast(
  server: Server,
  secret: string,
  event: string,
  payload: Json,
  max: number,
): Promise<{ perSecond: number; delivered: number; failed: number }> {
  const body = JSON.stringify(payload);
  const headers = {
    "content-type": "application/json",
    "x-github-event": event,
    "x-hub-signature-256": signatureSha256(secret, body),
    "x-hub-signature": signatureSha1(secret, body),
    "user-agent": "GitHub-Hookshot/bench",
  };
  const deadline = performance.now() + PHASE_SECONDS * 1000;
  let sent = 0;
  let delivered = 0;
  let failed = 0;
  const started = performance.now();
  const worker = async () => {
    while (sent < max && performance.now() < deadline) {
      sent++;
      const response = await fetch(server.url, {
        method: "POST",
        headers: { ...headers, "x-github-delivery": randomUUID() },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      await response.arrayBuffer();
      if (response.ok) delivered++;
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: delivered / seconds, delivered, failed };
}

const secret = randomBytes(16).toString("hex");
const sandbox = await startSandbox({ report: () => {} });
const servers: Server[] = [];
try {
  await sandbox.createRepository(WEBSHOP);
  // An open hotfix PR and a real check_run.completed of `critical-tests` on its head, as the sandbox sends it.
  const { head } = await openHotfixPr(sandbox, [{ "src/auth.js": "export const fixed = true;\n" }]);
  await sandbox.asApp("ci", "acme/webshop").runCheck("critical-tests", head, "success");
  const relevant = sandbox.webhooks.find("check_run", "completed").at(-1)?.payload as Json | undefined;
  if (!relevant) throw new Error("no check_run.completed payload");
  const scope = {
    repository: relevant.repository,
    installation: relevant.installation,
    sender: relevant.sender,
  };
  const events: { label: string; event: string; payload: Json; max: number; relevant: boolean }[] = [
    {
      label: "`star` (not ours)",
      event: "star",
      payload: { ...example("star", "created"), ...scope },
      max: IRRELEVANT_MAX,
      relevant: false,
    },
    {
      label: "`issues.opened`, no label (not ours)",
      event: "issues",
      payload: { ...example("issues", "opened"), ...scope },
      max: IRRELEVANT_MAX,
      relevant: false,
    },
    {
      label: "`check_run.completed` of a required check (gate re-evaluation)",
      event: "check_run",
      payload: relevant,
      max: RELEVANT_MAX,
      relevant: true,
    },
  ];
  (events[1]?.payload.issue as Json).labels = [];

  servers.push(
    await startServer("bare", sandbox.url, secret),
    await startServer("hotfix", sandbox.url, secret),
  );
  // Warm-up: installation token, config cache, the gate's first check run, JIT.
  for (const server of servers) for (const e of events) await blast(server, secret, e.event, e.payload, 20);

  const rows: string[] = [];
  let requestsPerRelevant = Number.NaN;
  let answeringPerRelevant = Number.NaN;
  let writesRelevant = 0;
  for (const e of events) {
    const rates = { bare: [] as number[], hotfix: [] as number[] };
    let failed = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? servers : [...servers].reverse();
      for (const server of order) {
        sandbox.counters.reset();
        const result = await blast(server, secret, e.event, e.payload, e.max);
        rates[server.mode].push(result.perSecond);
        failed += result.failed;
        if (server.mode === "hotfix" && e.relevant) {
          const counts = sandbox.counters.forApp();
          requestsPerRelevant = counts.requests / Math.max(1, result.delivered);
          const answering = sandbox.counters
            .all()
            .filter((record) => record.identity === sandbox.app.identity)
            .reduce((sum, record) => sum + record.ms, 0);
          answeringPerRelevant = answering / Math.max(1, result.delivered);
          writesRelevant += counts.writes;
        }
      }
    }
    rows.push(
      `| ${e.label} | ${median(rates.hotfix).toFixed(0)} | ${median(rates.bare).toFixed(0)} | ` +
        `${ratio(median(rates.hotfix), median(rates.bare))} | ${failed} |`,
    );
  }
  const memory = await Promise.all(servers.map(stats));
  const mb = (bytes: number | null) => (bytes === null ? "n/a" : `${(bytes / 1024 / 1024).toFixed(0)} MB`);

  const lines = [
    `### Webhook throughput through the real Probot server${queue ? " (hotfix-bot with REDIS_URL: its queue on)" : ""}`,
    "",
    `Deliveries per second (signed, ${CONCURRENCY} in flight, each phase at most ${PHASE_SECONDS} s; median of ` +
      `${ROUNDS} alternating rounds), hotfix-bot beside a bare Probot app with one no-op handler, each server in ` +
      "its own process; the load generator and the sandbox share the same 2-core machine.",
    "",
    "| event | hotfix-bot / s | bare app / s | hotfix-bot / bare | failed deliveries |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    `Gate re-evaluation: ${requestsPerRelevant.toFixed(1)} App requests per delivery (last round), which the ` +
      `sandbox took ${answeringPerRelevant.toFixed(0)} ms to answer in all; evaluations of one head SHA run one at ` +
      `a time in the App; ${writesRelevant} writes over all its rounds (the gate run is not rewritten while its ` +
      "verdict stands).",
    "",
    "| server | RSS after start | peak RSS (sampled every 20 ms) | peak RSS (kernel VmHWM) |",
    "| --- | ---: | ---: | ---: |",
    ...servers.map(
      (server, i) =>
        `| ${server.mode === "bare" ? "bare Probot app" : "hotfix-bot"} | ${mb(memory[i]?.startupRss ?? null)} | ` +
        `${mb(memory[i]?.peakRss ?? null)} | ${mb(memory[i]?.kernelPeakRss ?? null)} |`,
    ),
  ];
  console.log(lines.join("\n"));
} finally {
  for (const server of servers) {
    server.child.send({ type: "stop" });
    const timer = setTimeout(() => server.child.kill(), 5000);
    await new Promise((resolve) => server.child.once("exit", resolve));
    clearTimeout(timer);
  }
  await sandbox.close();
  await queue?.stop();
}
