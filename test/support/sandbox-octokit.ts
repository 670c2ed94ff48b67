import type { Sandbox } from "@hotfix-bot/sandbox";
import { ProbotOctokit } from "probot";
import type { Octokit } from "../../src/context.js";

// Octokit against the sandbox, built the way Probot builds the App's: the same plugins, over real HTTP.

export type TestOctokit = InstanceType<typeof ProbotOctokit>;

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** Octokit as the App uses it (installation token), without throttling or retries. */
export function appOctokit(sandbox: Sandbox): TestOctokit {
  return new ProbotOctokit({
    auth: { token: sandbox.appToken() },
    baseUrl: sandbox.url,
    throttle: { enabled: false },
    retry: { enabled: false },
    log: quiet,
  });
}

/** Octokit acting as a person with their own token. */
export function userOctokit(sandbox: Sandbox, login: string): TestOctokit {
  return new ProbotOctokit({
    auth: { token: sandbox.tokenFor(login) },
    baseUrl: sandbox.url,
    throttle: { enabled: false },
    retry: { enabled: false },
    log: quiet,
  });
}

/** The App's Octokit with @octokit/plugin-retry on, as Probot runs it (retry delays shortened for tests). */
export function retryingOctokit(sandbox: Sandbox): Octokit {
  return new ProbotOctokit({
    auth: { token: sandbox.appToken() },
    baseUrl: sandbox.url,
    throttle: { enabled: false },
    retry: { enabled: true, retries: 2, retryAfterBaseValue: 1 },
    log: quiet,
  }) as Octokit;
}

/**
 * The failure that makes retried POSTs dangerous: GitHub applies a write and the answer is lost (a 500 after the
 * effect), so the client retries a request that already took effect. The next App request to `route` (e.g.
 * `POST /repos/{owner}/{repo}/issues`) takes effect, then answers 500.
 */
export function loseNextAnswer(sandbox: Sandbox, route: string): { lost: () => number } {
  let lost = 0;
  sandbox.setFaults({ seed: 1, rate: 1, kinds: ["500"], phase: "after", routes: [route] });
  const stop = sandbox.observe((exchange) => {
    if (!exchange.fault) return;
    lost++;
    sandbox.setFaults(null);
    stop();
  });
  return { lost: () => lost };
}

/** The status and message of a rejected Octokit request. */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ status: number; message: string; body: unknown }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { status?: number; message?: string; response?: { data?: unknown } };
    return {
      status: e.status ?? -1,
      message: e.response?.data
        ? String((e.response.data as { message?: unknown }).message)
        : String(e.message),
      body: e.response?.data,
    };
  }
  throw new Error("expected the request to fail");
}

/** A clock stopped at a fixed instant, for sandboxes whose records are compared to the letter. */
export const FIXED_CLOCK = () => new Date("2026-03-01T12:00:00Z");
