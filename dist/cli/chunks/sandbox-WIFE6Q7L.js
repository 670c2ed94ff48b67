import {
  WEBSHOP,
  startSandbox
} from "./chunk-VBSJXSFK.js";
import {
  shellWord
} from "./chunk-HOZ5FGTY.js";
import {
  parseCommandArgs
} from "./chunk-DI577RAP.js";
import {
  EXIT,
  UsageError
} from "./chunk-BLGKLY6J.js";

// src/cli/sandbox.ts
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/cli/app-environment.ts
var DEFAULT_WEBHOOK_PATH = "/api/github/webhooks";
function appEnvironment(input) {
  const webhook = new URL(input.webhookUrl ?? `http://127.0.0.1:3000${DEFAULT_WEBHOOK_PATH}`);
  const port = webhook.port || (webhook.protocol === "https:" ? "443" : "80");
  const path = webhook.pathname.replace(/\/+$/, "") || "/";
  return [
    ["APP_ID", String(input.appId)],
    ["PRIVATE_KEY_PATH", input.privateKeyPath],
    ["WEBHOOK_SECRET", input.webhookSecret],
    ["GHE_HOST", new URL(input.apiUrl).host],
    ["GHE_PROTOCOL", "http"],
    ["HOST", webhook.hostname.replace(/^\[|\]$/g, "")],
    ["PORT", port],
    ...path === DEFAULT_WEBHOOK_PATH ? [] : [["WEBHOOK_PATH", path]]
  ];
}
function npmStartCommand(environment) {
  return [...environment.map(([name, value]) => `${name}=${shellWord(value)}`), "npm start"].join(" ");
}

// src/cli/sandbox.ts
var help = `Usage: hotfix-bot sandbox [--port N] [--webhook-url URL] [--webhook-secret SECRET]

Starts the sandbox: a local, git-backed GitHub on 127.0.0.1, seeded with acme/webshop (main and develop).
The first line printed is "sandbox listening on http://127.0.0.1:PORT"; then tokens for the people alice,
bob and carol, and the exact environment to run the App against it ("run the App against it: APP_ID=\u2026
npm start": the sandbox as GitHub Enterprise Server, a private key generated for this run, the webhook secret,
and the host and port of --webhook-url). Point the Action (GITHUB_API_URL) or "hotfix-bot reconcile --api-url"
at the URL. Runs until interrupted (Ctrl-C).

Options:
  --port N                TCP port (default: a free one)
  --webhook-url URL       deliver webhooks to a running App at this URL
  --webhook-secret SECRET the App's webhook secret (default: development)
  -h, --help              show this help

Exit codes: 0 stopped by a signal, 2 usage error, 1 the sandbox could not start (e.g. git older than 2.38).
`;
function generatedPrivateKey() {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" }
  }).privateKey;
}
var command = {
  name: "sandbox",
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs("sandbox", argv, {
      port: { type: "string" },
      "webhook-url": { type: "string" },
      "webhook-secret": { type: "string" }
    });
    if (values.help) {
      io.stdout(help);
      return EXIT.ok;
    }
    if (positionals.length > 0) throw new UsageError("sandbox", `unexpected argument "${positionals[0]}"`);
    const port = Number(values.port ?? 0);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError("sandbox", `--port: expected a port number, got "${values.port}"`);
    }
    const webhookUrl = values["webhook-url"];
    if (webhookUrl !== void 0 && !/^https?:\/\/\S+$/.test(webhookUrl)) {
      throw new UsageError("sandbox", `--webhook-url: expected an http(s) URL, got "${webhookUrl}"`);
    }
    const webhookSecret = values["webhook-secret"] ?? "development";
    const stopped = new Promise((resolve) => {
      process.once("SIGINT", () => resolve());
      process.once("SIGTERM", () => resolve());
    });
    const sandbox = await startSandbox({ port });
    await sandbox.createRepository(WEBSHOP);
    if (webhookUrl) sandbox.setWebhook({ url: webhookUrl, secret: webhookSecret });
    const keyDir = mkdtempSync(join(tmpdir(), "hotfix-sandbox-key-"));
    const privateKeyPath = join(keyDir, "app.private-key.pem");
    writeFileSync(privateKeyPath, generatedPrivateKey(), { mode: 384 });
    io.stdout(`sandbox listening on ${sandbox.url}`);
    io.stdout(
      `repository acme/webshop (main, develop); git data in ${sandbox.repository("acme/webshop").gitDir}`
    );
    for (const login of ["alice", "bob", "carol"])
      io.stdout(`token for ${login}: ${sandbox.tokenFor(login)}`);
    io.stdout(`App token (installation ${sandbox.app.installationId}): ${sandbox.appToken()}`);
    io.stdout(webhookUrl ? `webhooks -> ${webhookUrl}` : "webhooks: not delivered (see --webhook-url)");
    const environment = appEnvironment({
      apiUrl: sandbox.url,
      appId: sandbox.app.id,
      privateKeyPath,
      webhookSecret,
      ...webhookUrl ? { webhookUrl } : {}
    });
    io.stdout(`run the App against it: ${npmStartCommand(environment)}`);
    if (!webhookUrl)
      io.stdout(
        "  (to receive webhooks, start the sandbox with --webhook-url http://127.0.0.1:3000/api/github/webhooks)"
      );
    await stopped;
    await sandbox.close();
    rmSync(keyDir, { recursive: true, force: true });
    return EXIT.ok;
  }
};
export {
  command
};
