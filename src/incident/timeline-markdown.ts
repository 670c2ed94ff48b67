import { escapeMarkdown, escapeTableCell, linkTarget, truncate } from "../text/escape-markdown.js";
import { HotfixBotError } from "../util/errors.js";
import type { FollowUpKind } from "./follow-up-kinds.js";
import { incidentDurations, recoveryLine } from "./incident-durations.js";
import { toTimelineState } from "./timeline-schema.js";
import type { PipelineState, TimelineState } from "./timeline-state.js";

/**
 * The one timeline comment: a hidden first line `<!-- hotfix-bot:timeline <json> -->` with the state, then the
 * human view. The state line is always first, so nothing a user wrote (and we echoed, escaped, further down) can
 * come before it; inside the JSON `<` and `>` are written as \u003c and \u003e, so no string in the state can close
 * the HTML comment or open a second marker.
 */

export const TIMELINE_MARKER = "<!-- hotfix-bot:timeline ";
const STATE_LINE = /^\s*<!-- hotfix-bot:timeline ([^>]*) -->/;

/**
 * GitHub rejects comment bodies over 65,536 characters; we stay below with a margin (JavaScript counts UTF-16
 * units, which is never fewer than GitHub's characters).
 */
export const TIMELINE_BODY_MAX = 65_000;

export class TimelineTooLargeError extends HotfixBotError {
  override readonly kind = "unworkable";
  constructor(
    readonly incident: number | null,
    readonly length: number,
  ) {
    super(
      `the timeline of ${incident === null ? "this pull request" : `incident #${incident}`} needs ${length} characters even with every entry dropped (limit ${TIMELINE_BODY_MAX})`,
    );
    this.name = "TimelineTooLargeError";
  }
}

function encodeState(state: TimelineState): string {
  return JSON.stringify(state).replace(/</g, "\\u003c").replace(/>/g, "\\u003e");
}

function formatTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return escapeTableCell(iso);
  return `${new Date(t).toISOString().slice(0, 16).replace("T", " ")}`;
}

function link(text: string, url: string | undefined): string {
  return url ? `[${text}](${linkTarget(url)})` : text;
}

const FOLLOW_UP_LABEL: Record<FollowUpKind, string> = {
  "post-mortem": "post-mortem",
  "proper-fix": "proper fix",
  "regression-tests": "regression tests",
  "post-deploy-review": "post-deploy review",
  "security-review": "security review",
};

function pipelineLine(p: PipelineState): string {
  const parts = [`#${p.pr} merged as \`${p.mergeSha.slice(0, 7)}\` at ${formatTime(p.mergedAt)} UTC`];
  if (p.tag) parts.push(`tag ${link(escapeMarkdown(p.tag), p.release?.url)}`);
  const backports = Object.entries(p.backports).map(([target, b]) => {
    const what = b.pr ? link(`#${b.pr}`, b.url) : "";
    const error = b.error ? ` (${escapeTableCell(truncate(b.error, 200))})` : "";
    return `${escapeMarkdown(target)}: ${b.status}${what ? ` ${what}` : ""}${error}`;
  });
  if (backports.length > 0) parts.push(`backports ${backports.join(", ")}`);
  const followUps = Object.entries(p.followUps).flatMap(([kind, f]) =>
    f
      ? [
          `${FOLLOW_UP_LABEL[kind as FollowUpKind] ?? escapeMarkdown(kind)} ${link(`#${f.issue}`, f.url)}${f.dueAt ? ` (due ${formatTime(f.dueAt)} UTC)` : ""}`,
        ]
      : [],
  );
  if (followUps.length > 0) parts.push(`follow-ups ${followUps.join(", ")}`);
  if (p.branchDeleted) parts.push("branch deleted");
  parts.push(p.done ? "**done**" : `in progress (last seen ${formatTime(p.heartbeatAt)} UTC)`);
  return `- ${parts.join(" · ")}`;
}

function header(state: TimelineState): string[] {
  const facts = [
    ...(state.incident === null ? [] : [`Incident #${state.incident}`]),
    ...(state.severity ? [`severity ${escapeMarkdown(state.severity)}`] : []),
    ...(state.commander ? [`commander ${escapeMarkdown(`@${state.commander}`)}`] : []),
    ...(state.detectedAt ? [`detected ${formatTime(state.detectedAt)} UTC`] : []),
  ];
  // The incident's own recovery figures, as the metrics report computes them.
  const recovery = recoveryLine(incidentDurations(state));
  return [
    "### Hotfix timeline",
    ...(facts.length > 0 ? ["", facts.join(" · ")] : []),
    ...(recovery ? ["", `Recovery: ${recovery}`] : []),
  ];
}

/** The whole body with the first `hidden` entries of the state left out of the table (they stay in the JSON). */
function layout(state: TimelineState, hidden: number): string {
  const shown = state.entries.slice(hidden);
  const earlier = hidden + (state.collapsed ?? 0);
  const lines = [`${TIMELINE_MARKER}${encodeState(state)} -->`, ...header(state), ""];
  if (earlier > 0)
    lines.push(`_${earlier} earlier ${earlier === 1 ? "entry is" : "entries are"} not shown._`, "");
  if (shown.length > 0) {
    lines.push("| Time (UTC) | Step |", "| --- | --- |");
    for (const e of shown) lines.push(`| ${formatTime(e.at)} | ${link(escapeTableCell(e.text), e.url)} |`);
    lines.push("");
  } else if (earlier === 0) {
    lines.push("_No steps yet._", "");
  }
  const pipelines = Object.values(state.pipelines).sort((a, b) => a.pr - b.pr);
  if (pipelines.length > 0) lines.push("#### Pipelines", "", ...pipelines.map(pipelineLine), "");
  return lines.join("\n");
}

/** The smallest n in [0, max] for which fits(n) holds, assuming fits is monotone; max + 1 when none does. */
function smallest(max: number, fits: (n: number) => boolean): number {
  let lo = 0;
  let hi = max + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Error texts can be whole stack traces; in the stored state they are cut so that they cannot fill the comment. */
export const STORED_ERROR_MAX = 1_000;

function boundErrors(state: TimelineState): TimelineState {
  const long = Object.values(state.pipelines).some((p) =>
    Object.values(p.backports).some((b) => (b.error?.length ?? 0) > STORED_ERROR_MAX),
  );
  if (!long) return state;
  const pipelines: Record<string, PipelineState> = {};
  for (const [key, p] of Object.entries(state.pipelines)) {
    const backports: PipelineState["backports"] = {};
    for (const [target, b] of Object.entries(p.backports)) {
      backports[target] = b.error === undefined ? b : { ...b, error: truncate(b.error, STORED_ERROR_MAX) };
    }
    pipelines[key] = { ...p, backports };
  }
  return { ...state, pipelines };
}

function dropOldest(state: TimelineState, count: number): TimelineState {
  if (count === 0) return state;
  return { ...state, entries: state.entries.slice(count), collapsed: (state.collapsed ?? 0) + count };
}

/**
 * The comment body for a state, at most TIMELINE_BODY_MAX characters. When it would be longer, the oldest
 * entries first leave the table (still kept in the hidden state), and then, only if the state itself is too big,
 * leave the state too (counted in `collapsed`). Pipelines are never dropped: they are what a crashed run resumes;
 * only their backport error texts are cut to STORED_ERROR_MAX.
 */
export function renderTimeline(input: TimelineState): string {
  const state = boundErrors(input);
  const fits = (body: string) => body.length <= TIMELINE_BODY_MAX;
  const full = layout(state, 0);
  if (fits(full)) return full;
  const n = state.entries.length;
  const dropped = smallest(n, (d) => {
    const kept = dropOldest(state, d);
    return fits(layout(kept, kept.entries.length));
  });
  if (dropped > n) throw new TimelineTooLargeError(state.incident, layout(dropOldest(state, n), 0).length);
  const kept = dropOldest(state, dropped);
  const hidden = smallest(kept.entries.length, (h) => fits(layout(kept, h)));
  return layout(kept, hidden);
}

/**
 * The state in a timeline comment body, or null when the body does not start with a well-formed state line.
 * Never throws: a damaged comment reads as "no state".
 */
export function parseTimeline(body: string): TimelineState | null {
  if (typeof body !== "string") return null;
  const match = STATE_LINE.exec(body);
  if (!match) return null;
  try {
    return toTimelineState(JSON.parse(match[1] as string));
  } catch {
    return null;
  }
}

/** Whether a comment body is (or claims to be) a timeline comment; who wrote it is checked separately. */
export function hasTimelineMarker(body: string | null | undefined): boolean {
  // The prefix alone: a damaged state line still marks the comment as ours, so it is repaired, not duplicated.
  return typeof body === "string" && body.trimStart().startsWith(TIMELINE_MARKER);
}

/** The part of a timeline comment a person reads: the body without its hidden state line. */
export function visibleTimeline(body: string): string {
  return body.trimStart().replace(/^<!--[^\n]*-->\n*/, "");
}
