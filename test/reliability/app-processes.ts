import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { fileURLToPath } from "node:url";
import type { BackgroundTracker, Sandbox } from "@hotfix-bot/sandbox";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

let key: string | null = null;
/** One RSA key for every App process of a test file (Probot insists on a real key; the sandbox takes any JWT). */
function privateKey(): string {
  key ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
  return key;
}

/** hotfix-bot running as a child process (test/reliability/app-process.ts) against a sandbox. */
export interface AppProcess {
  readonly pid: number;
  readonly url: string;
  readonly webhookUrl: string;
  /** Resolves once its background work is done (long steps, reconcile at start). */
  idle(): Promise<{ failures: number; retries: number }>;
  /** SIGKILL: the process gets no chance to finish anything. Resolves when it is gone. */
  kill(): Promise<void>;
  readonly exited: Promise<number | null>;
  /** What it wrote to stderr (background failures). */
  stderr(): string;
}

export interface AppProcessOptions {
  secret: string;
  reconcileOnStart?: boolean;
  redisUrl?: string;
  /** The periodic sweep's interval (default 0: none; the sweep at start still runs with reconcileOnStart). */
  sweepIntervalMinutes?: number;
  logLevel?: "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";
}

export async function startAppProcess(sandbox: Sandbox, options: AppProcessOptions): Promise<AppProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "test/reliability/app-process.ts"],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: process.env.HOME ?? "/tmp",
        TMPDIR: process.env.TMPDIR ?? "/tmp",
        NODE_OPTIONS: "",
        SANDBOX_URL: sandbox.url,
        WEBHOOK_SECRET: options.secret,
        PRIVATE_KEY: privateKey(),
        APP_ID: String(sandbox.app.id),
        RECONCILE_ON_START: options.reconcileOnStart ? "1" : "0",
        ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
        ...(options.logLevel ? { LOG_LEVEL: options.logLevel } : {}),
        SWEEP_INTERVAL_MINUTES: String(options.sweepIntervalMinutes ?? 0),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the App process did not start in time: ${stderr}`));
    }, 60_000);
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      const match = /listening (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the App process exited (${code}) before listening: ${stderr}`));
    });
  });
  return {
    pid: child.pid ?? -1,
    url,
    webhookUrl: `${url}/api/github/webhooks`,
    async idle() {
      const response = await fetch(`${url}/__idle`);
      return (await response.json()) as { failures: number; retries: number };
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    exited,
    stderr: () => stderr,
  };
}

/**
 * Lets `sandbox.settle()` wait for App processes' background work too: it is "busy" from every webhook the sandbox
 * announces until the processes report idle. A dead process counts as idle.
 */
export class ProcessWork implements BackgroundTracker {
  private dirty = true;

  constructor(
    sandbox: Sandbox,
    private readonly processes: () => AppProcess[],
  ) {
    sandbox.webhooks.onEvent(() => {
      this.dirty = true;
    });
  }

  get busy(): boolean {
    return this.dirty;
  }

  async idle(): Promise<void> {
    this.dirty = false;
    await Promise.all(this.processes().map((p) => p.idle().catch(() => undefined)));
  }
}
