import { randomBytes } from "node:crypto";
import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import {
  type BuiltApp,
  buildProductionApp,
  eventually,
  type ProductionServer,
  startProductionServer,
} from "../../server/production-process.js";
import { HOSTILE_TITLE } from "../../support/hostile-text.js";

// The dashboard of the production server (`npm start` with DASHBOARD_TOKEN), against the sandbox.

const REPO = "acme/webshop";
const TOKEN = randomBytes(24).toString("hex");
let built: BuiltApp;
let sandbox: Sandbox;
let server: ProductionServer;
const secret = randomBytes(16).toString("hex");

beforeAll(async () => {
  built = await buildProductionApp();
  sandbox = await startSandbox();
  await sandbox.createRepository(WEBSHOP);
  server = await startProductionServer(built, sandbox, {
    secret,
    env: { DASHBOARD_TOKEN: TOKEN, LOG_LEVEL: "trace" },
  });
  sandbox.setWebhook({ url: `${server.url}/api/github/webhooks`, secret });
  const alice = sandbox.as("alice", REPO);
  await alice.createIssue({ title: "Checkout is down", labels: ["P0-hotfix"] });
  await alice.createIssue({ title: HOSTILE_TITLE, labels: ["P1-hotfix"] });
  await sandbox.settle({ timeoutMs: 90_000 });
}, 180_000);

afterAll(async () => {
  sandbox?.setWebhook(null);
  await server?.stop();
  await sandbox?.close();
  built?.dispose();
}, 60_000);

const basic = (password: string) => `Basic ${Buffer.from(`ic:${password}`).toString("base64")}`;

test("without the token: 401 with a sign-in challenge, and nothing of the incidents", async () => {
  for (const authorization of [
    undefined,
    basic("wrong"),
    `Bearer ${TOKEN.slice(0, -1)}`,
    basic(`${TOKEN}x`),
  ]) {
    const response = await fetch(`${server.url}/hotfix-bot`, {
      headers: authorization ? { authorization } : {},
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(
      'Basic realm="hotfix-bot dashboard", charset="UTF-8"',
    );
    expect(await response.text()).not.toContain("Checkout");
  }
  const post = await fetch(`${server.url}/hotfix-bot`, {
    method: "POST",
    headers: { authorization: basic(TOKEN) },
  });
  expect(post.status).toBe(405);
});

test("with the token: open incidents across installations, escaped, under a strict Content-Security-Policy", async () => {
  for (const authorization of [basic(TOKEN), `Bearer ${TOKEN}`]) {
    const response = await fetch(`${server.url}/hotfix-bot`, { headers: { authorization } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toMatch(
      /^default-src 'none'; style-src 'sha256-/,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const html = await response.text();
    expect(html).toContain('data-figure="open-incidents" data-value="2"');
    expect(html).toContain('data-open-incident="acme/webshop#1"');
    expect(html).toContain('data-open-incident="acme/webshop#2"');
    // The P0 incident comes first; the hostile title is text.
    expect(html.indexOf("Checkout is down")).toBeLessThan(html.indexOf("&lt;script&gt;alert(1)"));
    expect(html).not.toMatch(/<script|<img|<svg onload/i);
    expect(html).toContain(
      "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;",
    );
  }
});

test("the token never reaches the log, even at trace level", async () => {
  await fetch(`${server.url}/hotfix-bot`, { headers: { authorization: basic(TOKEN) } });
  await fetch(`${server.url}/hotfix-bot`, { headers: { authorization: `Bearer ${TOKEN}` } });
  await eventually("the access log of the dashboard", () =>
    server.logs().filter((line) => line.msg.startsWith("GET /hotfix-bot 200")).length >= 2 ? true : undefined,
  );
  const everything = [...server.stdout, ...server.stderr].join("\n");
  expect(everything).not.toContain(TOKEN);
  expect(everything).not.toContain(Buffer.from(`ic:${TOKEN}`).toString("base64"));
});
