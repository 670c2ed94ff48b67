import { ProbotOctokit } from "probot";
import type { Log, Octokit } from "../context.js";

export interface TokenOctokitOptions {
  token: string;
  /** REST base URL; GitHub Enterprise Server and the sandbox differ from api.github.com. */
  apiUrl: string;
  log: Log;
  userAgent: string;
  /**
   * Probot's throttling paces writes as GitHub asks (about 1 s apart, 3 s for those that notify people).
   * Default on; off only where nobody is notified and no limit applies (a local sandbox).
   */
  pacing?: boolean;
}

/** Probot's request logging calls `debug(fields, message)`: the message first, then the fields when there are any. */
function format(args: unknown[]): string {
  const strings = args.filter((a): a is string => typeof a === "string");
  const fields = args.filter((a) => typeof a === "object" && a !== null && Object.keys(a).length > 0);
  return [...strings, ...fields.map((f) => JSON.stringify(f))].join(" ");
}

/**
 * Probot's own Octokit class (retry, throttling, pagination, the config plugin with `_extends`) authenticated
 * with a plain token: Probot's auth strategy takes `{ token }` as a token auth, so the Action and the CLI send
 * exactly the requests the App sends, only under another identity.
 */
export function createTokenOctokit(options: TokenOctokitOptions): Octokit {
  const { log } = options;
  return new ProbotOctokit({
    auth: { token: options.token },
    baseUrl: options.apiUrl,
    userAgent: options.userAgent,
    ...(options.pacing === false ? { throttle: { enabled: false } } : {}),
    log: {
      debug: (...args: unknown[]) => log.debug(format(args)),
      info: (...args: unknown[]) => log.info(format(args)),
      warn: (...args: unknown[]) => log.warn(format(args)),
      error: (...args: unknown[]) => log.error(format(args)),
    },
  });
}
