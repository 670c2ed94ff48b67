import { randomBytes } from "node:crypto";
import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import parsePrometheusTextFormat, { type ParsedFamily } from "parse-prometheus-text-format";
import {
  type BuiltApp,
  buildProductionApp,
  eventually,
  type ProductionServer,
  startProductionServer,
} from "./production-process.js";

// GET /metrics of the production server (`npm start`), scraped and parsed as Prometheus does, after a hotfix PR
// went through the gate on the sandbox: its counters must agree with what the sandbox itself counted.

const REPO = "acme/webshop";
let built: BuiltApp;
let sandbox: Sandbox;
let server: ProductionServer;
const secret = randomBytes(16).toString("hex");

beforeAll(async () => {
  built = await buildProductionApp();
  sandbox = await startSandbox();
  await sandbox.createRepository(WEBSHOP);
  server = await startProductionServer(built, sandbox, { secret });
  sandbox.setWebhook({ url: `${server.url}/api/github/webhooks`, secret });
  await eventually("the sweep at start", () => server.logs().find((line) => line.msg.startsWith("sweep:")));
}, 180_000);

afterAll(async () => {
  sandbox?.setWebhook(null);
  await server?.stop();
  await sandbox?.close();
  built?.dispose();
}, 60_000);

let lastScrape = "";

async function scrape(): Promise<Map<string, ParsedFamily>> {
  const response = await fetch(`${server.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  lastScrape = await response.text();
  const families = parsePrometheusTextFormat(lastScrape);
  return new Map(families.map((family) => [family.name, family]));
}

const sum = (family: ParsedFamily | undefined, where: Record<string, string> = {}) =>
  (family?.metrics ?? [])
    .filter((m) => Object.entries(where).every(([k, v]) => m.labels?.[k] === v))
    .reduce((total, m) => total + Number(m.value ?? m.count ?? 0), 0);

test("/metrics counts the App's GitHub requests and writes as the sandbox does, deliveries and step durations", async () => {
  const alice = sandbox.as("alice", REPO);
  const head = await alice.push(
    "hotfix/incident-1",
    { "src/auth.js": "export const fixed = true;\n" },
    { from: "main", message: "Reject empty passwords" },
  );
  await alice.openPullRequest({ head: "hotfix/incident-1", base: "main", title: "[SPF-1290] Fix auth" });
  const ci = sandbox.asApp("ci", REPO);
  await ci.runCheck("critical-tests", head, "success");
  await sandbox.settle({ timeoutMs: 60_000 });
  // The server is a process of its own: settle() sees its deliveries answered, not the long steps it runs after
  // answering (the draft PR's), whose requests would land between the scrape and the sandbox's counts.
  await eventually("the server's background steps to finish", async () => {
    const health = (await (await fetch(`${server.url}/health`)).json()) as { backgroundSteps: number };
    return health.backgroundSteps === 0 ? true : undefined;
  });

  const metrics = await scrape();
  // Everything the App sent: with its installation tokens and with its JWT (installation token requests).
  const app = sandbox.requests.forIdentity("app:hotfix-bot");
  const jwt = sandbox.requests.forIdentity("jwt:hotfix-bot");
  const requests = metrics.get("hotfix_bot_github_requests_total");
  expect(requests?.type).toBe("COUNTER");
  expect(sum(requests)).toBe(app.requests + jwt.requests);
  expect(sum(requests, { kind: "write" })).toBe(app.writes + jwt.writes);
  expect(sum(requests, { kind: "write" })).toBeGreaterThan(0);
  const errors = sandbox.requests
    .all()
    .filter((r) => r.identity.endsWith(":hotfix-bot") && r.status >= 400 && r.status < 500).length;
  expect(sum(requests, { status: "4xx" })).toBe(errors);

  const delivered = sandbox.webhooks.deliveries.filter((d) => d.state === "delivered");
  const deliveries = metrics.get("hotfix_bot_webhook_deliveries_total");
  expect(sum(deliveries)).toBe(delivered.length);
  expect(sum(deliveries, { event: "pull_request", outcome: "handled" })).toBeGreaterThanOrEqual(1);
  expect(sum(deliveries, { event: "push" })).toBe(delivered.filter((d) => d.event === "push").length);

  const steps = metrics.get("hotfix_bot_step_duration_seconds");
  expect(steps?.type).toBe("HISTOGRAM");
  // The parser keeps a histogram's buckets but drops its labels; the per-step count is read from its sample line.
  expect(Number(steps?.metrics[0]?.buckets?.["+Inf"])).toBeGreaterThanOrEqual(2);
  const gateCount = /^hotfix_bot_step_duration_seconds_count\{step="gate",outcome="ok"\} (\d+)$/m.exec(
    lastScrape,
  );
  expect(Number(gateCount?.[1])).toBeGreaterThanOrEqual(2);

  // Low cardinality: no label names a repository, a user or an issue.
  const labelNames = new Set(
    [...metrics.values()]
      .filter(
        (family) => family.name.startsWith("hotfix_bot_") && !family.name.startsWith("hotfix_bot_nodejs"),
      )
      .flatMap((family) => family.metrics.flatMap((m) => Object.keys(m.labels ?? {}))),
  );
  expect([...labelNames].sort()).toEqual(
    expect.arrayContaining(["event", "kind", "method", "outcome", "status"]),
  );
  const values = [...metrics.values()].flatMap((f) =>
    f.metrics.flatMap((m) => Object.values(m.labels ?? {})),
  );
  expect(values.filter((v) => /webshop|alice|acme/.test(v))).toEqual([]);

  expect(metrics.get("hotfix_bot_open_incidents")?.type).toBe("GAUGE");
  expect(metrics.has("hotfix_bot_sweep_results_total")).toBe(true);
  expect(metrics.has("hotfix_bot_rate_limit_waits_total")).toBe(true);
});

test("GET /health stays, and the dashboard is off without DASHBOARD_TOKEN", async () => {
  expect((await fetch(`${server.url}/health`)).status).toBe(200);
  const dashboard = await fetch(`${server.url}/hotfix-bot`);
  expect(dashboard.status).toBe(404);
  expect(await dashboard.text()).toContain("the dashboard is off (set DASHBOARD_TOKEN)");
});
