import type { SweepReport } from "../sweep/sweep-repository.js";
import { escapeTableCell } from "../text/escape-markdown.js";

/**
 * Runner events that start reconcile instead of a workflow step: the schedule GitHub fires (the Action's
 * replacement for the App's startup and periodic reconcile) and a manual run.
 */
export const RECONCILE_EVENTS: ReadonlySet<string> = new Set(["schedule", "workflow_dispatch"]);

/** Pure: what reconcile did, for the job summary. */
export function renderReconcile(report: SweepReport): string {
  if (report.skipped) return `Skipped: ${escapeTableCell(report.skipped)}`;
  const lines = [
    `Checked ${report.checked} merged hotfix pull request${report.checked === 1 ? "" : "s"} of the last weeks.`,
  ];
  if (report.finished.length > 0) {
    lines.push("", `Finished the pipeline of ${report.finished.map((n) => `#${n}`).join(", ")}.`);
  } else if (report.failed.length === 0 && report.results.length === 0) {
    lines.push("", "Nothing was left half done.");
  }
  if (report.failed.length > 0) {
    lines.push("", "| Pull request | Error |", "| --- | --- |");
    for (const f of report.failed) lines.push(`| #${f.pr} | ${escapeTableCell(f.error)} |`);
  }
  // The other workflows the sweep finishes (intake, draft PR, deploy outcome, leftover branches).
  const others = report.results.filter((r) => r.task !== "after-merge");
  if (others.length > 0) {
    lines.push("", "| Workflow | Target | Result |", "| --- | --- | --- |");
    for (const r of others)
      lines.push(
        `| ${r.task} | ${escapeTableCell(r.target)} | ${r.outcome === "failed" ? "failed: " : ""}${escapeTableCell(r.detail)} |`,
      );
  }
  return lines.join("\n");
}

/** Why the step fails after reconcile, or null when it did its job. */
export function reconcileFailure(report: SweepReport): string | null {
  const others = report.results.filter((r) => r.task !== "after-merge" && r.outcome === "failed");
  const failures = [
    ...report.failed.map((f) => `#${f.pr} (${f.error})`),
    ...others.map((r) => `${r.task} ${r.target} (${r.detail})`),
  ];
  if (failures.length === 0) return null;
  return `reconcile could not finish ${failures.join(", ")}`;
}
