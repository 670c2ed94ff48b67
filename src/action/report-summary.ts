import { formatDuration } from "../incident/incident-durations.js";
import type { RecoveryMetrics } from "../metrics/compute-metrics.js";

const dash = "–";
const percent = (ratio: number | null) => (ratio === null ? dash : `${Math.round(ratio * 1000) / 10} %`);
const verdict = (known: boolean, met: boolean) => (known ? (met ? "met" : "**missed**") : dash);

/** The recovery report's headline figures for the job summary; the full page is the artifact (pure). */
export function renderReportSummary(m: RecoveryMetrics, file: string): string {
  const r = m.resolution;
  return [
    "| Figure | Value | Target | Status |",
    "| --- | --- | --- | --- |",
    `| Incidents | ${m.incidents} | | |`,
    `| Median resolution | ${r.medianMs === null ? dash : formatDuration(r.medianMs)} | < 1 h | |`,
    `| Resolved within 1 h | ${r.within} of ${r.count}${r.unresolvedOverdue ? ` (${r.unresolvedOverdue} open and overdue)` : ""} | all | ${verdict(r.count > 0 || r.unresolvedOverdue > 0, r.met)} |`,
    `| Rollback rate | ${percent(m.rollback.rate)} (${m.rollback.rolledBack} of ${m.rollback.shipped}) | < 5 % | ${verdict(m.rollback.rate !== null, m.rollback.met)} |`,
    `| Follow-ups closed | ${percent(m.followUps.completion)} (${m.followUps.closed} of ${m.followUps.opened}) | 100 % | ${verdict(m.followUps.completion !== null, m.followUps.met)} |`,
    `| Follow-ups overdue | ${m.followUps.overdue} | 0 | ${verdict(true, m.followUps.overdue === 0)} |`,
    `| Follow-ups closed on time | ${m.followUps.onTime} of ${m.followUps.onTime + m.followUps.late} | all | ${verdict(m.followUps.onTime + m.followUps.late > 0, m.followUps.late === 0)} |`,
    "",
    `The full report with charts is \`${file.replace(/`/g, "")}\` (output \`report-path\`; upload it with actions/upload-artifact).`,
  ].join("\n");
}
