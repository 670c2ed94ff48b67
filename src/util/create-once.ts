import { httpStatus } from "./http-status.js";

/** Request options that turn @octokit/plugin-retry off for one request (`{ ...params, ...NO_BLIND_RETRY }`). */
export const NO_BLIND_RETRY = { request: { retries: 0 } } as const;

/**
 * Whether GitHub may have applied a write whose answer was an error: a 5xx, or a connection that dropped (Octokit
 * reports those as 500). A 4xx is a refusal: nothing happened.
 */
export function answerMayBeLost(error: unknown): boolean {
  const status = httpStatus(error);
  return status !== undefined && status >= 500;
}

/**
 * Creates something that GitHub has no atomic "create unless it exists" for (an issue, a comment, a check run),
 * without ever creating it twice in this process. @octokit/plugin-retry would send a POST whose answer was lost
 * again blindly, and GitHub would then hold two; here the create is sent without that retry, and after a failure
 * that may have taken effect `find` looks for it first. Only when it is not there is the create sent again.
 *
 * `create` must pass NO_BLIND_RETRY in its request options. `find` returns what a lost create would have made
 * (for instance the newest item carrying our marker), or null.
 */
export async function createOnce<T>(
  create: () => Promise<T>,
  find: () => Promise<T | null>,
  attempts = 4,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      if (!answerMayBeLost(error) || attempt >= attempts) throw error;
      const found = await find();
      if (found !== null) return found;
    }
  }
}
