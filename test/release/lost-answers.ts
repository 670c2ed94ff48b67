import type { Sandbox } from "@hotfix-bot/sandbox";
import { ProbotOctokit } from "probot";
import type { Octokit } from "../../src/context.js";

/**
 * The failure that makes retried POSTs dangerous: GitHub applies a write and the answer is lost (a 500 after the
 * effect), so the client retries a request that already took effect. Used by the sandbox tests of the release,
 * follow-up and timeline effects.
 */

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

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

/** The next App request to `route` (e.g. `POST /repos/{owner}/{repo}/issues`) takes effect, then answers 500. */
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
