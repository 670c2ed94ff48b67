import { ProbotOctokit } from "probot";
import type { Log, Octokit } from "../context.js";
import { DryRunRefusal, isWrite, type RefusedWrite, requestPath } from "./dry-run.js";

export interface TokenOctokitOptions {
  token: string;
  /** REST base URL; GitHub Enterprise Server and the sandbox differ from api.github.com. */
  apiUrl: string;
  log: Log;
  userAgent: string;
  /** When given, every write is refused (DryRunRefusal), logged and recorded here instead of being sent. */
  refusedWrites?: RefusedWrite[];
}

function format(args: unknown[]): string {
  return args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ");
}

/**
 * Probot's own Octokit class (retry, throttling, pagination, the config plugin with `_extends`) authenticated
 * with a plain token: Probot's auth strategy takes `{ token }` as a token auth, so the Action and the CLI send
 * exactly the requests the App sends, only under another identity.
 */
export function createTokenOctokit(options: TokenOctokitOptions): Octokit {
  const { log } = options;
  const octokit = new ProbotOctokit({
    auth: { token: options.token },
    baseUrl: options.apiUrl,
    userAgent: options.userAgent,
    log: {
      // Probot's request logging calls debug(fields, message).
      debug: (...args: unknown[]) => log.debug(format(args)),
      info: (...args: unknown[]) => log.info(format(args)),
      warn: (...args: unknown[]) => log.warn(format(args)),
      error: (...args: unknown[]) => log.error(format(args)),
    },
  });
  const refused = options.refusedWrites;
  if (refused) {
    octokit.hook.wrap("request", async (request, requestOptions) => {
      const parsed = octokit.request.endpoint.parse(requestOptions);
      if (!isWrite(parsed.method)) return request(requestOptions);
      const write: RefusedWrite = {
        method: parsed.method,
        path: requestPath(parsed.url),
        body: parsed.body ?? null,
      };
      refused.push(write);
      log.info(`dry run: not sending ${write.method} ${write.path}`);
      throw new DryRunRefusal(write);
    });
  }
  return octokit;
}
