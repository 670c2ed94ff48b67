import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createServer, Socket } from "node:net";

/** A redis-server of our own: 127.0.0.1 only, a free port, nothing written to disk. */
export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

/** Thrown when redis-server is not installed where the Redis suites are required (CI): they fail, never skip. */
export class RedisServerMissingError extends Error {
  constructor() {
    super(
      "redis-server is not on PATH: the Redis tests need it (.ci/run installs it: apt-get install redis-server)",
    );
    this.name = "RedisServerMissingError";
  }
}

export type RedisSuitePlan = { run: true } | { run: false; reason: string };

/** CI as CI services set it (`CI=true`, sometimes `1`); `false`, `0` or empty mean a developer's machine. */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== "" && value !== "false" && value !== "0";
}

/**
 * Whether the suites that need a real redis-server run. The README promises `npm test` with Node and git alone,
 * so a developer's machine without redis-server skips them, saying why; under CI they are required, so they run
 * and a missing redis-server fails them (`startRedisServer` throws RedisServerMissingError).
 */
export function planRedisSuites(installed: boolean, env: NodeJS.ProcessEnv): RedisSuitePlan {
  if (installed || isCi(env)) return { run: true };
  return {
    run: false,
    reason:
      "redis-server is not installed (apt-get install redis-server); under CI=true these tests are required",
  };
}

function redisServerInstalled(): boolean {
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** `describe` for tests that need redis-server; where `planRedisSuites` says skip, skipped with the reason. */
export function describeWithRedis(title: string, body: () => void): void {
  const plan = planRedisSuites(redisServerInstalled(), process.env);
  if (plan.run) {
    describe(title, body);
    return;
  }
  process.stderr.write(`${title}: skipped, ${plan.reason}\n`);
  // Skipped only without redis-server outside CI; the title and the line above say why.
  describe.skip(`${title} (skipped: ${plan.reason})`, body);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startRedisServer(): Promise<RedisServer> {
  if (!redisServerInstalled()) throw new RedisServerMissingError();
  const port = await freePort();
  const child: ChildProcess = spawn(
    "redis-server",
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--loglevel",
      "warning",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Ready once it accepts a connection on the port.
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    const ready = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
      socket.connect(port, "127.0.0.1");
    });
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error("redis-server did not start in time");
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
