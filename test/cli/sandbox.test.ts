import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { buildCliBundle } from "../../scripts/bundles.js";
import {
  type BuiltApp,
  buildProductionApp,
  eventually,
  freePort,
  type ProductionServer,
  scratchDir,
  startProductionProcess,
} from "../server/production-process.js";
import { launcher } from "./run-cli.js";

/** Reads stdout lines until `count` have arrived (bounded by a timeout). */
function firstLines(child: ChildProcess, count: number, timeoutMs = 20_000): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    const timer = setTimeout(
      () => reject(new Error(`only ${lines.length} lines: ${lines.join(" | ")}`)),
      timeoutMs,
    );
    const reader = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    reader.on("line", (line) => {
      lines.push(line);
      if (lines.length === count) {
        clearTimeout(timer);
        reader.close();
        resolve(lines);
      }
    });
  });
}

describe("hotfix-bot sandbox", () => {
  it("serves acme/webshop on 127.0.0.1, says so on its first line, and stops cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, [launcher, "sandbox"], { stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const lines = await firstLines(child, 4);
      const url = /^sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(lines[0] ?? "")?.[1];
      expect(url).toBeDefined();
      const token = /^token for bob: (\S+)$/.exec(lines[3] ?? "")?.[1];
      expect(token).toBeDefined();

      const response = await fetch(`${url}/repos/acme/webshop`, {
        headers: { authorization: `token ${token}` },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ full_name: "acme/webshop", default_branch: "main" });
      const develop = await fetch(`${url}/repos/acme/webshop/branches/develop`, {
        headers: { authorization: `token ${token}` },
      });
      expect(develop.status).toBe(200);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  });

  it("rejects a bad port as a usage error", async () => {
    const child = spawn(process.execPath, [launcher, "sandbox", "--port", "http"], { stdio: "ignore" });
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code).toBe(2);
  });
});

describe("hotfix-bot sandbox, then npm start with the environment it prints", () => {
  // The command as built from the current sources (dist/ is rebuilt at release), and the production bundle.
  let scratch: string;
  let scratchLauncher: string;
  let app: BuiltApp;
  beforeAll(async () => {
    scratch = scratchDir("hotfix-bot-cli-");
    await buildCliBundle(join(scratch, "dist"));
    mkdirSync(join(scratch, "bin"));
    scratchLauncher = join(scratch, "bin", "hotfix-bot.js");
    copyFileSync(launcher, scratchLauncher);
    app = await buildProductionApp();
  }, 180_000);
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
    app.dispose();
  });

  it("prints the exact environment that makes npm start reconcile against it and receive its webhooks", async () => {
    const port = await freePort();
    const webhookUrl = `http://127.0.0.1:${port}/api/github/webhooks`;
    const sandbox = spawn(
      process.execPath,
      [scratchLauncher, "sandbox", "--webhook-url", webhookUrl, "--webhook-secret", "s3cret"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const sandboxExit = new Promise<number | null>((resolve) => sandbox.on("exit", (code) => resolve(code)));
    let server: ProductionServer | undefined;
    try {
      const lines = await firstLines(sandbox, 8);
      const sandboxUrl = /^sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(lines[0] ?? "")?.[1] ?? "";
      const bobToken = /^token for bob: (\S+)$/.exec(lines[3] ?? "")?.[1] ?? "";
      const command = lines.find((line) => line.startsWith("run the App against it: "));
      expect(command).toMatch(/ npm start$/);
      const env = Object.fromEntries(
        [...(command ?? "").matchAll(/ ([A-Z_]+)=(\S+)/g)].map((match) => [match[1], match[2]] as const),
      ) as Record<string, string>;
      expect(Object.keys(env)).toEqual([
        "APP_ID",
        "PRIVATE_KEY_PATH",
        "WEBHOOK_SECRET",
        "GHE_HOST",
        "GHE_PROTOCOL",
        "HOST",
        "PORT",
      ]);
      expect(env).toMatchObject({
        APP_ID: "1",
        WEBHOOK_SECRET: "s3cret",
        GHE_HOST: new URL(sandboxUrl).host,
        GHE_PROTOCOL: "http",
        HOST: "127.0.0.1",
        PORT: String(port),
      });

      // npm start with exactly that environment: the sweep at start succeeds through /api/v3 ...
      server = await startProductionProcess(app, env);
      const started = server;
      const reconciled = await eventually("the sweep at start", () =>
        started.logs().find((line) => line.msg.startsWith("sweep:")),
      );
      expect(reconciled.msg).toMatch(
        /^sweep: 1 installation\(s\), 0 active repositories, 0 finished, 0 failed$/,
      );
      // ... and a change in the sandbox reaches it as a signed delivery it accepts.
      const created = await fetch(`${sandboxUrl}/repos/acme/webshop/issues`, {
        method: "POST",
        headers: { authorization: `token ${bobToken}`, "content-type": "application/json" },
        body: JSON.stringify({ title: "Checkout is slow" }),
      });
      expect(created.status).toBe(201);
      await eventually("the issues delivery", () =>
        started.logs().find((line) => line.msg.startsWith("POST /api/github/webhooks 200")),
      );
      expect(started.logs().filter((line) => line.level >= 50)).toEqual([]);
    } finally {
      await server?.stop();
      sandbox.kill("SIGTERM");
    }
    expect(await sandboxExit).toBe(0);
  }, 120_000);
});
