import { refusalMarker } from "../incident/refusal-marker.js";
import { escapeMarkdown } from "../text/escape-markdown.js";
import { codeSpan } from "./shell-word.js";

/** The hidden first line of a reply to one `/hotfix` comment, so a redelivery does not reply twice. */
export function replyMarker(commentId: number): string {
  return `<!-- hotfix-bot:hotfix-reply ${JSON.stringify({ comment: commentId })} -->`;
}

/** `/hotfix` from someone without write access: a polite no, once per user and issue, and nothing else happens. */
export function refusalReply(userId: number, login: string): string {
  return [
    refusalMarker(userId),
    `Thanks @${login}. Only people with write access to this repository can declare a hotfix incident with \`/hotfix\`, so nothing was done.`,
    "If production is affected, ask a maintainer to comment `/hotfix` here or to add a hotfix severity label.",
  ].join("\n");
}

/** `/hotfix` on a closed issue: incidents are declared on open issues. */
export function closedIssueReply(commentId: number): string {
  return [
    replyMarker(commentId),
    "This issue is closed, so no hotfix incident was declared. Reopen it and comment `/hotfix` again if production is still affected.",
  ].join("\n");
}

/** `/hotfix release/9.x` for a branch that is no production line: nothing is cut; the reply names what is allowed. */
export function notALineReply(commentId: number, line: string, patterns: readonly string[]): string {
  return [
    replyMarker(commentId),
    `${codeSpan(`/hotfix ${line}`)} was not run: ${codeSpan(line)} is not a production line. The production lines are ${patterns.map(codeSpan).join(", ")} (${codeSpan("productionBranches")} in ${codeSpan(".github/hotfix.yml")}).`,
  ].join("\n");
}

/** `/hotfix release/9.x` for a production line whose branch does not exist. */
export function missingLineReply(commentId: number, line: string): string {
  return [
    replyMarker(commentId),
    `${codeSpan(`/hotfix ${line}`)} was not run: the branch ${codeSpan(line)} does not exist. Push it first, or name an existing line.`,
  ].join("\n");
}

/** `/hotfix` while `.github/hotfix.yml` is broken: say why nothing happened, where the commander looks. */
export function configErrorReply(commentId: number, message: string): string {
  return [replyMarker(commentId), `\`/hotfix\` cannot run: ${escapeMarkdown(message)}`].join("\n");
}

/** The hidden first line of the one reply a non-writer's severity label gets on an issue (per user id). */
export function labelRefusalMarker(userId: number): string {
  return `<!-- hotfix-bot:label-refusal ${JSON.stringify({ user: userId })} -->`;
}

/** A severity label from someone without write access: one polite no per person and issue, and nothing else. */
export function labelRefusalReply(userId: number, login: string, label: string): string {
  return [
    labelRefusalMarker(userId),
    `Thanks @${escapeMarkdown(login)}. The ${escapeMarkdown(label)} label declares a hotfix incident only when someone with write access to this repository adds it, so nothing was done.`,
    "If production is affected, ask a maintainer to add the label again or to comment `/hotfix` here.",
  ].join("\n");
}
