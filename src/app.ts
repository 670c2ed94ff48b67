import { Redis } from "ioredis";
import type { ApplicationFunctionOptions, Context, Probot } from "probot";
import { ConfigCache, loadConfig } from "./config/load-config.js";
import type { EngineContext, RepoRef } from "./context.js";
import { handleEvent } from "./engine.js";
import { appIdentity } from "./identity/app-identity.js";
import { reconcileInstallations } from "./reconcile.js";
import { BackgroundWork, STEP_RETRY } from "./util/background-work.js";
import { memoAsync } from "./util/memo-async.js";
import { RedisKeyedLock } from "./util/redis-keyed-lock.js";
import { retrySecondaryRateLimits, type SecondaryLimitRetryOptions } from "./util/secondary-rate-limit.js";
import { type WebOptions, webAddOn } from "./web-add-on.js";

export interface HotfixBotOptions {
  clock?: () => Date;
  configCache?: ConfigCache;
  /**
   * Where long steps run after the delivery is answered; pass one to wait on it (tests, the demo). The default
   * runs a failed step again later (STEP_RETRY).
   */
  background?: BackgroundWork;
  /** Finish half-done pipelines of every installation when the app starts (`npm start` turns it on). */
  reconcileOnStart?: boolean;
  /** How requests refused by a secondary rate limit are retried (tests shorten the wait). */
  secondaryRateLimit?: SecondaryLimitRetryOptions;
  /**
   * The Redis that several instances of the App share (default: REDIS_URL, as Probot's throttling uses). With
   * it, steps that must not run twice at once take a lock across instances; without it, within this process.
   */
  redisUrl?: string;
  /** Prometheus metrics and the dashboard (the production server turns them on; see src/web-add-on.ts). */
  web?: WebOptions;
}

/** Reads owner/name from any repository-scoped payload without trusting its shape. */
function repoOf(payload: unknown): RepoRef | null {
  const repository = (payload as { repository?: { name?: unknown; owner?: { login?: unknown } } } | null)
    ?.repository;
  const owner = repository?.owner?.login;
  const name = repository?.name;
  return typeof owner === "string" && typeof name === "string" ? { owner, repo: name } : null;
}

/** Probot adapter: maps a Probot context to the engine's context. No workflow logic lives here. */
export function createHotfixBot(options: HotfixBotOptions = {}) {
  return (app: Probot, probotOptions?: Partial<ApplicationFunctionOptions>): void =>
    installHandlers(app, options, probotOptions?.addHandler);
}

function installHandlers(
  app: Probot,
  options: HotfixBotOptions,
  addHandler?: ApplicationFunctionOptions["addHandler"],
): void {
  const clock = options.clock ?? (() => new Date());
  const configCache = options.configCache ?? new ConfigCache();
  const background = options.background ?? new BackgroundWork(app.log, STEP_RETRY);
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL;
  const instancesLock = redisUrl ? new RedisKeyedLock(new Redis(redisUrl, { lazyConnect: true })) : undefined;
  const configFor = (octokit: EngineContext["octokit"], repo: RepoRef) => () =>
    configCache.get(`${repo.owner}/${repo.repo}`, clock().getTime(), () => loadConfig(octokit, repo));
  // Which App this is, asked once per process (with the App's JWT) the first time a step needs it.
  const identity = memoAsync(async () => appIdentity((await app.auth()) as EngineContext["octokit"]));
  const web = options.web ? webAddOn(options.web, { app, clock, configFor, identity, addHandler }) : null;
  const secondaryRateLimit = web
    ? web.secondaryRateLimit(options.secondaryRateLimit)
    : options.secondaryRateLimit;

  if (options.reconcileOnStart ?? false) {
    background.run("reconcile at start", async () => {
      const reports = await reconcileInstallations(app, (octokit, repo) => ({
        octokit: retrySecondaryRateLimits(octokit, secondaryRateLimit),
        repo,
        config: configFor(octokit, repo),
        log: app.log,
        clock,
        identity,
        ...(instancesLock ? { instancesLock } : {}),
      }));
      // One line an operator can look for after a deploy: reconcile ran, and what it found.
      const finished = reports.reduce((sum, report) => sum + report.finished.length, 0);
      const failed = reports.reduce((sum, report) => sum + report.failed.length, 0);
      app.log.info(
        `reconcile at start: ${reports.length} repositories checked, ${finished} pipelines finished, ${failed} failed`,
      );
    });
  }

  // Probot hands onAny a full Context at run time; its declared type is the bare webhook event.
  app.onAny(async (event) => {
    const context = event as unknown as Context;
    const repo = repoOf(context.payload);
    if (!repo) {
      web?.metrics.delivery(context.name, "ignored");
      return;
    }
    const key = `${repo.owner}/${repo.repo}`;
    if (context.name === "push") configCache.invalidate(key);
    // Probot's throttling does not retry a secondary rate limit; the engine's steps need it to (see the util).
    const octokit = retrySecondaryRateLimits(context.octokit, secondaryRateLimit);
    const ctx: EngineContext = {
      octokit,
      repo,
      config: configFor(octokit, repo),
      log: context.log,
      clock,
      identity,
      ...(instancesLock ? { instancesLock } : {}),
    };
    const delivery = { name: context.name, id: context.id, payload: context.payload };
    if (!web) await handleEvent(delivery, ctx, background);
    else await web.delivery(delivery.name, () => handleEvent(delivery, ctx, background, web.observeStep));
  });
}

/** The App as Probot loads it (`probot run`, `npm start`). */
export default createHotfixBot({ reconcileOnStart: true });
