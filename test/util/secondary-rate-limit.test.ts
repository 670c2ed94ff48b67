import { type FaultKind, type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { ProbotOctokit } from "probot";
import type { Octokit } from "../../src/context.js";
import { isSecondaryRateLimit, retrySecondaryRateLimits } from "../../src/util/secondary-rate-limit.js";

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const ISSUES = "POST /repos/{owner}/{repo}/issues";
const ISSUE = "GET /repos/{owner}/{repo}/issues/{issue_number}";

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startSandbox();
  await sandbox.createRepository({ name: "webshop", collaborators: { alice: "write" } });
});
afterEach(() => sandbox.close());

/** The App's Octokit as Probot builds it: plugin-retry on (it never retries a 403), throttling as asked. */
function octokit(throttle: Record<string, unknown> = { enabled: false }): Octokit {
  return new ProbotOctokit({
    auth: { token: sandbox.appToken() },
    baseUrl: sandbox.url,
    throttle,
    retry: { enabled: true, retries: 3, retryAfterBaseValue: 1 },
    log: quiet,
  }) as Octokit;
}

/** The next `times` App requests to `route` get `kind`; later ones go through. */
function failNext(route: string, times: number, kind: FaultKind = "secondary-rate-limit"): void {
  let left = times;
  sandbox.setFaults({ seed: 1, rate: 1, kinds: [kind], routes: [route], retryAfterSeconds: 2 });
  const stop = sandbox.observe((exchange) => {
    if (!exchange.fault || --left > 0) return;
    sandbox.setFaults(null);
    stop();
  });
}

const attempts = (route: string) => sandbox.counters.appRoutes().filter((r) => r === route).length;
const issues = () => [...sandbox.internalRepo("acme/webshop").issues.values()];

test("a write refused by a secondary rate limit is sent again after retry-after, and lands once", async () => {
  const client = retrySecondaryRateLimits(octokit(), { retryAfterBaseValue: 1 });
  failNext(ISSUES, 2);
  const { data } = await client.rest.issues.create({ owner: "acme", repo: "webshop", title: "Follow-up" });
  expect(issues().map((i) => i.number)).toEqual([data.number]);
  expect(attempts(ISSUES)).toBe(3);
});

test("it gives up after the configured retries with GitHub's error", async () => {
  const client = retrySecondaryRateLimits(octokit(), { retries: 2, retryAfterBaseValue: 1 });
  failNext(ISSUES, 10);
  const failure = await client.rest.issues
    .create({ owner: "acme", repo: "webshop", title: "Follow-up" })
    .then(
      () => null,
      (error: unknown) => error,
    );
  expect(isSecondaryRateLimit(failure)).toBe(true);
  expect(attempts(ISSUES)).toBe(3);
  expect(issues()).toEqual([]);
});

test("with Probot's throttling on (which only logs secondary limits) the request is still retried", async () => {
  const logged: string[] = [];
  const client = retrySecondaryRateLimits(
    octokit({
      enabled: true,
      onSecondaryRateLimit: (_after: number, options: { method: string; url: string }) => {
        logged.push(`${options.method} ${options.url}`);
      },
      onRateLimit: () => false,
    }),
    { retryAfterBaseValue: 1 },
  );
  const number = await sandbox.as("alice", "acme/webshop").createIssue({ title: "Checkout down" });
  failNext(ISSUE, 1);
  const { data } = await client.rest.issues.get({ owner: "acme", repo: "webshop", issue_number: number });
  expect(data.title).toBe("Checkout down");
  expect(logged).toEqual(["GET /repos/{owner}/{repo}/issues/{issue_number}"]);
  expect(attempts(ISSUE)).toBe(2);
});

test("other refusals are not retried: an exhausted primary rate limit is the throttling's business", async () => {
  const client = retrySecondaryRateLimits(octokit(), { retryAfterBaseValue: 1 });
  failNext(ISSUES, 1, "rate-limit");
  const failure = await client.rest.issues
    .create({ owner: "acme", repo: "webshop", title: "Follow-up" })
    .then(
      () => null,
      (error: unknown) => error,
    );
  expect((failure as { status?: number }).status).toBe(403);
  expect(isSecondaryRateLimit(failure)).toBe(false);
  expect(attempts(ISSUES)).toBe(1);
});
