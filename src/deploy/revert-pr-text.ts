import type { RollbackTrigger } from "../incident/timeline-state.js";
import { escapeMarkdown } from "../text/escape-markdown.js";
import { deployLogLink } from "./deploy-log-link.js";

// GitHub rejects longer PR titles.
const TITLE_MAX = 256;

/** `hotfix-bot/revert-<pr>`: deterministic, so the branch is the revert's ledger entry. */
export function revertBranchName(pr: number): string {
  if (!Number.isSafeInteger(pr) || pr < 1) throw new RangeError(`not a pull request number: ${pr}`);
  return `hotfix-bot/revert-${pr}`;
}

/** `Revert "<title>"`, as git names a revert; the original title is cut to fit. */
export function revertTitle(title: string): string {
  const room = TITLE_MAX - 'Revert ""'.length;
  const oneLine = title.replace(/\s+/g, " ").trim();
  const cut = oneLine.length > room ? `${oneLine.slice(0, room - 1)}…` : oneLine;
  return `Revert "${cut}"`;
}

/**
 * Why a rollback that no failed deployment started was asked for, as plain text (a commit message, a timeline
 * line): "bob asked for it with /rollback: error rate up" or "the check smoke failed (failure) …" (pure).
 */
export function triggerText(trigger: RollbackTrigger): string {
  if (trigger.kind === "check")
    return `the check ${trigger.by} failed (${trigger.reason}) on the deployed commit during the monitoring window`;
  return `${trigger.by} asked for it with /rollback${trigger.reason ? `: ${trigger.reason}` : ""}`;
}

/** triggerText for markdown: names and the reason are echoed escaped (no mention, no broken markup). */
export function triggerMarkdown(trigger: RollbackTrigger): string {
  if (trigger.kind === "check")
    return `the check \`${trigger.by.replace(/`/g, "'")}\` failed (${escapeMarkdown(trigger.reason)}) on the deployed commit during the monitoring window`;
  const why = trigger.reason ? `: ${escapeMarkdown(trigger.reason)}` : "";
  return `${escapeMarkdown(trigger.by)} asked for it with \`/rollback\`${why}`;
}

/** The revert commit's message, as `git revert` writes it (plus why). */
export function revertMessage(input: {
  title: string;
  pr: number;
  mergeSha: string;
  tag: string;
  trigger?: RollbackTrigger;
}): string {
  const why = input.trigger
    ? `a rollback of ${input.tag}: ${triggerText(input.trigger)}`
    : `the deployment of ${input.tag} failed`;
  return [
    revertTitle(input.title),
    "",
    `This reverts commit ${input.mergeSha} (#${input.pr}): ${why}.`,
    "",
  ].join("\n");
}

export interface RevertBodyInput {
  pr: number;
  mergeSha: string;
  tag: string;
  environment: string;
  state: string;
  description: string;
  logUrl: string | null;
  incident: number | null;
  previousTag: string | null;
  conflictFiles: string[];
  /** A rollback asked for by a writer or a failing check rather than a failed deployment. */
  trigger?: RollbackTrigger;
}

export function revertBody(input: RevertBodyInput): string {
  const why = input.description
    ? ` (${input.state}: ${escapeMarkdown(input.description)})`
    : ` (${input.state})`;
  const sha = `\`${input.mergeSha.slice(0, 7)}\``;
  const lines = [
    input.trigger
      ? `Reverts #${input.pr} (${sha}), released as \`${input.tag}\`: a rollback — ${triggerMarkdown(input.trigger)}.`
      : `Reverts #${input.pr} (${sha}): the deployment of \`${input.tag}\` to \`${escapeMarkdown(input.environment)}\` failed${why}.`,
    "",
    input.previousTag
      ? `Merging this takes the change back out of production; the last good tag was \`${input.previousTag}\`. Deploy after merging.`
      : "Merging this takes the change back out of production. Deploy after merging.",
  ];
  const log = deployLogLink(input.logUrl);
  if (log) lines.push("", log);
  if (input.incident !== null) lines.push("", `Incident: #${input.incident}`);
  if (input.conflictFiles.length > 0) {
    lines.push(
      "",
      "> [!WARNING]",
      "> Production changed the same lines since the fix. The commit on this branch contains conflict markers; resolve them and push.",
      "",
      "Conflicting files:",
      ...input.conflictFiles.map((file) => `- \`${file.replace(/`/g, "'")}\``),
    );
  }
  return lines.join("\n");
}
