import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Sandbox } from "@hotfix-bot/sandbox";
import pino from "pino";
import { type ApplicationFunction, createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import { createHotfixBot } from "../app.js";
import type { NotifyChannel } from "../context.js";
import { limitRequestBodies } from "../server/body-limit.js";
import { BackgroundWork } from "../util/background-work.js";

export interface AppOnSandboxOptions {
  /** The App to run (default: hotfix-bot itself, `createHotfixBot({ clock })`). */
  appFn?: ApplicationFunction;
  /** Clock handed to hotfix-bot when `appFn` is not given. */
  clock?: () => Date;
  /**
   * Octokit throttling (plugin-throttling). Tests turn it off for speed (`{ enabled: false }`); the demo and
   * benchmarks leave it on to see GitHub's pacing of writes.
   */
  throttle?: Record<string, unknown> & { enabled?: boolean };
  /** Octokit retries (plugin-retry): `{ enabled: false }`, or `{ retries, retryAfterBaseValue }`. */
  retry?: Record<string, unknown> & { enabled?: boolean };
  /** Probot's log level; default `silent`. */
  logLevel?: "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";
  /** The webhook secret shared by the sandbox and the App (default: random). */
  secret?: string;
  /** The App's notification channels, as its environment would define them (default: the process's). */
  notifyChannels?: ReadonlyMap<string, NotifyChannel>;
}

export interface AppOnSandbox {
  /** Where the App's server listens (webhooks at `${url}/api/github/webhooks`). */
  url: string;
  probot: Probot;
  /** hotfix-bot's background work (long steps); `sandbox.settle()` already waits for it. */
  background: BackgroundWork;
  close(): Promise<void>;
}

/** Probot's default webhook path. */
const WEBHOOK_PATH = "/api/github/webhooks";

let cachedKey: string | null = null;

/** A throw-away RSA key for the App's JWTs (the sandbox accepts any JWT; Probot insists on a real key). */
function privateKey(): string {
  cachedKey ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
  return cachedKey;
}

/**
 * Runs the real Probot server for an App against the sandbox: Probot's own webhook verification, installation
 * authentication (JWT -> installation token) and Octokit with its plugins, talking HTTP to the sandbox, and the
 * sandbox's webhooks pointed at it.
 */
export async function startAppOnSandbox(
  sandbox: Sandbox,
  options: AppOnSandboxOptions = {},
): Promise<AppOnSandbox> {
  const secret = options.secret ?? randomBytes(16).toString("hex");
  const throttle = options.throttle;
  const retry = options.retry;
  // Probot merges its own throttle options over ours, so ours are applied last, in the defaults function.
  const Octokit = ProbotOctokit.defaults((instanceOptions: Record<string, unknown>) => ({
    ...instanceOptions,
    ...(throttle ? { throttle: { ...(instanceOptions.throttle as object | undefined), ...throttle } } : {}),
    ...(retry ? { retry: { ...(instanceOptions.retry as object | undefined), ...retry } } : {}),
  })) as typeof ProbotOctokit;
  const probot = new Probot({
    appId: sandbox.app.id,
    privateKey: privateKey(),
    secret,
    baseUrl: sandbox.url,
    Octokit,
    log: pino({ level: options.logLevel ?? "silent" }),
  });
  // hotfix-bot runs its long after-merge steps in the background; settle() must wait for them too.
  const background = new BackgroundWork({ error: (message: string) => probot.log.error(message) });
  const untrack = sandbox.trackWork(background);
  const botOptions = {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.notifyChannels ? { notifyChannels: options.notifyChannels } : {}),
    background,
  };
  const appFn = options.appFn ?? createHotfixBot(botOptions);
  const middleware = await createNodeMiddleware(appFn, { probot });
  // As in production: no webhook body over GitHub's 25 MB cap is buffered.
  const handler = limitRequestBodies(
    (req, res) =>
      middleware(req, res, () => {
        res.writeHead(404).end();
      }),
    { webhookPath: WEBHOOK_PATH },
  );
  const server: Server = createServer((req, res) => {
    void handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  sandbox.setWebhook({ url: `${url}${WEBHOOK_PATH}`, secret });
  return {
    url,
    probot,
    background,
    close: async () => {
      sandbox.setWebhook(null);
      untrack();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
