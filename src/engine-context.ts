import { loadConfig } from "./config/load-config.js";
import type { ConfigResult } from "./config/parse-config.js";
import type { EngineContext, EngineLocks, Log, NotifyChannel, Octokit, RepoRef } from "./context.js";
import type { BotIdentity } from "./identity/bot-identity.js";
import type { KeyedLock } from "./util/keyed-lock.js";
import { KeyedMutex } from "./util/keyed-mutex.js";
import { memoAsync } from "./util/memo-async.js";

/** The locks of one process: call once when the App, the Action or a CLI command starts. */
export function createEngineLocks(): EngineLocks {
  return { pipeline: new KeyedMutex(), gate: new KeyedMutex() };
}

/** What differs between the App, the Action and the CLI when they build the engine's context. */
export interface EngineContextOptions {
  octokit: Octokit;
  repo: RepoRef;
  log: Log;
  locks: EngineLocks;
  /** Who the engine writes as; asked at most once per context (the App shares one answer across contexts). */
  identity: () => Promise<BotIdentity>;
  /** How the configuration is read (the App reads through its cache); by default from `configPath` via the API. */
  readConfig?: () => Promise<ConfigResult>;
  /** The configuration file in the repository (default `.github/hotfix.yml`), when `readConfig` is not given. */
  configPath?: string;
  clock?: () => Date;
  instancesLock?: KeyedLock;
  resumedRun?: boolean;
  /** The notification channels repositories may name (the App's environment, the Action's inputs). */
  notifyChannels?: ReadonlyMap<string, NotifyChannel>;
}

/**
 * The engine's context, the one way every adapter builds it: the configuration read lazily and at most once (an
 * event that is not ours costs no API call), the identity asked only when a step needs it.
 */
export function createEngineContext(options: EngineContextOptions): EngineContext {
  const { octokit, repo, configPath } = options;
  const readConfig = options.readConfig ?? (() => loadConfig(octokit, repo, configPath));
  return {
    octokit,
    repo,
    config: memoAsync(readConfig),
    log: options.log,
    clock: options.clock ?? (() => new Date()),
    identity: memoAsync(options.identity),
    locks: options.locks,
    ...(options.instancesLock ? { instancesLock: options.instancesLock } : {}),
    ...(options.resumedRun ? { resumedRun: true } : {}),
    ...(options.notifyChannels ? { notifyChannels: options.notifyChannels } : {}),
  };
}
