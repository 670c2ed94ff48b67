import type { ProbotOctokit } from "probot";
import type { ConfigResult } from "./config/parse-config.js";
import type { BotIdentity } from "./identity/bot-identity.js";
import type { KeyedLock } from "./util/keyed-lock.js";

/** The Octokit every adapter hands to the engine: Probot's, with retry, throttling and the config plugin. */
export type Octokit = InstanceType<typeof ProbotOctokit>;

export interface RepoRef {
  owner: string;
  repo: string;
}

/**
 * What a log line is about, as fields rather than words in the message: the repository (`owner/name`), the pull
 * request or incident number, the webhook delivery's id, the engine's step. Pino writes them as JSON keys.
 */
export interface LogFields {
  repo?: string;
  pr?: number;
  incident?: number;
  delivery?: string;
  step?: string;
  [field: string]: unknown;
}

/** The subset of a pino logger the engine uses; Probot's, the Action's and the CLI's loggers all fit. */
export interface Log {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
  /**
   * A logger whose every line carries these fields too (pino's `child`). Optional so that a test's silent logger
   * stays four no-ops; steps call it through `logWith`.
   */
  child?(bindings: LogFields): Log;
}

/**
 * The in-process locks of one App, Action or CLI process, made once per process (see createEngineLocks) and
 * handed to every context it builds, so that two processes, or two Apps in one test, never share one by accident.
 */
export interface EngineLocks {
  /**
   * One after-merge pipeline at a time per merged PR (deliveries, `/backport`, the sweep), and one intake or
   * deploy step at a time per incident (keys `owner/repo#<pr>` and `owner/repo#incident-<n>`).
   */
  pipeline: KeyedLock;
  /** One gate evaluation at a time per repository and SHA (key `owner/repo@<sha>`). */
  gate: KeyedLock;
}

/**
 * What every adapter (App, Action, CLI) builds, through createEngineContext, before calling the engine. The configuration is loaded lazily
 * and at most once, so that events which are not ours cost no API call.
 */
export interface EngineContext {
  octokit: Octokit;
  repo: RepoRef;
  config: () => Promise<ConfigResult>;
  log: Log;
  clock: () => Date;
  /**
   * Who the engine writes as (its App's id) and the key of its hidden state, resolved at most once and only when
   * a step needs it: the App asks `GET /app`; the Action knows its token's App (see action/token-app.ts).
   */
  identity: () => Promise<BotIdentity>;
  /** This process's locks (the same object in every context the process builds). */
  locks: EngineLocks;
  /**
   * A lock that spans App instances (the App gives one when it has REDIS_URL, i.e. runs as several processes).
   * Steps that must not run twice at once take it inside their in-process mutex; without it they rely on that.
   */
  instancesLock?: KeyedLock;
  /**
   * This run resumes a queued step whose earlier run (in an instance that died, or that failed) may have left the
   * step's claim: the claim is this job's own, so the run takes it over instead of waiting for it to go.
   */
  resumedRun?: boolean;
  /**
   * The notification channels this App or Action run may post to, by name (see incident/notify/): the App reads
   * them from its environment, the Action from its inputs. A repository names channels, never URLs.
   */
  notifyChannels?: ReadonlyMap<string, NotifyChannel>;
}

/** One incoming webhook: its URL is a secret, so it never goes into a log, a timeline or an error message. */
export interface NotifyChannel {
  name: string;
  kind: "slack" | "teams" | "webhook";
  url: string;
  /**
   * Set where the run must not post (the Action's dry run, whose writes are refused): the notification is
   * recorded as not sent, for this reason, and nothing leaves the process.
   */
  refused?: string;
}
