import {
  ConfigError,
  DEFAULT_CONFIG_PATH,
  NOT_A_MAPPING,
  validateConfig
} from "./chunk-IFHMZTJI.js";
import {
  HotfixBotError,
  errorMessage
} from "./chunk-BLGKLY6J.js";

// src/action/inputs.ts
import { z } from "zod";
var booleanText = z.string().trim().transform((text) => text.toLowerCase()).pipe(z.enum(["", "true", "false"], "expected true or false")).transform((text) => text === "true");
var inputsSchema = z.object({
  "github-token": z.string().trim().min(1, "a token is required (the default is the workflow token)"),
  "config-path": z.string().trim().transform((path) => path || DEFAULT_CONFIG_PATH).pipe(
    z.string().max(500).regex(/^(?!\/)(?!.*\.\.)[A-Za-z0-9._/-]+$/, "a relative path inside the repository")
  ),
  "dry-run": booleanText,
  "workflow-token": z.string().trim(),
  app: z.string().trim().pipe(
    z.string().max(100).regex(
      /^$|^[1-9][0-9]{0,15}$|^[a-z0-9][a-z0-9-]*$/i,
      "an App id (digits) or an App slug (github-actions)"
    )
  ),
  "state-secret": z.string(),
  // Notification channels (incident/notify): incoming-webhook URLs, from secrets; checked when channels are built.
  "notify-slack": z.string().trim(),
  "notify-teams": z.string().trim(),
  "notify-webhook": z.string().trim(),
  "report-html": z.string().trim().pipe(
    z.string().max(500).regex(
      /^$|^(?!\/)(?!.*\.\.)[A-Za-z0-9._/-]+$/,
      "a relative path in the workspace, such as hotfix-report.html"
    )
  )
});

// src/action/token-app.ts
function appReference(text) {
  return /^[0-9]+$/.test(text) ? { id: Number(text) } : { slug: text };
}
async function tokenIdentity(octokit, app, stateSecret) {
  let appId;
  if ("id" in app) appId = app.id;
  else {
    const { data } = await octokit.request("GET /apps/{app_slug}", { app_slug: app.slug });
    if (!data || typeof data.id !== "number") throw new Error(`GitHub knows no App "${app.slug}"`);
    appId = data.id;
  }
  return { appId, stateSecret: stateSecret === "" ? null : stateSecret };
}

// src/util/http-status.ts
function httpStatus(error) {
  if (typeof error !== "object" || error === null) return void 0;
  const status = error.status;
  return typeof status === "number" ? status : void 0;
}

// src/config/load-config.ts
var fileName = (file) => `${file.owner}/${file.repo}:${file.path}`;
function otherOwnersFile(files, owner) {
  return files.find((file) => file.owner.toLowerCase() !== owner.toLowerCase());
}
function originOf(files, repo) {
  const others = files.filter(
    (file) => file.config && !(file.owner === repo.owner && file.repo === repo.repo)
  );
  const first = others[0];
  if (!first) return void 0;
  const own = files.find((file) => file.owner === repo.owner && file.repo === repo.repo)?.config;
  const ownKeys = new Set(own && typeof own === "object" ? Object.keys(own) : []);
  return { ownKeys, otherFile: others.map(fileName).join(", ") };
}
async function loadConfig(octokit, repo, path = DEFAULT_CONFIG_PATH) {
  let raw;
  let origin;
  try {
    const { config, files } = await octokit.config.get({ owner: repo.owner, repo: repo.repo, path });
    const foreign = otherOwnersFile(files, repo.owner);
    if (foreign) {
      const message = `_extends: ${fileName(foreign)} is outside ${repo.owner}; only repositories of ${repo.owner} can be extended`;
      return { ok: false, error: new ConfigError(path, [{ path: "_extends", message }]) };
    }
    origin = originOf(files, repo);
    const notMapping = files.find((file) => Array.isArray(file.config));
    if (notMapping) {
      const own = notMapping.owner === repo.owner && notMapping.repo === repo.repo;
      const file = own ? notMapping.path : `${notMapping.owner}/${notMapping.repo}:${notMapping.path}`;
      return { ok: false, error: new ConfigError(file, [{ path: "", message: NOT_A_MAPPING }]) };
    }
    raw = config;
  } catch (error) {
    const status = httpStatus(error);
    if (status !== void 0 && status !== 404) throw error;
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message.split("\n")[0]}` : "";
    const message = errorMessage(error).replace(/^\[@probot\/octokit-plugin-config\] /, "");
    return { ok: false, error: new ConfigError(path, [{ path: "", message: `${message}${cause}` }]) };
  }
  return validateConfig(raw, path, origin);
}
var ConfigCache = class {
  constructor(ttlMs = 6e4) {
    this.ttlMs = ttlMs;
  }
  ttlMs;
  entries = /* @__PURE__ */ new Map();
  get(key, now, load) {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.set(key, { at: now, value });
    value.catch(() => this.entries.delete(key));
    return value;
  }
  invalidate(key) {
    this.entries.delete(key);
  }
};

// src/util/keyed-mutex.ts
var KeyedMutex = class {
  tails = /* @__PURE__ */ new Map();
  async run(key, task) {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(task, task);
    const tail = current.catch(() => void 0);
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
};

// src/util/memo-async.ts
function memoAsync(compute) {
  let pending;
  return () => {
    pending ??= compute().catch((error) => {
      pending = void 0;
      throw error;
    });
    return pending;
  };
}

// src/engine-context.ts
function createEngineLocks() {
  return { pipeline: new KeyedMutex(), gate: new KeyedMutex() };
}
function createEngineContext(options) {
  const { octokit, repo, configPath } = options;
  const readConfig = options.readConfig ?? (() => loadConfig(octokit, repo, configPath));
  return {
    octokit,
    repo,
    config: memoAsync(readConfig),
    log: options.log,
    clock: options.clock ?? (() => /* @__PURE__ */ new Date()),
    identity: memoAsync(options.identity),
    locks: options.locks,
    ...options.instancesLock ? { instancesLock: options.instancesLock } : {},
    ...options.resumedRun ? { resumedRun: true } : {},
    ...options.notifyChannels ? { notifyChannels: options.notifyChannels } : {}
  };
}

// src/github/token-octokit.ts
import { ProbotOctokit } from "probot";
function format(args) {
  const strings = args.filter((a) => typeof a === "string");
  const fields = args.filter((a) => typeof a === "object" && a !== null && Object.keys(a).length > 0);
  return [...strings, ...fields.map((f) => JSON.stringify(f))].join(" ");
}
function createTokenOctokit(options) {
  const { log } = options;
  return new ProbotOctokit({
    auth: { token: options.token },
    baseUrl: options.apiUrl,
    userAgent: options.userAgent,
    ...options.pacing === false ? { throttle: { enabled: false } } : {},
    log: {
      debug: (...args) => log.debug(format(args)),
      info: (...args) => log.info(format(args)),
      warn: (...args) => log.warn(format(args)),
      error: (...args) => log.error(format(args))
    }
  });
}

// src/incident/notify/notify-channels.ts
var ENV_NAME = /^HOTFIX_NOTIFY_(SLACK|TEAMS|WEBHOOK)_([A-Z0-9][A-Z0-9_]{0,62})$/;
var NotifyChannelError = class extends Error {
  constructor(variable, reason) {
    super(`${variable}: ${reason}`);
    this.variable = variable;
  }
  variable;
  name = "NotifyChannelError";
};
function checkedUrl(variable, value) {
  let url2;
  try {
    url2 = new URL(value.trim());
  } catch {
    throw new NotifyChannelError(variable, "not a URL (expected the webhook's https:// URL)");
  }
  if (url2.protocol !== "https:" && url2.protocol !== "http:")
    throw new NotifyChannelError(variable, `a ${url2.protocol} URL; expected https://`);
  return url2.toString();
}
function channelNameOf(suffix) {
  return suffix.toLowerCase().replace(/_/g, "-");
}
function channelsFromEnvironment(env) {
  const channels = /* @__PURE__ */ new Map();
  for (const [variable, value] of Object.entries(env).sort(([a], [b]) => a.localeCompare(b))) {
    const match = ENV_NAME.exec(variable);
    if (!match || value === void 0 || value.trim() === "") continue;
    const kind = match[1].toLowerCase();
    const name = channelNameOf(match[2]);
    const existing = channels.get(name);
    if (existing)
      throw new NotifyChannelError(
        variable,
        `channel "${name}" is already defined as a ${existing.kind} channel`
      );
    channels.set(name, { name, kind, url: checkedUrl(variable, value) });
  }
  return channels;
}

// src/util/text-log.ts
function renderFields(fields) {
  return Object.entries(fields).filter(([, value]) => value !== void 0).map(([key, value]) => {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    return `${key}=${/[\s"=]/.test(text) ? JSON.stringify(text) : text}`;
  }).join(" ");
}
function textLog(sink, bindings = {}) {
  const fields = renderFields(bindings);
  const line = (msg) => fields ? `${msg} [${fields}]` : msg;
  return {
    debug: (msg) => sink.debug(line(msg)),
    info: (msg) => sink.info(line(msg)),
    warn: (msg) => sink.warn(line(msg)),
    error: (msg) => sink.error(line(msg)),
    child: (more) => textLog(sink, { ...bindings, ...more })
  };
}

// src/cli/github-context.ts
var CliEnvError = class extends HotfixBotError {
  kind = "usage";
  name = "CliEnvError";
};
var DEFAULT_API_URL = "https://api.github.com";
function parseRepo(text) {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(text ?? "");
  if (!match?.[1] || !match[2]) throw new CliEnvError(`--repo: expected owner/name, got "${text ?? ""}"`);
  return { owner: match[1], repo: match[2] };
}
function parseApiUrl(text) {
  const url2 = (text || DEFAULT_API_URL).replace(/\/+$/, "");
  if (!/^https?:\/\/\S+$/.test(url2))
    throw new CliEnvError(`--api-url: expected an http(s) URL, got "${text}"`);
  return url2;
}
function stderrLog(write, verbose) {
  return textLog({
    debug: (line) => {
      if (verbose) write(`debug: ${line}`);
    },
    info: (line) => {
      if (verbose) write(line);
    },
    warn: (line) => write(`warning: ${line}`),
    error: (line) => write(`error: ${line}`)
  });
}
function explainGitHubError(error, target) {
  const status = httpStatus(error);
  const name = `${target.repo.owner}/${target.repo.repo}`;
  const detail = error instanceof Error ? error.message.replace(/ - https:\/\/docs\.github\.com\S*$/, "") : "";
  switch (status) {
    case 404:
      return new Error(
        `repository ${name} not found at ${target.apiUrl}: check its name, and that the token in GITHUB_TOKEN can access it (a fine-grained token must list the repository; an App must be installed on it)`
      );
    case 401:
      return new Error(
        `${target.apiUrl} refused the token in GITHUB_TOKEN (${detail || "401"}): check that it is valid, not expired or revoked, and meant for this server`
      );
    case 403:
      return new Error(
        `${target.apiUrl} refused access to ${name} (${detail || "403"}): check the permissions of the token in GITHUB_TOKEN`
      );
    default:
      return error;
  }
}
function githubContext(input) {
  const token = input.env.GITHUB_TOKEN;
  if (!token)
    throw new CliEnvError(
      input.access === "read" ? "GITHUB_TOKEN is not set: export a token that can read the repository's issues (read-only is enough)" : "GITHUB_TOKEN is not set: export a token that can read and write the repository (contents, issues, pull requests, checks)"
    );
  const octokit = createTokenOctokit({
    token,
    apiUrl: input.apiUrl,
    log: input.log,
    userAgent: "hotfix-bot-cli",
    // As in the Action: GitHub's write pacing stays on unless turned off for a local sandbox.
    pacing: input.env.HOTFIX_BOT_WRITE_PACING !== "off"
  });
  return createEngineContext({
    octokit,
    repo: input.repo,
    log: input.log,
    locks: createEngineLocks(),
    ...input.configPath ? { configPath: input.configPath } : {},
    // A command that writes (the sweep) reaches milestones too: it tells the channels the App's environment
    // defines (HOTFIX_NOTIFY_<KIND>_<NAME>), so a window ended by `hotfix-bot sweep` is announced like the App's.
    ...input.access === "write" ? { notifyChannels: channelsFromEnvironment(input.env) } : {},
    identity: async () => {
      const app = input.env.HOTFIX_BOT_APP?.trim();
      if (!app) {
        throw new CliEnvError(
          "HOTFIX_BOT_APP is not set: name the GitHub App that runs hotfix-bot on this repository (its id or slug; github-actions for the Action with the workflow token), whose state alone is trusted"
        );
      }
      return tokenIdentity(octokit, appReference(app), input.env.HOTFIX_BOT_STATE_SECRET ?? "");
    }
  });
}

// src/incident/incident-durations.ts
function time(iso2) {
  if (!iso2) return null;
  const t = Date.parse(iso2);
  return Number.isNaN(t) ? null : t;
}
function span(a, b) {
  return a === null || b === null || b < a ? null : b - a;
}
function iso(t) {
  return t === null ? null : new Date(t).toISOString();
}
function incidentDurations(state) {
  const detected = time(state.detectedAt);
  const prOpened = time(state.intake?.pr?.openedAt);
  const pipelines = Object.values(state.pipelines);
  const merges = pipelines.map((p) => time(p.mergedAt)).filter((t) => t !== null);
  const merged = merges.length > 0 ? Math.min(...merges) : null;
  let first = null;
  for (const p of pipelines) {
    const deployed = time(p.deploy?.deployedAt);
    if (deployed !== null && (first === null || deployed < first.deployed))
      first = { deployed, merged: time(p.mergedAt) };
  }
  const followUps2 = pipelines.flatMap((p) => Object.values(p.followUps).flatMap((f) => f ? [f.issue] : []));
  return {
    detectedAt: iso(detected),
    prOpenedAt: iso(prOpened),
    mergedAt: iso(merged),
    deployedAt: iso(first?.deployed ?? null),
    detectionToPr: span(detected, prOpened),
    detectionToMerge: span(detected, merged),
    mergeToDeploy: span(first?.merged ?? null, first?.deployed ?? null),
    detectionToDeploy: span(detected, first?.deployed ?? null),
    rolledBack: pipelines.some((p) => p.deploy?.rollback !== void 0 || p.deploy?.failedAt !== void 0),
    followUps: [...new Set(followUps2)].sort((a, b) => a - b)
  };
}
function formatDuration(ms) {
  const s = Math.round(ms / 1e3);
  if (s < 60) return `${s} s`;
  const min = Math.round(ms / 6e4);
  if (min < 60) return `${min} min`;
  if (min < 24 * 60) return `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, "0")} min`;
  const h = Math.round(ms / 36e5);
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
function recoveryLine(d) {
  const parts = [];
  if (d.detectionToPr !== null) parts.push(`PR ${formatDuration(d.detectionToPr)}`);
  if (d.detectionToMerge !== null) parts.push(`merge ${formatDuration(d.detectionToMerge)}`);
  if (d.detectionToDeploy !== null) parts.push(`deploy ${formatDuration(d.detectionToDeploy)}`);
  if (parts.length === 0) return null;
  return `detection \u2192 ${parts.join(", \u2192 ")}`;
}

// src/text/escape-markdown.ts
var MARKDOWN_SPECIALS = /[\\`*_{}[\]()#+\-.!|~>]/g;
function escapeMarkdown(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(MARKDOWN_SPECIALS, "\\$&").replace(/@(?=[A-Za-z0-9])/g, "@&#8203;");
}
function escapeTableCell(text) {
  return escapeMarkdown(text.replace(/\r\n|\r|\n/g, " "));
}
function truncate(text, max, marker = "\u2026") {
  if (text.length <= max) return text;
  let end = Math.max(0, max - marker.length);
  const code = text.charCodeAt(end - 1);
  if (code >= 55296 && code <= 56319) end -= 1;
  return text.slice(0, end) + marker;
}
function linkTarget(url2) {
  return url2.replace(/[\s()<>[\]`]/g, (c) => c === "(" ? "%28" : c === ")" ? "%29" : encodeURIComponent(c));
}

// src/incident/timeline-schema.ts
import { z as z2 } from "zod";

// src/incident/follow-up-kinds.ts
var FOLLOW_UP_KINDS = [
  "post-mortem",
  "proper-fix",
  "regression-tests",
  "post-deploy-review",
  "security-review"
];

// src/incident/timeline-schema.ts
var isoTime = z2.string();
var url = z2.string();
var count = z2.number().int().positive();
var refused = z2.array(z2.object({ branch: z2.string(), tip: z2.string() }));
var backport = z2.object({
  status: z2.enum(["open", "conflict", "already", "failed"]),
  pr: count.optional(),
  url: url.optional(),
  error: z2.string().optional(),
  branch: z2.string().optional(),
  refused: refused.optional(),
  end: z2.discriminatedUnion("state", [
    z2.object({
      state: z2.literal("merged"),
      sha: z2.string(),
      at: isoTime,
      by: z2.string().nullable(),
      conflict: z2.boolean().optional()
    }),
    z2.object({ state: z2.literal("closed"), at: isoTime, by: z2.string().nullable() })
  ]).optional(),
  autoMerge: z2.object({ method: z2.string(), at: isoTime, error: z2.string().optional() }).optional(),
  waived: z2.object({ by: z2.string(), reason: z2.string(), at: isoTime }).optional()
});
var followUp = z2.object({
  issue: count,
  url,
  // Follow-up deadlines.
  dueAt: isoTime.optional(),
  overdueNoticeAt: isoTime.optional(),
  closedAt: isoTime.optional()
});
var followUps = z2.object(
  Object.fromEntries(FOLLOW_UP_KINDS.map((kind) => [kind, followUp.optional()]))
).default({});
var rollback = z2.object({
  status: z2.enum(["open", "conflict", "empty", "failed"]),
  pr: count.optional(),
  url: url.optional(),
  error: z2.string().optional(),
  branch: z2.string().optional(),
  refused: refused.optional()
});
var deploy = z2.object({
  workflow: z2.object({ id: z2.string(), ref: z2.string(), at: isoTime }).optional(),
  environment: z2.object({ name: z2.string(), deployment: count, at: isoTime }).optional(),
  deployedAt: isoTime.optional(),
  deployment: count.optional(),
  url: url.optional(),
  failedAt: isoTime.optional(),
  failedDeployment: count.optional(),
  rollback: rollback.optional(),
  escalated: z2.boolean().optional(),
  error: z2.string().optional()
});
var intake = z2.object({
  trigger: z2.enum(["label", "command"]),
  branch: z2.string(),
  cutFrom: z2.string(),
  baseSha: z2.string(),
  productionSha: z2.string(),
  line: z2.string().optional(),
  previousTag: z2.object({ name: z2.string(), sha: z2.string() }).optional(),
  checklist: z2.boolean().optional(),
  report: z2.object({ path: z2.string(), commit: z2.string() }).optional(),
  pr: z2.object({ number: count, url, openedAt: isoTime, byBot: z2.boolean() }).optional()
});
var pipeline = z2.object({
  pr: count,
  mergeSha: z2.string(),
  mergedAt: isoTime,
  tag: z2.string().optional(),
  release: z2.object({ id: count, url }).optional(),
  backports: z2.record(z2.string(), backport).default({}),
  followUps,
  branchDeleted: z2.boolean().optional(),
  deploy: deploy.optional(),
  done: z2.boolean(),
  heartbeatAt: isoTime,
  // Monitoring window and /rollback.
  monitor: z2.object({ sha: z2.string(), since: isoTime, until: isoTime, stableAt: isoTime.optional() }).optional(),
  rollbackBy: z2.object({
    kind: z2.enum(["command", "check"]),
    at: isoTime,
    by: z2.string(),
    byId: count.optional(),
    reason: z2.string(),
    commentId: count.optional()
  }).optional()
});
var entry = z2.object({
  key: z2.string(),
  at: isoTime,
  text: z2.string(),
  url: url.optional()
});
var timelineStateSchema = z2.object({
  v: z2.literal(1),
  incident: count.nullable(),
  detectedAt: isoTime.optional(),
  severity: z2.string().optional(),
  commander: z2.string().optional(),
  intake: intake.optional(),
  entries: z2.array(entry),
  pipelines: z2.record(z2.string(), pipeline),
  collapsed: z2.number().int().nonnegative().optional(),
  resolvedAt: isoTime.optional(),
  // Notifications (incident/notify).
  notifications: z2.record(
    z2.string(),
    z2.object({
      at: isoTime,
      channels: z2.array(
        z2.object({
          channel: z2.string(),
          kind: z2.string().optional(),
          ok: z2.boolean(),
          status: z2.number().int().optional(),
          error: z2.string().optional()
        })
      )
    })
  ).optional(),
  // Fast-track approval: see FastTrackState.
  fastTrack: z2.record(
    z2.string(),
    z2.object({ head: z2.string(), since: isoTime, minutes: count, firedAt: isoTime.optional() })
  ).optional(),
  // Resolution record (deploy/record-resolution).
  resolution: z2.object({
    status: z2.enum(["proposed", "timeline", "failed"]),
    fix: count,
    at: isoTime,
    pr: count.optional(),
    url: url.optional(),
    branch: z2.string().optional(),
    refused: refused.optional(),
    error: z2.string().optional()
  }).optional()
});
function toTimelineState(data) {
  const result = timelineStateSchema.safeParse(data);
  if (!result.success) return null;
  const state = result.data;
  return state;
}

// src/incident/timeline-markdown.ts
var TIMELINE_MARKER = "<!-- hotfix-bot:timeline ";
var STATE_LINE = /^\s*<!-- hotfix-bot:timeline ([^>]*) -->/;
var TIMELINE_BODY_MAX = 65e3;
var TimelineTooLargeError = class extends HotfixBotError {
  constructor(incident, length) {
    super(
      `the timeline of ${incident === null ? "this pull request" : `incident #${incident}`} needs ${length} characters even with every entry dropped (limit ${TIMELINE_BODY_MAX})`
    );
    this.incident = incident;
    this.length = length;
    this.name = "TimelineTooLargeError";
  }
  incident;
  length;
  kind = "unworkable";
};
function encodeState(state) {
  return JSON.stringify(state).replace(/</g, "\\u003c").replace(/>/g, "\\u003e");
}
function formatTime(iso2) {
  const t = Date.parse(iso2);
  if (Number.isNaN(t)) return escapeTableCell(iso2);
  return `${new Date(t).toISOString().slice(0, 16).replace("T", " ")}`;
}
function link(text, url2) {
  return url2 ? `[${text}](${linkTarget(url2)})` : text;
}
var FOLLOW_UP_LABEL = {
  "post-mortem": "post-mortem",
  "proper-fix": "proper fix",
  "regression-tests": "regression tests",
  "post-deploy-review": "post-deploy review",
  "security-review": "security review"
};
function pipelineLine(p) {
  const parts = [`#${p.pr} merged as \`${p.mergeSha.slice(0, 7)}\` at ${formatTime(p.mergedAt)} UTC`];
  if (p.tag) parts.push(`tag ${link(escapeMarkdown(p.tag), p.release?.url)}`);
  const backports = Object.entries(p.backports).map(([target, b]) => {
    const what = b.pr ? link(`#${b.pr}`, b.url) : "";
    const error = b.error ? ` (${escapeTableCell(truncate(b.error, 200))})` : "";
    return `${escapeMarkdown(target)}: ${b.status}${what ? ` ${what}` : ""}${error}`;
  });
  if (backports.length > 0) parts.push(`backports ${backports.join(", ")}`);
  const followUps2 = Object.entries(p.followUps).flatMap(
    ([kind, f]) => f ? [
      `${FOLLOW_UP_LABEL[kind] ?? escapeMarkdown(kind)} ${link(`#${f.issue}`, f.url)}${f.dueAt ? ` (due ${formatTime(f.dueAt)} UTC)` : ""}`
    ] : []
  );
  if (followUps2.length > 0) parts.push(`follow-ups ${followUps2.join(", ")}`);
  if (p.branchDeleted) parts.push("branch deleted");
  parts.push(p.done ? "**done**" : `in progress (last seen ${formatTime(p.heartbeatAt)} UTC)`);
  return `- ${parts.join(" \xB7 ")}`;
}
function header(state) {
  const facts = [
    ...state.incident === null ? [] : [`Incident #${state.incident}`],
    ...state.severity ? [`severity ${escapeMarkdown(state.severity)}`] : [],
    ...state.commander ? [`commander ${escapeMarkdown(`@${state.commander}`)}`] : [],
    ...state.detectedAt ? [`detected ${formatTime(state.detectedAt)} UTC`] : []
  ];
  const recovery = recoveryLine(incidentDurations(state));
  return [
    "### Hotfix timeline",
    ...facts.length > 0 ? ["", facts.join(" \xB7 ")] : [],
    ...recovery ? ["", `Recovery: ${recovery}`] : []
  ];
}
function layout(state, hidden) {
  const shown = state.entries.slice(hidden);
  const earlier = hidden + (state.collapsed ?? 0);
  const lines = [`${TIMELINE_MARKER}${encodeState(state)} -->`, ...header(state), ""];
  if (earlier > 0)
    lines.push(`_${earlier} earlier ${earlier === 1 ? "entry is" : "entries are"} not shown._`, "");
  if (shown.length > 0) {
    lines.push("| Time (UTC) | Step |", "| --- | --- |");
    for (const e of shown) lines.push(`| ${formatTime(e.at)} | ${link(escapeTableCell(e.text), e.url)} |`);
    lines.push("");
  } else if (earlier === 0) {
    lines.push("_No steps yet._", "");
  }
  const pipelines = Object.values(state.pipelines).sort((a, b) => a.pr - b.pr);
  if (pipelines.length > 0) lines.push("#### Pipelines", "", ...pipelines.map(pipelineLine), "");
  return lines.join("\n");
}
function smallest(max, fits) {
  let lo = 0;
  let hi = max + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
var STORED_ERROR_MAX = 1e3;
function boundErrors(state) {
  const long = Object.values(state.pipelines).some(
    (p) => Object.values(p.backports).some((b) => (b.error?.length ?? 0) > STORED_ERROR_MAX)
  );
  if (!long) return state;
  const pipelines = {};
  for (const [key, p] of Object.entries(state.pipelines)) {
    const backports = {};
    for (const [target, b] of Object.entries(p.backports)) {
      backports[target] = b.error === void 0 ? b : { ...b, error: truncate(b.error, STORED_ERROR_MAX) };
    }
    pipelines[key] = { ...p, backports };
  }
  return { ...state, pipelines };
}
function dropOldest(state, count2) {
  if (count2 === 0) return state;
  return { ...state, entries: state.entries.slice(count2), collapsed: (state.collapsed ?? 0) + count2 };
}
function renderTimeline(input) {
  const state = boundErrors(input);
  const fits = (body) => body.length <= TIMELINE_BODY_MAX;
  const full = layout(state, 0);
  if (fits(full)) return full;
  const n = state.entries.length;
  const dropped = smallest(n, (d) => {
    const kept2 = dropOldest(state, d);
    return fits(layout(kept2, kept2.entries.length));
  });
  if (dropped > n) throw new TimelineTooLargeError(state.incident, layout(dropOldest(state, n), 0).length);
  const kept = dropOldest(state, dropped);
  const hidden = smallest(kept.entries.length, (h) => fits(layout(kept, h)));
  return layout(kept, hidden);
}
function parseTimeline(body) {
  if (typeof body !== "string") return null;
  const match = STATE_LINE.exec(body);
  if (!match) return null;
  try {
    return toTimelineState(JSON.parse(match[1]));
  } catch {
    return null;
  }
}
function hasTimelineMarker(body) {
  return typeof body === "string" && body.trimStart().startsWith(TIMELINE_MARKER);
}
function visibleTimeline(body) {
  return body.trimStart().replace(/^<!--[^\n]*-->\n*/, "");
}

// src/identity/bot-identity.ts
function isWrittenByUs(item, identity) {
  return item.performed_via_github_app?.id === identity.appId;
}
function isOurCheckRun(run, identity) {
  return run.app?.id === identity.appId;
}
function isOpenedByAnApp(pr) {
  return pr.user?.type === "Bot";
}

// src/identity/state-seal.ts
import { createHmac, timingSafeEqual } from "node:crypto";
var OPEN = "<!-- hotfix-bot:";
var CLOSE = "-->";
var SEAL = `${OPEN}seal `;
var SEAL_VALUE = /^<!-- hotfix-bot:seal ([0-9a-f]{64}) -->$/;
function hiddenMarkers(body) {
  const markers = [];
  let from = 0;
  for (; ; ) {
    const start = body.indexOf(OPEN, from);
    if (start < 0) return markers;
    const end = body.indexOf(CLOSE, start + OPEN.length);
    if (end < 0) return markers;
    const marker = body.slice(start, end + CLOSE.length);
    if (!marker.startsWith(SEAL)) markers.push(marker);
    from = end + CLOSE.length;
  }
}
function mac(secret, scope, body) {
  return createHmac("sha256", secret).update(`${scope}
${hiddenMarkers(body).join("\n")}`).digest("hex");
}
function sealBody(body, secret, scope) {
  return `${body}
${SEAL}${mac(secret, scope, body)} ${CLOSE}`;
}
function hasValidSeal(body, secret, scope) {
  const start = body.lastIndexOf(SEAL);
  if (start < 0) return false;
  const end = body.indexOf(CLOSE, start);
  const match = end < 0 ? null : SEAL_VALUE.exec(body.slice(start, end + CLOSE.length));
  if (!match?.[1]) return false;
  const expected = Buffer.from(mac(secret, scope, body), "hex");
  return timingSafeEqual(expected, Buffer.from(match[1], "hex"));
}

// src/identity/trusted-state.ts
function scopeText(scope) {
  const repo = `${scope.repo.owner}/${scope.repo.repo}`.toLowerCase();
  return scope.issue === null ? repo : `${repo}#${scope.issue}`;
}
async function isTrustedState(ctx, item, scope) {
  const identity = await ctx.identity();
  if (!isWrittenByUs(item, identity)) return false;
  if (identity.stateSecret === null) return true;
  return hasValidSeal(item.body ?? "", identity.stateSecret, scopeText(scope));
}
async function sealState(ctx, body, scope) {
  const identity = await ctx.identity();
  return identity.stateSecret === null ? body : sealBody(body, identity.stateSecret, scopeText(scope));
}

// src/route.ts
function isDeliberateStop(error) {
  return typeof error === "object" && error !== null && error.deliberateStop === true;
}
function partialOutcomeOf(error) {
  if (typeof error !== "object" || error === null) return void 0;
  return error.partial;
}
function attachPartial(error, partial) {
  if (typeof error === "object" && error !== null && Object.isExtensible(error))
    error.partial = { ...partial, ...partialOutcomeOf(error) };
  return error;
}
function stoppedWith(error, partial) {
  return isDeliberateStop(error) ? attachPartial(error, partial) : error;
}
function writtenBefore(error, partial) {
  return attachPartial(error, partial);
}

// src/util/create-once.ts
var NO_BLIND_RETRY = { request: { retries: 0 } };
function answerMayBeLost(error) {
  const status = httpStatus(error);
  return status !== void 0 && status >= 500;
}
async function createOnce(create, find, attempts = 4) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      if (!answerMayBeLost(error) || attempt >= attempts) throw error;
      const found = await find();
      if (found !== null) return found;
    }
  }
}

// src/incident/upsert-timeline.ts
async function findTimelineComment(ctx, issueNumber) {
  const { octokit, repo } = ctx;
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    ...repo,
    issue_number: issueNumber,
    per_page: 100
  });
  for await (const page of pages) {
    for (const comment of page.data) {
      if (!hasTimelineMarker(comment.body)) continue;
      if (await isTrustedState(ctx, comment, { repo, issue: issueNumber })) return comment;
    }
  }
  return null;
}
async function readTimeline(ctx, issueNumber) {
  const comment = await findTimelineComment(ctx, issueNumber);
  if (!comment) return { commentId: null, state: null };
  return { commentId: comment.id, state: parseTimeline(comment.body ?? "") };
}
async function writeTimeline(ctx, issueNumber, commentId, state) {
  const rendered = renderTimeline(state);
  const markdown = visibleTimeline(rendered);
  try {
    return await writeTimelineComment(ctx, issueNumber, commentId, rendered, markdown);
  } catch (error) {
    throw stoppedWith(error, { timeline: markdown });
  }
}
async function writeTimelineComment(ctx, issueNumber, commentId, rendered, markdown) {
  const { octokit, repo } = ctx;
  const body = await sealState(ctx, rendered, { repo, issue: issueNumber });
  if (commentId !== null) {
    try {
      await octokit.rest.issues.updateComment({ ...repo, comment_id: commentId, body });
      return { commentId, markdown };
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
    }
  }
  const createdId = await createOnce(
    async () => {
      const { data } = await octokit.rest.issues.createComment({
        ...repo,
        issue_number: issueNumber,
        body,
        ...NO_BLIND_RETRY
      });
      return data.id;
    },
    async () => {
      const found = await findTimelineComment(ctx, issueNumber);
      return found?.body === body ? found.id : null;
    }
  );
  const first = await findTimelineComment(ctx, issueNumber);
  if (!first || first.id === createdId) return { commentId: createdId, markdown };
  try {
    await octokit.rest.issues.deleteComment({ ...repo, comment_id: createdId });
  } catch (error) {
    if (httpStatus(error) !== 404) throw error;
  }
  await octokit.rest.issues.updateComment({ ...repo, comment_id: first.id, body });
  return { commentId: first.id, markdown };
}

// src/rules/severity.ts
var ORDER = ["P0", "P1", "P2"];
function severityFromLabels(labels, config) {
  const present = new Set(labels.map((l) => l.toLowerCase()));
  return ORDER.find((s) => present.has(config.severity.labels[s].toLowerCase())) ?? null;
}
function resolveSeverity(facts, config) {
  const own = severityFromLabels(facts.prLabels, config);
  if (own) return { severity: own, source: { kind: "pull-request" } };
  const incident = facts.incident;
  if (incident?.labels) {
    const linked = severityFromLabels(incident.labels, config);
    if (linked) return { severity: linked, source: { kind: "incident", number: incident.number } };
  }
  return {
    severity: config.severity.default,
    source: {
      kind: "default",
      incident: incident ? {
        number: incident.number,
        found: incident.labels !== null,
        ...incident.unbound ? { unbound: true } : {}
      } : null
    }
  };
}
function severityRow(resolved, config) {
  const { severity, source } = resolved;
  const label = config.severity.labels[severity];
  let reason;
  if (source.kind === "pull-request") reason = `${severity} (label ${label} on the PR)`;
  else if (source.kind === "incident") reason = `${severity} (label ${label} on incident #${source.number})`;
  else if (source.incident?.unbound)
    reason = `${severity} by default (incident #${source.incident.number} does not record this branch as its hotfix branch, so the link is not followed)`;
  else if (source.incident && !source.incident.found)
    reason = `${severity} by default (incident #${source.incident.number} could not be read)`;
  else reason = `${severity} by default (no severity label on the PR or its incident)`;
  return { rule: "severity", label: "Severity", state: "pass", reason };
}

export {
  httpStatus,
  loadConfig,
  ConfigCache,
  memoAsync,
  createEngineLocks,
  createEngineContext,
  channelsFromEnvironment,
  parseRepo,
  parseApiUrl,
  stderrLog,
  explainGitHubError,
  githubContext,
  incidentDurations,
  formatDuration,
  recoveryLine,
  escapeMarkdown,
  escapeTableCell,
  truncate,
  linkTarget,
  FOLLOW_UP_KINDS,
  parseTimeline,
  isWrittenByUs,
  isOurCheckRun,
  isOpenedByAnApp,
  isTrustedState,
  sealState,
  isDeliberateStop,
  partialOutcomeOf,
  stoppedWith,
  writtenBefore,
  NO_BLIND_RETRY,
  createOnce,
  readTimeline,
  writeTimeline,
  severityFromLabels,
  resolveSeverity,
  severityRow
};
