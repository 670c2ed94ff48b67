import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, createProbot, ProbotOctokit } from "probot";
import { SmeeClient } from "smee-client";
import { createHotfixBot } from "../app.js";
import { AppMetrics } from "../observability/app-metrics.js";
import { countGitHubRequests } from "../observability/count-github-requests.js";
import { BackgroundWork, STEP_RETRY } from "../util/background-work.js";
import { errorMessage } from "../util/errors.js";
import { limitRequestBodies } from "./body-limit.js";
import { healthAnswer } from "./health.js";
import { InFlightRequests } from "./in-flight-requests.js";
import { readServerConfig } from "./server-config.js";
import { settleWithin } from "./settle-within.js";

export interface RunningServer {
  /** Where it listens, e.g. `http://127.0.0.1:3000`. */
  url: string;
  /**
   * Stops taking deliveries (new connections are refused, requests on open ones get 503, /health says
   * "draining"), then waits for the deliveries being answered and the background steps, at most the configured
   * SHUTDOWN_TIMEOUT_SECONDS. What is still running after that is left to reconcile.
   */
  drain(): Promise<"settled" | "timed-out">;
}

function pathOf(req: IncomingMessage): string {
  return (req.url ?? "/").split("?")[0] ?? "/";
}

function answerJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}

/**
 * The production server (`npm start`): hotfix-bot on Probot, configured from the environment as Probot's own
 * `probot run` is (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, GHE_HOST, GHE_PROTOCOL, REDIS_URL,
 * LOG_LEVEL, LOG_FORMAT, HOST, PORT, WEBHOOK_PATH, WEBHOOK_PROXY_URL), plus what `probot run` lacks: webhook
 * bodies over GitHub's 25 MB cap refused before they are buffered, `GET /health`, and a drain for SIGTERM.
 */
export async function startServer(env: Record<string, string | undefined>): Promise<RunningServer> {
  const config = readServerConfig(env);
  // Every request of every Octokit Probot creates (installation tokens included) is counted for /metrics.
  const metrics = new AppMetrics();
  const Octokit = ProbotOctokit.plugin(countGitHubRequests(metrics)) as typeof ProbotOctokit;
  const probot = createProbot({
    env,
    overrides: { logFormat: config.logFormat, logLevel: config.logLevel, Octokit },
  });
  const background = new BackgroundWork({ error: (message) => probot.log.error(message) }, STEP_RETRY);
  const web = { metrics, dashboardToken: config.dashboardToken, metricsToken: config.metricsToken };
  const middleware = await createNodeMiddleware(
    createHotfixBot({ reconcileOnStart: true, background, web }),
    {
      probot,
      webhooksPath: config.webhookPath,
    },
  );
  const log = probot.log.child({ name: "http" });
  const startedAt = Date.now();
  const inFlight = new InFlightRequests();
  let draining = false;

  const webhooks = limitRequestBodies(
    (req, res) =>
      middleware(req, res, () => {
        answerJson(res, 404, { error: `Not found: ${req.method} ${pathOf(req)}` });
      }),
    { webhookPath: config.webhookPath },
  );
  const server = createServer((req, res) => {
    const started = performance.now();
    inFlight.track(res);
    res.once("finish", () => {
      const ms = Math.round(performance.now() - started);
      const delivery = req.headers["x-github-delivery"];
      log.info(
        { ...(typeof delivery === "string" ? { delivery } : {}), status: res.statusCode, ms },
        `${req.method} ${pathOf(req)} ${res.statusCode} - ${ms}ms`,
      );
    });
    if (req.method === "GET" && pathOf(req) === "/health") {
      const answer = healthAnswer({
        draining,
        backgroundSteps: background.runningCount,
        startedAt,
        now: Date.now(),
      });
      answerJson(res, answer.status, answer.body);
      return;
    }
    if (draining) {
      // GitHub records the delivery as failed (it can be redelivered); reconcile finishes what it would have started.
      answerJson(res, 503, { error: "Shutting down: not taking deliveries" }, { connection: "close" });
      return;
    }
    void webhooks(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  probot.log.info(
    `hotfix-bot listening on ${url} (webhooks at ${config.webhookPath}, metrics at /metrics, ` +
      `dashboard ${config.dashboardToken ? "at /hotfix-bot" : "off: DASHBOARD_TOKEN not set"})`,
  );

  let proxy: SmeeClient | null = null;
  if (config.webhookProxyUrl) {
    const proxyLog = probot.log.child({ name: "webhook-proxy" });
    const source = config.webhookProxyUrl;
    proxy = new SmeeClient({ source, target: `${url}${config.webhookPath}`, logger: proxyLog });
    // Not awaited: a relay that is down must not keep the server from serving; the client reconnects by itself.
    proxy.start().catch((error: unknown) => {
      proxyLog.error(`WEBHOOK_PROXY_URL: cannot connect to ${source}: ${errorMessage(error)}`);
    });
  }

  return {
    url,
    async drain() {
      draining = true;
      probot.log.info(
        `shutting down: not taking deliveries; waiting up to ${config.shutdownTimeoutMs / 1000} s for ${inFlight.count} ` +
          `open requests and ${background.runningCount} background steps`,
      );
      server.close();
      server.closeIdleConnections();
      if (proxy) await proxy.stop();
      const outcome = await settleWithin(
        Promise.all([inFlight.idle(), background.idle()]),
        config.shutdownTimeoutMs,
      );
      if (outcome === "settled")
        probot.log.info("stopped: every delivery answered, every background step finished");
      else
        probot.log.warn(
          `stopped with ${background.runningCount} background steps still running after ` +
            `${config.shutdownTimeoutMs / 1000} s; reconcile (at the next start, or hotfix-bot reconcile) finishes them`,
        );
      return outcome;
    },
  };
}
