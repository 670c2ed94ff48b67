import type { Octokit } from "../context.js";

/** What the App does when GitHub answers 403 "secondary rate limit": wait `retry-after`, then try again. */
export interface SecondaryLimitRetryOptions {
  /** Attempts after the first (default 3). */
  retries?: number;
  /** Milliseconds per second of `retry-after` (default 1000; tests shorten it). */
  retryAfterBaseValue?: number;
  /** Used when GitHub sends no `retry-after` (default 60 s, GitHub's advice). */
  fallbackSeconds?: number;
  /** Waits longer than this are cut to it (default 120 s): a webhook step must end some time. */
  maxWaitSeconds?: number;
  /** Told of each wait, in seconds of retry-after (metrics). */
  onWait?: (seconds: number) => void;
}

interface RequestErrorLike {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, string | number | undefined> };
}

/** Whether an Octokit error is GitHub's secondary rate limit (403 or 429 with that wording, or a retry-after). */
export function isSecondaryRateLimit(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { status, message, response } = error as RequestErrorLike;
  if (status !== 403 && status !== 429) return false;
  if (typeof message === "string" && /\bsecondary rate\b/i.test(message)) return true;
  return response?.headers?.["retry-after"] !== undefined;
}

function retryAfterSeconds(error: unknown, fallback: number): number {
  const header = (error as RequestErrorLike).response?.headers?.["retry-after"];
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : fallback;
}

const wrapped = new WeakSet<object>();

/**
 * Makes an Octokit wait and retry after a secondary rate limit. Probot's throttling only logs these (its
 * `onSecondaryRateLimit` does not retry) and @octokit/plugin-retry never retries a 403, so without this one
 * limited request fails a whole step: during an incident, when a burst of writes is exactly what trips the limit.
 * A refused request had no effect, so retrying it is safe for POSTs too. Returns the same Octokit; wrapping one
 * twice changes nothing (reconcile hands one installation's Octokit to every repository).
 */
export function retrySecondaryRateLimits<T extends Pick<Octokit, "hook" | "request">>(
  octokit: T,
  options: SecondaryLimitRetryOptions = {},
): T {
  if (wrapped.has(octokit)) return octokit;
  wrapped.add(octokit);
  // The error hook hands back the request's full endpoint options, which `request` accepts as they are.
  const resend = octokit.request as unknown as (options: object) => Promise<unknown>;
  const retries = options.retries ?? 3;
  const base = options.retryAfterBaseValue ?? 1000;
  const fallback = options.fallbackSeconds ?? 60;
  const maxWait = options.maxWaitSeconds ?? 120;
  octokit.hook.error("request", async (error, request) => {
    if (!isSecondaryRateLimit(error)) throw error;
    const bag = (request.request ?? {}) as { secondaryLimitAttempt?: number };
    const attempt = (bag.secondaryLimitAttempt ?? 0) + 1;
    if (attempt > retries) throw error;
    const seconds = Math.min(retryAfterSeconds(error, fallback), maxWait);
    options.onWait?.(seconds);
    const wait = seconds * base;
    await new Promise((resolve) => setTimeout(resolve, wait));
    // The retried request goes through every hook again (auth, throttling, plugin-retry), counted here.
    return resend({ ...request, request: { ...bag, secondaryLimitAttempt: attempt } });
  });
  return octokit;
}
