import type { RuleState } from "../rules/rule-result.js";
import { escapeMarkdown, escapeTableCell, truncate } from "../text/escape-markdown.js";
import type { GateEvaluation } from "./evaluate-gate.js";
import { fastTrackRunMarker } from "./fast-track-marker.js";

/** The check run output GitHub shows: a one-line title, the summary with the table, the details. */
export interface GateOutput {
  title: string;
  summary: string;
  text: string;
}

/** GitHub rejects `output.summary` and `output.text` longer than this. */
export const OUTPUT_LIMIT = 65_535;
const TITLE_LIMIT = 200;
const REASON_LIMIT = 600;
const DETAIL_LIMIT = 300;
const DETAILS_PER_ROW = 50;

const ICON: Record<RuleState, string> = { pass: "✅", fail: "❌", pending: "⏳", warn: "⚠️" };

/** Appends lines while they fit, then one marker line: the output is cut between lines, never inside one. */
class BoundedLines {
  private readonly lines: string[] = [];
  private length = 0;
  private full = false;
  constructor(private readonly limit: number) {}

  push(line: string): void {
    if (this.full) return;
    const marker = "\n_… cut to fit GitHub's output limit._";
    if (this.length + line.length + 1 + marker.length > this.limit) {
      this.lines.push(marker.trimStart());
      this.full = true;
      return;
    }
    this.lines.push(line);
    this.length += line.length + 1;
  }

  toString(): string {
    return this.lines.join("\n");
  }
}

/** Pure: evaluation -> markdown. Every piece of text that may quote user input is escaped. */
export function renderGate(evaluation: GateEvaluation): GateOutput {
  const summary = new BoundedLines(OUTPUT_LIMIT);
  summary.push(escapeMarkdown(evaluation.headline));
  if (evaluation.rows.length > 0) {
    summary.push("");
    summary.push("| | Criterion | Result |");
    summary.push("| :-: | --- | --- |");
    for (const row of evaluation.rows) {
      summary.push(
        `| ${ICON[row.state]} | ${escapeTableCell(row.label)} | ${escapeTableCell(truncate(row.reason, REASON_LIMIT))} |`,
      );
    }
  }

  const text = new BoundedLines(OUTPUT_LIMIT);
  // The fast-track clock's start, first so that it is never cut (see fast-track-marker.ts).
  if (evaluation.fastTrack)
    text.push(fastTrackRunMarker(evaluation.fastTrack.head, evaluation.fastTrack.since));
  for (const row of evaluation.rows) {
    const details = row.details ?? [];
    if (details.length === 0) continue;
    text.push(`**${escapeMarkdown(row.label)}**`);
    text.push("");
    for (const line of details.slice(0, DETAILS_PER_ROW)) {
      text.push(`- ${escapeTableCell(truncate(line, DETAIL_LIMIT))}`);
    }
    if (details.length > DETAILS_PER_ROW) text.push(`- … and ${details.length - DETAILS_PER_ROW} more`);
    text.push("");
  }

  return {
    title: truncate(evaluation.title.replace(/\s+/g, " "), TITLE_LIMIT),
    summary: summary.toString(),
    text: text.toString().trimEnd(),
  };
}
