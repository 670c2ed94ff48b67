import type { Log, Octokit } from "../context.js";
import { DryRunRefusal } from "./dry-run.js";

/** One write the engine sent (or, in a dry run, wanted to send), as it went over the wire. */
export interface RecordedWrite {
  method: string;
  /** The request path, e.g. `/repos/acme/webshop/check-runs`. */
  path: string;
  body: unknown;
  result: "sent" | "failed" | "refused";
}

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isWrite(method: string): boolean {
  return !READ_METHODS.has(method.toUpperCase());
}

/** The path part of a request URL, whether Octokit hands it over absolute or relative. */
export function requestPath(url: string): string {
  try {
    return new URL(url, "http://api.invalid").pathname;
  } catch {
    return url;
  }
}

export interface RecordWritesOptions {
  /** Every write is recorded here (method, path, body), for the job summary. */
  writes: RecordedWrite[];
  /** Refuse every write (DryRunRefusal) instead of sending it; it is logged and recorded as refused. */
  dryRun: boolean;
  log: Log;
}

/** The Action's view of its own writes: each one recorded for the job summary, or refused in a dry run. */
export function recordWrites(octokit: Octokit, options: RecordWritesOptions): Octokit {
  const { writes, dryRun, log } = options;
  octokit.hook.wrap("request", async (request, requestOptions) => {
    const parsed = octokit.request.endpoint.parse(requestOptions);
    if (!isWrite(parsed.method)) return request(requestOptions);
    const write: RecordedWrite = {
      method: parsed.method,
      path: requestPath(parsed.url),
      body: parsed.body ?? null,
      result: dryRun ? "refused" : "sent",
    };
    writes.push(write);
    if (dryRun) {
      log.info(`dry run: not sending ${write.method} ${write.path}`);
      throw new DryRunRefusal(write);
    }
    try {
      return await request(requestOptions);
    } catch (error) {
      write.result = "failed";
      throw error;
    }
  });
  return octokit;
}
