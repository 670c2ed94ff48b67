/** One write the dry run refused to send: what would have been written where. */
export interface RefusedWrite {
  method: string;
  /** The request path, e.g. `/repos/acme/webshop/check-runs`. */
  path: string;
  body: unknown;
}

/**
 * Thrown instead of sending a write in a dry run. The step that wanted to write stops there: nothing after
 * its first write would be real, so it is not pretended. Names the refused request.
 */
export class DryRunRefusal extends Error {
  override readonly name = "DryRunRefusal";
  constructor(readonly write: RefusedWrite) {
    super(`dry run: refused ${write.method} ${write.path}`);
  }
}

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isWrite(method: string): boolean {
  return !READ_METHODS.has(method.toUpperCase());
}

/** True when every failure (a single error or an AggregateError of them) is a dry-run refusal. */
export function onlyRefusals(error: unknown): boolean {
  if (error instanceof DryRunRefusal) return true;
  if (error instanceof AggregateError) return error.errors.length > 0 && error.errors.every(onlyRefusals);
  return false;
}

/** The path part of a request URL, whether Octokit hands it over absolute or relative. */
export function requestPath(url: string): string {
  try {
    return new URL(url, "http://api.invalid").pathname;
  } catch {
    return url;
  }
}
