import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * The App's Prometheus metrics, in a registry of its own (never prom-client's global one, so two Apps in one
 * process, as in tests, do not share counters). Labels have few values by construction: event and step names
 * from GitHub's and the engine's fixed sets, HTTP methods, status classes. No repository, user or issue appears
 * in a label: an org's thousand repositories would make a thousand series per metric.
 */
export class AppMetrics {
  readonly registry = new Registry();
  private readonly deliveries: Counter<"event" | "outcome">;
  private readonly steps: Histogram<"step" | "outcome">;
  private readonly requests: Counter<"method" | "kind" | "status">;
  private readonly rateLimitWaits: Counter<"kind">;
  private readonly rateLimitWaitSeconds: Counter<"kind">;
  private readonly sweeps: Counter<"result">;
  private readonly queueDepth: Gauge<"queue" | "state">;
  private readonly openIncidents: Gauge<"severity">;

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    this.deliveries = new Counter({
      name: "hotfix_bot_webhook_deliveries_total",
      help: "Webhook deliveries by event and outcome (handled: a step ran; ignored: not ours; failed: a step threw).",
      labelNames: ["event", "outcome"],
      registers,
    });
    this.steps = new Histogram({
      name: "hotfix_bot_step_duration_seconds",
      help: "Duration of each workflow step (gate, intake, after-merge, …), background steps included.",
      labelNames: ["step", "outcome"],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
      registers,
    });
    this.requests = new Counter({
      name: "hotfix_bot_github_requests_total",
      help: "Requests the App sent to the GitHub API, by method, kind (read or write) and status class.",
      labelNames: ["method", "kind", "status"],
      registers,
    });
    this.rateLimitWaits = new Counter({
      name: "hotfix_bot_rate_limit_waits_total",
      help: "Times a request waited for a rate limit before it was sent again.",
      labelNames: ["kind"],
      registers,
    });
    this.rateLimitWaitSeconds = new Counter({
      name: "hotfix_bot_rate_limit_wait_seconds_total",
      help: "Seconds spent waiting for rate limits.",
      labelNames: ["kind"],
      registers,
    });
    this.sweeps = new Counter({
      name: "hotfix_bot_sweep_results_total",
      help: "What sweeps (reconcile) found: pipelines checked, finished and failed.",
      labelNames: ["result"],
      registers,
    });
    this.queueDepth = new Gauge({
      name: "hotfix_bot_queue_depth",
      help: "Jobs in the step queue, by queue and state (waiting, active, delayed, failed).",
      labelNames: ["queue", "state"],
      registers,
    });
    this.openIncidents = new Gauge({
      name: "hotfix_bot_open_incidents",
      help: "Open incidents across installations by severity (refreshed at most once a minute, when scraped).",
      labelNames: ["severity"],
      registers,
    });
    if (options.processMetrics ?? true)
      collectDefaultMetrics({ register: this.registry, prefix: "hotfix_bot_" });
  }

  delivery(event: string, outcome: "handled" | "ignored" | "failed"): void {
    this.deliveries.inc({ event: boundedName(event), outcome });
  }

  step(step: string, seconds: number, outcome: "ok" | "failed"): void {
    this.steps.observe({ step: boundedName(step), outcome }, seconds);
  }

  githubRequest(method: string, status: number | null): void {
    const upper = method.toUpperCase();
    const known = ["GET", "HEAD", "POST", "PATCH", "PUT", "DELETE"].includes(upper) ? upper : "OTHER";
    this.requests.inc({
      method: known,
      kind: known === "GET" || known === "HEAD" ? "read" : "write",
      status: status === null || status < 100 || status > 599 ? "error" : `${Math.floor(status / 100)}xx`,
    });
  }

  rateLimitWait(kind: "primary" | "secondary", seconds: number): void {
    this.rateLimitWaits.inc({ kind });
    this.rateLimitWaitSeconds.inc({ kind }, Math.max(0, seconds));
  }

  /** For the sweep: one call per sweep of a repository (or of everything) with what it found. */
  sweepResult(result: { checked: number; finished: number; failed: number }): void {
    this.sweeps.inc({ result: "checked" }, result.checked);
    this.sweeps.inc({ result: "finished" }, result.finished);
    this.sweeps.inc({ result: "failed" }, result.failed);
  }

  /** For the step queue: its current depth, per state, whenever it is read (e.g. from BullMQ's getJobCounts). */
  setQueueDepth(queue: string, counts: Record<string, number>): void {
    for (const [state, count] of Object.entries(counts))
      this.queueDepth.set({ queue: boundedName(queue), state: boundedName(state) }, count);
  }

  setOpenIncidents(bySeverity: Record<string, number>): void {
    this.openIncidents.reset();
    for (const [severity, count] of Object.entries(bySeverity))
      this.openIncidents.set({ severity: boundedName(severity) }, count);
  }

  /** The text exposition format, as Prometheus scrapes it. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** A label value from a name: kept when it looks like one (`pull_request`, `after-merge`), else `other`. */
function boundedName(name: string): string {
  return /^[A-Za-z0-9_.-]{1,40}$/.test(name) ? name : "other";
}
