import { GATE_CHECK_NAME } from "../gate/gate-check-name.js";
import { TIMELINE_MARKER } from "../incident/timeline-markdown.js";

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

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;

export interface CheckRunWrite {
  status: string | null;
  conclusion: string | null;
  title: string;
  /** Markdown exactly as the gate's renderer made it for the check run. */
  markdown: string;
}

/**
 * The last `hotfix-gate` check run body written (or refused): the job summary shows the very markdown the
 * gate's renderer produced for the check run, instead of rendering it a second time. A PATCH body names no
 * check, so any check-run write without another name counts: the engine writes no other check run.
 */
export function lastGateWrite(writes: readonly RecordedWrite[]): CheckRunWrite | null {
  for (const write of [...writes].reverse()) {
    if (write.result === "failed" || !/\/check-runs(\/\d+)?$/.test(write.path) || !isObject(write.body))
      continue;
    const { name, status, conclusion, output } = write.body;
    if (name !== undefined && name !== GATE_CHECK_NAME) continue;
    if (!isObject(output) || typeof output.summary !== "string") continue;
    const text = typeof output.text === "string" && output.text ? `\n\n${output.text}` : "";
    return {
      status: typeof status === "string" ? status : null,
      conclusion: typeof conclusion === "string" ? conclusion : null,
      title: typeof output.title === "string" ? output.title : "",
      markdown: `${output.summary}${text}`,
    };
  }
  return null;
}

/**
 * The last incident timeline comment written: the timeline renderer's own markdown, without its hidden
 * machine-readable first line (state for the bot, noise for a person).
 */
export function lastTimelineWrite(writes: readonly RecordedWrite[]): string | null {
  for (const write of [...writes].reverse()) {
    if (write.result === "failed" || !/\/issues\/(\d+\/)?comments(\/\d+)?$/.test(write.path)) continue;
    const body = isObject(write.body) ? write.body.body : undefined;
    if (typeof body !== "string" || !body.trimStart().startsWith(TIMELINE_MARKER)) continue;
    return body.trimStart().replace(/^<!--[^\n]*-->\n*/, "");
  }
  return null;
}
