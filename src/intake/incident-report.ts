import type { Severity } from "../config/schema.js";

/**
 * The optional incident report, `docs/incidents/HOTFIX-<YYYY-MM-DD>-<slug>.md`, committed to the hotfix branch from
 * a fixed template. The file is markdown in the repository: user text in it is plain data, written on one line.
 */

const SLUG_MAX = 50;

/** Lower-case words of the title joined by dashes (ASCII letters and digits only), at most 50 characters. */
export function incidentSlug(title: string, incident: number): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "");
  let slug = "";
  for (const word of words) {
    const next = slug === "" ? word : `${slug}-${word}`;
    if (next.length > SLUG_MAX) break;
    slug = next;
  }
  return slug === "" ? `incident-${incident}` : slug;
}

export function incidentReportPath(input: { title: string; incident: number; detectedAt: string }): string {
  const date = new Date(input.detectedAt);
  const day = Number.isNaN(date.getTime()) ? "unknown-date" : date.toISOString().slice(0, 10);
  return `docs/incidents/HOTFIX-${day}-${incidentSlug(input.title, input.incident)}.md`;
}

export interface IncidentReportInput {
  incident: number;
  title: string;
  url: string;
  severity: Severity;
  detectedAt: string;
  commander: string;
  branch: string;
  previousTag: string | null;
}

const oneLine = (text: string) => text.replace(/[\r\n]+/g, " ").trim();

export function incidentReport(input: IncidentReportInput): string {
  const detected = input.detectedAt.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC");
  return [
    `# Incident #${input.incident}: ${oneLine(input.title)}`,
    "",
    `- Incident: [#${input.incident}](${input.url})`,
    `- Severity: ${input.severity}`,
    `- Detected: ${detected}`,
    `- Commander: ${input.commander}`,
    `- Hotfix branch: \`${input.branch}\``,
    `- Rollback target: ${input.previousTag ? `\`${input.previousTag}\`` : "none (no production tag)"}`,
    "",
    "## Impact",
    "",
    "Who and what was affected, from when to when.",
    "",
    "## Timeline",
    "",
    "The incident's timeline comment lists every step of the hotfix with its time.",
    "",
    "## Root cause",
    "",
    "## Fix",
    "",
    "## Follow-ups",
    "",
  ].join("\n");
}
