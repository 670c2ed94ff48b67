import { formatDuration } from "../../incident/incident-durations.js";
import { escapeHtml, safeHref } from "../../text/escape-html.js";
import { htmlPage } from "../html/html-page.js";
import { recoverySections } from "../html/render-html-report.js";
import type { IncidentSnapshot, OpenIncident } from "./incident-snapshot.js";

function openRow(incident: OpenIncident, now: number): string {
  const age = now - Date.parse(incident.detectedAt);
  const step = escapeHtml(incident.step);
  return (
    `<tr data-open-incident="${escapeHtml(incident.repo)}#${incident.number}">` +
    `<td>${escapeHtml(incident.repo)}</td>` +
    `<td><a href="${safeHref(incident.url)}">#${incident.number}</a> ${escapeHtml(incident.title)}</td>` +
    `<td>${escapeHtml(incident.severity ?? "–")}</td>` +
    `<td>${incident.commander ? `@${escapeHtml(incident.commander)}` : "–"}</td>` +
    `<td class="num" data-age-ms="${Number.isFinite(age) ? age : ""}">${Number.isFinite(age) ? escapeHtml(formatDuration(Math.max(0, age))) : "–"}</td>` +
    `<td>${incident.stepUrl ? `<a href="${safeHref(incident.stepUrl)}">${step}</a>` : step}</td>` +
    "</tr>"
  );
}

/** The dashboard page: open incidents across installations, then the report's figures and charts. Pure. */
export function renderDashboard(snapshot: IncidentSnapshot): string {
  const now = Date.parse(snapshot.takenAt);
  const open =
    snapshot.open.length === 0
      ? '<p class="empty">No open incident.</p>'
      : '<table id="open-incidents"><thead><tr>' +
        ["Repository", "Incident", "Severity", "Commander", "Age", "Current step"]
          .map((h) => `<th scope="col">${h}</th>`)
          .join("") +
        `</tr></thead><tbody>${snapshot.open.map((incident) => openRow(incident, now)).join("")}</tbody></table>`;
  const problems =
    snapshot.problems.length === 0
      ? ""
      : `<section aria-labelledby="h-problems"><h2 id="h-problems">Repositories that could not be read</h2><ul>${snapshot.problems
          .map((p) => `<li>${escapeHtml(p.repo)}: ${escapeHtml(p.error)}</li>`)
          .join("")}</ul></section>`;
  return htmlPage({
    title: `hotfix-bot: ${snapshot.open.length} open incident${snapshot.open.length === 1 ? "" : "s"}`,
    body:
      "<h1>hotfix-bot dashboard</h1>" +
      `<p class="meta"><span data-figure="open-incidents" data-value="${snapshot.open.length}">${snapshot.open.length} open incident${snapshot.open.length === 1 ? "" : "s"}</span> ` +
      `in ${snapshot.repositories} repositor${snapshot.repositories === 1 ? "y" : "ies"}; read ${escapeHtml(snapshot.takenAt.slice(0, 19).replace("T", " "))} UTC (refreshed at most once a minute).</p>` +
      `<section aria-labelledby="h-open"><h2 id="h-open">Open incidents</h2>${open}</section>` +
      problems +
      `<h2>Recovery across all incidents</h2>${recoverySections(snapshot.metrics)}`,
  });
}
