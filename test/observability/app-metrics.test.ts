import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { AppMetrics } from "../../src/observability/app-metrics.js";

async function samples(metrics: AppMetrics, name: string) {
  const family = parsePrometheusTextFormat((await metrics.exposition()).body).find((f) => f.name === name);
  return (family?.metrics ?? []).map((m) => ({ labels: m.labels ?? {}, value: Number(m.value) }));
}

test("the hooks for the sweep and the step queue: results counted, depth per queue and state", async () => {
  const metrics = new AppMetrics({ processMetrics: false });
  metrics.sweepResult({ checked: 4, finished: 1, failed: 0 });
  metrics.sweepResult({ checked: 2, finished: 0, failed: 1 });
  metrics.setQueueDepth("steps", { waiting: 3, active: 1 });
  metrics.setQueueDepth("steps", { waiting: 0, active: 2 });
  expect(await samples(metrics, "hotfix_bot_sweep_results_total")).toEqual([
    { labels: { result: "checked" }, value: 6 },
    { labels: { result: "finished" }, value: 1 },
    { labels: { result: "failed" }, value: 1 },
  ]);
  expect(await samples(metrics, "hotfix_bot_queue_depth")).toEqual([
    { labels: { queue: "steps", state: "waiting" }, value: 0 },
    { labels: { queue: "steps", state: "active" }, value: 2 },
  ]);
});

test("label values stay few: unknown methods, odd event names and statuses fold into fixed values", async () => {
  const metrics = new AppMetrics({ processMetrics: false });
  metrics.githubRequest("get", 200);
  metrics.githubRequest("PROPFIND", 207);
  metrics.githubRequest("POST", null);
  metrics.delivery("issues", "handled");
  metrics.delivery("x".repeat(200), "ignored");
  metrics.delivery('a"b{c}', "ignored");
  metrics.rateLimitWait("secondary", 60);
  expect(await samples(metrics, "hotfix_bot_github_requests_total")).toEqual([
    { labels: { method: "GET", kind: "read", status: "2xx" }, value: 1 },
    { labels: { method: "OTHER", kind: "write", status: "2xx" }, value: 1 },
    { labels: { method: "POST", kind: "write", status: "error" }, value: 1 },
  ]);
  expect(await samples(metrics, "hotfix_bot_webhook_deliveries_total")).toEqual([
    { labels: { event: "issues", outcome: "handled" }, value: 1 },
    { labels: { event: "other", outcome: "ignored" }, value: 2 },
  ]);
  expect(await samples(metrics, "hotfix_bot_rate_limit_wait_seconds_total")).toEqual([
    { labels: { kind: "secondary" }, value: 60 },
  ]);
});

test("open incidents by severity replace the previous reading", async () => {
  const metrics = new AppMetrics({ processMetrics: false });
  metrics.setOpenIncidents({ P0: 1, P1: 2 });
  metrics.setOpenIncidents({ P1: 1 });
  expect(await samples(metrics, "hotfix_bot_open_incidents")).toEqual([
    { labels: { severity: "P1" }, value: 1 },
  ]);
});
