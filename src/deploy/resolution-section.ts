import type { FollowUpKind } from "../incident/follow-up-kinds.js";
import { incidentDurations, recoveryLine } from "../incident/incident-durations.js";
import type { BackportState, PipelineState, TimelineState } from "../incident/timeline-state.js";
import { escapeMarkdown } from "../text/escape-markdown.js";

/**
 * The incident's Resolution record, as facts read from the timeline state and as text: the report's `## Resolution`
 * section (markdown, people's words escaped) or one timeline line (plain text, escaped when rendered). All pure.
 */

export interface ResolutionFacts {
  incident: number | null;
  fix: { number: number; title: string; url: string };
  tag: string;
  environment: string;
  deployedAt: string;
  /** `detection → PR 4 min, → merge 23 min, → deploy 31 min`, when the timeline knows those times. */
  recovery: string | null;
  backports: { branch: string; state: string; pr?: number }[];
  followUps: { kind: FollowUpKind; issue: number }[];
}

/** What became of a backport, in a few words: `merged`, `open`, `draft with conflicts`, `waived: <reason>`… */
export function backportStateText(backport: BackportState): string {
  if (backport.waived) return `waived by ${backport.waived.by}: ${backport.waived.reason}`;
  if (backport.end?.state === "merged") return "merged";
  if (backport.end?.state === "closed") return "closed without merging";
  switch (backport.status) {
    case "open":
      return "open";
    case "conflict":
      return "draft with conflicts";
    case "already":
      return "already there";
    default:
      return `failed${backport.error ? `: ${backport.error}` : ""}`;
  }
}

/** The facts of the deployed fix `pipeline` (its deploy recorded), with the incident's figures from `state`. */
export function resolutionFacts(
  state: TimelineState,
  pipeline: PipelineState,
  fix: { number: number; title: string; url: string },
  environment: string,
): ResolutionFacts {
  const backports = Object.entries(pipeline.backports)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([branch, b]) => ({ branch, state: backportStateText(b), ...(b.pr ? { pr: b.pr } : {}) }));
  const followUps = Object.entries(pipeline.followUps).flatMap(([kind, f]) =>
    f ? [{ kind: kind as FollowUpKind, issue: f.issue }] : [],
  );
  followUps.sort((a, b) => a.issue - b.issue);
  return {
    incident: state.incident,
    fix,
    tag: pipeline.tag ?? "",
    environment,
    deployedAt: pipeline.deploy?.deployedAt ?? "",
    recovery: recoveryLine(incidentDurations(state)),
    backports,
    followUps,
  };
}

/** `2026-11-27 07:01 UTC`. */
function utcMinute(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? "unknown" : `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
const code = (text: string) => `\`${oneLine(text).replace(/`/g, "'")}\``;

/** The report's `## Resolution` section, ending with a newline. */
export function resolutionSection(facts: ResolutionFacts): string {
  const backports =
    facts.backports.length === 0
      ? ["- Backports: none"]
      : [
          "- Backports:",
          ...facts.backports.map(
            (b) => `  - ${code(b.branch)}: ${b.pr ? `#${b.pr}, ` : ""}${escapeMarkdown(oneLine(b.state))}`,
          ),
        ];
  const followUps =
    facts.followUps.length === 0 ? "none" : facts.followUps.map((f) => `#${f.issue} (${f.kind})`).join(", ");
  return [
    "## Resolution",
    "",
    `- Fixed by: [#${facts.fix.number}](${facts.fix.url}) ${escapeMarkdown(oneLine(facts.fix.title))}`,
    `- Tag: ${code(facts.tag)}`,
    `- Deployed: ${utcMinute(facts.deployedAt)} to ${code(facts.environment)}`,
    `- Time to recovery: ${facts.recovery ?? "unknown (the timeline lacks the detection time)"}`,
    ...backports,
    `- Follow-ups: ${followUps}`,
    "",
  ].join("\n");
}

/**
 * The report with `section` as its Resolution: a `## Resolution` section already there is replaced up to the next
 * `## ` heading (so the report keeps one), else the section is appended after one blank line.
 */
export function withResolutionSection(report: string, section: string): string {
  const lines = report.split("\n");
  const start = lines.findIndex((line) => /^## Resolution\s*$/.test(line));
  if (start === -1) return `${report.replace(/\n*$/, "")}\n\n${section}`;
  const rest = lines.slice(start + 1);
  const next = rest.findIndex((line) => /^## /.test(line));
  const before = lines.slice(0, start).join("\n");
  const after = next === -1 ? "" : `\n${rest.slice(next).join("\n")}`;
  return `${before}\n${section}${after}`;
}

/** The timeline's line when there is no report to hold the section (plain text: the timeline escapes it). */
export function resolutionEntryText(facts: ResolutionFacts): string {
  const backports =
    facts.backports.length === 0
      ? "none"
      : facts.backports.map((b) => `${b.branch} ${b.pr ? `#${b.pr} ` : ""}${b.state}`).join("; ");
  const followUps =
    facts.followUps.length === 0 ? "none" : facts.followUps.map((f) => `#${f.issue} (${f.kind})`).join(", ");
  return [
    `Resolution: fixed by #${facts.fix.number} "${oneLine(facts.fix.title)}"`,
    `tag ${facts.tag}`,
    `deployed ${utcMinute(facts.deployedAt)} to ${facts.environment}`,
    `recovery: ${facts.recovery ?? "unknown"}`,
    `backports: ${backports}`,
    `follow-ups: ${followUps}`,
  ].join("; ");
}

/** `hotfix-bot/resolution-<incident>`: deterministic, so the branch is the record's ledger entry. */
export function resolutionBranchName(incident: number): string {
  if (!Number.isSafeInteger(incident) || incident < 1)
    throw new RangeError(`not an issue number: ${incident}`);
  return `hotfix-bot/resolution-${incident}`;
}

/** The commit's message: fixed, so a re-run computes the same commit and adopts its own branch. */
export function resolutionCommitMessage(incident: number, fix: number): string {
  return `Incident report for #${incident}: Resolution (#${fix} deployed)\n`;
}

export function resolutionPrTitle(incident: number): string {
  return `Incident #${incident}: add the Resolution to the incident report`;
}

export function resolutionPrBody(facts: ResolutionFacts, path: string): string {
  const incident = facts.incident !== null ? [`Incident: #${facts.incident}`, ""] : [];
  return [
    `Adds the Resolution section to \`${path.replace(/`/g, "'")}\`: #${facts.fix.number} was deployed as ${code(facts.tag)}.`,
    "",
    ...incident,
    "Only the incident report changes.",
  ].join("\n");
}
