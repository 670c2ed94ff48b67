import { spawn } from "node:child_process";
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import { builtinModules } from "node:module";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";

import {
  type BuiltApp,
  buildProductionApp,
  eventually,
  freePort,
  type ProductionServer,
  root,
  startCommand,
  startProductionServer,
} from "./production-process.js";
import { residentBytes, streamPost } from "./stream-body.js";

// `npm start` as a user runs it: the production entry as a child process, configured by its environment and
// pointed at the sandbox served as GitHub Enterprise Server (/api/v3). The sandbox delivers signed webhooks to it
// over HTTP; what it did is read back from the sandbox and from its JSON logs.

const REPO = "acme/webshop";
const MB = 1024 * 1024;

let built: BuiltApp;
let sandbox: Sandbox;
let server: ProductionServer | undefined;
const secret = randomBytes(16).toString("hex");

// Builds, child processes and a git-backed sandbox: generous bounds, the machine may be loaded.
beforeAll(async () => {
  built = await buildProductionApp();
}, 180_000);
afterAll(() => built.dispose());

beforeEach(async () => {
  sandbox = await startSandbox();
  await sandbox.createRepository(WEBSHOP);
}, 60_000);

afterEach(async () => {
  sandbox.setWebhook(null);
  await server?.stop();
  server = undefined;
  await sandbox.close();
}, 60_000);

function gateRuns(sha: string) {
  return [...sandbox.internalRepo(REPO).checkRuns.values()].filter(
    (run) => run.name === "hotfix-gate" && run.headSha === sha,
  );
}

async function health(): Promise<{ status: number; body: { status: string; backgroundSteps: number } }> {
  const response = await fetch(`${server?.url}/health`);
  return { status: response.status, body: (await response.json()) as never };
}

test("npm start runs the bundled production entry", () => {
  expect(startCommand()).toEqual({ program: "node", entry: "dist/app.js" });
});

test("the bundle imports only the package's runtime dependencies and Node's built-ins (so --omit=dev runs it)", () => {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };
  const source = readFileSync(built.entry, "utf8");
  const specifiers = new Set(
    [...source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*"([^"]+)"/g)].map((match) => match[1] ?? ""),
  );
  const packageOf = (specifier: string) =>
    specifier
      .split("/")
      .slice(0, specifier.startsWith("@") ? 2 : 1)
      .join("/");
  const outside = [...specifiers].filter(
    (specifier) =>
      !specifier.startsWith("node:") &&
      !builtinModules.includes(specifier) &&
      !(packageOf(specifier) in pkg.dependencies),
  );
  expect(outside).toEqual([]);
  expect([...specifiers]).toEqual(expect.arrayContaining(["probot", "smee-client", "ioredis"]));
});

test("the production server reconciles at start, runs the gate on signed deliveries, and on SIGTERM lets the " +
  "running after-merge pipeline finish before it exits 0", async () => {
  server = await startProductionServer(built, sandbox, {
    secret,
    env: { LOG_LEVEL: "debug", SHUTDOWN_TIMEOUT_SECONDS: "120" },
  });
  sandbox.setWebhook({ url: `${server.url}/api/github/webhooks`, secret });

  // The sweep at start went through the App's JWT and its installation token, over /api/v3, without an error:
  // it searched the installation's account (nothing is active yet) instead of listing its repositories.
  const reconciled = await eventually("the sweep at start", () =>
    server?.logs().find((line) => line.msg.startsWith("sweep:")),
  );
  expect(reconciled.msg).toBe("sweep: 1 installation(s), 0 active repositories, 0 finished, 0 failed");
  const requests = sandbox.requests.all();
  expect(requests).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ route: "/app/installations", status: 200, identity: "jwt:hotfix-bot" }),
      expect.objectContaining({ route: "/search/issues", status: 200, identity: "app:hotfix-bot" }),
    ]),
  );

  const alice = sandbox.as("alice", REPO);
  const head = await alice.push(
    "hotfix/incident-1",
    {
      "src/auth.js":
        "export function checkPassword(u, p) {\n  return Boolean(u && p) && u.password === p;\n}\n",
    },
    { from: "main", message: "Reject empty passwords" },
  );
  const pr = await alice.openPullRequest({
    head: "hotfix/incident-1",
    base: "main",
    title: "[SPF-1290] Fix critical auth failure",
  });
  await sandbox.settle({ timeoutMs: 60_000 });
  expect(gateRuns(head).map((run) => `${run.status}/${run.conclusion}`)).toEqual(["in_progress/null"]);
  expect(gateRuns(head)[0]?.app.slug).toBe("hotfix-bot");

  const ci = sandbox.asApp("ci", REPO);
  await ci.runCheck("critical-tests", head, "success");
  await ci.runCheck("security-scan", head, "success");
  await sandbox.settle({ timeoutMs: 60_000 });
  expect(gateRuns(head).map((run) => `${run.status}/${run.conclusion}`)).toEqual(["completed/success"]);
  expect(sandbox.webhooks.deliveries.filter((delivery) => delivery.status !== 200)).toEqual([]);

  // The merge starts the after-merge pipeline in the background (paced writes: several seconds); SIGTERM
  // arrives while it runs.
  const mergeSha = await alice.merge(pr.number, "merge");
  await sandbox.settle({ timeoutMs: 60_000 });
  const during = await health();
  expect(during).toMatchObject({ status: 200, body: { status: "ok" } });
  expect(during.body.backgroundSteps).toBeGreaterThanOrEqual(1);
  server.child.kill("SIGTERM");
  // It stops taking deliveries at once: new connections are refused (or answered 503 while it drains).
  await eventually("the server to stop taking requests", async () => {
    try {
      return (await fetch(`${server?.url}/health`)).status === 503 ? true : undefined;
    } catch {
      return true;
    }
  });
  expect(await server.exit).toEqual({ code: 0, signal: null });

  // The step finished before the exit: tag on the merge commit and the backport to develop exist.
  const repo = sandbox.internalRepo(REPO);
  expect([...repo.releases.values()].map((release) => release.tagName)).toHaveLength(1);
  expect([...repo.pulls.values()].map((pull) => pull.headRef)).toContain(
    `hotfix-bot/backport-${pr.number}-to-develop`,
  );
  expect(sandbox.repository(REPO).branch("main")).toBe(mergeSha);

  // JSON logs, one object a line, at the level asked for (debug lines present), and no error.
  const logs = server.logs();
  expect(logs.length).toBeGreaterThan(5);
  expect(logs.some((line) => line.level === 20)).toBe(true);
  expect(logs.filter((line) => line.level >= 50)).toEqual([]);
  expect(logs.map((line) => line.msg)).toContain(
    "stopped: every delivery answered, every background step finished",
  );
}, 240_000);

test("SIGTERM while idle: the process exits 0 promptly, and says so in its log", async () => {
  server = await startProductionServer(built, sandbox, { secret, env: { LOG_LEVEL: "info" } });
  expect(await health()).toEqual({
    status: 200,
    body: expect.objectContaining({ status: "ok", backgroundSteps: expect.any(Number) }),
  });
  await eventually("the sweep at start", () => server?.logs().find((line) => line.msg.startsWith("sweep:")));
  const signalled = Date.now();
  server.child.kill("SIGTERM");
  const exit = await server.exit;
  expect(exit).toEqual({ code: 0, signal: null });
  // Nothing to wait for: well within the 25 s bound (generous: the machine may be loaded).
  expect(Date.now() - signalled).toBeLessThan(10_000);
  expect(server.logs().map((line) => line.msg)).toContain(
    "stopped: every delivery answered, every background step finished",
  );
  // Info and above only: LOG_LEVEL is honoured.
  expect(server.logs().every((line) => line.level >= 30)).toBe(true);
}, 120_000);

test("refuses unsigned webhook bodies over 25 MB with 413 while they stream, and its memory stays flat", async () => {
  server = await startProductionServer(built, sandbox, { secret, env: { LOG_LEVEL: "warn" } });
  const pid = server.child.pid as number;
  const headers = {
    "content-type": "application/json",
    "x-github-event": "push",
    "x-github-delivery": randomUUID(),
    "x-hub-signature-256": `sha256=${"0".repeat(64)}`,
  };
  const path = "/api/github/webhooks";
  const before = await residentBytes(pid);

  const chunked = await streamPost(server.url, { path, headers, framing: "chunked", sendUpTo: 256 * MB });
  expect(chunked.status).toBe(413);
  expect(chunked.sentBytes).toBeLessThan(64 * MB);

  const declared = await streamPost(server.url, {
    path,
    headers,
    framing: { contentLength: 256 * MB },
    sendUpTo: 256 * MB,
  });
  expect(declared.status).toBe(413);
  expect(declared.sentBytes).toBeLessThan(64 * MB);

  // A Content-Length that lies low: only the declared bytes are the body (its signature fails), and what
  // follows is not HTTP; the server refuses it and closes, without reading on.
  const understated = await streamPost(server.url, {
    path,
    headers,
    framing: { contentLength: 1024 },
    sendUpTo: 256 * MB,
  });
  // 400, or the connection closed before the answer got through (Node drops a connection that stops being HTTP).
  expect([400, null]).toContain(understated.status);
  expect(understated.sentBytes).toBeLessThan(64 * MB);

  const after = await residentBytes(pid);
  expect(after - before).toBeLessThan(100 * MB);
  // Still serving, and nothing was logged at or above warn for it but what it refused.
  expect((await health()).status).toBe(200);
  expect(server.logs().every((line) => line.level >= 40)).toBe(true);
}, 120_000);

test("refuses to start without WEBHOOK_SECRET, naming it, rather than accept deliveries signed with 'development'", async () => {
  const child = spawn(process.execPath, [built.entry], {
    cwd: dirname(dirname(built.entry)),
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      APP_ID: String(sandbox.app.id),
      PRIVATE_KEY_PATH: built.privateKeyPath,
      HOST: "127.0.0.1",
      PORT: String(await freePort()),
      GHE_HOST: new URL(sandbox.url).host,
      GHE_PROTOCOL: "http",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const outcome = await Promise.race([
    exited,
    new Promise<string>((resolve) => setTimeout(() => resolve("still running after 30 s"), 30_000).unref()),
  ]);
  child.kill("SIGKILL");
  expect(outcome).toBe(2);
  expect(stderr).toContain(
    'hotfix-bot: WEBHOOK_SECRET: expected the secret GitHub signs deliveries with (App settings), got ""',
  );
}, 60_000);

test("with WEBHOOK_PROXY_URL it relays deliveries from the channel (smee's event stream) to itself, signatures checked", async () => {
  // A local stand-in for a smee.io channel: an event stream whose messages carry a delivery's headers and body.
  const listeners: ServerResponse[] = [];
  const channel = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    res.write(": ready\n\n");
    listeners.push(res);
  });
  await new Promise<void>((resolve) => channel.listen(0, "127.0.0.1", resolve));
  const channelUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}/hotfix-bot-dev`;
  try {
    server = await startProductionServer(built, sandbox, {
      secret,
      env: { WEBHOOK_PROXY_URL: channelUrl },
    });
    await eventually("the relay to connect", () => (listeners.length > 0 ? true : undefined));
    const relay = (id: string, signingSecret: string) => {
      const body = { zen: "Keep it logically awesome.", hook_id: 1 };
      const signature = createHmac("sha256", signingSecret).update(JSON.stringify(body)).digest("hex");
      const message = {
        "x-github-event": "ping",
        "x-github-delivery": id,
        "x-hub-signature-256": `sha256=${signature}`,
        body,
        query: {},
      };
      for (const listener of listeners) listener.write(`data: ${JSON.stringify(message)}\n\n`);
    };
    const request = (id: string) => () =>
      server?.logs().find((line) => line.name === "http" && line.delivery === id);

    const good = randomUUID();
    relay(good, secret);
    expect((await eventually("the relayed delivery", request(good))).status).toBe(200);
    const forged = randomUUID();
    relay(forged, "development");
    expect((await eventually("the forged delivery", request(forged))).status).toBe(400);
  } finally {
    for (const listener of listeners) listener.end();
    channel.closeAllConnections();
    await new Promise<void>((resolve) => channel.close(() => resolve()));
  }
}, 120_000);

test("SIGTERM waits for a running step no longer than SHUTDOWN_TIMEOUT_SECONDS, then exits 0 and leaves it to reconcile", async () => {
  // Reconcile at start hangs on a slow API (30 s per request with the installation token) while SIGTERM arrives.
  sandbox.setLatency({ fixedMs: 30_000, scope: "app" });
  server = await startProductionServer(built, sandbox, { secret, env: { SHUTDOWN_TIMEOUT_SECONDS: "1" } });
  expect((await health()).body.backgroundSteps).toBeGreaterThanOrEqual(1);
  const signalled = Date.now();
  server.child.kill("SIGTERM");
  expect(await server.exit).toEqual({ code: 0, signal: null });
  // It did not wait for the 30 s request: the bound held (generous margin for a loaded machine).
  expect(Date.now() - signalled).toBeLessThan(20_000);
  expect(server.logs().map((line) => line.msg)).toContain(
    "stopped with 1 background steps still running after 1 s; reconcile (at the next start, or hotfix-bot reconcile) finishes them",
  );
  sandbox.setLatency(null);
}, 120_000);
