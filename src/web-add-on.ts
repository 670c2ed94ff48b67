import type { ApplicationFunctionOptions, Probot } from "probot";
import type { ConfigResult } from "./config/parse-config.js";
import { validateConfig } from "./config/parse-config.js";
import type { HotfixConfig } from "./config/schema.js";
import type { EngineContext, Octokit, RepoRef } from "./context.js";
import { installedRepositories } from "./installed-repositories.js";
import { type RepositoryReader, SnapshotCache, takeSnapshot } from "./metrics/dashboard/incident-snapshot.js";
import type { AppMetrics } from "./observability/app-metrics.js";
import type { EngineOutcome, StepObserver } from "./route.js";
import { webRoutes } from "./server/web-routes.js";
import type { SecondaryLimitRetryOptions } from "./util/secondary-rate-limit.js";

/** What the production server turns on: metrics, and the dashboard when a token is configured. */
export interface WebOptions {
  metrics: AppMetrics;
  metricsToken?: string | null;
  dashboardToken?: string | null;
  /** How long a snapshot of the incidents is reused (default 60 s). */
  snapshotMaxAgeMs?: number;
}

interface AppParts {
  app: Probot;
  clock: () => Date;
  configFor: (octokit: Octokit, repo: RepoRef) => () => Promise<ConfigResult>;
  identity: EngineContext["identity"];
  addHandler: ApplicationFunctionOptions["addHandler"] | undefined;
}

function defaults(): HotfixConfig {
  const result = validateConfig({});
  if (!result.ok) throw result.error;
  return result.config;
}

/**
 * Metrics around the App's deliveries and steps, and the HTTP routes `/metrics` and `/hotfix-bot` registered
 * through Probot's `addHandler`. The App's handlers stay as they are; this only observes them.
 */
export function webAddOn(options: WebOptions, parts: AppParts) {
  const { metrics } = options;
  async function* readers(): AsyncGenerator<RepositoryReader> {
    for await (const { octokit, repo } of installedRepositories(parts.app)) {
      const loaded = await parts.configFor(octokit, repo)();
      // A repository whose configuration is broken still has incidents: read them with the default labels.
      yield { octokit, repo, config: loaded.ok ? loaded.config : defaults(), identity: parts.identity };
    }
  }
  const snapshot = new SnapshotCache(
    () => takeSnapshot(readers(), parts.clock()),
    options.snapshotMaxAgeMs ?? 60_000,
  );
  parts.addHandler?.(
    webRoutes({
      metrics,
      metricsToken: options.metricsToken ?? null,
      dashboardToken: options.dashboardToken ?? null,
      snapshot,
      log: parts.app.log,
    }),
  );
  const observeStep: StepObserver = (step, seconds, outcome) => metrics.step(step, seconds, outcome);
  return {
    metrics,
    observeStep,
    /** Runs one delivery's steps and counts it: handled (a step ran), ignored (none matched) or failed. */
    async delivery(event: string, run: () => Promise<EngineOutcome>): Promise<void> {
      try {
        const outcome = await run();
        metrics.delivery(event, outcome.steps.length > 0 ? "handled" : "ignored");
      } catch (error) {
        metrics.delivery(event, "failed");
        throw error;
      }
    },
    secondaryRateLimit(retry: SecondaryLimitRetryOptions | undefined): SecondaryLimitRetryOptions {
      return {
        ...retry,
        onWait: (seconds) => {
          metrics.rateLimitWait("secondary", seconds);
          retry?.onWait?.(seconds);
        },
      };
    },
  };
}
