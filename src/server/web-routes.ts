import type { IncomingMessage, ServerResponse } from "node:http";
import { presentedToken, tokenMatches } from "../metrics/dashboard/dashboard-access.js";
import type { SnapshotCache } from "../metrics/dashboard/incident-snapshot.js";
import { renderDashboard } from "../metrics/dashboard/render-dashboard.js";
import { CONTENT_SECURITY_POLICY } from "../metrics/html/html-page.js";
import type { AppMetrics } from "../observability/app-metrics.js";

export const DASHBOARD_PATH = "/hotfix-bot";
export const METRICS_PATH = "/metrics";

export interface WebRoutesOptions {
  metrics: AppMetrics | null;
  /** `/metrics` asks for `Authorization: Bearer <token>` when set (METRICS_TOKEN). */
  metricsToken: string | null;
  /** The dashboard is served only when a token is configured (DASHBOARD_TOKEN). */
  dashboardToken: string | null;
  snapshot: SnapshotCache;
  log: { warn(message: string): void };
}

/** Headers of every HTML page: nothing loads from elsewhere, nothing frames it, nothing caches private data. */
const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
};

function pathOf(req: IncomingMessage): string {
  return (req.url ?? "/").split("?")[0] ?? "/";
}

/** Answers in plain text; returns true (the request was taken) for the handler to return. */
function plain(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): true {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers }).end(`${text}\n`);
  return true;
}

/**
 * `GET /metrics` (Prometheus) and `GET /hotfix-bot` (the dashboard), as a handler for Probot's `addHandler`:
 * answers true when it took the request. The dashboard shows private repositories' incidents, so it is off
 * unless DASHBOARD_TOKEN is set, and then asks for that token (see README "Dashboard").
 */
export function webRoutes(options: WebRoutesOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = pathOf(req);
    if (path === METRICS_PATH && options.metrics) {
      if (req.method !== "GET") return plain(res, 405, "Method not allowed", { allow: "GET" });
      if (
        options.metricsToken &&
        !tokenMatches(presentedToken(req.headers.authorization), options.metricsToken)
      )
        return plain(res, 401, "Unauthorized: send METRICS_TOKEN as a bearer token");
      try {
        const snapshot = await options.snapshot.get();
        const bySeverity: Record<string, number> = {};
        for (const incident of snapshot.open)
          bySeverity[incident.severity ?? "unknown"] = (bySeverity[incident.severity ?? "unknown"] ?? 0) + 1;
        options.metrics.setOpenIncidents(bySeverity);
      } catch (error) {
        // The other metrics are still worth scraping; the gauge keeps its last value.
        options.log.warn(`metrics: open incidents not refreshed: ${(error as Error).message}`);
      }
      const { contentType, body } = await options.metrics.exposition();
      res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" }).end(body);
      return true;
    }
    if (path !== DASHBOARD_PATH && path !== `${DASHBOARD_PATH}/`) return false;
    if (!options.dashboardToken)
      return plain(res, 404, "Not found: the dashboard is off (set DASHBOARD_TOKEN)");
    if (req.method !== "GET" && req.method !== "HEAD")
      return plain(res, 405, "Method not allowed", { allow: "GET, HEAD" });
    if (!tokenMatches(presentedToken(req.headers.authorization), options.dashboardToken))
      return plain(
        res,
        401,
        "Sign in with the dashboard token as the password (or send it as a bearer token).",
        {
          "www-authenticate": 'Basic realm="hotfix-bot dashboard", charset="UTF-8"',
          "cache-control": "no-store",
        },
      );
    try {
      const page = renderDashboard(await options.snapshot.get());
      res.writeHead(200, PAGE_HEADERS).end(req.method === "HEAD" ? undefined : page);
    } catch (error) {
      options.log.warn(`dashboard: ${(error as Error).message}`);
      plain(res, 502, "The dashboard could not read the incidents from GitHub; see the App's log.");
    }
    return true;
  };
}
