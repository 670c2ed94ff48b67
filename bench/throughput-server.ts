import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { type ApplicationFunction, createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import { createHotfixBot } from "../src/app.js";

/**
 * The webhook server of the throughput benchmark, in a process of its own so that its memory is its own: the real
 * Probot server (webhook verification, installation auth, Octokit with its plugins as Probot sets them) with
 * either hotfix-bot or a bare app of one no-op handler. Started by webhook-throughput.ts through IPC:
 * env BENCH_APP (`hotfix` | `bare`), BENCH_API_URL (the sandbox), BENCH_SECRET. Replies to `stats` with its
 * peak resident set size, sampled and as the kernel counts it.
 */

const mode = process.env.BENCH_APP === "bare" ? "bare" : "hotfix";
const baseUrl = process.env.BENCH_API_URL ?? "";
const secret = process.env.BENCH_SECRET ?? "";
if (!baseUrl || !secret || !process.send) throw new Error("start this through bench/webhook-throughput.ts");

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);
sampler.unref();

/** The kernel's high-water mark of resident memory (Linux), or null elsewhere. */
function kernelPeak(): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    return match?.[1] ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

const bare: ApplicationFunction = (app) => {
  app.onAny(async () => {});
};

const probot = new Probot({
  appId: 1,
  privateKey: generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey,
  secret,
  baseUrl,
  Octokit: ProbotOctokit,
  log: pino({ level: "silent" }),
});
// BENCH_REDIS_URL: hotfix-bot with its queue on (long steps as BullMQ jobs, the Redis lock), as several instances run.
const redisUrl = process.env.BENCH_REDIS_URL;
const middleware = await createNodeMiddleware(
  mode === "bare" ? bare : createHotfixBot(redisUrl ? { redisUrl } : {}),
  { probot },
);
const server = createServer((req, res) => {
  void middleware(req, res, () => {
    res.writeHead(404).end();
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const startupRss = process.memoryUsage().rss;

process.on("message", (message: { type?: string }) => {
  if (message.type === "stats") {
    process.send?.({
      type: "stats",
      startupRss,
      peakRss: Math.max(peakRss, process.memoryUsage().rss),
      kernelPeakRss: kernelPeak(),
    });
  } else if (message.type === "stop") {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
process.send({ type: "ready", port: (server.address() as AddressInfo).port, mode });
