import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import { createHotfixBot } from "../../src/app.js";
import type { DurableSteps } from "../../src/queue/durable-steps.js";
import { BackgroundWork, STEP_RETRY } from "../../src/util/background-work.js";

// hotfix-bot as a process of its own, for the tests that kill it (SIGKILL: no goodbye) or run two side by side:
// the real Probot server, pointed at a sandbox. Configured by the environment:
//   SANDBOX_URL, WEBHOOK_SECRET, PRIVATE_KEY (PEM), APP_ID (default 1)
//   RECONCILE_ON_START=1  finish half-done pipelines at start, as `npm start` does
//   REDIS_URL             Probot's throttling shared through Redis and long steps on the queue (as in production
//                         with several instances); without it throttling is off, as in the other tests
//   SWEEP_INTERVAL_MINUTES the periodic sweep (0: none)
// Prints `listening <url>` once it serves webhooks at <url>/api/github/webhooks. GET <url>/__idle answers once its
// background work (long steps, reconcile) is done, with { failures, retries }.

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const redisUrl = process.env.REDIS_URL;
const fastRetry = { enabled: true, retries: 3, retryAfterBaseValue: 1 };
const Octokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { ...(options.retry as object | undefined), ...fastRetry },
  // With Redis, Probot's own throttling options (its Redis connection) stay as Probot made them.
  ...(redisUrl ? {} : { throttle: { ...(options.throttle as object | undefined), enabled: false } }),
})) as typeof ProbotOctokit;

const probot = new Probot({
  appId: Number(process.env.APP_ID ?? 1),
  privateKey: env("PRIVATE_KEY"),
  secret: env("WEBHOOK_SECRET"),
  baseUrl: env("SANDBOX_URL"),
  Octokit,
  log: pino({ level: process.env.LOG_LEVEL ?? "silent" }),
  ...(redisUrl ? { redisConfig: redisUrl } : {}),
});

const background = new BackgroundWork(
  { error: (message) => process.stderr.write(`background: ${message}\n`) },
  { attempts: STEP_RETRY.attempts, delayMs: (attempt) => 50 * attempt },
);
let durable: DurableSteps | null = null;
const middleware = await createNodeMiddleware(
  createHotfixBot({
    background,
    reconcileOnStart: process.env.RECONCILE_ON_START === "1",
    secondaryRateLimit: { retries: 3, retryAfterBaseValue: 5 },
    // The queue's retries a few hundred milliseconds apart instead of 20 s; its takeover timings as in production.
    durableSteps: { backoffMs: 300 },
    onDurableSteps: (steps) => {
      durable = steps;
    },
  }),
  { probot },
);

/** Idle: no background work here and, with the queue, no job waiting, running or waiting for a retry anywhere. */
async function idle(): Promise<void> {
  for (;;) {
    await background.idle();
    if (!durable || (await durable.idle())) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const server = createServer((req, res) => {
  if (req.method === "GET" && req.url === "/__idle") {
    void idle().then(() => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ failures: background.failureCount, retries: background.retryCount }));
    });
    return;
  }
  void middleware(req, res, () => {
    res.writeHead(404).end();
  });
});
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`listening http://127.0.0.1:${port}\n`);
});
