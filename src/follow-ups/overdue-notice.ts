import type { FollowUpKind } from "../incident/follow-up-kinds.js";
import { formatDueTime } from "./plan-follow-ups.js";

/** The hidden first line of the overdue comment on one follow-up issue: found again by it, so it is posted once. */
export function overdueMarker(issue: number): string {
  return `<!-- hotfix-bot:follow-up-overdue ${JSON.stringify({ issue })} -->`;
}

/** A GitHub login, as GitHub allows them (an App's bot user ends in [bot]); anything else is not mentioned. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

/**
 * Who the overdue comment mentions (pure): the follow-up's assignees as GitHub lists them now (someone may have
 * reassigned it), else the incident's commander, else nobody. Bots are never mentioned: they read no mentions.
 */
export function overdueMentions(assignees: readonly string[], commander: string | undefined): string[] {
  const people = (logins: readonly string[]) => logins.filter((l) => LOGIN.test(l) && !l.endsWith("[bot]"));
  const assigned = people(assignees);
  if (assigned.length > 0) return [...new Set(assigned)];
  return people(commander ? [commander] : []);
}

/** The overdue comment (pure): whom it concerns, what is late and since when. */
export function overdueNoticeText(input: {
  issue: number;
  kind: FollowUpKind;
  pr: number;
  incident: number | null;
  dueAt: string;
  mentions: readonly string[];
}): string {
  const who = input.mentions.length > 0 ? `${input.mentions.map((m) => `@${m}`).join(" ")}: ` : "";
  const of =
    input.incident === null ? `hotfix #${input.pr}` : `incident #${input.incident} (hotfix #${input.pr})`;
  const nobody =
    input.mentions.length === 0 ? " Nobody is assigned, and the incident records no commander to ask." : "";
  return (
    `${overdueMarker(input.issue)}\n${who}this ${input.kind} follow-up of ${of} was due ${formatDueTime(input.dueAt)} ` +
    `and is still open. Finish it and close this issue, or say here what holds it up.${nobody}`
  );
}
