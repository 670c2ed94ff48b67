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

/** The subset of a pino logger the engine uses; Probot's, the Action's and the CLI's loggers all fit. */
export interface Log {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

/**
 * What every adapter (App, Action, CLI) builds before calling the engine. The configuration is loaded lazily
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
}
