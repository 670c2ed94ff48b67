import {
  formatDuration,
  httpStatus,
  incidentDurations,
  readTimeline,
  severityFromLabels
} from "./chunk-C74ZTEPE.js";
import {
  validateConfig
} from "./chunk-IFHMZTJI.js";

// src/metrics/backport-landing.ts
function backportLanding(state) {
  const landing = { total: 0, landed: 0, waived: 0, landMs: [] };
  for (const pipeline of Object.values(state?.pipelines ?? {})) {
    const merged = Date.parse(pipeline.mergedAt);
    for (const backport of Object.values(pipeline.backports)) {
      const end = backport.end;
      if (end?.state === "merged") {
        landing.total += 1;
        landing.landed += 1;
        const at = Date.parse(end.at);
        if (!Number.isNaN(at) && !Number.isNaN(merged) && at >= merged) landing.landMs.push(at - merged);
      } else if (backport.status === "already") {
        landing.total += 1;
        landing.landed += 1;
      } else if (backport.waived) {
        landing.waived += 1;
      } else {
        landing.total += 1;
      }
    }
  }
  return landing;
}

// src/metrics/compute-metrics.ts
var POLICY = {
  /** Every incident resolved (its fix deployed, or merged where no deploy is recorded) within an hour. */
  resolutionMs: 36e5,
  /** Fewer than 5 % of shipped hotfixes rolled back. */
  rollbackRate: 0.05,
  /** Every follow-up issue closed. */
  followUpCompletion: 1,
  /**
   * A follow-up is due at the time its timeline records (followUps.due after the merge); one recorded before
   * deadlines existed is due a week after its fix merged.
   */
  followUpDueMs: 7 * 864e5,
  /** Every backport landed (merged, or already there); a waived one is left out. */
  backportsLanded: 1
};
function stats(values) {
  const known = values.filter((v) => v !== null).sort((a, b) => a - b);
  if (known.length === 0) return { count: 0, medianMs: null, maxMs: null };
  const mid = Math.floor(known.length / 2);
  const median = known.length % 2 === 1 ? known[mid] : (known[mid - 1] + known[mid]) / 2;
  return { count: known.length, medianMs: median, maxMs: known[known.length - 1] };
}
function detectedAt(record) {
  const t = Date.parse(record.timeline?.detectedAt ?? "");
  return Number.isNaN(t) ? Date.parse(record.createdAt) : t;
}
function computeMetrics(records, followUpStates, options) {
  const since = options.since ?? null;
  const now = options.now.getTime();
  const kept = records.filter((r) => since === null || detectedAt(r) >= since.getTime()).sort((a, b) => a.number - b.number);
  const landings = kept.map((record) => backportLanding(record.timeline));
  const rows = kept.map((record, i) => {
    const landing = landings[i];
    const d = record.timeline ? incidentDurations(record.timeline) : incidentDurations({ v: 1, incident: record.number, entries: [], pipelines: {} });
    const states = record.followUpStates ?? followUpStates;
    const closed2 = d.followUps.filter((n2) => states.get(n2) === "closed").length;
    const deadlines = followUpDeadlines(
      record.timeline,
      states,
      record.followUpClosedAt ?? options.followUpClosedAt,
      now
    );
    return {
      number: record.number,
      title: record.title,
      url: record.url,
      severity: record.severity,
      state: record.state,
      ...d,
      // An incident without a timeline (intake never ran) was detected when its issue was opened.
      detectedAt: d.detectedAt ?? new Date(detectedAt(record)).toISOString(),
      resolutionMs: d.detectionToDeploy ?? d.detectionToMerge,
      followUpsOpened: d.followUps.length,
      followUpsClosed: closed2,
      followUpsOverdue: deadlines.overdue,
      followUpsOverdueSince: deadlines.overdueSince,
      followUpsOnTime: deadlines.onTime,
      followUpsLate: deadlines.late,
      backportsTotal: landing.total,
      backportsLanded: landing.landed,
      backportsWaived: landing.waived
    };
  });
  const resolution = stats(rows.map((r) => r.resolutionMs));
  const within = rows.filter((r) => r.resolutionMs !== null && r.resolutionMs < POLICY.resolutionMs).length;
  const overdue = kept.filter((record, i) => {
    const row = rows[i];
    return row.resolutionMs === null && record.state === "open" && now - detectedAt(record) >= POLICY.resolutionMs;
  }).length;
  const shipped = rows.filter((r) => r.mergedAt !== null).length;
  const rolledBack = rows.filter((r) => r.rolledBack).length;
  const rate = shipped === 0 ? null : rolledBack / shipped;
  const opened = rows.reduce((sum, r) => sum + r.followUpsOpened, 0);
  const closed = rows.reduce((sum, r) => sum + r.followUpsClosed, 0);
  const completion = opened === 0 ? null : closed / opened;
  return {
    since: since?.toISOString() ?? null,
    generatedAt: options.now.toISOString(),
    incidents: rows.length,
    detectionToPr: stats(rows.map((r) => r.detectionToPr)),
    detectionToMerge: stats(rows.map((r) => r.detectionToMerge)),
    mergeToDeploy: stats(rows.map((r) => r.mergeToDeploy)),
    detectionToDeploy: stats(rows.map((r) => r.detectionToDeploy)),
    resolution: {
      ...resolution,
      targetMs: POLICY.resolutionMs,
      within,
      unresolvedOverdue: overdue,
      met: within === resolution.count && overdue === 0
    },
    rollback: {
      shipped,
      rolledBack,
      rate,
      target: POLICY.rollbackRate,
      met: rate === null || rate < POLICY.rollbackRate
    },
    followUps: {
      opened,
      closed,
      completion,
      target: POLICY.followUpCompletion,
      met: completion === null || completion >= POLICY.followUpCompletion,
      overdue: rows.reduce((sum, r) => sum + r.followUpsOverdue.length, 0),
      onTime: rows.reduce((sum, r) => sum + r.followUpsOnTime, 0),
      late: rows.reduce((sum, r) => sum + r.followUpsLate, 0)
    },
    backports: backportFigures(landings),
    perIncident: rows
  };
}
function followUpDeadlines(timeline, states, closedAtOf, now) {
  const overdueSince = {};
  let onTime = 0;
  let late = 0;
  const seen = /* @__PURE__ */ new Set();
  for (const pipeline of Object.values(timeline?.pipelines ?? {})) {
    for (const followUp of Object.values(pipeline.followUps)) {
      if (!followUp || seen.has(followUp.issue)) continue;
      seen.add(followUp.issue);
      const due = followUp.dueAt ? Date.parse(followUp.dueAt) : Date.parse(pipeline.mergedAt) + POLICY.followUpDueMs;
      if (Number.isNaN(due)) continue;
      if (states.get(followUp.issue) !== "closed") {
        if (now > due) overdueSince[followUp.issue] = new Date(due).toISOString();
        continue;
      }
      const closedAt = Date.parse(closedAtOf?.get(followUp.issue) ?? followUp.closedAt ?? "");
      if (Number.isNaN(closedAt)) continue;
      if (closedAt <= due) onTime += 1;
      else late += 1;
    }
  }
  const overdue = Object.keys(overdueSince).map(Number).sort((a, b) => a - b);
  return { overdue, overdueSince, onTime, late };
}
function backportFigures(landings) {
  const total = landings.reduce((sum, l) => sum + l.total, 0);
  const landed = landings.reduce((sum, l) => sum + l.landed, 0);
  const rate = total === 0 ? null : landed / total;
  return {
    total,
    landed,
    waived: landings.reduce((sum, l) => sum + l.waived, 0),
    rate,
    target: POLICY.backportsLanded,
    met: rate === null || rate >= POLICY.backportsLanded,
    timeToLand: stats(landings.flatMap((l) => l.landMs))
  };
}

// src/text/escape-html.ts
var HTML_SPECIALS = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
};
function escapeHtml(text2) {
  return text2.replace(/[&<>"']/g, (c) => HTML_SPECIALS[c]);
}
function safeHref(url) {
  if (!url) return "#";
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? escapeHtml(parsed.href) : "#";
  } catch {
    return "#";
  }
}

// src/metrics/render-report.ts
var dash = "\u2013";
var duration = (ms) => ms === null ? dash : formatDuration(ms);
var percent = (ratio) => ratio === null ? dash : `${Math.round(ratio * 1e3) / 10} %`;
function table(rows) {
  const widths = (rows[0] ?? []).map((_, col) => Math.max(...rows.map((row) => (row[col] ?? "").length)));
  const line2 = (row) => row.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join("  ").trimEnd();
  const [head, ...body] = rows;
  return [line2(head ?? []), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line2)];
}
function durationRow(name, s, target = "", status = "") {
  return [name, String(s.count), duration(s.medianMs), duration(s.maxMs), target, status];
}
function oneLine(text2, max = 60) {
  const clean = text2.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}\u2026` : clean;
}
function onTimeRate(m) {
  const closed = m.followUps.onTime + m.followUps.late;
  return closed === 0 ? null : m.followUps.onTime / closed;
}
function renderReport(repo, m) {
  const verdict = (met) => met ? "met" : "MISSED";
  const r = m.resolution;
  const resolutionStatus = r.count === 0 && r.unresolvedOverdue === 0 ? dash : `${verdict(r.met)} (${r.within} of ${r.count} within 1 h${r.unresolvedOverdue > 0 ? `; ${r.unresolvedOverdue} open and overdue` : ""})`;
  const lines = [
    `Recovery report for ${repo}: ${m.incidents} incident${m.incidents === 1 ? "" : "s"}${m.since ? ` detected since ${m.since.slice(0, 10)}` : ""}`,
    "",
    ...table([
      ["Metric", "Incidents", "Median", "Max", "Target", "Status"],
      durationRow("detection \u2192 PR", m.detectionToPr),
      durationRow("detection \u2192 merge", m.detectionToMerge),
      durationRow("merge \u2192 deploy", m.mergeToDeploy),
      durationRow("detection \u2192 deploy", m.detectionToDeploy),
      durationRow("resolution", r, "< 1 h", resolutionStatus),
      [
        "rollback rate",
        `${m.rollback.rolledBack} of ${m.rollback.shipped}`,
        percent(m.rollback.rate),
        "",
        "< 5 %",
        m.rollback.rate === null ? dash : verdict(m.rollback.met)
      ],
      [
        "follow-up completion",
        `${m.followUps.closed} of ${m.followUps.opened}`,
        percent(m.followUps.completion),
        "",
        "100 %",
        m.followUps.completion === null ? dash : verdict(m.followUps.met)
      ],
      [
        "follow-ups on time",
        `${m.followUps.onTime} of ${m.followUps.onTime + m.followUps.late}`,
        percent(onTimeRate(m)),
        "",
        "100 %",
        onTimeRate(m) === null ? dash : verdict(m.followUps.late === 0)
      ],
      ["follow-ups overdue", String(m.followUps.overdue), "", "", "0", verdict(m.followUps.overdue === 0)],
      [
        "backports landed",
        `${m.backports.landed} of ${m.backports.total}`,
        percent(m.backports.rate),
        "",
        "100 %",
        m.backports.rate === null ? dash : verdict(m.backports.met)
      ],
      durationRow("merge \u2192 backport merged", m.backports.timeToLand)
    ]),
    "",
    "Resolution is detection \u2192 deploy, or detection \u2192 merge where no deploy is recorded.",
    "Follow-ups are due 24 h or a week after the merge, by kind (followUps.due); overdue: open past that time.",
    `Backports landed: merged or already on the target${m.backports.waived > 0 ? `; ${m.backports.waived} waived with /backport skip, not counted` : ""}.`
  ];
  if (m.perIncident.length > 0) {
    lines.push("");
    lines.push(
      ...table([
        [
          "Incident",
          "Severity",
          "\u2192 PR",
          "\u2192 merge",
          "\u2192 deploy",
          "Rollback",
          "Follow-ups",
          "Backports",
          "Title"
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
          oneLine(row.title)
        ])
      ])
    );
  }
  return `${lines.join("\n")}
`;
}

// src/metrics/html/html-page.ts
import { createHash } from "node:crypto";
var STYLE = `
:root { color: #1f2328; background: #ffffff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
body { margin: 0 auto; max-width: 980px; padding: 24px; }
h1 { font-size: 1.6em; margin: 0 0 4px; } h2 { font-size: 1.2em; margin: 32px 0 8px; }
a { color: #0b57d0; } a:focus { outline: 3px solid #1f2328; outline-offset: 2px; }
.meta { color: #4d5560; margin: 0 0 16px; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px; margin: 16px 0; padding: 0; }
.figures div { border: 1px solid #c8ccd1; border-radius: 6px; padding: 10px 12px; }
.figures dt { color: #4d5560; font-size: 0.85em; } .figures dd { margin: 2px 0 0; font-size: 1.35em; font-weight: 600; }
.verdict { font-size: 0.7em; font-weight: 600; margin-left: 6px; }
.missed { color: #b3261e; } .met { color: #146c2e; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #d8dee4; vertical-align: top; }
th { background: #f6f8fa; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
svg.chart { max-width: 100%; height: auto; display: block; margin: 8px 0; }
svg.chart text { font: 12px system-ui, sans-serif; fill: #1f2328; }
svg.chart .axis { stroke: #4d5560; stroke-width: 1; }
svg.chart .target { stroke: #1f2328; stroke-width: 2; stroke-dasharray: 6 4; }
.empty { color: #4d5560; font-style: italic; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 24px; top: 8px; background: #fff; }
`;
var STYLE_HASH = `sha256-${createHash("sha256").update(STYLE).digest("base64")}`;
var CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src '${STYLE_HASH}'`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join("; ");
function htmlPage(input) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY.replace(/; frame-ancestors 'none'/, ""))}"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${escapeHtml(input.title)}</title><style>${STYLE}</style></head>
<body><a class="skip" href="#main">Skip to the figures</a><main id="main">${input.body}</main></body></html>
`;
}

// src/metrics/html/svg.ts
function n(value) {
  return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : "0";
}
function svgChart(input) {
  const { id, width, height } = input;
  return `<svg class="chart" id="${escapeHtml(id)}" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" role="img" aria-labelledby="${escapeHtml(id)}-title ${escapeHtml(id)}-desc" xmlns="http://www.w3.org/2000/svg"><title id="${escapeHtml(id)}-title">${escapeHtml(input.title)}</title><desc id="${escapeHtml(id)}-desc">${escapeHtml(input.description)}</desc>` + PATTERNS + input.body + "</svg>";
}
var PATTERNS = '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f6c8b8"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b3261e" stroke-width="3"/></pattern><pattern id="dots" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#d6e4f5"/><circle cx="2.5" cy="2.5" r="1.3" fill="#174ea6"/></pattern></defs>';
var FILL = {
  primary: "#174ea6",
  over: "url(#hatch)",
  second: "url(#dots)",
  third: "#7a8794",
  track: "#e8eaed"
};
function rect(x, y, width, height, fill, title) {
  const tip = title ? `<title>${escapeHtml(title)}</title>` : "";
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(0, width))}" height="${n(Math.max(0, height))}" fill="${fill}">${tip}</rect>`;
}
function text(x, y, content, anchor = "start") {
  return `<text x="${n(x)}" y="${n(y)}" text-anchor="${anchor}">${escapeHtml(content)}</text>`;
}
function line(x1, y1, x2, y2, className) {
  return `<line class="${escapeHtml(className)}" x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}"/>`;
}
function legendItem(x, y, fill, label) {
  return rect(x, y - 10, 14, 12, fill) + text(x + 20, y, label);
}

// src/metrics/html/report-charts.ts
var WIDTH = 720;
var LEFT = 84;
var RIGHT = 16;
var PLOT = WIDTH - LEFT - RIGHT;
var HOUR = 36e5;
var STAGES_SHOWN = 30;
var WEEKS_SHOWN = 26;
var percent2 = (ratio) => `${Math.round(ratio * 1e3) / 10} %`;
function detected(row) {
  return row.detectedAt === null ? Number.NaN : Date.parse(row.detectedAt);
}
function byDetection(rows) {
  return rows.filter((row) => !Number.isNaN(detected(row))).sort((a, b) => detected(a) - detected(b));
}
function recoveryTimeChart(m) {
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
      body: text(LEFT, 45, "No incident resolved yet.")
    });
  const maxMs = Math.max(1.5 * HOUR, ...rows.map((row) => row.resolutionMs));
  const y = (ms) => bottom - (bottom - top) * ms / maxMs;
  const slot = PLOT / rows.length;
  const barWidth = Math.max(2, Math.min(40, slot * 0.7));
  const over = rows.filter((row) => row.resolutionMs >= m.resolution.targetMs).length;
  let body = line(LEFT, bottom, WIDTH - RIGHT, bottom, "axis") + line(LEFT, top, LEFT, bottom, "axis");
  for (const tick of [0, maxMs / 2, maxMs]) body += text(LEFT - 6, y(tick) + 4, formatDuration(tick), "end");
  rows.forEach((row, i) => {
    const ms = row.resolutionMs;
    const late = ms >= m.resolution.targetMs;
    const x = LEFT + i * slot + (slot - barWidth) / 2;
    body += rect(
      x,
      y(ms),
      barWidth,
      bottom - y(ms),
      late ? FILL.over : FILL.primary,
      `#${row.number}: ${formatDuration(ms)} (${late ? "over" : "within"} 1 h), detected ${row.detectedAt?.slice(0, 10)}`
    );
  });
  body += line(LEFT, y(m.resolution.targetMs), WIDTH - RIGHT, y(m.resolution.targetMs), "target");
  body += text(WIDTH - RIGHT, y(m.resolution.targetMs) - 5, "target: 1 h", "end");
  const first = rows[0];
  const last = rows[rows.length - 1];
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
    body
  });
}
function stagesChart(m) {
  const rows = byDetection(m.perIncident).filter((row) => row.detectionToMerge !== null || row.detectionToPr !== null).slice(-STAGES_SHOWN);
  if (rows.length === 0)
    return svgChart({
      id: "chart-stages",
      width: WIDTH,
      height: 80,
      title: "Detection \u2192 PR \u2192 merge \u2192 deploy",
      description: "No incident has reached a pull request yet.",
      body: text(LEFT, 45, "No incident has reached a pull request yet.")
    });
  const barHeight = 14;
  const gap = 6;
  const top = 10;
  const height = top + rows.length * (barHeight + gap) + 40;
  const stages = (row) => {
    const pr = row.detectionToPr ?? 0;
    const merge = row.detectionToMerge === null ? 0 : Math.max(0, row.detectionToMerge - pr);
    const deploy = row.mergeToDeploy ?? 0;
    return { pr, merge, deploy };
  };
  const maxMs = Math.max(HOUR, ...rows.map((row) => Object.values(stages(row)).reduce((a, b) => a + b, 0)));
  const scale = (ms) => PLOT * ms / maxMs;
  let body = "";
  rows.forEach((row, i) => {
    const y = top + i * (barHeight + gap);
    const s = stages(row);
    body += text(LEFT - 6, y + barHeight - 3, `#${row.number}`, "end");
    let x = LEFT;
    const parts = [
      [s.pr, FILL.primary, "detection \u2192 PR"],
      [s.merge, FILL.second, "PR \u2192 merge"],
      [s.deploy, FILL.third, "merge \u2192 deploy"]
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
  body += legendItem(LEFT, height - 6, FILL.primary, "detection \u2192 PR (solid)");
  body += legendItem(LEFT + 210, height - 6, FILL.second, "PR \u2192 merge (dotted)");
  body += legendItem(LEFT + 410, height - 6, FILL.third, "merge \u2192 deploy (grey)");
  return svgChart({
    id: "chart-stages",
    width: WIDTH,
    height,
    title: "Detection \u2192 PR \u2192 merge \u2192 deploy, per incident",
    description: `Stacked bars for the ${rows.length} most recent incidents with a pull request; the table below gives each duration.`,
    body
  });
}
function bullet(y, label, value, target, scaleMax, note) {
  const x = (ratio) => LEFT + 150 + (PLOT - 330) * Math.min(ratio, scaleMax) / scaleMax;
  let body = text(LEFT, y + 12, label);
  body += rect(x(0), y, x(scaleMax) - x(0), 16, FILL.track);
  if (value !== null)
    body += rect(x(0), y + 3, x(value) - x(0), 10, FILL.primary, `${label}: ${percent2(value)}`);
  body += line(x(target), y - 4, x(target), y + 20, "target");
  body += text(x(scaleMax) + 10, y + 12, `${value === null ? "\u2013" : percent2(value)} ${note}`);
  return body;
}
function targetsChart(m) {
  const rate = m.rollback.rate;
  const rollbackMax = Math.max(0.2, rate ?? 0);
  const verdict = (met, known) => known ? met ? "met" : "missed" : "no data";
  const body = bullet(
    20,
    "Rollback rate",
    rate,
    m.rollback.target,
    rollbackMax,
    `(target < ${percent2(m.rollback.target)}, ${verdict(m.rollback.met, rate !== null)})`
  ) + bullet(
    60,
    "Follow-ups closed",
    m.followUps.completion,
    m.followUps.target,
    1,
    `(target ${percent2(m.followUps.target)}, ${verdict(m.followUps.met, m.followUps.completion !== null)})`
  );
  return svgChart({
    id: "chart-targets",
    width: WIDTH,
    height: 100,
    title: "Rollback rate and follow-up completion against their targets",
    description: `Rollback rate ${rate === null ? "unknown (nothing shipped)" : percent2(rate)}, target under ${percent2(m.rollback.target)}; follow-up completion ${m.followUps.completion === null ? "unknown (none opened)" : percent2(m.followUps.completion)}, target ${percent2(m.followUps.target)}. The vertical line on each bar marks the target.`,
    body
  });
}
function weekStart(t) {
  const day = new Date(t);
  const monday = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) - (day.getUTCDay() + 6) % 7 * 864e5;
  return monday;
}
function incidentsPerWeek(m) {
  const now = Date.parse(m.generatedAt);
  const times = m.perIncident.map(detected).filter((t) => !Number.isNaN(t) && t <= now);
  if (times.length === 0) return [];
  const week = 7 * 864e5;
  const last = weekStart(now);
  const first = Math.max(weekStart(Math.min(...times)), last - (WEEKS_SHOWN - 1) * week);
  const weeks = [];
  for (let start = first; start <= last; start += week) {
    weeks.push({
      week: new Date(start).toISOString().slice(0, 10),
      count: times.filter((t) => t >= start && t < start + week).length
    });
  }
  return weeks;
}
function weeklyChart(m) {
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
      body: text(LEFT, 45, "No incident recorded.")
    });
  const max = Math.max(1, ...weeks.map((w) => w.count));
  const slot = PLOT / weeks.length;
  const barWidth = Math.min(36, slot * 0.7);
  let body = line(LEFT, bottom, WIDTH - RIGHT, bottom, "axis");
  weeks.forEach((w, i) => {
    const h = (bottom - top) * w.count / max;
    const x = LEFT + i * slot + (slot - barWidth) / 2;
    body += rect(
      x,
      bottom - h,
      barWidth,
      h,
      FILL.primary,
      `week of ${w.week}: ${w.count} incident${w.count === 1 ? "" : "s"}`
    );
    if (w.count > 0) body += text(x + barWidth / 2, bottom - h - 4, String(w.count), "middle");
  });
  body += text(LEFT, bottom + 16, `week of ${weeks[0].week}`);
  if (weeks.length > 1)
    body += text(
      WIDTH - RIGHT,
      bottom + 16,
      `week of ${weeks[weeks.length - 1].week}`,
      "end"
    );
  const total = weeks.reduce((sum, w) => sum + w.count, 0);
  return svgChart({
    id: "chart-weekly",
    width: WIDTH,
    height,
    title: "Incidents per week",
    description: `${total} incidents over ${weeks.length} weeks (weeks start on Monday, UTC); the most in one week: ${max}. Each bar is labelled with its count.`,
    body
  });
}

// src/metrics/html/render-html-report.ts
var dash2 = "\u2013";
var duration2 = (ms) => ms === null ? dash2 : formatDuration(ms);
var percent3 = (ratio) => ratio === null ? dash2 : `${Math.round(ratio * 1e3) / 10} %`;
function figure(name, label, shown, value, verdict) {
  const mark = verdict === void 0 || verdict === null ? "" : `<span class="verdict ${verdict ? "met" : "missed"}">${verdict ? "\u2713 met" : "\u2717 missed"}</span>`;
  return `<div><dt>${escapeHtml(label)}</dt><dd data-figure="${escapeHtml(name)}" data-value="${value === null ? "" : escapeHtml(String(value))}">${escapeHtml(shown)}${mark}</dd></div>`;
}
function headlineFigures(m) {
  const r = m.resolution;
  return '<dl class="figures">' + figure("incidents", "Incidents", String(m.incidents), m.incidents) + figure("resolution-median", "Median resolution", duration2(r.medianMs), r.medianMs) + figure(
    "resolution-within",
    "Resolved within 1 h",
    `${r.within} of ${r.count}`,
    r.within,
    r.count === 0 && r.unresolvedOverdue === 0 ? null : r.met
  ) + figure(
    "unresolved-overdue",
    "Open past 1 h, unresolved",
    String(r.unresolvedOverdue),
    r.unresolvedOverdue
  ) + figure(
    "rollback-rate",
    "Rollback rate (target < 5 %)",
    percent3(m.rollback.rate),
    m.rollback.rate,
    m.rollback.rate === null ? null : m.rollback.met
  ) + figure(
    "follow-up-completion",
    "Follow-ups closed (target 100 %)",
    percent3(m.followUps.completion),
    m.followUps.completion,
    m.followUps.completion === null ? null : m.followUps.met
  ) + figure("follow-ups-overdue", "Follow-ups overdue", String(m.followUps.overdue), m.followUps.overdue) + figure(
    "follow-ups-on-time",
    "Follow-ups closed on time",
    `${m.followUps.onTime} of ${m.followUps.onTime + m.followUps.late}`,
    m.followUps.onTime,
    onTimeRate(m) === null ? null : m.followUps.late === 0
  ) + figure("follow-ups-late", "Follow-ups closed late", String(m.followUps.late), m.followUps.late) + "</dl>";
}
var dueText = (iso) => iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : dash2;
function issueUrl(incidentUrl, issue) {
  return incidentUrl.replace(/\/issues\/\d+$/, `/issues/${issue}`);
}
function overdueList(m) {
  const rows = m.perIncident.filter((row) => row.followUpsOverdue.length > 0);
  const closed = m.followUps.onTime + m.followUps.late;
  const kept = closed === 0 ? "" : `<p class="meta" data-follow-ups-closed="${closed}">Of ${closed} follow-up${closed === 1 ? "" : "s"} closed, ${m.followUps.onTime} on time and ${m.followUps.late} late.</p>`;
  if (rows.length === 0) return `<p class="empty">No follow-up is overdue.</p>${kept}`;
  const items = rows.flatMap(
    (row) => row.followUpsOverdue.map(
      (issue) => `<li data-overdue="${issue}"><a href="${safeHref(issueUrl(row.url, issue))}">#${issue}</a>, a follow-up of incident <a href="${safeHref(row.url)}">#${row.number}</a> ${escapeHtml(row.title)} (due ${escapeHtml(dueText(row.followUpsOverdueSince[issue]))})</li>`
    )
  );
  return `<ul>${items.join("")}</ul>${kept}`;
}
function incidentRow(row) {
  const cell = (text2, numeric = false) => `<td${numeric ? ' class="num"' : ""}>${escapeHtml(text2)}</td>`;
  return `<tr data-incident="${row.number}"><td><a href="${safeHref(row.url)}">#${row.number}</a></td><td>${escapeHtml(row.title)}</td>` + cell(row.severity ?? dash2) + cell(row.state) + cell(row.detectedAt?.slice(0, 16).replace("T", " ") ?? dash2) + cell(duration2(row.detectionToPr), true) + cell(duration2(row.detectionToMerge), true) + cell(duration2(row.detectionToDeploy), true) + cell(row.rolledBack ? "yes" : "no") + cell(`${row.followUpsClosed}/${row.followUpsOpened}`, true) + "</tr>";
}
function incidentTable(rows) {
  if (rows.length === 0) return '<p class="empty">No incident recorded.</p>';
  return '<table id="incidents"><caption class="skip">Every incident, with its durations from detection</caption><thead><tr>' + [
    "Incident",
    "Title",
    "Severity",
    "State",
    "Detected (UTC)",
    "\u2192 PR",
    "\u2192 merge",
    "\u2192 deploy",
    "Rolled back",
    "Follow-ups closed"
  ].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("") + `</tr></thead><tbody>${rows.map(incidentRow).join("")}</tbody></table>`;
}
function recoverySections(m) {
  return headlineFigures(m) + `<p class="meta">Resolution is detection \u2192 deploy, or detection \u2192 merge where no deploy is recorded. Policy: resolution under 1 h, rollback rate under 5 %, every follow-up closed by its due time (24 h or a week after the merge, by kind).</p><section aria-labelledby="h-recovery"><h2 id="h-recovery">Recovery time per incident</h2>${recoveryTimeChart(m)}</section><section aria-labelledby="h-stages"><h2 id="h-stages">Detection \u2192 PR \u2192 merge \u2192 deploy</h2>${stagesChart(m)}</section><section aria-labelledby="h-targets"><h2 id="h-targets">Rollback rate and follow-up completion</h2>${targetsChart(m)}</section><section aria-labelledby="h-weekly"><h2 id="h-weekly">Incidents per week</h2>${weeklyChart(m)}</section><section aria-labelledby="h-overdue"><h2 id="h-overdue">Overdue follow-ups</h2>${overdueList(m)}</section><section aria-labelledby="h-incidents"><h2 id="h-incidents">Incidents</h2>${incidentTable(m.perIncident)}</section>`;
}
function renderHtmlReport(repo, m) {
  const scope = m.since ? ` detected since ${m.since.slice(0, 10)}` : "";
  return htmlPage({
    title: `Recovery report: ${repo}`,
    body: `<h1>Recovery report: ${escapeHtml(repo)}</h1><p class="meta">${m.incidents} incident${m.incidents === 1 ? "" : "s"}${escapeHtml(scope)}; generated ${escapeHtml(m.generatedAt.slice(0, 16).replace("T", " "))} UTC by hotfix-bot.</p>` + recoverySections(m)
  });
}

// src/metrics/read-incidents.ts
var labelName = (label) => typeof label === "string" ? label : label.name ?? "";
async function readIncidents(ctx, config, options = {}) {
  const { octokit, repo } = ctx;
  let reads = 0;
  const counted = (value) => {
    reads += 1;
    return value;
  };
  const issues = /* @__PURE__ */ new Map();
  for (const label of Object.values(config.severity.labels)) {
    const found = await octokit.paginate(
      octokit.rest.issues.listForRepo,
      {
        ...repo,
        labels: label,
        state: "all",
        per_page: 100,
        ...options.since ? { since: options.since.toISOString() } : {}
      },
      (response) => counted(response.data)
    );
    for (const issue of found) {
      if (issue.pull_request || issues.has(issue.number)) continue;
      const labels = issue.labels.map(labelName);
      issues.set(issue.number, {
        number: issue.number,
        title: issue.title,
        url: issue.html_url,
        severity: severityFromLabels(labels, config),
        state: issue.state === "closed" ? "closed" : "open",
        createdAt: issue.created_at,
        timeline: null
      });
    }
  }
  for (const record of issues.values()) {
    const { state } = await readTimeline(ctx, record.number);
    reads += 1;
    record.timeline = state;
    if (state?.severity && !record.severity) record.severity = state.severity;
  }
  const followUps = /* @__PURE__ */ new Map();
  const followUpClosedAt = /* @__PURE__ */ new Map();
  const wanted = new Set(
    [...issues.values()].flatMap(
      (r) => Object.values(r.timeline?.pipelines ?? {}).flatMap(
        (p) => Object.values(p.followUps).map((f) => f?.issue)
      )
    )
  );
  for (const number of wanted) {
    if (number === void 0) continue;
    try {
      const { data } = await octokit.rest.issues.get({ ...repo, issue_number: number });
      reads += 1;
      followUps.set(number, data.state === "closed" ? "closed" : "open");
      if (data.state === "closed" && data.closed_at) followUpClosedAt.set(number, data.closed_at);
    } catch (error) {
      if (httpStatus(error) !== 404 && httpStatus(error) !== 410) throw error;
    }
  }
  return { incidents: [...issues.values()], followUps, followUpClosedAt, reads };
}

// src/metrics/report.ts
function defaults() {
  const result = validateConfig({});
  if (!result.ok) throw result.error;
  return result.config;
}
async function generateReport(ctx, options = {}) {
  const loaded = await ctx.config();
  const config = loaded.ok ? loaded.config : defaults();
  const records = await readIncidents(ctx, config, { since: options.since ?? null });
  const metrics = computeMetrics(records.incidents, records.followUps, {
    since: options.since ?? null,
    now: ctx.clock(),
    followUpClosedAt: records.followUpClosedAt
  });
  const repo = `${ctx.repo.owner}/${ctx.repo.repo}`;
  return {
    repo,
    metrics,
    text: renderReport(repo, metrics),
    html: () => renderHtmlReport(repo, metrics),
    reads: records.reads + 1,
    ...loaded.ok ? {} : { configProblem: loaded.error.message }
  };
}

export {
  computeMetrics,
  escapeHtml,
  safeHref,
  CONTENT_SECURITY_POLICY,
  htmlPage,
  recoverySections,
  readIncidents,
  generateReport
};
