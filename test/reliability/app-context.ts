import type { Sandbox } from "@hotfix-bot/sandbox";
import { ProbotOctokit } from "probot";
import { createHotfixBot } from "../../src/app.js";
import { loadConfig } from "../../src/config/load-config.js";
import type { EngineContext, Octokit } from "../../src/context.js";
import { createEngineLocks } from "../../src/engine-context.js";
import { type AppOnSandbox, startAppOnSandbox } from "../../src/sandbox-app/start-app-on-sandbox.js";
import { BackgroundWork, STEP_RETRY } from "../../src/util/background-work.js";
import { retrySecondaryRateLimits } from "../../src/util/secondary-rate-limit.js";
import { REPO } from "./hotfix-scenario.js";

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Retries as the tests run the App: @octokit/plugin-retry on with Probot's defaults (3 retries, 5xx and network
 * errors, POSTs included), only the wait shortened from seconds to milliseconds.
 */
export const FAST_RETRY = { enabled: true, retries: 3, retryAfterBaseValue: 1 } as const;

/** The App's Octokit (an installation token, retries on, throttling off) outside a webhook: reconcile's. */
export function appOctokit(sandbox: Sandbox, retry: Record<string, unknown> = FAST_RETRY): Octokit {
  const octokit = new ProbotOctokit({
    auth: { token: sandbox.appToken() },
    baseUrl: sandbox.url,
    throttle: { enabled: false },
    retry,
    log: quiet,
  }) as Octokit;
  return retrySecondaryRateLimits(octokit, FAST_SECONDARY_LIMIT);
}

/** The engine context the App builds for the scenario's repository (what reconcile at start gets). */
export function appContext(sandbox: Sandbox, octokit: Octokit = appOctokit(sandbox)): EngineContext {
  const [owner = "", repo = ""] = REPO.split("/");
  const ref = { owner, repo };
  return {
    octokit,
    repo: ref,
    config: () => loadConfig(octokit, ref),
    log: quiet,
    clock: () => new Date(),
    identity: async () => ({ appId: sandbox.app.id, stateSecret: null }),
    locks: createEngineLocks(),
  };
}

/** Secondary rate limits waited for in milliseconds per `retry-after` second (GitHub's are seconds). */
export const FAST_SECONDARY_LIMIT = { retries: 3, retryAfterBaseValue: 5 } as const;

export interface HotfixApp {
  app: AppOnSandbox;
  /** hotfix-bot's own background work (long steps, reconcile at start); `sandbox.settle()` waits for it. */
  background: BackgroundWork;
  /** What failed in the background (a long step, reconcile at start), as BackgroundWork logs it. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * hotfix-bot on the real Probot server against the sandbox, with Probot's retries on (waits shortened) and
 * throttling off (tests do not wait a second per write).
 */
export async function startHotfixApp(
  sandbox: Sandbox,
  options: { reconcileOnStart?: boolean; retry?: Record<string, unknown> } = {},
): Promise<HotfixApp> {
  const errors: string[] = [];
  // The App's retry of failed long steps, with pauses of milliseconds instead of STEP_RETRY's seconds.
  const background = new BackgroundWork(
    { error: (message) => errors.push(message) },
    { attempts: STEP_RETRY.attempts, delayMs: (attempt) => 20 * attempt },
  );
  const untrack = sandbox.trackWork(background);
  const app = await startAppOnSandbox(sandbox, {
    appFn: createHotfixBot({
      background,
      secondaryRateLimit: FAST_SECONDARY_LIMIT,
      reconcileOnStart: options.reconcileOnStart ?? false,
    }),
    throttle: { enabled: false },
    retry: options.retry ?? FAST_RETRY,
  });
  return {
    app,
    background,
    errors,
    close: async () => {
      await app.close();
      untrack();
    },
  };
}
