import { escapeTableCell, truncate } from "../text/escape-markdown.js";

/** An annotation of a security-scan check run, as the annotations API lists it. Every text field is untrusted. */
export interface ScanAnnotation {
  path: string;
  startLine: number;
  /** notice, warning or failure. */
  level: string;
  title: string | null;
  message: string | null;
}

/** A required security-scan run that passed with warnings: concluded neutral, or with warning annotations. */
export interface ScanWithWarnings {
  name: string;
  /** The App that reported it (its slug). */
  app: string;
  conclusion: string;
  url: string | null;
  /** Its warning (and failure) level annotations, as far as they were read. */
  annotations: ScanAnnotation[];
  /** How many warning-level annotations the run has in all, read or not (at least `annotations.length`). */
  warningsTotal: number;
}

/** The levels listed: a scan that passed may still flag lines; notices are information, not warnings. */
export const WARNING_LEVELS: ReadonlySet<string> = new Set(["warning", "failure"]);

/** At most this many annotations are listed in the follow-up, over every run; the rest are counted. */
export const LISTED_ANNOTATIONS_MAX = 30;

/** Cut per field: a scanner's message can be 64 KB; the list must stay readable and within an issue body. */
const FIELD_MAX = 300;

/** Whether a run that passed counts as "passed with warnings" (pure). */
export function passedWithWarnings(conclusion: string | null, warningAnnotations: number): boolean {
  return conclusion === "neutral" || (conclusion === "success" && warningAnnotations > 0);
}

function annotationLine(annotation: ScanAnnotation): string {
  // Everything here comes from whoever runs the scanner: escaped, on one line, cut.
  const where = escapeTableCell(truncate(`${annotation.path}:${annotation.startLine}`, FIELD_MAX));
  const title = annotation.title ? `**${escapeTableCell(truncate(annotation.title, FIELD_MAX))}**: ` : "";
  const message = escapeTableCell(truncate(annotation.message ?? "", FIELD_MAX));
  return `- \`${annotation.level === "failure" ? "failure" : "warning"}\` ${where}: ${title}${message}`;
}

/** A link to the run, when GitHub gave a plain http(s) address that cannot break out of the link syntax. */
function runLink(url: string | null): string {
  return url && /^https?:\/\/[^\s()<>[\]]+$/.test(url) ? `[the check run](${url})` : "the check run";
}

/**
 * The markdown list of the warnings for the security-review follow-up (pure): per run, its conclusion and its
 * annotations (path:line, title, message), at most LISTED_ANNOTATIONS_MAX in all, then how many more there are.
 */
export function securityWarningsSection(runs: readonly ScanWithWarnings[]): string {
  const lines = ["## Security scan warnings", ""];
  let budget = LISTED_ANNOTATIONS_MAX;
  for (const run of runs) {
    const named = `${escapeTableCell(truncate(run.name, 100))} (${escapeTableCell(truncate(run.app, 100))})`;
    const count = `${run.warningsTotal} warning annotation${run.warningsTotal === 1 ? "" : "s"}`;
    lines.push(`### ${named}: ${run.conclusion}, ${count}`);
    const listed = run.annotations.slice(0, budget);
    budget -= listed.length;
    lines.push(...listed.map(annotationLine));
    const more = run.warningsTotal - listed.length;
    const where = runLink(run.url);
    if (more > 0) lines.push(`- … and ${more} more: see ${where}`);
    if (run.warningsTotal === 0) lines.push(`- concluded neutral without a warning annotation: see ${where}`);
    lines.push("");
  }
  return lines.join("\n").trimEnd();
}
