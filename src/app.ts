import { Redis } from "ioredis";
import type { ApplicationFunctionOptions, Context, Probot } from "probot";
import { ConfigCache, loadConfig } from "./config/load-config.js";
import type { EngineContext, Log, NotifyChannel, Octokit, RepoRef } from "./context.js";
import { handleEvent, runLongStep } from "./engine.js";
import { createEngineContext, createEngineLocks } from "./engine-context.js";
import { appIdentity } from "./identity/app-identity.js";
import { channelsFromEnvironment } from "./incident/notify/notify-channels.js";
import {
  DurableSteps,
  type DurableStepsOptions,
  STEP_QUEUE,
  type StepJobData,
} from "./queue/durable-steps.js";
import { scheduleSweepInProcess, scheduleSweepOnQueue, sweepIntervalMs } from "./queue/sweep-schedule.js";
import type { BackgroundRunner } from "./route.js";
import { sweepInstallations, sweepSummary } from "./sweep/sweep-installations.js";
import { BackgroundWork, STEP_RETRY } from "./util/background-work.js";
import { logWith } from "./util/log-with.js";
import { memoAsync } from "./util/memo-async.js";
import { RedisMutexLock } from "./util/redis-mutex-lock.js";
import { retrySecondaryRateLimits, type SecondaryLimitRetryOptions } from "./util/secondary-rate-limit.js";
import { type WebOptions, webAddOn } from "./web-add-on.js";

export interface HotfixBotOptions {
  clock?: () => Date;
  configCache?: ConfigCache;
  /**
   * Where long steps run after the delivery is answered; pass one to wait on it (tests, the demo). The default
   * runs a failed step again later (STEP_RETRY). With REDIS_URL, long steps are queue jobs instead (see below).
   */
  background?: BackgroundWork;
  /**
   * Sweep when the app starts and then every `sweepIntervalMs` (`npm start` turns it on): finish whatever a crash
   * or a lost delivery left half done (see src/sweep/). Without Redis the sweep at start takes over every claim
   * it finds (a single instance's claims at start are a dead run's); with Redis the queue's scheduler runs it.
   */
  reconcileOnStart?: boolean;
  /** How often the periodic sweep runs (default SWEEP_INTERVAL_MINUTES, 10 minutes; 0: never). */
  sweepIntervalMs?: number;
  /** How old a claim must be for a periodic sweep to take it over (tests shorten it). */
  sweepStaleAfterMs?: number;
  /** How requests refused by a secondary rate limit are retried (tests shorten the wait). */
  secondaryRateLimit?: SecondaryLimitRetryOptions;
  /**
   * The Redis that several instances of the App share (default: REDIS_URL, as Probot's throttling uses). With
   * it, long steps are jobs on a BullMQ queue that any instance runs (and takes over from an instance that
   * died), the periodic sweep runs in one instance per interval, and steps that must not run twice at once take
   * a lock across instances; without it all of this stays within the process.
   */
  redisUrl?: string;
  /** Prometheus metrics and the dashboard (the production server turns them on; see src/web-add-on.ts). */
  web?: WebOptions;
  /** The queue's retry and takeover timings (DURABLE_STEPS by default). */
  durableSteps?: DurableStepsOptions;
  /** Hands out the queue when there is one (tests wait for it to empty). */
  onDurableSteps?: (steps: DurableSteps) => void;
  /**
   * The channels repositories may name in `notify.channels` (default: HOTFIX_NOTIFY_<KIND>_<NAME> variables of
   * the environment, see incident/notify/notify-channels.ts; a malformed one stops the App at start).
   */
  notifyChannels?: ReadonlyMap<string, NotifyChannel>;
}

/** Reads owner/name from any repository-scoped payload without trusting its shape. */
function repoOf(payload: unknown): RepoRef | null {
  const repository = (payload as { repository?: { name?: unknown; owner?: { login?: unknown } } } | null)
    ?.repository;
  const owner = repository?.owner?.login;
  const name = repository?.name;
  return typeof owner === "string" && typeof name === "string" ? { owner, repo: name } : null;
}

function installationOf(payload: unknown): number | null {
  const id = (payload as { installation?: { id?: unknown } } | null)?.installation?.id;
  return typeof id === "number" && Number.isSafeInteger(id) ? id : null;
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
  const instancesLock = redisUrl ? new RedisMutexLock(new Redis(redisUrl, { lazyConnect: true })) : undefined;
  const notifyChannels = options.notifyChannels ?? channelsFromEnvironment(process.env);
  // Which App this is, asked once per process (with the App's JWT) the first time a step needs it.
  const identity = memoAsync(async () => appIdentity((await app.auth()) as EngineContext["octokit"]));
  const configFor = (octokit: Octokit, repo: RepoRef) => () =>
    configCache.get(`${repo.owner}/${repo.repo}`, clock().getTime(), () => loadConfig(octokit, repo));
  const web = options.web ? webAddOn(options.web, { app, clock, configFor, identity, addHandler }) : null;
  const secondaryRateLimit = web
    ? web.secondaryRateLimit(options.secondaryRateLimit)
    : options.secondaryRateLimit;
  const locks = createEngineLocks();
  const contextFor = (raw: Octokit, repo: RepoRef, log: Log): EngineContext => {
    // Probot's throttling does not retry a secondary rate limit; the engine's steps need it to (see the util).
    const octokit = retrySecondaryRateLimits(raw, secondaryRateLimit);
    return createEngineContext({
      octokit,
      repo,
      log: logWith(log, { repo: `${repo.owner}/${repo.repo}` }),
      locks,
      identity,
      clock,
      readConfig: configFor(octokit, repo),
      ...(instancesLock ? { instancesLock } : {}),
      notifyChannels,
    });
  };

  const durable = redisUrl
    ? new DurableSteps(
        redisUrl,
        (data, resumed) =>
          background.track(
            (async () => {
              const octokit = (await app.auth(data.installationId)) as Octokit;
              const log = logWith(app.log, { delivery: data.event.id, event: data.event.name });
              await runLongStep(data, { ...contextFor(octokit, data.repo, log), resumedRun: resumed });
            })(),
          ),
        app.log,
        options.durableSteps,
      )
    : null;
  if (durable) options.onDurableSteps?.(durable);
  const enqueue = async (job: StepJobData) => {
    await durable?.enqueue(job);
    if (durable && web) web.metrics.setQueueDepth(STEP_QUEUE, await durable.depth());
  };

  if (options.reconcileOnStart ?? false)
    startSweeps(app, options, {
      background,
      redisUrl,
      contextFor,
      clock,
      ...(web ? { onSweep: (result) => web.metrics.sweepResult(result) } : {}),
    });

  // Probot hands onAny a full Context at run time; its declared type is the bare webhook event.
  app.onAny(async (event) => {
    const context = event as unknown as Context;
    const repo = repoOf(context.payload);
    if (!repo) {
      web?.metrics.delivery(context.name, "ignored");
      return;
    }
    if (context.name === "push") configCache.invalidate(`${repo.owner}/${repo.repo}`);
    const log = logWith(context.log, { delivery: context.id, event: context.name });
    const ctx = contextFor(context.octokit as Octokit, repo, log);
    const installationId = installationOf(context.payload);
    // With the queue, a long step is a job any instance runs; the delivery is answered once it is queued.
    const runner: BackgroundRunner =
      durable && installationId !== null
        ? {
            run: (name, _task, job) =>
              background.run(`queue ${name}`, () => enqueue({ ...job, installationId, repo })),
          }
        : background;
    const delivery = { name: context.name, id: context.id, payload: context.payload };
    if (!web) await handleEvent(delivery, ctx, runner);
    else await web.delivery(delivery.name, () => handleEvent(delivery, ctx, runner, web.observeStep));
  });
}

/** The sweep at start (one process, no Redis) and on a timer (in-process, or one instance per interval). */
function startSweeps(
  app: Probot,
  options: HotfixBotOptions,
  deps: {
    background: BackgroundWork;
    redisUrl: string | undefined;
    contextFor: (octokit: Octokit, repo: RepoRef, log: Log) => EngineContext;
    clock: () => Date;
    /** Told what each sweep found (the App's Prometheus metrics). */
    onSweep?: (result: { checked: number; finished: number; failed: number }) => void;
  },
): void {
  const sweep = async (staleAfterMs: number | undefined) => {
    const result = await sweepInstallations(app, (octokit, repo) => deps.contextFor(octokit, repo, app.log), {
      now: deps.clock(),
      ...(staleAfterMs === undefined ? {} : { staleAfterMs }),
    });
    app.log.info(sweepSummary(result));
    if (deps.onSweep) {
      const results = result.reports.flatMap((report) => report.results);
      deps.onSweep({
        checked: result.reports.length,
        finished: results.filter((r) => r.outcome === "finished").length,
        failed: results.filter((r) => r.outcome === "failed").length,
      });
    }
  };
  // Alone, this process's claims found at start are a dead run's: take them over now rather than in ten minutes.
  if (!deps.redisUrl) deps.background.run("sweep at start", () => sweep(0));
  const interval = options.sweepIntervalMs ?? sweepIntervalMs(process.env);
  if (interval <= 0) return;
  const periodic = () => deps.background.track(sweep(options.sweepStaleAfterMs));
  if (deps.redisUrl) scheduleSweepOnQueue(deps.redisUrl, interval, periodic, app.log);
  else scheduleSweepInProcess(interval, periodic, app.log);
}

/** The App as Probot loads it (`probot run`, `npm start`). */
export default createHotfixBot({ reconcileOnStart: true });
