import { formatDuration } from "../../incident/incident-durations.js";
import { escapeHtml, safeHref } from "../../text/escape-html.js";
import type { IncidentRow, RecoveryMetrics } from "../compute-metrics.js";
import { onTimeRate } from "../render-report.js";
import { htmlPage } from "./html-page.js";
import { recoveryTimeChart, stagesChart, targetsChart, weeklyChart } from "./report-charts.js";

const dash = "–";
const duration = (ms: number | null) => (ms === null ? dash : formatDuration(ms));
const percent = (ratio: number | null) => (ratio === null ? dash : `${Math.round(ratio * 1000) / 10} %`);

/** One headline figure; `data-figure` names it and `data-value` holds the raw number, for tools and tests. */
function figure(name: string, label: string, shown: string, value: number | null, verdict?: boolean | null) {
  const mark =
    verdict === undefined || verdict === null
      ? ""
      : `<span class="verdict ${verdict ? "met" : "missed"}">${verdict ? "✓ met" : "✗ missed"}</span>`;
  return `<div><dt>${escapeHtml(label)}</dt><dd data-figure="${escapeHtml(name)}" data-value="${value === null ? "" : escapeHtml(String(value))}">${escapeHtml(shown)}${mark}</dd></div>`;
}

/** The figures against the policy, as the text report gives them. */
export function headlineFigures(m: RecoveryMetrics): string {
  const r = m.resolution;
  return (
    '<dl class="figures">' +
    figure("incidents", "Incidents", String(m.incidents), m.incidents) +
    figure("resolution-median", "Median resolution", duration(r.medianMs), r.medianMs) +
    figure(
      "resolution-within",
      "Resolved within 1 h",
      `${r.within} of ${r.count}`,
      r.within,
      r.count === 0 && r.unresolvedOverdue === 0 ? null : r.met,
    ) +
    figure(
      "unresolved-overdue",
      "Open past 1 h, unresolved",
      String(r.unresolvedOverdue),
      r.unresolvedOverdue,
    ) +
    figure(
      "rollback-rate",
      "Rollback rate (target < 5 %)",
      percent(m.rollback.rate),
      m.rollback.rate,
      m.rollback.rate === null ? null : m.rollback.met,
    ) +
    figure(
      "follow-up-completion",
      "Follow-ups closed (target 100 %)",
      percent(m.followUps.completion),
      m.followUps.completion,
      m.followUps.completion === null ? null : m.followUps.met,
    ) +
    figure("follow-ups-overdue", "Follow-ups overdue", String(m.followUps.overdue), m.followUps.overdue) +
    figure(
      "follow-ups-on-time",
      "Follow-ups closed on time",
      `${m.followUps.onTime} of ${m.followUps.onTime + m.followUps.late}`,
      m.followUps.onTime,
      onTimeRate(m) === null ? null : m.followUps.late === 0,
    ) +
    figure("follow-ups-late", "Follow-ups closed late", String(m.followUps.late), m.followUps.late) +
    "</dl>"
  );
}

const dueText = (iso: string | undefined) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : dash);

/** A follow-up issue's URL, beside its incident's (both are issues of one repository). */
function issueUrl(incidentUrl: string, issue: number): string {
  return incidentUrl.replace(/\/issues\/\d+$/, `/issues/${issue}`);
}

/** The follow-ups still open past their due time, then how the closed ones kept theirs. */
function overdueList(m: RecoveryMetrics): string {
  const rows = m.perIncident.filter((row) => row.followUpsOverdue.length > 0);
  const closed = m.followUps.onTime + m.followUps.late;
  const kept =
    closed === 0
      ? ""
      : `<p class="meta" data-follow-ups-closed="${closed}">Of ${closed} follow-up${closed === 1 ? "" : "s"} closed, ${m.followUps.onTime} on time and ${m.followUps.late} late.</p>`;
  if (rows.length === 0) return `<p class="empty">No follow-up is overdue.</p>${kept}`;
  const items = rows.flatMap((row) =>
    row.followUpsOverdue.map(
      (issue) =>
        `<li data-overdue="${issue}"><a href="${safeHref(issueUrl(row.url, issue))}">#${issue}</a>, a follow-up of incident ` +
        `<a href="${safeHref(row.url)}">#${row.number}</a> ${escapeHtml(row.title)} (due ${escapeHtml(dueText(row.followUpsOverdueSince[issue]))})</li>`,
    ),
  );
  return `<ul>${items.join("")}</ul>${kept}`;
}

function incidentRow(row: IncidentRow): string {
  const cell = (text: string, numeric = false) =>
    `<td${numeric ? ' class="num"' : ""}>${escapeHtml(text)}</td>`;
  return (
    `<tr data-incident="${row.number}">` +
    `<td><a href="${safeHref(row.url)}">#${row.number}</a></td>` +
    `<td>${escapeHtml(row.title)}</td>` +
    cell(row.severity ?? dash) +
    cell(row.state) +
    cell(row.detectedAt?.slice(0, 16).replace("T", " ") ?? dash) +
    cell(duration(row.detectionToPr), true) +
    cell(duration(row.detectionToMerge), true) +
    cell(duration(row.detectionToDeploy), true) +
    cell(row.rolledBack ? "yes" : "no") +
    cell(`${row.followUpsClosed}/${row.followUpsOpened}`, true) +
    "</tr>"
  );
}

export function incidentTable(rows: readonly IncidentRow[]): string {
  if (rows.length === 0) return '<p class="empty">No incident recorded.</p>';
  return (
    '<table id="incidents"><caption class="skip">Every incident, with its durations from detection</caption><thead><tr>' +
    [
      "Incident",
      "Title",
      "Severity",
      "State",
      "Detected (UTC)",
      "→ PR",
      "→ merge",
      "→ deploy",
      "Rolled back",
      "Follow-ups closed",
    ]
      .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
      .join("") +
    `</tr></thead><tbody>${rows.map(incidentRow).join("")}</tbody></table>`
  );
}

/** Figures, charts, overdue follow-ups and the incident table: shared by the report and the dashboard. */
export function recoverySections(m: RecoveryMetrics): string {
  return (
    headlineFigures(m) +
    '<p class="meta">Resolution is detection → deploy, or detection → merge where no deploy is recorded. ' +
    "Policy: resolution under 1 h, rollback rate under 5 %, every follow-up closed by its due time (24 h or a week after the merge, by kind).</p>" +
    `<section aria-labelledby="h-recovery"><h2 id="h-recovery">Recovery time per incident</h2>${recoveryTimeChart(m)}</section>` +
    `<section aria-labelledby="h-stages"><h2 id="h-stages">Detection → PR → merge → deploy</h2>${stagesChart(m)}</section>` +
    `<section aria-labelledby="h-targets"><h2 id="h-targets">Rollback rate and follow-up completion</h2>${targetsChart(m)}</section>` +
    `<section aria-labelledby="h-weekly"><h2 id="h-weekly">Incidents per week</h2>${weeklyChart(m)}</section>` +
    `<section aria-labelledby="h-overdue"><h2 id="h-overdue">Overdue follow-ups</h2>${overdueList(m)}</section>` +
    `<section aria-labelledby="h-incidents"><h2 id="h-incidents">Incidents</h2>${incidentTable(m.perIncident)}</section>`
  );
}

/** The recovery report as one self-contained HTML page: no script, font or stylesheet from elsewhere. Pure. */
export function renderHtmlReport(repo: string, m: RecoveryMetrics): string {
  const scope = m.since ? ` detected since ${m.since.slice(0, 10)}` : "";
  return htmlPage({
    title: `Recovery report: ${repo}`,
    body:
      `<h1>Recovery report: ${escapeHtml(repo)}</h1>` +
      `<p class="meta">${m.incidents} incident${m.incidents === 1 ? "" : "s"}${escapeHtml(scope)}; generated ${escapeHtml(m.generatedAt.slice(0, 16).replace("T", " "))} UTC by hotfix-bot.</p>` +
      recoverySections(m),
  });
}
