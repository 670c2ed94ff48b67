import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { Sandbox } from "@hotfix-bot/sandbox";
import { buildAppBundle } from "../../scripts/bundles.js";

// The production server as `npm start` runs it: `node dist/app.js`, a child process configured only through its
// environment. dist/ is rebuilt when a release is cut, so the test builds the same bundle from the current
// sources into a directory of its own, inside the repository so that it resolves node_modules as dist/ does.

export const root = fileURLToPath(new URL("../..", import.meta.url));

/** `npm start`'s command, split: `node` and the bundle's path relative to the package root. */
export function startCommand(): { program: string; entry: string } {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: { start: string } };
  const [program = "", entry = "", ...rest] = pkg.scripts.start.split(" ");
  if (rest.length > 0) throw new Error(`unexpected arguments in npm start: ${pkg.scripts.start}`);
  return { program, entry };
}

export interface BuiltApp {
  /** Where the bundle named by `npm start` was built. */
  entry: string;
  /** A private key file for the App's JWTs, generated for this run. */
  privateKeyPath: string;
  dispose(): void;
}

/**
 * A scratch directory inside the repository (node_modules/.cache), where a bundle with packages external resolves
 * them from the repository's node_modules as dist/ does.
 */
export function scratchDir(prefix: string): string {
  const cache = join(root, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  return mkdtempSync(join(cache, prefix));
}

export async function buildProductionApp(): Promise<BuiltApp> {
  const { entry } = startCommand();
  if (!/^dist\/[\w./-]+\.js$/.test(entry))
    throw new Error(`npm start should run a bundle in dist/, runs ${entry}`);
  const dir = scratchDir("hotfix-bot-app-");
  await buildAppBundle(join(dir, "dist"));
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const privateKeyPath = join(dir, "app.private-key.pem");
  writeFileSync(privateKeyPath, privateKey, { mode: 0o600 });
  return {
    entry: join(dir, entry),
    privateKeyPath,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface ProductionServer {
  url: string;
  child: ChildProcess;
  /** stdout, line by line, as printed so far. */
  stdout: string[];
  stderr: string[];
  /** stdout lines parsed as JSON (throws naming the first line that is not JSON). */
  logs(): LogLine[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

/** Polls `probe` every 100 ms until it returns a value, for at most `timeoutMs`. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts `node dist/app.js` against the sandbox, configured the way GitHub Enterprise Server is (GHE_HOST,
 * GHE_PROTOCOL=http), and waits until GET /health answers.
 */
export async function startProductionServer(
  app: BuiltApp,
  sandbox: Sandbox,
  options: { secret: string; env?: Record<string, string> },
): Promise<ProductionServer> {
  return startProductionProcess(app, {
    APP_ID: String(sandbox.app.id),
    PRIVATE_KEY_PATH: app.privateKeyPath,
    WEBHOOK_SECRET: options.secret,
    HOST: "127.0.0.1",
    PORT: String(await freePort()),
    GHE_HOST: new URL(sandbox.url).host,
    GHE_PROTOCOL: "http",
    ...options.env,
  });
}

/** Starts `node dist/app.js` with exactly `settings` (and PATH) as its environment; waits for GET /health. */
export async function startProductionProcess(
  app: BuiltApp,
  settings: Record<string, string>,
): Promise<ProductionServer> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "/usr/bin:/bin", ...settings };
  const { program } = startCommand();
  if (program !== "node") throw new Error(`npm start should run node, runs ${program}`);
  // cwd: the bundle's directory, where no developer's .env can change the configuration.
  const child = spawn(process.execPath, [app.entry], {
    cwd: join(app.entry, "..", ".."),
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => stdout.push(line));
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on("line", (line) => stderr.push(line));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  let exited = false;
  void exit.then(() => {
    exited = true;
  });
  const url = `http://${settings.HOST}:${settings.PORT}`;
  await eventually(
    "the production server to answer GET /health",
    async () => {
      if (exited) throw new Error(`the server exited at start:\n${[...stdout, ...stderr].join("\n")}`);
      try {
        return (await fetch(`${url}/health`)).status === 200 ? true : undefined;
      } catch {
        return undefined;
      }
    },
    60_000,
  );
  return {
    url,
    child,
    stdout,
    stderr,
    exit,
    logs: () =>
      stdout.map((line) => {
        try {
          return JSON.parse(line) as LogLine;
        } catch {
          throw new Error(`not a JSON log line: ${line}`);
        }
      }),
    stop: async () => {
      if (!exited) child.kill("SIGKILL");
      await exit;
    },
  };
}
