import { z } from "zod";
import type { Severity } from "../config/schema.js";
import type { EngineEvent } from "../route.js";

/** The facts of the issue that becomes (or is) the incident, as the event carries them. */
export interface IncidentIssue {
  number: number;
  title: string;
  state: "open" | "closed";
  labels: string[];
  url: string;
}

/**
 * What turns an issue into an incident: a label (any label; whether it is a severity label is known only once the
 * configuration is read) or a `/hotfix` command. `at` is when it happened, as GitHub reports it.
 */
export type IntakeTrigger =
  | {
      kind: "label";
      issue: IncidentIssue;
      label: string;
      actor: string;
      /** The labeler's GitHub user id (a person, an auto-labeling App's bot, …). */
      actorId: number;
      at: string | null;
    }
  | {
      kind: "command";
      issue: IncidentIssue;
      actor: string;
      /** The commenter's user id: a refusal is answered once per user, found again by this id. */
      actorId: number;
      at: string | null;
      commentId: number;
      /** `/hotfix P0` names the severity; plain `/hotfix` leaves it to the labels or the default. */
      severity: Severity | null;
      /** `/hotfix release/1.x` names the production line to cut from; null: the main line. Not yet validated. */
      line: string | null;
    };

/** An issue as webhooks carry it; a pull request (with `pull_request`) is told apart by the caller. */
export const issueShape = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  state: z.enum(["open", "closed"]),
  labels: z.array(z.object({ name: z.string() })).default([]),
  html_url: z.string(),
  updated_at: z.string().nullable().optional(),
  pull_request: z.unknown().optional(),
});

export const userShape = z.object({ login: z.string(), type: z.string().optional() });

const senderShape = userShape.extend({ id: z.number().int().positive() });

const labeledShape = z.object({
  action: z.literal("labeled"),
  issue: issueShape,
  label: z.object({ name: z.string() }),
  sender: senderShape,
});

const commentShape = z.object({
  action: z.literal("created"),
  issue: issueShape,
  comment: z.object({
    id: z.number().int().positive(),
    body: z.string().max(65_536),
    created_at: z.string().nullable().optional(),
    user: userShape.extend({ id: z.number().int().positive() }),
  }),
});

export function incidentIssueFrom(issue: z.infer<typeof issueShape>): IncidentIssue {
  return {
    number: issue.number,
    title: issue.title,
    state: issue.state,
    labels: issue.labels.map((label) => label.name),
    url: issue.html_url,
  };
}

/** Longer than any branch name we build on (see branchNameProblem); the line is validated against config later. */
const MAX_LINE_LENGTH = 200;

/**
 * A word that names a production line: branch-name characters only, and a `/`, `.` or digit in it
 * (`release/1.x`, `support-2`), so that prose such as `/hotfix now` stays prose. `P3` is a mistyped severity,
 * never a branch.
 */
function asLineWord(word: string): string | null {
  if (word.length > MAX_LINE_LENGTH || !/^[A-Za-z0-9._/-]+$/.test(word)) return null;
  if (!/[/.0-9]/.test(word) || /^p\d+$/i.test(word)) return null;
  return word;
}

/**
 * `/hotfix`, optionally followed by a severity (`/hotfix P0`) and/or a production line (`/hotfix release/1.x`, in
 * either order), alone on the first line of a comment. Anything else on that line makes it an ordinary comment,
 * so that prose mentioning /hotfix is never a command.
 */
export function parseHotfixCommand(body: string): { severity: Severity | null; line: string | null } | null {
  const first = (body.split(/\r?\n/, 1)[0] ?? "").trim();
  const [command, ...words] = first.split(/[ \t]+/);
  if (command?.toLowerCase() !== "/hotfix" || words.length > 2) return null;
  let severity: Severity | null = null;
  let line: string | null = null;
  for (const word of words) {
    const upper = word.toUpperCase();
    if ((upper === "P0" || upper === "P1" || upper === "P2") && severity === null) severity = upper;
    else if (line === null && asLineWord(word) !== null) line = word;
    else return null;
  }
  return { severity, line };
}

/** Reads an intake trigger from an event (pure): a label added to an issue, or `/hotfix` from a person. */
export function intakeTriggerFrom(event: EngineEvent): IntakeTrigger | null {
  if (event.name === "issues") {
    const parsed = labeledShape.safeParse(event.payload);
    if (!parsed.success || parsed.data.issue.pull_request !== undefined) return null;
    const { issue, label, sender } = parsed.data;
    return {
      kind: "label",
      issue: incidentIssueFrom(issue),
      label: label.name,
      actor: sender.login,
      actorId: sender.id,
      at: issue.updated_at ?? null,
    };
  }
  if (event.name === "issue_comment") {
    const parsed = commentShape.safeParse(event.payload);
    if (!parsed.success || parsed.data.issue.pull_request !== undefined) return null;
    const { issue, comment } = parsed.data;
    // A bot's comment is never a command: an echo of one (ours included) must not declare an incident.
    if (comment.user.type === "Bot" || comment.user.login.endsWith("[bot]")) return null;
    const command = parseHotfixCommand(comment.body);
    if (!command) return null;
    return {
      kind: "command",
      issue: incidentIssueFrom(issue),
      actor: comment.user.login,
      actorId: comment.user.id,
      at: comment.created_at ?? null,
      commentId: comment.id,
      severity: command.severity,
      line: command.line,
    };
  }
  return null;
}
