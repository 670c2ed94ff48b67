import {
  explainGitHubError,
  formatDuration,
  githubContext,
  httpStatus,
  incidentDurations,
  readTimeline,
  severityFromLabels,
  stderrLog
} from "./chunk-4ADIYY7L.js";
import {
  validateConfig
} from "./chunk-Y7K2DOCE.js";

// src/metrics/report-args.ts
var ReportUsageError = class extends Error {
  name = "ReportUsageError";
};
var REPORT_USAGE = [
  "Usage: report --repo owner/name [--since DATE] [--json] [--api-url URL]",
  "",
  "Recovery metrics of a repository's hotfix incidents, from the incident records hotfix-bot keeps:",
  "detection \u2192 PR, \u2192 merge, merge \u2192 deploy, detection \u2192 deploy, rollback rate and follow-up completion,",
  "set against the policy (resolution under 1 h, rollback rate under 5 %, every follow-up closed).",
  "",
  "  --repo owner/name  the repository (required)",
  "  --since DATE       only incidents detected since this date (YYYY-MM-DD or an ISO 8601 time)",
  "  --json             print the figures as JSON",
  "  --api-url URL      the REST API (GitHub Enterprise, the sandbox); default $GITHUB_API_URL or GitHub's",
  "",
  "The token is read from GITHUB_TOKEN."
].join("\n");
var REPO = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
function parseReportArgs(argv) {
  const args = {
    repo: { owner: "", repo: "" },
    since: null,
    json: false,
    apiUrl: null,
    help: false
  };
  let repo = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, void 0];
    const value = () => {
      if (inline !== void 0) return inline;
      const next = argv[i + 1];
      if (next === void 0 || next.startsWith("--")) throw new ReportUsageError(`${flag} needs a value`);
      i += 1;
      return next;
    };
    switch (flag) {
      case "--repo":
        repo = value();
        break;
      case "--since": {
        const text = value();
        const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? /* @__PURE__ */ new Date(`${text}T00:00:00Z`) : new Date(text);
        if (Number.isNaN(date.getTime())) throw new ReportUsageError(`--since: not a date: ${text}`);
        args.since = date;
        break;
      }
      case "--json":
        args.json = true;
        break;
      case "--api-url": {
        const url = value();
        if (!/^https?:\/\/[^\s]+$/.test(url))
          throw new ReportUsageError(`--api-url: not an http(s) URL: ${url}`);
        args.apiUrl = url.replace(/\/+$/, "");
        break;
      }
      case "--help":
      case "-h":
        args.help = true;
        break;
      default:
        throw new ReportUsageError(`unknown argument ${arg}`);
    }
  }
  if (args.help) return args;
  if (repo === null) throw new ReportUsageError("--repo owner/name is required");
  const match = REPO.exec(repo);
  if (!match) throw new ReportUsageError(`--repo: not owner/name: ${repo}`);
  args.repo = { owner: match[1], repo: match[2] };
  return args;
}

// src/metrics/compute-metrics.ts
var POLICY = {
  /** Every incident resolved (its fix deployed, or merged where no deploy is recorded) within an hour. */
  resolutionMs: 36e5,
  /** Fewer than 5 % of shipped hotfixes rolled back. */
  rollbackRate: 0.05,
  /** Every follow-up issue closed. */
  followUpCompletion: 1
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
  const rows = kept.map((record) => {
    const d = record.timeline ? incidentDurations(record.timeline) : incidentDurations({ v: 1, incident: record.number, entries: [], pipelines: {} });
    const closed2 = d.followUps.filter((n) => followUpStates.get(n) === "closed").length;
    return {
      number: record.number,
      title: record.title,
      url: record.url,
      severity: record.severity,
      state: record.state,
      ...d,
      resolutionMs: d.detectionToDeploy ?? d.detectionToMerge,
      followUpsOpened: d.followUps.length,
      followUpsClosed: closed2
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
      met: completion === null || completion >= POLICY.followUpCompletion
    },
    perIncident: rows
  };
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
    } catch (error) {
      if (httpStatus(error) !== 404 && httpStatus(error) !== 410) throw error;
    }
  }
  return { incidents: [...issues.values()], followUps, reads };
}

// src/metrics/render-report.ts
var dash = "\u2013";
var duration = (ms) => ms === null ? dash : formatDuration(ms);
var percent = (ratio) => ratio === null ? dash : `${Math.round(ratio * 1e3) / 10} %`;
function table(rows) {
  const widths = (rows[0] ?? []).map((_, col) => Math.max(...rows.map((row) => (row[col] ?? "").length)));
  const line = (row) => row.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join("  ").trimEnd();
  const [head, ...body] = rows;
  return [line(head ?? []), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)];
}
function durationRow(name, s, target = "", status = "") {
  return [name, String(s.count), duration(s.medianMs), duration(s.maxMs), target, status];
}
function oneLine(text, max = 60) {
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}\u2026` : clean;
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
      ]
    ]),
    "",
    "Resolution is detection \u2192 deploy, or detection \u2192 merge where no deploy is recorded."
  ];
  if (m.perIncident.length > 0) {
    lines.push("");
    lines.push(
      ...table([
        ["Incident", "Severity", "\u2192 PR", "\u2192 merge", "\u2192 deploy", "Rollback", "Follow-ups", "Title"],
        ...m.perIncident.map((row) => [
          `#${row.number}${row.state === "open" ? " (open)" : ""}`,
          row.severity ?? dash,
          duration(row.detectionToPr),
          duration(row.detectionToMerge),
          duration(row.detectionToDeploy),
          row.rolledBack ? "yes" : "no",
          `${row.followUpsClosed}/${row.followUpsOpened}`,
          oneLine(row.title)
        ])
      ])
    );
  }
  return `${lines.join("\n")}
`;
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
    now: ctx.clock()
  });
  const repo = `${ctx.repo.owner}/${ctx.repo.repo}`;
  return {
    repo,
    metrics,
    text: renderReport(repo, metrics),
    reads: records.reads + 1,
    ...loaded.ok ? {} : { configProblem: loaded.error.message }
  };
}
async function runReport(argv, io) {
  let args;
  try {
    args = parseReportArgs(argv);
  } catch (error) {
    if (!(error instanceof ReportUsageError)) throw error;
    io.stderr(`report: ${error.message}

${REPORT_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout(REPORT_USAGE);
    return 0;
  }
  const apiUrl = args.apiUrl ?? io.env.GITHUB_API_URL?.replace(/\/+$/, "") ?? "https://api.github.com";
  try {
    const ctx = githubContext({
      env: io.env,
      repo: args.repo,
      apiUrl,
      log: stderrLog(io.stderr, false),
      access: "read"
    });
    const report = await generateReport(ctx, { since: args.since });
    if (report.configProblem) io.stderr(`warning: default severity labels used: ${report.configProblem}`);
    io.stdout(args.json ? JSON.stringify(report.metrics) : report.text);
    return 0;
  } catch (caught) {
    const error = explainGitHubError(caught, { repo: args.repo, apiUrl });
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`report: ${message}`);
    return error instanceof Error && error.name === "CliEnvError" ? 2 : 1;
  }
}

export {
  REPORT_USAGE,
  generateReport,
  runReport
};
