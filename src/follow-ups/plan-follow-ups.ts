import { durationMs, type HotfixConfig, type Severity } from "../config/schema.js";
import { FOLLOW_UP_KINDS, type FollowUpKind } from "../incident/follow-up-kinds.js";
import { followUpAssignees } from "../incident/hotfix-team.js";
import { globMatcher } from "../patterns/glob.js";
import { escapeMarkdown, truncate } from "../text/escape-markdown.js";
import { type ScanWithWarnings, securityWarningsSection } from "./security-warnings.js";
import { renderTemplate } from "./templates.js";

/** The label on a PR that says the change is a stopgap and needs a proper fix later. */
export const TEMPORARY_FIX_LABEL = "temporary-fix";

export interface FollowUpPr {
  number: number;
  title: string;
  author: string;
  labels: string[];
  url: string;
}

export interface FollowUpInput {
  config: HotfixConfig;
  pr: FollowUpPr;
  changedFiles: string[];
  /**
   * How many files the pull request changed (its `changed_files`), when `changedFiles` may be cut short: GitHub
   * lists at most 3000. Defaults to `changedFiles.length`.
   */
  changedFilesTotal?: number;
  severity: Severity;
  approved: boolean;
  incident: number | null;
  jiraKey: string | null;
  tag: string | null;
  /** The incident's commander, when one is known: the default assignee. */
  commander?: string | null;
  /** When the PR merged: every follow-up's due time counts from it (see followUpDueAt). */
  mergedAt: Date;
  /** The required security-scan runs that passed with warnings; any opens the security-review follow-up. */
  securityWarnings?: readonly ScanWithWarnings[];
}

export interface FollowUpPlan {
  kind: FollowUpKind;
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
  /** ISO 8601: when the follow-up is due (`followUps.due`). */
  dueAt: string;
}

const TEMPLATE_KEY = {
  "post-mortem": "postMortem",
  "proper-fix": "properFix",
  "regression-tests": "regressionTests",
  "post-deploy-review": "postDeployReview",
  "security-review": "securityReview",
} as const satisfies Record<FollowUpKind, keyof HotfixConfig["followUps"]["due"]>;

// GitHub's limits: 256 characters for a title, 65,536 for a body (the marker must survive the cut).
const TITLE_MAX = 256;
const BODY_MAX = 65_000;

const MARKER_PREFIX = "<!-- hotfix-bot:follow-up ";
const MARKER = /<!-- hotfix-bot:follow-up (\{[^<>]*\}) -->/g;

/** The hidden line that lets a follow-up be found again after a crash: one per (PR, kind). */
export function followUpMarker(pr: number, kind: FollowUpKind): string {
  return `${MARKER_PREFIX}${JSON.stringify({ pr, kind })} -->`;
}

/**
 * Every follow-up marker in an issue body. User text in a body is escaped when we write it, but an issue can be
 * edited, so callers also check who wrote the issue.
 */
export function parseFollowUpMarkers(body: string | null | undefined): { pr: number; kind: FollowUpKind }[] {
  if (!body) return [];
  const found: { pr: number; kind: FollowUpKind }[] = [];
  for (const match of body.matchAll(MARKER)) {
    try {
      const data: unknown = JSON.parse(match[1] as string);
      if (typeof data !== "object" || data === null) continue;
      const { pr, kind } = data as { pr?: unknown; kind?: unknown };
      if (Number.isSafeInteger(pr) && (pr as number) > 0 && FOLLOW_UP_KINDS.includes(kind as FollowUpKind)) {
        found.push({ pr: pr as number, kind: kind as FollowUpKind });
      }
    } catch {
      // Not our JSON: not a marker.
    }
  }
  return found;
}

/** Which follow-ups the merge calls for, before templates: the triggers of the spec. */
export function followUpKindsFor(input: {
  pr: Pick<FollowUpPr, "labels">;
  changedFiles: string[];
  testGlobs: string[];
  severity: Severity;
  approved: boolean;
  securityWarnings?: readonly unknown[];
}): FollowUpKind[] {
  const kinds: FollowUpKind[] = ["post-mortem"];
  // GitHub treats label names case-insensitively.
  if (input.pr.labels.some((l) => l.toLowerCase() === TEMPORARY_FIX_LABEL)) kinds.push("proper-fix");
  const isTest = globMatcher(input.testGlobs);
  if (!input.changedFiles.some((file) => isTest(file))) kinds.push("regression-tests");
  // Whatever the severity: P0 and P1 may merge without an approval by default, and a P2 that did bypassed the
  // gate. `approved` is the gate's own predicate (see countedApprovals), so a drive-by approval does not count.
  if (!input.approved) kinds.push("post-deploy-review");
  if ((input.securityWarnings?.length ?? 0) > 0) kinds.push("security-review");
  return kinds;
}

const NONE = "(none)";

function templateValues(input: FollowUpInput, present: (text: string) => string): Record<string, string> {
  return {
    pr: `#${input.pr.number}`,
    incident: input.incident === null ? NONE : `#${input.incident}`,
    jira: input.jiraKey === null ? NONE : present(input.jiraKey),
    tag: input.tag === null ? NONE : present(input.tag),
    title: present(input.pr.title),
    severity: input.severity,
    author: present(input.pr.author),
    url: input.pr.url,
  };
}

/**
 * When GitHub listed only part of the changed files and none of those was a test, the regression-tests follow-up
 * cannot rule out a test among the rest: it opens (the safe side) and says why.
 */
function unlistedFilesNote(input: FollowUpInput): string {
  const total = input.changedFilesTotal ?? input.changedFiles.length;
  if (total <= input.changedFiles.length) return "";
  return (
    `\n\nGitHub listed only ${input.changedFiles.length} of the ${total} files this pull request changed, and none ` +
    "of those is a test file; check the rest by hand and close this issue if a regression test is among them."
  );
}

/**
 * When a follow-up is due (pure): `followUps.due` of its kind after the merge. Counted from the merge, not the
 * deploy: the merge is known when the issue is written (its body shows the time, the same on every re-run),
 * it exists when no deploy is configured or the deploy fails, and the deploy follows it within minutes.
 */
export function followUpDueAt(
  config: Pick<HotfixConfig, "followUps">,
  kind: FollowUpKind,
  mergedAt: Date,
): string {
  return new Date(mergedAt.getTime() + durationMs(config.followUps.due[TEMPLATE_KEY[kind]])).toISOString();
}

/** `2026-11-22 14:05 UTC`: a due time as people read it. */
export function formatDueTime(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}

const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, " ").trim();

/**
 * The follow-up issues to open after a hotfix merge, from the templates in the configuration. Titles are plain
 * text (GitHub does not render them); in bodies every user-supplied value is markdown-escaped. Each body ends
 * with `followUpMarker`. Assigned to `team.assignees` and the commander (without one, the PR author), never to
 * bots, which GitHub refuses as assignees.
 */
export function planFollowUps(input: FollowUpInput): FollowUpPlan[] {
  const kinds = followUpKindsFor({
    pr: input.pr,
    changedFiles: input.changedFiles,
    testGlobs: input.config.followUps.testGlobs,
    severity: input.severity,
    approved: input.approved,
    ...(input.securityWarnings ? { securityWarnings: input.securityWarnings } : {}),
  });
  const titleValues = templateValues(input, oneLine);
  const bodyValues = templateValues(input, escapeMarkdown);
  const assignees = followUpAssignees(input.config, input.commander, input.pr.author);
  return kinds.flatMap((kind) => {
    const template = input.config.followUps[TEMPLATE_KEY[kind]];
    if (!template.enabled) return [];
    const title = truncate(oneLine(renderTemplate(template.title, titleValues)), TITLE_MAX);
    const marker = followUpMarker(input.pr.number, kind);
    const dueAt = followUpDueAt(input.config, kind, input.mergedAt);
    const due = `Due: ${formatDueTime(dueAt)} (${input.config.followUps.due[TEMPLATE_KEY[kind]]} after #${input.pr.number} merged)`;
    const text = `${renderTemplate(template.body, bodyValues).replace(/\s+$/, "")}${kind === "regression-tests" ? unlistedFilesNote(input) : ""}${kind === "security-review" ? `\n\n${securityWarningsSection(input.securityWarnings ?? [])}` : ""}`;
    // The due line goes first after the text and survives any cut of it, as the marker does.
    const tail = `\n\n${due}\n\n${marker}`;
    const body = `${truncate(text, BODY_MAX - tail.length)}${tail}`;
    return [{ kind, title, body, labels: [...template.labels], assignees: [...assignees], dueAt }];
  });
}
