import { formatDuration } from "../../incident/incident-durations.js";
import type { IncidentRow, RecoveryMetrics } from "../compute-metrics.js";
import { FILL, legendItem, line, rect, svgChart, text } from "./svg.js";

/** The charts of the HTML report and the dashboard, as inline SVG strings (pure). */

const WIDTH = 720;
const LEFT = 84;
const RIGHT = 16;
const PLOT = WIDTH - LEFT - RIGHT;
const HOUR = 3_600_000;
/** The stacked-bar chart shows this many of the most recent incidents; the table lists them all. */
export const STAGES_SHOWN = 30;
/** Incidents per week covers at most this many weeks, ending with the current one. */
export const WEEKS_SHOWN = 26;

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10} %`;

function detected(row: IncidentRow): number {
  return row.detectedAt === null ? Number.NaN : Date.parse(row.detectedAt);
}

function byDetection(rows: readonly IncidentRow[]): IncidentRow[] {
  return rows.filter((row) => !Number.isNaN(detected(row))).sort((a, b) => detected(a) - detected(b));
}

/** Recovery time of each resolved incident, in order of detection, against the 1 h target. */
export function recoveryTimeChart(m: RecoveryMetrics): string {
  const rows = byDetection(m.perIncident).filter((row) => row.resolutionMs !== null);
  const height = 260;
  const top = 30;
  const bottom = height - 40;
  if (rows.length === 0)
    return svgChart({
      id: "chart-recovery",
      width: WIDTH,
      height: 80,
      title: "Recovery time per incident",
      description: "No incident has been resolved yet.",
      body: text(LEFT, 45, "No incident resolved yet."),
    });
  const maxMs = Math.max(1.5 * HOUR, ...rows.map((row) => row.resolutionMs as number));
  const y = (ms: number) => bottom - ((bottom - top) * ms) / maxMs;
  const slot = PLOT / rows.length;
  const barWidth = Math.max(2, Math.min(40, slot * 0.7));
  const over = rows.filter((row) => (row.resolutionMs as number) >= m.resolution.targetMs).length;
  let body = line(LEFT, bottom, WIDTH - RIGHT, bottom, "axis") + line(LEFT, top, LEFT, bottom, "axis");
  for (const tick of [0, maxMs / 2, maxMs]) body += text(LEFT - 6, y(tick) + 4, formatDuration(tick), "end");
  rows.forEach((row, i) => {
    const ms = row.resolutionMs as number;
    const late = ms >= m.resolution.targetMs;
    const x = LEFT + i * slot + (slot - barWidth) / 2;
    body += rect(
      x,
      y(ms),
      barWidth,
      bottom - y(ms),
      late ? FILL.over : FILL.primary,
      `#${row.number}: ${formatDuration(ms)} (${late ? "over" : "within"} 1 h), detected ${row.detectedAt?.slice(0, 10)}`,
    );
  });
  body += line(LEFT, y(m.resolution.targetMs), WIDTH - RIGHT, y(m.resolution.targetMs), "target");
  body += text(WIDTH - RIGHT, y(m.resolution.targetMs) - 5, "target: 1 h", "end");
  const first = rows[0] as IncidentRow;
  const last = rows[rows.length - 1] as IncidentRow;
  body += text(LEFT, bottom + 16, first.detectedAt?.slice(0, 10) ?? "");
  if (rows.length > 1) body += text(WIDTH - RIGHT, bottom + 16, last.detectedAt?.slice(0, 10) ?? "", "end");
  body += legendItem(LEFT, height - 6, FILL.primary, "within 1 h (solid)");
  body += legendItem(LEFT + 200, height - 6, FILL.over, "over 1 h (hatched)");
  return svgChart({
    id: "chart-recovery",
    width: WIDTH,
    height,
    title: "Recovery time per incident, against the 1 h target",
    description: `${rows.length} resolved incidents in order of detection; ${rows.length - over} within 1 h, ${over} over.`,
    body,
  });
}

/** Detection → PR → merge → deploy of the most recent incidents, as stacked bars. */
export function stagesChart(m: RecoveryMetrics): string {
  const rows = byDetection(m.perIncident)
    .filter((row) => row.detectionToMerge !== null || row.detectionToPr !== null)
    .slice(-STAGES_SHOWN);
  if (rows.length === 0)
    return svgChart({
      id: "chart-stages",
      width: WIDTH,
      height: 80,
      title: "Detection → PR → merge → deploy",
      description: "No incident has reached a pull request yet.",
      body: text(LEFT, 45, "No incident has reached a pull request yet."),
    });
  const barHeight = 14;
  const gap = 6;
  const top = 10;
  const height = top + rows.length * (barHeight + gap) + 40;
  const stages = (row: IncidentRow) => {
    const pr = row.detectionToPr ?? 0;
    const merge = row.detectionToMerge === null ? 0 : Math.max(0, row.detectionToMerge - pr);
    const deploy = row.mergeToDeploy ?? 0;
    return { pr, merge, deploy };
  };
  const maxMs = Math.max(HOUR, ...rows.map((row) => Object.values(stages(row)).reduce((a, b) => a + b, 0)));
  const scale = (ms: number) => (PLOT * ms) / maxMs;
  let body = "";
  rows.forEach((row, i) => {
    const y = top + i * (barHeight + gap);
    const s = stages(row);
    body += text(LEFT - 6, y + barHeight - 3, `#${row.number}`, "end");
    let x = LEFT;
    const parts: [number, string, string][] = [
      [s.pr, FILL.primary, "detection → PR"],
      [s.merge, FILL.second, "PR → merge"],
      [s.deploy, FILL.third, "merge → deploy"],
    ];
    for (const [ms, fill, name] of parts) {
      if (ms <= 0) continue;
      body += rect(x, y, scale(ms), barHeight, fill, `#${row.number} ${name}: ${formatDuration(ms)}`);
      x += scale(ms);
    }
  });
  const axisY = top + rows.length * (barHeight + gap);
  body += line(LEFT, axisY, WIDTH - RIGHT, axisY, "axis");
  body += text(LEFT, axisY + 14, "0");
  body += text(WIDTH - RIGHT, axisY + 14, formatDuration(maxMs), "end");
  body += legendItem(LEFT, height - 6, FILL.primary, "detection → PR (solid)");
  body += legendItem(LEFT + 210, height - 6, FILL.second, "PR → merge (dotted)");
  body += legendItem(LEFT + 410, height - 6, FILL.third, "merge → deploy (grey)");
  return svgChart({
    id: "chart-stages",
    width: WIDTH,
    height,
    title: "Detection → PR → merge → deploy, per incident",
    description: `Stacked bars for the ${rows.length} most recent incidents with a pull request; the table below gives each duration.`,
    body,
  });
}

function bullet(
  y: number,
  label: string,
  value: number | null,
  target: number,
  scaleMax: number,
  note: string,
) {
  const x = (ratio: number) => LEFT + 150 + ((PLOT - 330) * Math.min(ratio, scaleMax)) / scaleMax;
  let body = text(LEFT, y + 12, label);
  body += rect(x(0), y, x(scaleMax) - x(0), 16, FILL.track);
  if (value !== null)
    body += rect(x(0), y + 3, x(value) - x(0), 10, FILL.primary, `${label}: ${percent(value)}`);
  body += line(x(target), y - 4, x(target), y + 20, "target");
  body += text(x(scaleMax) + 10, y + 12, `${value === null ? "–" : percent(value)} ${note}`);
  return body;
}

/** Rollback rate and follow-up completion against their targets. */
export function targetsChart(m: RecoveryMetrics): string {
  const rate = m.rollback.rate;
  const rollbackMax = Math.max(0.2, rate ?? 0);
  const verdict = (met: boolean, known: boolean) => (known ? (met ? "met" : "missed") : "no data");
  const body =
    bullet(
      20,
      "Rollback rate",
      rate,
      m.rollback.target,
      rollbackMax,
      `(target < ${percent(m.rollback.target)}, ${verdict(m.rollback.met, rate !== null)})`,
    ) +
    bullet(
      60,
      "Follow-ups closed",
      m.followUps.completion,
      m.followUps.target,
      1,
      `(target ${percent(m.followUps.target)}, ${verdict(m.followUps.met, m.followUps.completion !== null)})`,
    );
  return svgChart({
    id: "chart-targets",
    width: WIDTH,
    height: 100,
    title: "Rollback rate and follow-up completion against their targets",
    description:
      `Rollback rate ${rate === null ? "unknown (nothing shipped)" : percent(rate)}, target under ${percent(m.rollback.target)}; ` +
      `follow-up completion ${m.followUps.completion === null ? "unknown (none opened)" : percent(m.followUps.completion)}, target ${percent(m.followUps.target)}. ` +
      "The vertical line on each bar marks the target.",
    body,
  });
}

/** Monday 00:00 UTC of the week `t` falls in. */
function weekStart(t: number): number {
  const day = new Date(t);
  const monday =
    Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) -
    ((day.getUTCDay() + 6) % 7) * 86_400_000;
  return monday;
}

/** Incidents detected per week (UTC weeks from Monday), up to WEEKS_SHOWN weeks ending with this one (pure). */
export function incidentsPerWeek(m: RecoveryMetrics): { week: string; count: number }[] {
  const now = Date.parse(m.generatedAt);
  const times = m.perIncident.map(detected).filter((t) => !Number.isNaN(t) && t <= now);
  if (times.length === 0) return [];
  const week = 7 * 86_400_000;
  const last = weekStart(now);
  const first = Math.max(weekStart(Math.min(...times)), last - (WEEKS_SHOWN - 1) * week);
  const weeks: { week: string; count: number }[] = [];
  for (let start = first; start <= last; start += week) {
    weeks.push({
      week: new Date(start).toISOString().slice(0, 10),
      count: times.filter((t) => t >= start && t < start + week).length,
    });
  }
  return weeks;
}

export function weeklyChart(m: RecoveryMetrics): string {
  const weeks = incidentsPerWeek(m);
  const height = 200;
  const top = 20;
  const bottom = height - 30;
  if (weeks.length === 0)
    return svgChart({
      id: "chart-weekly",
      width: WIDTH,
      height: 80,
      title: "Incidents per week",
      description: "No incident recorded.",
      body: text(LEFT, 45, "No incident recorded."),
    });
  const max = Math.max(1, ...weeks.map((w) => w.count));
  const slot = PLOT / weeks.length;
  const barWidth = Math.min(36, slot * 0.7);
  let body = line(LEFT, bottom, WIDTH - RIGHT, bottom, "axis");
  weeks.forEach((w, i) => {
    const h = ((bottom - top) * w.count) / max;
    const x = LEFT + i * slot + (slot - barWidth) / 2;
    body += rect(
      x,
      bottom - h,
      barWidth,
      h,
      FILL.primary,
      `week of ${w.week}: ${w.count} incident${w.count === 1 ? "" : "s"}`,
    );
    if (w.count > 0) body += text(x + barWidth / 2, bottom - h - 4, String(w.count), "middle");
  });
  body += text(LEFT, bottom + 16, `week of ${(weeks[0] as { week: string }).week}`);
  if (weeks.length > 1)
    body += text(
      WIDTH - RIGHT,
      bottom + 16,
      `week of ${(weeks[weeks.length - 1] as { week: string }).week}`,
      "end",
    );
  const total = weeks.reduce((sum, w) => sum + w.count, 0);
  return svgChart({
    id: "chart-weekly",
    width: WIDTH,
    height,
    title: "Incidents per week",
    description: `${total} incidents over ${weeks.length} weeks (weeks start on Monday, UTC); the most in one week: ${max}. Each bar is labelled with its count.`,
    body,
  });
}
