import { formatDuration } from "../incident/incident-durations.js";
import type { DurationStats, RecoveryMetrics } from "./compute-metrics.js";

const dash = "–";
const duration = (ms: number | null) => (ms === null ? dash : formatDuration(ms));
const percent = (ratio: number | null) => (ratio === null ? dash : `${Math.round(ratio * 1000) / 10} %`);

function table(rows: string[][]): string[] {
  const widths = (rows[0] ?? []).map((_, col) => Math.max(...rows.map((row) => (row[col] ?? "").length)));
  const line = (row: string[]) =>
    row
      .map((cell, col) => cell.padEnd(widths[col] ?? 0))
      .join("  ")
      .trimEnd();
  const [head, ...body] = rows;
  return [line(head ?? []), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)];
}

function durationRow(name: string, s: DurationStats, target = "", status = ""): string[] {
  return [name, String(s.count), duration(s.medianMs), duration(s.maxMs), target, status];
}

/** One line of text per control character-free cell: titles are data, they must not break the table. */
function oneLine(text: string, max = 60): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed here
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** Follow-ups closed by their due time, out of those closed; null when none is closed. */
export function onTimeRate(m: RecoveryMetrics): number | null {
  const closed = m.followUps.onTime + m.followUps.late;
  return closed === 0 ? null : m.followUps.onTime / closed;
}

/** The report as text for a terminal: the figures against the policy, then each incident's own. Pure. */
export function renderReport(repo: string, m: RecoveryMetrics): string {
  const verdict = (met: boolean) => (met ? "met" : "MISSED");
  const r = m.resolution;
  const resolutionStatus =
    r.count === 0 && r.unresolvedOverdue === 0
      ? dash
      : `${verdict(r.met)} (${r.within} of ${r.count} within 1 h${r.unresolvedOverdue > 0 ? `; ${r.unresolvedOverdue} open and overdue` : ""})`;
  const lines = [
    `Recovery report for ${repo}: ${m.incidents} incident${m.incidents === 1 ? "" : "s"}${m.since ? ` detected since ${m.since.slice(0, 10)}` : ""}`,
    "",
    ...table([
      ["Metric", "Incidents", "Median", "Max", "Target", "Status"],
      durationRow("detection → PR", m.detectionToPr),
      durationRow("detection → merge", m.detectionToMerge),
      durationRow("merge → deploy", m.mergeToDeploy),
      durationRow("detection → deploy", m.detectionToDeploy),
      durationRow("resolution", r, "< 1 h", resolutionStatus),
      [
        "rollback rate",
        `${m.rollback.rolledBack} of ${m.rollback.shipped}`,
        percent(m.rollback.rate),
        "",
        "< 5 %",
        m.rollback.rate === null ? dash : verdict(m.rollback.met),
      ],
      [
        "follow-up completion",
        `${m.followUps.closed} of ${m.followUps.opened}`,
        percent(m.followUps.completion),
        "",
        "100 %",
        m.followUps.completion === null ? dash : verdict(m.followUps.met),
      ],
      [
        "follow-ups on time",
        `${m.followUps.onTime} of ${m.followUps.onTime + m.followUps.late}`,
        percent(onTimeRate(m)),
        "",
        "100 %",
        onTimeRate(m) === null ? dash : verdict(m.followUps.late === 0),
      ],
      ["follow-ups overdue", String(m.followUps.overdue), "", "", "0", verdict(m.followUps.overdue === 0)],
      [
        "backports landed",
        `${m.backports.landed} of ${m.backports.total}`,
        percent(m.backports.rate),
        "",
        "100 %",
        m.backports.rate === null ? dash : verdict(m.backports.met),
      ],
      durationRow("merge → backport merged", m.backports.timeToLand),
    ]),
    "",
    "Resolution is detection → deploy, or detection → merge where no deploy is recorded.",
    "Follow-ups are due 24 h or a week after the merge, by kind (followUps.due); overdue: open past that time.",
    `Backports landed: merged or already on the target${m.backports.waived > 0 ? `; ${m.backports.waived} waived with /backport skip, not counted` : ""}.`,
  ];
  if (m.perIncident.length > 0) {
    lines.push("");
    lines.push(
      ...table([
        [
          "Incident",
          "Severity",
          "→ PR",
          "→ merge",
          "→ deploy",
          "Rollback",
          "Follow-ups",
          "Backports",
          "Title",
        ],
        ...m.perIncident.map((row) => [
          `#${row.number}${row.state === "open" ? " (open)" : ""}`,
          row.severity ?? dash,
          duration(row.detectionToPr),
          duration(row.detectionToMerge),
          duration(row.detectionToDeploy),
          row.rolledBack ? "yes" : "no",
          `${row.followUpsClosed}/${row.followUpsOpened}`,
          `${row.backportsLanded}/${row.backportsTotal}`,
          oneLine(row.title),
        ]),
      ]),
    );
  }
  return `${lines.join("\n")}\n`;
}
