import type { RollbackState, RollbackTrigger } from "../incident/timeline-state.js";
import { escapeMarkdown } from "../text/escape-markdown.js";
import { deployLogLink } from "./deploy-log-link.js";
import { triggerMarkdown } from "./revert-pr-text.js";

/** The hidden first line of the escalation for one merged PR: one escalation per failed fix. */
export function escalationMarker(pr: number): string {
  return `<!-- hotfix-bot:escalation ${JSON.stringify({ pr })} -->`;
}

/** A GitHub login that can be mentioned as it is; anything else is echoed escaped (no accidental mention). */
function mention(login: string): string {
  return /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/.test(login)
    ? `@${login}`
    : escapeMarkdown(login);
}

export interface EscalationInput {
  pr: number;
  tag: string;
  environment: string;
  state: string;
  description: string;
  logUrl: string | null;
  commander: string | null;
  rollback: RollbackState;
  label: string;
  /** A rollback asked for by a writer (`/rollback`) or a failing check rather than a failed deployment. */
  trigger?: RollbackTrigger;
}

/** The comment that calls the commander back when the fix fails to deploy (pure). */
export function escalationComment(input: EscalationInput): string {
  const who = input.commander ? `${mention(input.commander)} ` : "";
  const why = input.description ? `: ${escapeMarkdown(input.description)}` : "";
  const headline = input.trigger
    ? `${who}**#${input.pr} (\`${input.tag}\`) is being rolled back**: ${triggerMarkdown(input.trigger)}.`
    : `${who}**The deployment of \`${input.tag}\` to \`${escapeMarkdown(input.environment)}\` failed** (${input.state}${why}).`;
  const lines = [escalationMarker(input.pr), headline, ""];
  const revert = input.rollback;
  if (revert.status === "open") {
    lines.push(
      `Revert PR #${revert.pr} takes #${input.pr} back out of production: review it, merge it and deploy.`,
    );
  } else if (revert.status === "conflict") {
    lines.push(
      `Revert PR #${revert.pr} is a draft: production changed the same lines since #${input.pr}. Resolve its conflicts, then merge and deploy.`,
    );
  } else if (revert.status === "empty") {
    lines.push(
      `Production no longer contains the change of #${input.pr}: there was nothing to revert. Look at the deploy itself.`,
    );
  } else {
    lines.push(
      `The revert of #${input.pr} could not be built (${escapeMarkdown(revert.error ?? "unknown error")}); revert it by hand with the rollback plan above.`,
    );
  }
  const log = deployLogLink(input.logUrl);
  if (log) lines.push("", log);
  lines.push("", `This incident is labelled \`${input.label}\`.`);
  return lines.join("\n");
}
