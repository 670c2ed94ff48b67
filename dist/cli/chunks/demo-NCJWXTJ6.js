import {
  BACKPORT_PR_ACTIONS,
  CLOSED_AT_RESOLUTION_KEY,
  KeyedMutex,
  MissingLineError,
  PER_PAGE,
  SWEEP_LOOKBACK_DAYS,
  WriteAccessCache,
  addEntry,
  backportCheckOutput,
  backportCheckTitle,
  backportLanded,
  backportPrEventFrom,
  branchNameProblem,
  checkApprovals,
  collectPages,
  discoverActiveRepositories,
  ensureBotComment,
  findBackportRun,
  handleDeploymentStatus,
  hasWritePermission,
  hotfixPrOf,
  incidentOfBranch,
  incidentOfPull,
  isMergedHotfix,
  markerOf,
  mergedPullRequestFrom,
  openBackportCheck,
  openDraftPr,
  passBackportCheck,
  pipelineLock,
  readApprovalFacts,
  recordBackportEvent,
  remindOnIncident,
  runAfterMerge,
  runIntake,
  settleIncident,
  sweepRepository,
  withIncidentLock
} from "./chunk-765JCV5L.js";
import {
  CONTENT_SECURITY_POLICY,
  computeMetrics,
  escapeHtml,
  generateReport,
  htmlPage,
  readIncidents,
  recoverySections,
  safeHref
} from "./chunk-K5NX3F2Y.js";
import {
  ConfigCache,
  GATE_CHECK_NAME,
  NO_BLIND_RETRY,
  createOnce,
  escapeMarkdown,
  escapeTableCell,
  formatDuration,
  githubContext,
  httpStatus,
  incidentDurations,
  isOpenedByAnApp,
  isOurCheckRun,
  loadConfig,
  memoAsync,
  parseTimeline,
  readTimeline,
  recoveryLine,
  resolveSeverity,
  severityFromLabels,
  severityRow,
  truncate,
  writeTimeline
} from "./chunk-45E5AWTP.js";
import {
  branchPatternProblems,
  checkTitle,
  configSchema,
  isHotfixFamilyBranch,
  isProductionLine,
  jiraKeyOf,
  matchingBranchPattern,
  validateConfig
} from "./chunk-Z4IIVL32.js";
import {
  WEBSHOP,
  startSandbox
} from "./chunk-QRRRTHL6.js";
import {
  codeSpan
} from "./chunk-HOZ5FGTY.js";
import {
  parseCommandArgs
} from "./chunk-LDPOZN2S.js";
import {
  EXIT,
  UsageError
} from "./chunk-UNCCS3NG.js";

// src/sandbox-app/start-app-on-sandbox.ts
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import pino from "pino";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";

// src/app.ts
import { Redis as Redis3 } from "ioredis";

// src/after-merge/after-merge-route.ts
var afterMergeRoute = {
  step: "after-merge",
  long: true,
  triggers: [{ event: "pull_request", actions: ["closed"] }],
  match(event) {
    if (event.name !== "pull_request") return null;
    const payload = event.payload;
    if (payload?.action !== "closed") return null;
    return mergedPullRequestFrom(payload.pull_request);
  },
  async run(pr, ctx) {
    const loaded = await ctx.config();
    if (!loaded.ok) {
      ctx.log.error(`after-merge of #${pr.number} skipped: ${loaded.error.message}`);
      return void 0;
    }
    if (!isMergedHotfix(pr, loaded.config)) return void 0;
    return runAfterMerge(ctx, loaded.config, pr);
  }
};

// src/after-merge/backport-command.ts
import { z } from "zod";

// src/incident/refusal-marker.ts
function refusalMarker(userId) {
  return `<!-- hotfix-bot:command-refused ${JSON.stringify({ user: userId })} -->`;
}

// src/after-merge/backport-command.ts
var commentShape = z.object({
  action: z.literal("created"),
  issue: z.object({ number: z.number().int().positive(), pull_request: z.object({}).passthrough() }),
  comment: z.object({
    id: z.number().int().positive(),
    body: z.string().max(65536),
    user: z.object({ id: z.number().int().positive(), login: z.string(), type: z.string() })
  })
});
function backportReplyMarker(commentId) {
  return `<!-- hotfix-bot:backport-reply ${JSON.stringify({ comment: commentId })} -->`;
}
function parseBackportCommand(payload) {
  const parsed = commentShape.safeParse(payload);
  if (!parsed.success || parsed.data.comment.user.type === "Bot") return null;
  const match = /^\/backport[ \t]+(\S+)[ \t]*$/.exec(parsed.data.comment.body.split(/\r?\n/, 1)[0] ?? "");
  if (!match?.[1] || match[1] === "confirm" || match[1] === "skip") return null;
  return {
    pull: parsed.data.issue.number,
    target: match[1],
    commenter: parsed.data.comment.user.login,
    commenterId: parsed.data.comment.user.id,
    commentId: parsed.data.comment.id
  };
}
var backportCommandRoute = {
  step: "backport-command",
  long: true,
  triggers: [{ event: "issue_comment", actions: ["created"] }],
  match(event) {
    return event.name === "issue_comment" ? parseBackportCommand(event.payload) : null;
  },
  async run(command2, ctx) {
    const { octokit, repo } = ctx;
    const marker = backportReplyMarker(command2.commentId);
    const reply = (body) => ensureBotComment(ctx, command2.pull, marker, `${marker}
${body}`);
    if (!await hasWritePermission(ctx, command2.commenter)) {
      const refused = refusalMarker(command2.commenterId);
      await ensureBotComment(
        ctx,
        command2.pull,
        refused,
        `${refused}
@${command2.commenter} only people with write access can ask for a backport; nothing was done.`
      );
      return void 0;
    }
    const target = command2.target;
    const problem = branchNameProblem(target);
    if (problem) {
      await reply(`\`/backport\`: that is not a branch name I can use (${problem}); nothing was done.`);
      return void 0;
    }
    const loaded = await ctx.config();
    if (!loaded.ok) {
      await reply(`\`/backport\` cannot run: ${escapeMarkdown(loaded.error.message)}`);
      return void 0;
    }
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: command2.pull });
    const pr = mergedPullRequestFrom(data);
    if (!pr || !isMergedHotfix(pr, loaded.config)) {
      await reply(
        "`/backport` works on merged hotfix pull requests into a production branch; nothing was done."
      );
      return void 0;
    }
    if (target === pr.baseRef) {
      await reply(
        `\`/backport\`: the fix is already on \`${escapeMarkdown(pr.baseRef)}\`; nothing was done.`
      );
      return void 0;
    }
    try {
      await octokit.rest.repos.getBranch({ ...repo, branch: target });
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
      await reply(`\`/backport\`: there is no branch \`${escapeMarkdown(target)}\`; nothing was done.`);
      return void 0;
    }
    return runAfterMerge(ctx, loaded.config, pr, { extraTargets: [target] });
  }
};

// src/after-merge/backport-confirm.ts
import { z as z2 } from "zod";
var commentShape2 = z2.object({
  action: z2.literal("created"),
  issue: z2.object({ number: z2.number().int().positive(), pull_request: z2.object({}).passthrough() }),
  comment: z2.object({
    id: z2.number().int().positive(),
    body: z2.string().max(65536),
    user: z2.object({ id: z2.number().int().positive(), login: z2.string(), type: z2.string() })
  })
});
function parseBackportConfirmation(payload) {
  const parsed = commentShape2.safeParse(payload);
  if (!parsed.success || parsed.data.comment.user.type === "Bot") return null;
  const line = parsed.data.comment.body.split(/\r?\n/, 1)[0] ?? "";
  const match = /^\/backport[ \t]+confirm(?:[ \t]+([0-9a-fA-F]{7,40}))?[ \t]*$/.exec(line);
  if (!match) return null;
  const { user } = parsed.data.comment;
  return {
    pull: parsed.data.issue.number,
    sha: match[1]?.toLowerCase() ?? null,
    commenter: { id: user.id, login: user.login },
    commentId: parsed.data.comment.id
  };
}
var backportConfirmRoute = {
  step: "backport-confirm",
  triggers: [{ event: "issue_comment", actions: ["created"] }],
  match(event) {
    return event.name === "issue_comment" ? parseBackportConfirmation(event.payload) : null;
  },
  async run(command2, ctx) {
    const marker = backportReplyMarker(command2.commentId);
    const reply = (body) => ensureBotComment(ctx, command2.pull, marker, `${marker}
${body}`);
    if (!await new WriteAccessCache(ctx).hasWrite(command2.commenter)) {
      const refused = refusalMarker(command2.commenter.id);
      await ensureBotComment(
        ctx,
        command2.pull,
        refused,
        `${refused}
@${command2.commenter.login} only people with write access can confirm a backport; nothing was done.`
      );
      return void 0;
    }
    const { data: pr } = await ctx.octokit.rest.pulls.get({ ...ctx.repo, pull_number: command2.pull });
    const head = pr.head.sha;
    const run = isOpenedByAnApp(pr) ? await findBackportRun(ctx, head) : null;
    if (!run) {
      await reply(
        "`/backport confirm`: this pull request has no backport check waiting for a person; nothing was done."
      );
      return void 0;
    }
    if (command2.sha === null || !head.startsWith(command2.sha)) {
      await reply(
        `\`/backport confirm\` must name the head you checked: \`/backport confirm ${head.slice(0, 12)}\`` + (command2.sha === null ? "" : ` (the head is no longer \`${command2.sha}\`)`) + "; nothing was confirmed."
      );
      return void 0;
    }
    if (run.conclusion !== "success") await passBackportCheck(ctx, run, command2.commenter.login, head);
    return void 0;
  }
};
var pushShape = z2.object({
  action: z2.literal("synchronize"),
  before: z2.string().regex(/^[0-9a-f]{40}$/),
  after: z2.string().regex(/^[0-9a-f]{40}$/),
  pull_request: z2.object({
    number: z2.number().int().positive(),
    head: z2.object({ ref: z2.string().startsWith("hotfix-bot/backport-") }),
    user: z2.object({ type: z2.literal("Bot") })
  })
});
var backportCheckFollowsRoute = {
  step: "backport-check-follows",
  triggers: [{ event: "pull_request", actions: ["synchronize"] }],
  match(event) {
    if (event.name !== "pull_request") return null;
    const parsed = pushShape.safeParse(event.payload);
    return parsed.success ? { before: parsed.data.before, after: parsed.data.after } : null;
  },
  async run({ before, after }, ctx) {
    const previous = await findBackportRun(ctx, before);
    if (!previous) return void 0;
    const files = previous.text.split("\n").filter((line) => line.startsWith("- `")).length;
    const output = backportCheckOutput(after, []);
    await openBackportCheck(ctx, after, { ...output, title: backportCheckTitle(files), text: previous.text });
    return void 0;
  }
};

// src/after-merge/backport-end-route.ts
async function handleBackportPrEvent(ctx, event) {
  const loaded = await ctx.config();
  if (!loaded.ok) {
    ctx.log.error(`backport PR #${event.number} not recorded: ${loaded.error.message}`);
    return "not-ours";
  }
  const config = loaded.config;
  const hotfix = await hotfixPrOf(ctx, config, event.hotfixPr);
  if (!hotfix) return "not-ours";
  const { incident } = await incidentOfPull(ctx, hotfix);
  const issue = incident ?? hotfix.number;
  const key = `${ctx.repo.owner}/${ctx.repo.repo}#${hotfix.number}`;
  return pipelineLock.run(
    key,
    () => withIncidentLock(ctx, issue, async () => {
      const timeline = await readTimeline(ctx, issue);
      if (!timeline.state) return "not-ours";
      const recorded = recordBackportEvent(timeline.state, event, ctx.clock().toISOString());
      if (!recorded) {
        ctx.log.info(`#${event.number} is not a backport the timeline of #${issue} records: ignored`);
        return "not-ours";
      }
      if (!recorded.changed) return "unchanged";
      let state = await settleIncident(ctx, config, recorded.state, incident);
      state = await remindOnIncident(ctx, config, state);
      await writeTimeline(ctx, issue, timeline.commentId, state);
      return "recorded";
    })
  );
}
var backportEndRoute = {
  step: "backport-end",
  triggers: [{ event: "pull_request", actions: BACKPORT_PR_ACTIONS }],
  match(event) {
    return event.name === "pull_request" ? backportPrEventFrom(event.payload) : null;
  },
  async run(event, ctx) {
    await handleBackportPrEvent(ctx, event);
    return void 0;
  }
};

// src/after-merge/backport-skip-command.ts
import { z as z3 } from "zod";
var SKIP_REASON_MAX = 300;
var commentShape3 = z3.object({
  action: z3.literal("created"),
  // On the incident, an issue: a pull request's comment (`issue.pull_request`) is `/backport <branch>`'s place.
  issue: z3.object({ number: z3.number().int().positive(), pull_request: z3.undefined().optional() }),
  comment: z3.object({
    id: z3.number().int().positive(),
    body: z3.string().max(65536),
    created_at: z3.string().optional(),
    user: z3.object({ id: z3.number().int().positive(), login: z3.string(), type: z3.string() })
  })
});
function parseBackportSkip(payload) {
  const parsed = commentShape3.safeParse(payload);
  if (!parsed.success || parsed.data.comment.user.type === "Bot") return null;
  const first = parsed.data.comment.body.split(/\r?\n/, 1)[0] ?? "";
  const match = /^\/backport[ \t]+skip[ \t]+(\S+)(?:[ \t]+(.*))?$/.exec(first.trim());
  if (!match?.[1]) return null;
  return {
    incident: parsed.data.issue.number,
    target: match[1],
    reason: (match[2] ?? "").trim(),
    commenter: parsed.data.comment.user.login,
    commenterId: parsed.data.comment.user.id,
    commentId: parsed.data.comment.id,
    at: parsed.data.comment.created_at ?? null
  };
}
function waiveBackports(state, command2, at) {
  let next = state;
  let waived = false;
  for (const pipeline of Object.values(state.pipelines)) {
    const backport = pipeline.backports[command2.target];
    if (!backport) continue;
    if (backport.waived) waived = true;
    if (backportLanded(backport)) continue;
    waived = true;
    const record = { by: command2.commenter, reason: command2.reason, at };
    next = {
      ...next,
      pipelines: {
        ...next.pipelines,
        [String(pipeline.pr)]: {
          ...pipeline,
          backports: { ...pipeline.backports, [command2.target]: { ...backport, waived: record } }
        }
      }
    };
    next = addEntry(next, {
      key: `backport-waived-${pipeline.pr}-${command2.target}`,
      at,
      text: `Backport of #${pipeline.pr} to ${command2.target} waived by @${command2.commenter}: ${command2.reason}`
    });
  }
  return waived ? next : null;
}
async function runSkip(command2, ctx) {
  const marker = backportReplyMarker(command2.commentId);
  const reply = (body) => ensureBotComment(ctx, command2.incident, marker, `${marker}
${body}`);
  const account = { id: command2.commenterId, login: command2.commenter };
  if (!await new WriteAccessCache(ctx).hasWrite(account)) {
    const refused = refusalMarker(command2.commenterId);
    await ensureBotComment(
      ctx,
      command2.incident,
      refused,
      `${refused}
@${command2.commenter} only people with write access can waive a backport; nothing was done.`
    );
    return;
  }
  const problem = branchNameProblem(command2.target);
  if (problem) {
    await reply(`\`/backport skip\`: that is not a branch name (${problem}); nothing was done.`);
    return;
  }
  if (command2.reason === "" || command2.reason.length > SKIP_REASON_MAX) {
    await reply(
      `\`/backport skip ${escapeMarkdown(command2.target)} <reason>\` needs a reason of at most ${SKIP_REASON_MAX} characters, recorded on the timeline; nothing was done.`
    );
    return;
  }
  const loaded = await ctx.config();
  if (!loaded.ok) {
    await reply(`\`/backport skip\` cannot run: ${escapeMarkdown(loaded.error.message)}`);
    return;
  }
  await withIncidentLock(ctx, command2.incident, async () => {
    const timeline = await readTimeline(ctx, command2.incident);
    const at = validTime(command2.at) ?? ctx.clock().toISOString();
    const waived = timeline.state ? waiveBackports(timeline.state, command2, at) : null;
    if (!timeline.state || !waived) {
      await reply(
        `\`/backport skip\`: no backport to ${escapeMarkdown(command2.target)} is waiting on this incident; nothing was done.`
      );
      return;
    }
    if (JSON.stringify(waived) === JSON.stringify(timeline.state)) return;
    const state = await settleIncident(ctx, loaded.config, waived, command2.incident);
    await writeTimeline(ctx, command2.incident, timeline.commentId, state);
  });
}
function validTime(value) {
  const t = Date.parse(value ?? "");
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
var backportSkipRoute = {
  step: "backport-skip",
  triggers: [{ event: "issue_comment", actions: ["created"] }],
  match(event) {
    return event.name === "issue_comment" ? parseBackportSkip(event.payload) : null;
  },
  async run(command2, ctx) {
    await runSkip(command2, ctx);
    return void 0;
  }
};

// src/deploy/deployment-status-event.ts
import { z as z4 } from "zod";
var shape = z4.object({
  deployment_status: z4.object({
    state: z4.string(),
    created_at: z4.string().nullable().optional(),
    description: z4.string().nullable().optional(),
    target_url: z4.string().nullable().optional(),
    log_url: z4.string().nullable().optional(),
    environment: z4.string().nullable().optional()
  }),
  deployment: z4.object({
    id: z4.number().int().positive(),
    ref: z4.string(),
    sha: z4.string(),
    environment: z4.string(),
    payload: z4.unknown().optional()
  })
});
function looksLikeHotfixTag(ref) {
  return /^hotfix-\d{8}-\d{4}(?:-[1-9]\d*)?$/.test(ref) || /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.test(ref);
}
function deploymentStatusFrom(event) {
  if (event.name !== "deployment_status") return null;
  const parsed = shape.safeParse(event.payload);
  if (!parsed.success) return null;
  const { deployment_status: status, deployment } = parsed.data;
  if (status.state !== "success" && status.state !== "failure" && status.state !== "error") return null;
  const marker = markerOf(deployment.payload);
  if (!looksLikeHotfixTag(deployment.ref) && marker === null) return null;
  return {
    deployment: deployment.id,
    state: status.state,
    ref: deployment.ref,
    sha: deployment.sha,
    environment: status.environment ?? deployment.environment,
    at: status.created_at ?? null,
    description: status.description ?? "",
    url: status.log_url || status.target_url || null,
    marker
  };
}

// src/deploy/deployment-status-route.ts
var deploymentStatusRoute = {
  step: "deployment-status",
  long: true,
  triggers: [{ event: "deployment_status" }],
  match: deploymentStatusFrom,
  async run(status, ctx) {
    const loaded = await ctx.config();
    if (!loaded.ok) {
      ctx.log.error(`deployment ${status.deployment} of ${status.ref} not handled: ${loaded.error.message}`);
      return void 0;
    }
    const handled = await handleDeploymentStatus(ctx, loaded.config, status);
    ctx.log.info(`deployment ${status.deployment} of ${status.ref} (${status.state}): ${handled}`);
    return void 0;
  }
};

// src/rules/check-name-glob.ts
function matchesCheckName(pattern, name) {
  if (pattern === name) return true;
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    const c = pattern[p];
    if (c === "?" || c !== void 0 && c !== "*" && c === name[n]) {
      p += 1;
      n += 1;
    } else if (c === "*") {
      star = p;
      resume = n;
      p += 1;
    } else if (star >= 0) {
      p = star + 1;
      resume += 1;
      n = resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === "*") p += 1;
  return p === pattern.length;
}

// src/rules/rule-result.ts
var SEVERITY = { pass: 0, warn: 1, pending: 2, fail: 3 };
function worstState(states) {
  let worst = "pass";
  for (const state of states) if (SEVERITY[state] > SEVERITY[worst]) worst = state;
  return worst;
}

// src/rules/required-checks.ts
function statusAsCheckRun(status) {
  const pending = status.state === "pending";
  return {
    id: status.id,
    name: status.context,
    status: pending ? "pending" : "completed",
    conclusion: pending ? null : status.state,
    startedAt: status.createdAt,
    completedAt: pending ? null : status.createdAt,
    app: null,
    creator: status.creator
  };
}
var time = (iso) => {
  if (iso === null) return Number.POSITIVE_INFINITY;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
};
function newer(a, b) {
  const started = time(a.startedAt) - time(b.startedAt);
  if (started !== 0 && !Number.isNaN(started)) return started > 0;
  if (isStatus(a) && isStatus(b)) return a.id > b.id;
  const completed = time(a.completedAt) - time(b.completedAt);
  if (completed !== 0 && !Number.isNaN(completed)) return completed > 0;
  return a.id > b.id;
}
function isStatus(run) {
  return run.app === null && run.creator !== null && run.creator !== void 0;
}
function reporterKey(run) {
  if (run.app) return `app:${run.app.id}`;
  if (run.creator) return `user:${run.creator.id}`;
  return "?";
}
function latestRunPerName(runs) {
  const latest = /* @__PURE__ */ new Map();
  for (const run of runs) {
    const key = `${reporterKey(run)}\0${run.name}`;
    const current = latest.get(key);
    if (!current || newer(run, current)) latest.set(key, run);
  }
  return [...latest.values()];
}
function reportedBy(run, app) {
  if (!run.app) return false;
  if (typeof app === "number" || /^[0-9]+$/.test(app)) return run.app.id === Number(app);
  return run.app.slug.toLowerCase() === app.toLowerCase();
}
function createdBy(run, creator) {
  if (!run.creator) return false;
  if (typeof creator === "number" || /^[0-9]+$/.test(creator)) return run.creator.id === Number(creator);
  return run.creator.login.toLowerCase() === creator.toLowerCase();
}
function counts(check, run) {
  if (check.app !== null) return reportedBy(run, check.app);
  if (check.creator !== null) return createdBy(run, check.creator);
  return true;
}
function pinOf(check) {
  if (check.app !== null) return String(check.app);
  if (check.creator !== null) return String(check.creator);
  return null;
}
function runState(run, config) {
  if (run.status !== "completed") return "pending";
  switch (run.conclusion) {
    case "success":
      return "pass";
    case "neutral":
      return config.checks.neutralPasses ? "pass" : "fail";
    case "skipped":
      return config.checks.skippedPasses ? "pass" : "fail";
    default:
      return "fail";
  }
}
var appName = (run) => run.app?.slug ?? run.creator?.login ?? "an unknown app";
function describe(run) {
  return run.status === "completed" ? run.conclusion ?? "completed" : run.status;
}
function listNames(items) {
  return items.length > 5 ? `${items.slice(0, 5).join(", ")}, \u2026 (${items.length})` : items.join(", ");
}
function passedByApp(items) {
  const byApp = /* @__PURE__ */ new Map();
  for (const item of items) {
    const [app = "", name = ""] = item.split("\0");
    byApp.set(app, [...byApp.get(app) ?? [], name]);
  }
  return [...byApp].map(([app, names]) => `${listNames(names)} (${app})`).join("; ");
}
function entryVerdict(check, latest, config) {
  const passed = [];
  const waiting = [];
  const failed = [];
  const runs = latest.filter((run) => matchesCheckName(check.name, run.name));
  const pin = pinOf(check);
  const counted = runs.filter((run) => counts(check, run));
  const missing = counted.length === 0 ? `${check.name}${pin === null ? "" : ` from ${pin}`}` : null;
  if (missing !== null) waiting.push(`${missing} (not reported yet)`);
  for (const run of runs) {
    const state = runState(run, config);
    const shown = `${run.name} (${describe(run)}, ${appName(run)})`;
    if (state === "fail") failed.push(shown);
    else if (!counted.includes(run)) continue;
    else if (state === "pending") waiting.push(shown);
    else passed.push(`${appName(run)}\0${run.name}`);
  }
  return { passed, waiting, failed, missing };
}
function category(rule, label, field, checks, runs, config) {
  if (checks.length === 0) {
    return {
      rule,
      label,
      state: "warn",
      reason: `none configured (${field} is empty): no ${label.toLowerCase()} result is required`
    };
  }
  const passed = /* @__PURE__ */ new Set();
  const waiting = /* @__PURE__ */ new Set();
  const failed = /* @__PURE__ */ new Set();
  const missing = /* @__PURE__ */ new Set();
  for (const check of checks) {
    const verdict2 = entryVerdict(check, runs, config);
    for (const item of verdict2.passed) passed.add(item);
    for (const item of verdict2.waiting) waiting.add(item);
    for (const item of verdict2.failed) failed.add(item);
    if (verdict2.missing !== null) missing.add(verdict2.missing);
  }
  const reported = runs.filter((run) => checks.some((check) => matchesCheckName(check.name, run.name)));
  const details = [
    ...[...missing].map((name) => `${name}: not reported yet`),
    ...reported.map((run) => `${run.name}: ${describe(run)} (${appName(run)})`)
  ];
  const state = worstState([
    ...[...failed].map(() => "fail"),
    ...[...waiting].map(() => "pending"),
    "pass"
  ]);
  let reason;
  if (state === "fail") {
    const hint = [...failed].some((f) => /\((neutral|skipped),/.test(f)) ? " (neutral/skipped count as passing only with checks.neutralPasses/skippedPasses)" : "";
    reason = `failed: ${listNames([...failed])}${hint}`;
  } else if (state === "pending") reason = `waiting for ${listNames([...waiting])}`;
  else reason = `passed: ${passedByApp([...passed])}`;
  return { rule, label, state, reason, details };
}
function checkRequiredChecks(runs, config, ownName) {
  const latest = latestRunPerName(runs.filter((run) => run.name !== ownName));
  return [
    category(
      "critical-tests",
      "Critical tests",
      "checks.criticalTests",
      config.checks.criticalTests,
      latest,
      config
    ),
    category(
      "security-scan",
      "Security scan",
      "checks.securityScan",
      config.checks.securityScan,
      latest,
      config
    )
  ];
}
function isRequiredCheckName(name, config) {
  return [...config.checks.criticalTests, ...config.checks.securityScan].some(
    (check) => matchesCheckName(check.name, name)
  );
}

// src/rules/branch.ts
var short = (sha) => sha.slice(0, 7);
function developOnlyCommits(lineage) {
  if (lineage.notInProduction === "unrelated") return [];
  const notInDevelop = lineage.notInDevelop;
  if (notInDevelop === "no-develop") return [];
  if (notInDevelop === "unrelated") return [];
  const lacking = new Set(notInDevelop.shas);
  return lineage.notInProduction.shas.filter((sha) => !lacking.has(sha));
}
function checkBranch(facts, config) {
  const { headRef, baseRef, lineage } = facts;
  const onLine = isProductionLine(config, baseRef);
  const production = onLine ? baseRef : config.productionBranch;
  const develop = config.developBranch;
  const problems = [];
  const details = [];
  const pattern = matchingBranchPattern(headRef, config.branches.patterns);
  if (pattern === null) {
    problems.push(`head branch "${headRef}" matches none of ${config.branches.patterns.join(", ")}`);
    for (const p of config.branches.patterns) {
      const problem = branchPatternProblems(p);
      if (problem) details.push(`pattern "${p}" is unusable: ${problem}`);
    }
  }
  if (!onLine) {
    const lines = config.productionBranches.join(", ");
    problems.push(`targets ${baseRef}, not a production branch (${lines})`);
  }
  const notInProduction = lineage.notInProduction;
  if (notInProduction === "unrelated") {
    problems.push(`shares no history with ${production}`);
  } else if (!notInProduction.complete) {
    problems.push(
      `carries more than ${notInProduction.shas.length} commits that ${production} lacks; cut it from ${production}`
    );
  } else {
    const developOnly = developOnlyCommits(lineage);
    const notInDevelop = lineage.notInDevelop;
    if (developOnly.length > 0 && typeof notInDevelop === "object" && !notInDevelop.complete) {
      problems.push(`could not verify it carries nothing from ${develop}: too many commits to compare`);
    } else if (developOnly.length > 0) {
      const listed = developOnly.slice(0, 3).map(short).join(", ");
      const more = developOnly.length > 3 ? `, \u2026 (${developOnly.length})` : "";
      problems.push(
        `carries ${developOnly.length === 1 ? "a commit" : `${developOnly.length} commits`} from ${develop} that ${production} lacks (${listed}${more}); cut it from ${production}`
      );
      for (const sha of developOnly) details.push(`commit ${sha} is on ${develop}, not on ${production}`);
    }
  }
  if (problems.length > 0) {
    return { rule: "branch", label: "Branch", state: "fail", reason: problems.join("; "), details };
  }
  const developNote = lineage.notInDevelop === "no-develop" ? ` (no ${develop} branch to compare with)` : "";
  return {
    rule: "branch",
    label: "Branch",
    state: "pass",
    reason: `${headRef} matches ${pattern}, cut from ${production}${developNote}`
  };
}

// src/rules/conflict-markers.ts
var OPENING = /^<{7}(?:[ \t].*)?$/;
var CLOSING = /^>{7}(?:[ \t].*)?$/;
var SEPARATOR = /^={7}[ \t]*$/;
var HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;
var UNDERLINED_HEADINGS = /\.(?:md|markdown|mdx|rst|adoc|asciidoc|txt)$/i;
function conflictMarkersIn(file) {
  if (!file.patch) return [];
  const separatorCounts = !UNDERLINED_HEADINGS.test(file.filename);
  const found = [];
  let line = 0;
  for (const raw of file.patch.split("\n")) {
    const hunk = HUNK.exec(raw);
    if (hunk) {
      line = Number(hunk[1]);
      continue;
    }
    const sign = raw[0];
    if (sign === "+") {
      const text = raw.slice(1).replace(/\r$/, "");
      if (OPENING.test(text) || CLOSING.test(text) || separatorCounts && SEPARATOR.test(text)) {
        found.push({ file: file.filename, line, marker: text.slice(0, 7) });
      }
      line += 1;
    } else if (sign === " " || sign === void 0) {
      line += 1;
    }
  }
  return found;
}
function uncheckedFiles(files) {
  return files.filter((f) => !f.patch && f.status !== "removed" && f.additions > 0).map((f) => f.filename);
}
function checkConflictMarkers(files, listComplete) {
  const markers = files.flatMap((file) => conflictMarkersIn(file));
  const base = { rule: "conflict-markers", label: "Conflict markers" };
  if (markers.length > 0) {
    const where = markers.slice(0, 3).map((m) => `${m.file}:${m.line}`).join(", ");
    const more = markers.length > 3 ? `, \u2026 (${markers.length})` : "";
    return {
      ...base,
      state: "fail",
      reason: `${markers.length === 1 ? "a conflict marker" : `${markers.length} conflict markers`} added: ${where}${more}`,
      details: markers.map((m) => `${m.file}:${m.line}: ${m.marker}`)
    };
  }
  const unchecked = uncheckedFiles(files);
  if (unchecked.length > 0 || !listComplete) {
    const parts = [];
    if (unchecked.length > 0) {
      const named = unchecked.slice(0, 3).join(", ");
      const more = unchecked.length > 3 ? `, \u2026 (${unchecked.length})` : "";
      parts.push(`not checked: ${named}${more} (no patch: too large to show)`);
    }
    if (!listComplete) parts.push(`only the first ${files.length} files could be listed`);
    return {
      ...base,
      state: "warn",
      reason: `none found; ${parts.join("; ")}`,
      details: unchecked.map((f) => `${f}: not checked (no patch)`)
    };
  }
  return { ...base, state: "pass", reason: "none added" };
}

// src/rules/diff-budget.ts
function checkDiffBudget(size, config) {
  const { maxFiles, maxLines, mode } = config.diffBudget;
  const lines = size.additions + size.deletions;
  const measured = `${size.files} file${size.files === 1 ? "" : "s"}, ${lines} line${lines === 1 ? "" : "s"} changed`;
  const over = [];
  if (size.files > maxFiles) over.push(`more than ${maxFiles} files`);
  if (lines > maxLines) over.push(`more than ${maxLines} lines`);
  if (over.length === 0) {
    return {
      rule: "diff-budget",
      label: "Diff budget",
      state: "pass",
      reason: `${measured} (budget ${maxFiles} files, ${maxLines} lines)`
    };
  }
  return {
    rule: "diff-budget",
    label: "Diff budget",
    state: mode === "fail" ? "fail" : "warn",
    reason: `${measured}: ${over.join(" and ")} (diffBudget.mode is ${mode})`
  };
}

// src/gate/evaluate-gate.ts
function isHotfixPullRequest(pr, config) {
  return isHotfixFamilyBranch(pr.headRef, config.branches.patterns) || severityFromLabels(pr.labels, config) !== null;
}
var lower = (rows) => rows.map((row) => row.label.toLowerCase()).join(", ");
function verdict(rows) {
  const failed = rows.filter((row) => row.state === "fail");
  const pending = rows.filter((row) => row.state === "pending");
  const warned = rows.filter((row) => row.state === "warn");
  if (failed.length > 0) {
    return {
      status: "completed",
      conclusion: "failure",
      title: `Failed: ${lower(failed)}`,
      headline: `The hotfix gate failed on ${failed.length} of ${rows.length} criteria.`
    };
  }
  if (pending.length > 0) {
    return {
      status: "in_progress",
      conclusion: null,
      title: `Waiting for ${lower(pending)}`,
      headline: `The hotfix gate is waiting on ${pending.length} of ${rows.length} criteria.`
    };
  }
  return {
    status: "completed",
    conclusion: "success",
    title: warned.length > 0 ? `Passed with ${warned.length} warning${warned.length === 1 ? "" : "s"}: ${lower(warned)}` : `Passed: all ${rows.length} criteria met`,
    headline: `The hotfix gate passed${warned.length > 0 ? "; look at the warnings below" : ""}.`
  };
}
function evaluateGate(facts, config) {
  const { pr } = facts;
  const resolved = resolveSeverity({ prLabels: pr.labels, incident: facts.incident }, config);
  const approvals = checkApprovals(facts.approvals, resolved.severity, config);
  const [critical, security] = checkRequiredChecks(facts.checkRuns, config, GATE_CHECK_NAME);
  const listed = facts.files.list;
  const size = pr.size ?? {
    files: listed.length,
    additions: listed.reduce((sum, f) => sum + f.additions, 0),
    deletions: listed.reduce((sum, f) => sum + f.deletions, 0)
  };
  const { approvedBy, ...approvalRow } = approvals;
  const rows = [
    checkTitle(pr.title, config),
    checkBranch({ headRef: pr.headRef, baseRef: pr.baseRef, lineage: facts.lineage }, config),
    severityRow(resolved, config),
    approvalRow,
    critical,
    security,
    checkDiffBudget(size, config),
    checkConflictMarkers(listed, facts.files.complete)
  ];
  return {
    ...verdict(rows),
    rows,
    severity: resolved.severity,
    jiraKey: jiraKeyOf(pr.title, config),
    approvedBy
  };
}
function notHotfixEvaluation(pr, config) {
  return {
    status: "completed",
    conclusion: "neutral",
    title: "Not a hotfix PR",
    headline: `Head branch "${pr.headRef}" is not a hotfix branch (${config.branches.patterns.join(", ")}) and the PR has no severity label, so the hotfix gate does not apply.`,
    rows: [],
    severity: null,
    jiraKey: null,
    approvedBy: []
  };
}
function forkEvaluation(pr) {
  const where = pr.headRepoName ? `the fork ${pr.headRepoName}` : "a fork (since deleted)";
  return {
    status: "completed",
    conclusion: "failure",
    title: "Hotfix PRs cannot come from a fork",
    headline: `This PR's head branch "${pr.headRef}" lives in ${where}, not in this repository, so it cannot be a hotfix PR.`,
    rows: [
      {
        rule: "branch",
        label: "Branch",
        state: "fail",
        reason: `${pr.headRef} is from ${where}: push the change to a branch of this repository and open the hotfix PR from there`
      }
    ],
    severity: null,
    jiraKey: null,
    approvedBy: []
  };
}
function configErrorEvaluation(error) {
  return {
    status: "completed",
    conclusion: "failure",
    title: `Invalid configuration: ${error.file}`,
    headline: `${error.file} cannot be used, so no hotfix can pass the gate until it is fixed.`,
    rows: [
      {
        rule: "config",
        label: "Configuration",
        state: "fail",
        reason: error.message,
        details: error.problems.map((p) => p.path ? `${p.path}: ${p.message}` : p.message)
      }
    ],
    severity: null,
    jiraKey: null,
    approvedBy: []
  };
}

// src/gate/list-commit-statuses.ts
var MAX_STATUS_PAGES = 10;
async function listCommitStatuses(ctx, sha) {
  const { items } = await collectPages(
    ctx.octokit.paginate.iterator("GET /repos/{owner}/{repo}/commits/{ref}/statuses", {
      ...ctx.repo,
      ref: sha,
      per_page: PER_PAGE
    }),
    MAX_STATUS_PAGES
  );
  return items.map(
    (status) => statusAsCheckRun({
      id: Number(status.id),
      context: status.context,
      state: status.state,
      createdAt: status.created_at ?? null,
      creator: status.creator ? { id: status.creator.id, login: status.creator.login } : null
    })
  );
}

// src/gate/pull-request-data.ts
var isObject = (value) => typeof value === "object" && value !== null;
var str = (value) => typeof value === "string" ? value : null;
var num = (value) => typeof value === "number" && Number.isFinite(value) ? value : null;
function pullRequestFrom(raw) {
  if (!isObject(raw) || !isObject(raw.head) || !isObject(raw.base)) return null;
  const number = num(raw.number);
  const headRef = str(raw.head.ref);
  const headSha = str(raw.head.sha);
  const baseRef = str(raw.base.ref);
  if (number === null || headRef === null || headSha === null || baseRef === null) return null;
  const labels = Array.isArray(raw.labels) ? raw.labels.flatMap((label) => {
    const name = isObject(label) ? str(label.name) : null;
    return name === null ? [] : [name];
  }) : [];
  const files = num(raw.changed_files);
  const additions = num(raw.additions);
  const deletions = num(raw.deletions);
  const headRepo = isObject(raw.head.repo) ? num(raw.head.repo.id) : null;
  const baseRepo = isObject(raw.base.repo) ? num(raw.base.repo.id) : null;
  return {
    number,
    title: str(raw.title) ?? "",
    body: str(raw.body),
    author: isObject(raw.user) ? str(raw.user.login) : null,
    authorId: isObject(raw.user) ? num(raw.user.id) : null,
    headRef,
    headSha,
    baseRef,
    labels,
    state: str(raw.state) ?? "open",
    draft: raw.draft === true,
    size: files !== null && additions !== null && deletions !== null ? { files, additions, deletions } : null,
    commitCount: num(raw.commits),
    // A deleted fork leaves `head.repo` null: that is still not this repository.
    fromFork: baseRepo === null ? null : headRepo !== baseRepo,
    headRepoName: isObject(raw.head.repo) ? str(raw.head.repo.full_name) : null
  };
}

// src/gate/gather-facts.ts
var MAX_CHECK_RUN_PAGES = 10;
var MAX_FILE_PAGES = 10;
var MAX_COMPARE_PAGES = 3;
async function listCheckRuns(ctx, sha, options = {}) {
  const { owner, repo } = ctx.repo;
  const identity = await ctx.identity();
  const { items } = await collectPages(
    ctx.octokit.paginate.iterator("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
      owner,
      repo,
      ref: sha,
      per_page: PER_PAGE,
      filter: "latest",
      ...options.onlyGate ? { check_name: GATE_CHECK_NAME, app_id: identity.appId } : {}
    }),
    MAX_CHECK_RUN_PAGES
  );
  const runs = items.map((run) => ({
    id: Number(run.id),
    name: run.name,
    status: run.status,
    conclusion: run.conclusion ?? null,
    startedAt: run.started_at ?? null,
    completedAt: run.completed_at ?? null,
    app: run.app ? { id: run.app.id, slug: run.app.slug ?? String(run.app.id) } : null
  }));
  let gateRun = null;
  for (const run of items) {
    if (run.name !== GATE_CHECK_NAME || !isOurCheckRun(run, identity)) continue;
    if (gateRun && gateRun.id > Number(run.id)) continue;
    gateRun = {
      id: Number(run.id),
      status: run.status,
      conclusion: run.conclusion ?? null,
      title: run.output?.title ?? null,
      summary: run.output?.summary ?? null,
      text: run.output?.text ?? null,
      url: run.html_url ?? null
    };
  }
  return { runs, gateRun };
}
async function fetchPullRequest(ctx, number) {
  try {
    const { data } = await ctx.octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      ...ctx.repo,
      pull_number: number
    });
    return pullRequestFrom(data);
  } catch (error) {
    if (httpStatus(error) === 404) return null;
    throw error;
  }
}
async function commitsNotIn(ctx, base, sha) {
  const shas = [];
  for (let page = 1; page <= MAX_COMPARE_PAGES; page += 1) {
    let data;
    try {
      ({ data } = await ctx.octokit.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
        ...ctx.repo,
        basehead: `${base}...${sha}`,
        per_page: PER_PAGE,
        page
      }));
    } catch (error) {
      if (httpStatus(error) === 404) return "unrelated";
      throw error;
    }
    shas.push(...data.commits.map((c) => c.sha));
    if (shas.length >= data.total_commits || data.commits.length < PER_PAGE) {
      return { shas, complete: shas.length >= data.total_commits };
    }
  }
  return { shas, complete: false };
}
async function lineageOf(ctx, pr, config) {
  const [notInProduction, notInDevelop] = await Promise.all([
    // The PR's own production line: a hotfix into release/1.x is cut from release/1.x, not from main.
    commitsNotIn(ctx, pr.baseRef, pr.headSha),
    commitsNotIn(ctx, config.developBranch, pr.headSha)
  ]);
  return { notInProduction, notInDevelop: notInDevelop === "unrelated" ? "no-develop" : notInDevelop };
}
async function filesOf(ctx, number) {
  const { items, complete } = await collectPages(
    ctx.octokit.paginate.iterator("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
      ...ctx.repo,
      pull_number: number,
      per_page: PER_PAGE
    }),
    MAX_FILE_PAGES
  );
  const list = items.map((file) => ({
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.changes,
    patch: file.patch ?? null
  }));
  return { list, complete };
}
async function incidentOf(ctx, pr, config) {
  if (severityFromLabels(pr.labels, config) !== null) return null;
  const { incident: number, refused } = await incidentOfPull(ctx, pr);
  if (refused !== null) return { number: refused, labels: null, unbound: true };
  if (number === null) return null;
  try {
    const { data } = await ctx.octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}", {
      ...ctx.repo,
      issue_number: number
    });
    const labels = data.labels.flatMap((l) => {
      const name = typeof l === "string" ? l : l.name;
      return name ? [name] : [];
    });
    return { number, labels };
  } catch (error) {
    const status = httpStatus(error);
    if (status === 404 || status === 410 || status === 301) return { number, labels: null };
    throw error;
  }
}
async function gatherFacts(ctx, pr, config, runSha = pr.headSha) {
  const anyRequired = config.checks.criticalTests.length + config.checks.securityScan.length > 0;
  const [files, lineage, headRuns, headStatuses, incident, runShaListing] = await Promise.all([
    filesOf(ctx, pr.number),
    lineageOf(ctx, pr, config),
    listCheckRuns(ctx, pr.headSha),
    anyRequired ? listCommitStatuses(ctx, pr.headSha) : Promise.resolve([]),
    incidentOf(ctx, pr, config),
    runSha === pr.headSha ? Promise.resolve(null) : listCheckRuns(ctx, runSha, { onlyGate: true })
  ]);
  const { severity } = resolveSeverity({ prLabels: pr.labels, incident }, config);
  const author = pr.author !== null && pr.authorId !== null ? { login: pr.author, id: pr.authorId } : null;
  const approvals = await readApprovalFacts(
    ctx,
    { number: pr.number, headSha: pr.headSha, headRef: pr.headRef, author, commitCount: pr.commitCount },
    severity,
    config
  );
  const complete = files.complete && (pr.size === null || files.list.length >= pr.size.files);
  return {
    facts: {
      pr,
      incident,
      approvals,
      files: { ...files, complete },
      lineage,
      checkRuns: [...headRuns.runs, ...headStatuses]
    },
    gateRun: runShaListing ? runShaListing.gateRun : headRuns.gateRun
  };
}

// src/gate/merge-queue-ref.ts
var QUEUE_REF = /^(?:refs\/heads\/)?gh-readonly-queue\/.+\/pr-([1-9][0-9]{0,9})-[0-9a-f]{40}$/;
function mergeQueuePullNumber(headRef) {
  const digits = QUEUE_REF.exec(headRef)?.[1];
  if (digits === void 0) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}
function branchOfRef(ref) {
  return ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : ref;
}

// src/gate/render-gate.ts
var OUTPUT_LIMIT = 65535;
var TITLE_LIMIT = 200;
var REASON_LIMIT = 600;
var DETAIL_LIMIT = 300;
var DETAILS_PER_ROW = 50;
var ICON = { pass: "\u2705", fail: "\u274C", pending: "\u23F3", warn: "\u26A0\uFE0F" };
var BoundedLines = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  lines = [];
  length = 0;
  full = false;
  push(line) {
    if (this.full) return;
    const marker = "\n_\u2026 cut to fit GitHub's output limit._";
    if (this.length + line.length + 1 + marker.length > this.limit) {
      this.lines.push(marker.trimStart());
      this.full = true;
      return;
    }
    this.lines.push(line);
    this.length += line.length + 1;
  }
  toString() {
    return this.lines.join("\n");
  }
};
function renderGate(evaluation) {
  const summary = new BoundedLines(OUTPUT_LIMIT);
  summary.push(escapeMarkdown(evaluation.headline));
  if (evaluation.rows.length > 0) {
    summary.push("");
    summary.push("| | Criterion | Result |");
    summary.push("| :-: | --- | --- |");
    for (const row of evaluation.rows) {
      summary.push(
        `| ${ICON[row.state]} | ${escapeTableCell(row.label)} | ${escapeTableCell(truncate(row.reason, REASON_LIMIT))} |`
      );
    }
  }
  const text = new BoundedLines(OUTPUT_LIMIT);
  for (const row of evaluation.rows) {
    const details = row.details ?? [];
    if (details.length === 0) continue;
    text.push(`**${escapeMarkdown(row.label)}**`);
    text.push("");
    for (const line of details.slice(0, DETAILS_PER_ROW)) {
      text.push(`- ${escapeTableCell(truncate(line, DETAIL_LIMIT))}`);
    }
    if (details.length > DETAILS_PER_ROW) text.push(`- \u2026 and ${details.length - DETAILS_PER_ROW} more`);
    text.push("");
  }
  return {
    title: truncate(evaluation.title.replace(/\s+/g, " "), TITLE_LIMIT),
    summary: summary.toString(),
    text: text.toString().trimEnd()
  };
}

// src/gate/upsert-gate-check.ts
function planGateWrite(existing, evaluation, output) {
  if (!existing) return { kind: "create" };
  const same = existing.status === evaluation.status && (existing.conclusion ?? null) === (evaluation.conclusion ?? null) && (existing.title ?? "") === output.title && (existing.summary ?? "") === output.summary && (existing.text ?? "") === output.text;
  if (same) return { kind: "none", id: existing.id };
  if (existing.status === "in_progress" && evaluation.status === "in_progress" && existing.title === output.title) {
    return { kind: "none", id: existing.id };
  }
  if (existing.status === "completed" && evaluation.status !== "completed") return { kind: "create" };
  return { kind: "update", id: existing.id };
}
async function upsertGateCheck(ctx, input) {
  const { sha, existing, evaluation, output } = input;
  const plan = planGateWrite(existing, evaluation, output);
  if (plan.kind === "none") return { action: "unchanged", id: plan.id, url: existing?.url ?? null };
  const now = ctx.clock().toISOString();
  const state = evaluation.status === "completed" ? { status: "completed", conclusion: evaluation.conclusion ?? "neutral", completed_at: now } : { status: "in_progress" };
  const { owner, repo } = ctx.repo;
  if (plan.kind === "create") {
    const created = await createOnce(
      async () => {
        const { data: data2 } = await ctx.octokit.request("POST /repos/{owner}/{repo}/check-runs", {
          owner,
          repo,
          name: GATE_CHECK_NAME,
          head_sha: sha,
          started_at: now,
          ...state,
          output,
          ...NO_BLIND_RETRY
        });
        return { id: Number(data2.id), url: data2.html_url ?? null };
      },
      async () => {
        const { gateRun } = await listCheckRuns(ctx, sha, { onlyGate: true });
        return gateRun && gateRun.id > (existing?.id ?? 0) ? { id: gateRun.id, url: gateRun.url } : null;
      }
    );
    return { action: "created", ...created };
  }
  const { data } = await ctx.octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
    owner,
    repo,
    check_run_id: plan.id,
    ...state,
    output
  });
  return { action: "updated", id: Number(data.id), url: data.html_url ?? null };
}

// src/gate/gate-route.ts
var GATE_TRIGGERS = [
  {
    event: "pull_request",
    actions: ["opened", "edited", "synchronize", "reopened", "labeled", "unlabeled", "ready_for_review"]
  },
  { event: "pull_request_review", actions: ["submitted", "dismissed"] },
  { event: "check_run", actions: ["completed", "rerequested"] },
  { event: "check_suite", actions: ["completed", "rerequested"] },
  { event: "merge_group", actions: ["checks_requested"] },
  // A commit status (Jenkins, Buildkite, deploy tools) on a hotfix PR's head; GitHub sends it without actions.
  { event: "status" }
];
var actionsOf = (event) => {
  const trigger = GATE_TRIGGERS.find((t) => t.event === event);
  return new Set(trigger?.actions);
};
var PR_ACTIONS = actionsOf("pull_request");
var REVIEW_ACTIONS = actionsOf("pull_request_review");
var isObject2 = (value) => typeof value === "object" && value !== null;
var str2 = (value) => typeof value === "string" ? value : null;
function defaultBranchOf(payload) {
  return isObject2(payload.repository) ? str2(payload.repository.default_branch) : null;
}
function associatedPulls(raw, sha) {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((pr) => {
    if (!isObject2(pr) || !isObject2(pr.head) || !isObject2(pr.base)) return [];
    const baseRef = str2(pr.base.ref);
    if (typeof pr.number !== "number" || baseRef === null || pr.head.sha !== sha) return [];
    return [{ number: pr.number, baseRef }];
  });
}
function matchGate(event) {
  const payload = event.payload;
  if (!isObject2(payload)) return null;
  const action = str2(payload.action);
  const defaultBranch = defaultBranchOf(payload);
  switch (event.name) {
    case "pull_request":
    case "pull_request_review": {
      const actions = event.name === "pull_request" ? PR_ACTIONS : REVIEW_ACTIONS;
      if (action === null || !actions.has(action)) return null;
      const pr = pullRequestFrom(payload.pull_request);
      if (pr?.state !== "open") return null;
      return { kind: "pull-request", pr, defaultBranch };
    }
    case "check_run": {
      const run = payload.check_run;
      if (!isObject2(run)) return null;
      const name = str2(run.name);
      const sha = str2(run.head_sha);
      if (name === null || sha === null) return null;
      const ours = name === GATE_CHECK_NAME;
      if (!(action === "completed" && !ours || action === "rerequested" && ours)) return null;
      const prs = associatedPulls(run.pull_requests, sha);
      if (prs.length === 0) return null;
      return { kind: "checks", sha, prs, checkName: ours ? null : name, defaultBranch };
    }
    case "check_suite": {
      const suite = payload.check_suite;
      if (!isObject2(suite) || action !== "completed" && action !== "rerequested") return null;
      const sha = str2(suite.head_sha);
      if (sha === null) return null;
      const prs = associatedPulls(suite.pull_requests, sha);
      if (prs.length === 0) return null;
      return { kind: "checks", sha, prs, checkName: null, defaultBranch };
    }
    case "status": {
      const sha = str2(payload.sha);
      const context = str2(payload.context);
      if (sha === null || !/^[0-9a-f]{40}$/.test(sha) || context === null) return null;
      return { kind: "status", sha, context, defaultBranch };
    }
    case "merge_group": {
      const group = payload.merge_group;
      if (action !== "checks_requested" || !isObject2(group)) return null;
      const sha = str2(group.head_sha);
      const baseRef = str2(group.base_ref);
      const headRef = str2(group.head_ref);
      if (sha === null || baseRef === null || headRef === null) return null;
      return {
        kind: "merge-group",
        sha,
        baseRef: branchOfRef(baseRef),
        pullNumber: mergeQueuePullNumber(headRef),
        defaultBranch
      };
    }
    default:
      return null;
  }
}
var gateLock = new KeyedMutex();
async function publish(ctx, sha, evaluate) {
  const key = `${ctx.repo.owner}/${ctx.repo.repo}@${sha}`;
  const locked = (task) => ctx.instancesLock ? ctx.instancesLock.run(`gate:${key}`, task) : task();
  return gateLock.run(
    key,
    () => locked(async () => {
      const { evaluation, gateRun } = await evaluate();
      const output = renderGate(evaluation);
      const written = await upsertGateCheck(ctx, { sha, existing: gateRun, evaluation, output });
      ctx.log.info(`${GATE_CHECK_NAME} ${written.action} on ${sha.slice(0, 7)}: ${output.title}`);
      return {
        gate: {
          conclusion: evaluation.conclusion ?? "pending",
          summary: output.title,
          ...written.url ? { url: written.url } : {}
        }
      };
    })
  );
}
function publishPull(ctx, config, pr, sha) {
  return publish(ctx, sha, async () => {
    if (isHotfixPullRequest(pr, config) && pr.fromFork !== false) {
      const { gateRun: gateRun2 } = await listCheckRuns(ctx, sha, { onlyGate: true });
      return { evaluation: forkEvaluation(pr), gateRun: gateRun2 };
    }
    if (!isHotfixPullRequest(pr, config)) {
      const { gateRun: gateRun2 } = await listCheckRuns(ctx, sha, { onlyGate: true });
      return { evaluation: notHotfixEvaluation(pr, config), gateRun: gateRun2 };
    }
    const { facts, gateRun } = await gatherFacts(ctx, pr, config, sha);
    return { evaluation: evaluateGate(facts, config), gateRun };
  });
}
function publishFixed(ctx, sha, evaluation) {
  return publish(ctx, sha, async () => {
    const { gateRun } = await listCheckRuns(ctx, sha, { onlyGate: true });
    return { evaluation, gateRun };
  });
}
function unknownMergeGroup(reason) {
  return {
    status: "completed",
    conclusion: "failure",
    title: "Merge group not evaluated",
    headline: "The hotfix gate could not tell which pull request this merge group is for.",
    rows: [{ rule: "branch", label: "Merge group", state: "fail", reason }],
    severity: null,
    jiraKey: null,
    approvedBy: []
  };
}
async function reportConfigError(ctx, input, error) {
  const bases = /* @__PURE__ */ new Set(["main", ...input.defaultBranch ? [input.defaultBranch] : []]);
  const evaluation = configErrorEvaluation(error);
  switch (input.kind) {
    case "pull-request":
      return bases.has(input.pr.baseRef) ? publishFixed(ctx, input.pr.headSha, evaluation) : void 0;
    case "checks":
      return input.prs.some((pr) => bases.has(pr.baseRef)) ? publishFixed(ctx, input.sha, evaluation) : void 0;
    case "merge-group":
      return bases.has(input.baseRef) ? publishFixed(ctx, input.sha, evaluation) : void 0;
    case "status":
      return void 0;
  }
}
async function publishPullsAt(ctx, config, sha, numbers) {
  let outcome;
  for (const number of numbers) {
    const pr = await fetchPullRequest(ctx, number);
    if (pr?.state !== "open" || pr.headSha !== sha || !isProductionLine(config, pr.baseRef)) continue;
    outcome = await publishPull(ctx, config, pr, sha);
  }
  return outcome;
}
async function openPullsWithHead(ctx, sha, production) {
  const { data } = await ctx.octokit.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", {
    ...ctx.repo,
    commit_sha: sha,
    per_page: PER_PAGE
  });
  return data.filter((pr) => pr.state === "open" && pr.head.sha === sha && production(pr.base.ref)).map((pr) => pr.number);
}
async function runGate(input, ctx) {
  const loaded = await ctx.config();
  if (!loaded.ok) return reportConfigError(ctx, input, loaded.error);
  const config = loaded.config;
  const production = (base) => isProductionLine(config, base);
  if (input.kind === "pull-request") {
    if (!production(input.pr.baseRef)) return void 0;
    const pr2 = await fetchPullRequest(ctx, input.pr.number);
    if (pr2?.state !== "open" || pr2.headSha !== input.pr.headSha || !production(pr2.baseRef)) return void 0;
    return publishPull(ctx, config, pr2, pr2.headSha);
  }
  if (input.kind === "checks") {
    const pulls = input.prs.filter((pr2) => production(pr2.baseRef));
    if (pulls.length === 0) return void 0;
    if (input.checkName !== null && !isRequiredCheckName(input.checkName, config)) return void 0;
    return publishPullsAt(
      ctx,
      config,
      input.sha,
      pulls.map((pr2) => pr2.number)
    );
  }
  if (input.kind === "status") {
    if (!isRequiredCheckName(input.context, config)) return void 0;
    return publishPullsAt(ctx, config, input.sha, await openPullsWithHead(ctx, input.sha, production));
  }
  if (!production(input.baseRef)) return void 0;
  if (input.pullNumber === null) {
    return publishFixed(
      ctx,
      input.sha,
      unknownMergeGroup("no pull request number in the merge queue branch name")
    );
  }
  const pr = await fetchPullRequest(ctx, input.pullNumber);
  if (!pr)
    return publishFixed(ctx, input.sha, unknownMergeGroup(`pull request #${input.pullNumber} not found`));
  return publishPull(ctx, config, pr, input.sha);
}
var gateRoute = {
  step: "gate",
  triggers: GATE_TRIGGERS,
  match: matchGate,
  run: (input, ctx) => runGate(input, ctx)
};

// src/intake/hotfix-push.ts
import { z as z5 } from "zod";
var pushShape2 = z5.object({
  ref: z5.string(),
  after: z5.string().regex(/^[0-9a-f]{40}$/),
  deleted: z5.boolean().optional(),
  commits: z5.array(z5.unknown()).default([]),
  sender: z5.object({ login: z5.string() })
});
function hotfixPushFrom(event) {
  if (event.name !== "push") return null;
  const parsed = pushShape2.safeParse(event.payload);
  if (!parsed.success) return null;
  const { ref, after, deleted, commits, sender } = parsed.data;
  if (deleted || /^0+$/.test(after) || commits.length === 0 || !ref.startsWith("refs/heads/")) return null;
  const branch = ref.slice("refs/heads/".length);
  const incident = incidentOfBranch(branch);
  return incident === null ? null : { branch, incident, after, pusher: sender.login };
}

// src/intake/draft-pr-route.ts
var draftPrRoute = {
  step: "draft-pr",
  long: true,
  // Only the incident branches that intake cuts (see incidentOfBranch).
  triggers: [{ event: "push", branches: ["hotfix/incident-*"] }],
  match: hotfixPushFrom,
  async run(push, ctx) {
    const loaded = await ctx.config();
    if (!loaded.ok) {
      ctx.log.error(`draft PR for ${push.branch} skipped: ${loaded.error.message}`);
      return void 0;
    }
    if (!isHotfixFamilyBranch(push.branch, loaded.config.branches.patterns)) return void 0;
    await withIncidentLock(ctx, push.incident, () => openDraftPr(ctx, loaded.config, push));
    return void 0;
  }
};

// src/intake/incident-change.ts
import { z as z7 } from "zod";

// src/intake/intake-trigger.ts
import { z as z6 } from "zod";
var issueShape = z6.object({
  number: z6.number().int().positive(),
  title: z6.string(),
  state: z6.enum(["open", "closed"]),
  labels: z6.array(z6.object({ name: z6.string() })).default([]),
  html_url: z6.string(),
  updated_at: z6.string().nullable().optional(),
  pull_request: z6.unknown().optional()
});
var userShape = z6.object({ login: z6.string(), type: z6.string().optional() });
var senderShape = userShape.extend({ id: z6.number().int().positive() });
var labeledShape = z6.object({
  action: z6.literal("labeled"),
  issue: issueShape,
  label: z6.object({ name: z6.string() }),
  sender: senderShape
});
var commentShape4 = z6.object({
  action: z6.literal("created"),
  issue: issueShape,
  comment: z6.object({
    id: z6.number().int().positive(),
    body: z6.string().max(65536),
    created_at: z6.string().nullable().optional(),
    user: userShape.extend({ id: z6.number().int().positive() })
  })
});
function incidentIssueFrom(issue) {
  return {
    number: issue.number,
    title: issue.title,
    state: issue.state,
    labels: issue.labels.map((label) => label.name),
    url: issue.html_url
  };
}
var MAX_LINE_LENGTH = 200;
function asLineWord(word) {
  if (word.length > MAX_LINE_LENGTH || !/^[A-Za-z0-9._/-]+$/.test(word)) return null;
  if (!/[/.0-9]/.test(word) || /^p\d+$/i.test(word)) return null;
  return word;
}
function parseHotfixCommand(body) {
  const first = (body.split(/\r?\n/, 1)[0] ?? "").trim();
  const [command2, ...words] = first.split(/[ \t]+/);
  if (command2?.toLowerCase() !== "/hotfix" || words.length > 2) return null;
  let severity = null;
  let line = null;
  for (const word of words) {
    const upper = word.toUpperCase();
    if ((upper === "P0" || upper === "P1" || upper === "P2") && severity === null) severity = upper;
    else if (line === null && asLineWord(word) !== null) line = word;
    else return null;
  }
  return { severity, line };
}
function intakeTriggerFrom(event) {
  if (event.name === "issues") {
    const parsed = labeledShape.safeParse(event.payload);
    if (!parsed.success || parsed.data.issue.pull_request !== void 0) return null;
    const { issue, label, sender } = parsed.data;
    return {
      kind: "label",
      issue: incidentIssueFrom(issue),
      label: label.name,
      actor: sender.login,
      actorId: sender.id,
      at: issue.updated_at ?? null
    };
  }
  if (event.name === "issue_comment") {
    const parsed = commentShape4.safeParse(event.payload);
    if (!parsed.success || parsed.data.issue.pull_request !== void 0) return null;
    const { issue, comment } = parsed.data;
    if (comment.user.type === "Bot" || comment.user.login.endsWith("[bot]")) return null;
    const command2 = parseHotfixCommand(comment.body);
    if (!command2) return null;
    return {
      kind: "command",
      issue: incidentIssueFrom(issue),
      actor: comment.user.login,
      actorId: comment.user.id,
      at: comment.created_at ?? null,
      commentId: comment.id,
      severity: command2.severity,
      line: command2.line
    };
  }
  return null;
}

// src/intake/incident-change.ts
var changeShape = z7.object({
  action: z7.enum(["unlabeled", "closed", "reopened"]),
  issue: issueShape.extend({
    closed_at: z7.string().nullable().optional(),
    state_reason: z7.string().nullable().optional()
  }),
  label: z7.object({ name: z7.string() }).optional(),
  sender: userShape
});
function incidentChangeFrom(event) {
  if (event.name !== "issues") return null;
  const parsed = changeShape.safeParse(event.payload);
  if (!parsed.success || parsed.data.issue.pull_request !== void 0) return null;
  const { action, issue, label, sender } = parsed.data;
  const facts = incidentIssueFrom(issue);
  switch (action) {
    case "unlabeled":
      return label ? {
        kind: "unlabeled",
        issue: facts,
        label: label.name,
        actor: sender.login,
        at: issue.updated_at ?? null
      } : null;
    case "closed":
      return {
        kind: "closed",
        issue: facts,
        actor: sender.login,
        at: issue.closed_at ?? issue.updated_at ?? null,
        reason: issue.state_reason ?? null
      };
    case "reopened":
      return { kind: "reopened", issue: facts, actor: sender.login, at: issue.updated_at ?? null };
  }
}

// src/intake/incident-change-route.ts
function changeEntry(change, merged, at) {
  switch (change.kind) {
    case "unlabeled":
      return {
        key: `unlabeled-${change.label}-${at}`,
        at,
        text: `Label ${change.label} removed by @${change.actor}`
      };
    case "closed":
      return {
        key: `closed-${at}`,
        at,
        text: merged ? `Incident closed by @${change.actor}` : `Incident closed by @${change.actor} before a fix was merged`
      };
    case "reopened":
      return { key: `reopened-${at}`, at, text: `Incident reopened by @${change.actor}` };
  }
}
var incidentChangeRoute = {
  step: "incident-change",
  triggers: [{ event: "issues", actions: ["unlabeled", "closed", "reopened"] }],
  match: incidentChangeFrom,
  async run(change, ctx) {
    const n = change.issue.number;
    const loaded = await ctx.config();
    if (!loaded.ok) return void 0;
    const labels = change.kind === "unlabeled" ? [change.label] : change.issue.labels;
    if (severityFromLabels(labels, loaded.config) === null) return void 0;
    await withIncidentLock(ctx, n, async () => {
      const timeline = await readTimeline(ctx, n);
      const state = timeline.state;
      if (!state?.detectedAt) return;
      const t = Date.parse(change.at ?? "");
      const at = Number.isNaN(t) ? ctx.clock().toISOString() : new Date(t).toISOString();
      const closedByDeploy = state.entries.some(
        (e) => e.key === CLOSED_AT_RESOLUTION_KEY || e.key.startsWith("closed-by-deploy-")
      );
      if (change.kind === "closed" && closedByDeploy && change.actor.endsWith("[bot]")) return;
      const merged = Object.keys(state.pipelines).length > 0;
      const next = addEntry(state, changeEntry(change, merged, at));
      if (JSON.stringify(next) === JSON.stringify(state)) return;
      await writeTimeline(ctx, n, timeline.commentId, next);
    });
    return void 0;
  }
};

// src/intake/intake-replies.ts
function replyMarker(commentId) {
  return `<!-- hotfix-bot:hotfix-reply ${JSON.stringify({ comment: commentId })} -->`;
}
function refusalReply(userId, login) {
  return [
    refusalMarker(userId),
    `Thanks @${login}. Only people with write access to this repository can declare a hotfix incident with \`/hotfix\`, so nothing was done.`,
    "If production is affected, ask a maintainer to comment `/hotfix` here or to add a hotfix severity label."
  ].join("\n");
}
function closedIssueReply(commentId) {
  return [
    replyMarker(commentId),
    "This issue is closed, so no hotfix incident was declared. Reopen it and comment `/hotfix` again if production is still affected."
  ].join("\n");
}
function notALineReply(commentId, line, patterns) {
  return [
    replyMarker(commentId),
    `${codeSpan(`/hotfix ${line}`)} was not run: ${codeSpan(line)} is not a production line. The production lines are ${patterns.map(codeSpan).join(", ")} (${codeSpan("productionBranches")} in ${codeSpan(".github/hotfix.yml")}).`
  ].join("\n");
}
function missingLineReply(commentId, line) {
  return [
    replyMarker(commentId),
    `${codeSpan(`/hotfix ${line}`)} was not run: the branch ${codeSpan(line)} does not exist. Push it first, or name an existing line.`
  ].join("\n");
}
function configErrorReply(commentId, message) {
  return [replyMarker(commentId), `\`/hotfix\` cannot run: ${escapeMarkdown(message)}`].join("\n");
}
function labelRefusalMarker(userId) {
  return `<!-- hotfix-bot:label-refusal ${JSON.stringify({ user: userId })} -->`;
}
function labelRefusalReply(userId, login, label) {
  return [
    labelRefusalMarker(userId),
    `Thanks @${escapeMarkdown(login)}. The ${escapeMarkdown(label)} label declares a hotfix incident only when someone with write access to this repository adds it, so nothing was done.`,
    "If production is affected, ask a maintainer to add the label again or to comment `/hotfix` here."
  ].join("\n");
}

// src/intake/intake-route.ts
var intakeRoute = {
  step: "intake",
  long: true,
  triggers: [
    { event: "issues", actions: ["labeled"] },
    { event: "issue_comment", actions: ["created"] }
  ],
  match: intakeTriggerFrom,
  async run(trigger, ctx) {
    const n = trigger.issue.number;
    const reply = (body) => ensureBotComment(ctx, n, body.split("\n", 1)[0] ?? body, body);
    if (trigger.kind === "command" && !await hasWritePermission(ctx, trigger.actor)) {
      await reply(refusalReply(trigger.actorId, trigger.actor));
      return void 0;
    }
    const loaded = await ctx.config();
    if (!loaded.ok) {
      ctx.log.error(`intake of #${n} skipped: ${loaded.error.message}`);
      if (trigger.kind === "command") await reply(configErrorReply(trigger.commentId, loaded.error.message));
      return void 0;
    }
    const config = loaded.config;
    let severity;
    let line = null;
    if (trigger.kind === "label") {
      const named = severityFromLabels([trigger.label], config);
      if (named === null || trigger.issue.state !== "open") return void 0;
      if (!await hasWritePermission(ctx, trigger.actor)) {
        await withIncidentLock(ctx, n, () => refuseLabel(ctx, trigger, config.severity.labels[named]));
        return void 0;
      }
      severity = named;
    } else {
      if (trigger.issue.state !== "open") {
        await reply(closedIssueReply(trigger.commentId));
        return void 0;
      }
      severity = trigger.severity ?? severityFromLabels(trigger.issue.labels, config) ?? config.severity.default;
      if (trigger.line !== null && !isProductionLine(config, trigger.line)) {
        await reply(notALineReply(trigger.commentId, trigger.line, config.productionBranches));
        return void 0;
      }
      line = trigger.line === config.productionBranch ? null : trigger.line;
    }
    const at = validTime2(trigger.at) ?? ctx.clock().toISOString();
    try {
      await withIncidentLock(
        ctx,
        n,
        () => runIntake(ctx, config, {
          issue: trigger.issue,
          trigger: trigger.kind,
          severity,
          actor: trigger.actor,
          at,
          line
        })
      );
    } catch (error) {
      if (!(error instanceof MissingLineError) || trigger.kind !== "command") throw error;
      await reply(missingLineReply(trigger.commentId, error.line));
    }
    return void 0;
  }
};
async function refuseLabel(ctx, trigger, label) {
  const n = trigger.issue.number;
  const { state } = await readTimeline(ctx, n);
  if (state?.intake) return;
  ctx.log.info(`severity label on #${n} by ${trigger.actor}, who has no write access: refused`);
  await ensureBotComment(
    ctx,
    n,
    labelRefusalMarker(trigger.actorId),
    labelRefusalReply(trigger.actorId, trigger.actor, label)
  );
}
function validTime2(value) {
  if (value === null) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

// src/engine.ts
var routes = [
  gateRoute,
  afterMergeRoute,
  backportCommandRoute,
  backportConfirmRoute,
  backportCheckFollowsRoute,
  intakeRoute,
  incidentChangeRoute,
  draftPrRoute,
  deploymentStatusRoute,
  // Backports tracked until they land: their PRs' ends, and waivers on the incident.
  backportEndRoute,
  backportSkipRoute
];
function isDeliberateStop(error) {
  return typeof error === "object" && error !== null && error.deliberateStop === true;
}
async function runLongStep(job, ctx) {
  const route = routes.find((candidate) => candidate.step === job.step && candidate.long);
  if (!route)
    throw new Error(`no long step named "${job.step}" (a job queued by another version of hotfix-bot?)`);
  const input = route.match(job.event);
  if (input === null) return;
  await route.run(input, ctx, job.event);
}
async function timed(step, observe, run) {
  if (!observe) return run();
  const started = performance.now();
  try {
    const result = await run();
    observe(step, (performance.now() - started) / 1e3, "ok");
    return result;
  } catch (error) {
    observe(step, (performance.now() - started) / 1e3, "failed");
    throw error;
  }
}
async function handleEvent(event, ctx, background, observe) {
  const matched = routes.flatMap((route) => {
    const input = route.match(event);
    return input === null ? [] : [{ route, input }];
  });
  const outcome = { steps: [] };
  const failures = [];
  for (const { route, input } of matched) {
    if (route.long && background) {
      background.run(
        `${route.step} for ${event.name} ${event.id}`,
        () => timed(route.step, observe, () => route.run(input, ctx, event)),
        { step: route.step, event }
      );
      outcome.steps.push(route.step);
      continue;
    }
    try {
      const result = await timed(route.step, observe, () => route.run(input, ctx, event));
      outcome.steps.push(route.step);
      if (result) Object.assign(outcome, result);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isDeliberateStop(error))
        ctx.log.info(`${route.step} stopped on ${event.name} ${event.id}: ${message}`);
      else ctx.log.error(`${route.step} failed on ${event.name} ${event.id}: ${message}`);
      failures.push(error);
    }
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1)
    throw new AggregateError(failures, `${failures.length} steps failed on ${event.name} ${event.id}`);
  return outcome;
}

// src/identity/app-identity.ts
async function appIdentity(jwtOctokit) {
  const { data } = await jwtOctokit.request("GET /app");
  if (!data || typeof data.id !== "number") throw new Error("GET /app did not say which App this is");
  return { appId: data.id, stateSecret: null };
}

// src/queue/durable-steps.ts
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
var DURABLE_STEPS = {
  attempts: 3,
  backoffMs: 2e4,
  lockDurationMs: 1e4,
  stalledIntervalMs: 5e3,
  concurrency: 8
};
var STEP_QUEUE = "hotfix-bot-steps";
function stepJobId(step, deliveryId) {
  return `${step}-${deliveryId}`.replace(/[^A-Za-z0-9._-]/g, "_");
}
function isFinalFailure(attemptsMade, attempts) {
  return attemptsMade >= attempts;
}
var DurableSteps = class {
  constructor(redisUrl, run, log, options = {}) {
    this.log = log;
    this.options = { ...DURABLE_STEPS, ...options };
    const connection = () => {
      const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
      this.connections.push(redis);
      return redis;
    };
    this.queue = new Queue(STEP_QUEUE, { connection: connection() });
    this.worker = new Worker(
      STEP_QUEUE,
      async (job) => run(job.data, job.attemptsStarted > 1),
      {
        connection: connection(),
        concurrency: this.options.concurrency,
        lockDuration: this.options.lockDurationMs,
        stalledInterval: this.options.stalledIntervalMs,
        // A job whose instance died twice in a row is not handed to a third: it fails, and says so.
        maxStalledCount: 2
      }
    );
    this.worker.on("failed", (job, error) => {
      if (!job) return;
      const what = `${job.data.step} for ${job.data.event.name} ${job.data.event.id} in ${job.data.repo.owner}/${job.data.repo.repo}`;
      if (isFinalFailure(job.attemptsMade, this.options.attempts))
        this.log.error(`${what} failed for good after ${job.attemptsMade} runs: ${error.message}`);
      else
        this.log.error(
          `${what} failed (run ${job.attemptsMade} of ${this.options.attempts}, runs again): ${error.message}`
        );
    });
    this.worker.on("error", (error) => this.log.error(`step queue: ${error.message}`));
    this.queue.on("error", (error) => this.log.error(`step queue: ${error.message}`));
  }
  log;
  queue;
  worker;
  connections = [];
  options;
  /** Queues a long step; a job with the same id (a redelivery) is left as it is. */
  async enqueue(data) {
    await this.queue.add(data.step, data, {
      jobId: stepJobId(data.step, data.event.id),
      attempts: this.options.attempts,
      backoff: { type: "exponential", delay: this.options.backoffMs },
      removeOnComplete: { age: 86400 },
      removeOnFail: { age: 7 * 86400 }
    });
  }
  /** Whether no job waits, runs or waits for a retry (for tests and the demo). */
  async idle() {
    const counts2 = await this.queue.getJobCounts("wait", "active", "delayed", "prioritized");
    return Object.values(counts2).every((n) => n === 0);
  }
  /** Jobs per state, for the App's queue-depth metric. */
  async depth() {
    return this.queue.getJobCounts("wait", "active", "delayed", "failed");
  }
  async close() {
    await this.worker.close();
    await this.queue.close();
    await Promise.all(this.connections.map((redis) => redis.quit().catch(() => void 0)));
  }
};

// src/queue/sweep-schedule.ts
import { Queue as Queue2, Worker as Worker2 } from "bullmq";
import { Redis as Redis2 } from "ioredis";
var SWEEP_QUEUE = "hotfix-bot-sweep";
function sweepIntervalMs(env) {
  const raw = env.SWEEP_INTERVAL_MINUTES?.trim();
  if (raw === void 0 || raw === "") return 10 * 6e4;
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new Error(
      `SWEEP_INTERVAL_MINUTES must be a number of minutes (0 turns the sweep off), got "${raw}"`
    );
  return Math.round(minutes * 6e4);
}
function scheduleSweepInProcess(intervalMs, sweep, log) {
  let running = null;
  const timer = setInterval(() => {
    if (running) return;
    running = sweep().catch((error) => log.error(`sweep failed: ${error instanceof Error ? error.message : error}`)).finally(() => {
      running = null;
    });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    }
  };
}
function scheduleSweepOnQueue(redisUrl, intervalMs, sweep, log) {
  const connections = [0, 1].map(() => new Redis2(redisUrl, { maxRetriesPerRequest: null }));
  const [queueConnection, workerConnection] = connections;
  const queue = new Queue2(SWEEP_QUEUE, { connection: queueConnection });
  const worker = new Worker2(SWEEP_QUEUE, async () => sweep(), {
    connection: workerConnection,
    concurrency: 1,
    lockDuration: 3e4
  });
  const report = (error) => log.error(`sweep queue: ${error.message}`);
  worker.on("error", report);
  queue.on("error", report);
  worker.on("failed", (_job, error) => log.error(`sweep failed: ${error.message}`));
  void queue.upsertJobScheduler(
    "sweep",
    { every: intervalMs },
    { name: "sweep", opts: { removeOnComplete: 100, removeOnFail: 100 } }
  ).catch(report);
  return {
    async stop() {
      await worker.close();
      await queue.close();
      await Promise.all(connections.map((redis) => redis.quit().catch(() => void 0)));
    }
  };
}

// src/installed-repositories.ts
async function activeInstallations(app) {
  const appOctokit = await app.auth();
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  return { listed: installations.length, active: installations.filter((i) => !i.suspended_at) };
}
async function* installedRepositories(app) {
  for (const installation of (await activeInstallations(app)).active) {
    const octokit = await app.auth(installation.id);
    const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
      per_page: 100
    });
    for (const repository of repos)
      yield { octokit, repo: { owner: repository.owner.login, repo: repository.name } };
  }
}

// src/sweep/sweep-installations.ts
async function sweepInstallations(app, contextFor, options = {}) {
  const installations = await activeInstallations(app);
  const defaults2 = Object.values(configSchema.parse({}).severity.labels);
  const labels = [.../* @__PURE__ */ new Set([...defaults2, ...options.extraSeverityLabels ?? []])];
  const since = new Date((options.now ?? /* @__PURE__ */ new Date()).getTime() - SWEEP_LOOKBACK_DAYS * 864e5);
  const reports = [];
  for (const installation of installations.active) {
    const account = installation.account;
    const login = account && "login" in account ? account.login : null;
    if (!login) continue;
    const octokit = await app.auth(installation.id);
    const active = await discoverActiveRepositories(octokit, {
      scope: { kind: "account", login, organization: installation.target_type === "Organization" },
      since,
      severityLabels: labels,
      appSlug: installation.app_slug
    });
    for (const { repo, found } of active.values()) {
      const options_ = options.staleAfterMs === void 0 ? {} : { staleAfterMs: options.staleAfterMs };
      reports.push(await sweepRepository(contextFor(octokit, repo), found, options_));
    }
  }
  return { installations: installations.listed, reports };
}
function sweepSummary(sweep) {
  const results = sweep.reports.flatMap((report) => report.results);
  const finished = results.filter((r) => r.outcome === "finished");
  const failed = results.filter((r) => r.outcome === "failed");
  const what = [...finished, ...failed].map(
    (r) => `${r.task} ${r.target}: ${r.outcome === "failed" ? `failed (${r.detail})` : r.detail}`
  );
  return `sweep: ${sweep.installations} installation(s), ${sweep.reports.length} active repositor${sweep.reports.length === 1 ? "y" : "ies"}, ${finished.length} finished, ${failed.length} failed${what.length ? `: ${what.join("; ")}` : ""}`;
}

// src/util/background-work.ts
var NO_RETRY = { attempts: 1, delayMs: () => 0 };
var STEP_RETRY = {
  attempts: 3,
  delayMs: (attempt) => attempt === 1 ? 2e4 : 6e4
};
var BackgroundWork = class {
  constructor(log, retry = NO_RETRY) {
    this.log = log;
    this.retry = retry;
  }
  log;
  retry;
  running = /* @__PURE__ */ new Set();
  failures = 0;
  retried = 0;
  run(name, task) {
    const promise = this.attempt(name, task, 1);
    this.running.add(promise);
    void promise.finally(() => this.running.delete(promise));
  }
  async attempt(name, task, attempt) {
    try {
      await task();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempt >= this.retry.attempts) {
        this.failures += 1;
        this.log.error(`${name} failed: ${message}`);
        return;
      }
      this.retried += 1;
      this.log.error(`${name} failed (run ${attempt} of ${this.retry.attempts}, runs again): ${message}`);
      await new Promise((resolve) => setTimeout(resolve, this.retry.delayMs(attempt)));
      await this.attempt(name, task, attempt + 1);
    }
  }
  /** Counts work that runs elsewhere (a queue worker's job) as running, so that idle() waits for it too. */
  track(promise) {
    const settled = promise.then(
      () => void 0,
      () => void 0
    );
    this.running.add(settled);
    void settled.finally(() => this.running.delete(settled));
    return promise;
  }
  /** Resolves once nothing is running, including work started while waiting. */
  async idle() {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
  get busy() {
    return this.running.size > 0;
  }
  /** Tasks running now (a task waiting to run again counts). */
  get runningCount() {
    return this.running.size;
  }
  /** Tasks that failed for good (every run failed). */
  get failureCount() {
    return this.failures;
  }
  /** Failed runs that were followed by another run. */
  get retryCount() {
    return this.retried;
  }
};

// src/util/redis-mutex-lock.ts
import { Mutex, TimeoutError } from "redis-semaphore";

// src/util/keyed-lock.ts
var LockTimeoutError = class extends Error {
  constructor(key) {
    super(`the lock on ${key} stayed held by another App instance; the next event for it evaluates again`);
    this.key = key;
  }
  key;
  name = "LockTimeoutError";
};

// src/util/redis-mutex-lock.ts
var RedisMutexLock = class {
  constructor(redis, options = {}, prefix = "hotfix-bot:lock:") {
    this.redis = redis;
    this.prefix = prefix;
    this.ttlMs = options.ttlMs ?? 6e4;
    this.pollMs = options.pollMs ?? 50;
    this.waitMs = options.waitMs ?? 12e4;
  }
  redis;
  prefix;
  ttlMs;
  pollMs;
  waitMs;
  async run(key, task) {
    const mutex = new Mutex(this.redis, `${this.prefix}${key}`, {
      lockTimeout: this.ttlMs,
      acquireTimeout: this.waitMs,
      retryInterval: this.pollMs,
      refreshInterval: Math.floor(this.ttlMs * 0.8),
      // A refresh that failed (Redis unreachable for longer than the expiry): the task finishes anyway; every
      // step is idempotent, the lock only spares duplicate work.
      onLockLost: () => void 0
    });
    try {
      await mutex.acquire();
    } catch (error) {
      if (error instanceof TimeoutError) throw new LockTimeoutError(key);
      throw error;
    }
    try {
      return await task();
    } finally {
      await mutex.release().catch(() => void 0);
    }
  }
};

// src/util/secondary-rate-limit.ts
function isSecondaryRateLimit(error) {
  if (typeof error !== "object" || error === null) return false;
  const { status, message, response } = error;
  if (status !== 403 && status !== 429) return false;
  if (typeof message === "string" && /\bsecondary rate\b/i.test(message)) return true;
  return response?.headers?.["retry-after"] !== void 0;
}
function retryAfterSeconds(error, fallback) {
  const header = error.response?.headers?.["retry-after"];
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : fallback;
}
var wrapped = /* @__PURE__ */ new WeakSet();
function retrySecondaryRateLimits(octokit, options = {}) {
  if (wrapped.has(octokit)) return octokit;
  wrapped.add(octokit);
  const resend = octokit.request;
  const retries = options.retries ?? 3;
  const base = options.retryAfterBaseValue ?? 1e3;
  const fallback = options.fallbackSeconds ?? 60;
  const maxWait = options.maxWaitSeconds ?? 120;
  octokit.hook.error("request", async (error, request) => {
    if (!isSecondaryRateLimit(error)) throw error;
    const bag = request.request ?? {};
    const attempt = (bag.secondaryLimitAttempt ?? 0) + 1;
    if (attempt > retries) throw error;
    const seconds = Math.min(retryAfterSeconds(error, fallback), maxWait);
    options.onWait?.(seconds);
    const wait = seconds * base;
    await new Promise((resolve) => setTimeout(resolve, wait));
    return resend({ ...request, request: { ...bag, secondaryLimitAttempt: attempt } });
  });
  return octokit;
}

// src/dashboard/incident-step.ts
function incidentStep(state) {
  if (!state?.intake) return { step: "intake: waiting for the hotfix branch", stepUrl: null };
  const pipelines = Object.values(state.pipelines);
  const rollback = pipelines.find((p) => p.deploy?.rollback || p.deploy?.failedAt);
  if (rollback)
    return {
      step: `rollback: deploy of #${rollback.pr} failed${rollback.deploy?.rollback?.pr ? `, revert PR #${rollback.deploy.rollback.pr}` : ""}`,
      stepUrl: rollback.deploy?.rollback?.url ?? null
    };
  const deployed = pipelines.find((p) => p.deploy?.deployedAt);
  if (deployed)
    return {
      step: `deployed (${deployed.tag ?? `#${deployed.pr}`}); follow-ups open`,
      stepUrl: deployed.deploy?.url ?? null
    };
  const running = pipelines.find((p) => !p.done);
  if (running) return { step: `after merge of #${running.pr}: tag, backports, follow-ups`, stepUrl: null };
  const merged = pipelines[0];
  if (merged)
    return { step: `merged (#${merged.pr}); waiting for the deploy`, stepUrl: merged.release?.url ?? null };
  const pr = state.intake.pr;
  if (pr) return { step: `gate: hotfix PR #${pr.number} under review`, stepUrl: pr.url };
  return { step: `fixing: branch ${state.intake.branch} cut, no PR yet`, stepUrl: null };
}

// src/dashboard/incident-snapshot.ts
var SEVERITY_ORDER = (severity) => severity === null ? "~" : severity;
async function takeSnapshot(repositories, now) {
  const records = [];
  const open = [];
  const problems = [];
  let count = 0;
  for await (const reader of repositories) {
    count += 1;
    const name = `${reader.repo.owner}/${reader.repo.repo}`;
    try {
      const read = await readIncidents(reader, reader.config);
      for (const record of read.incidents) {
        records.push({ ...record, followUpStates: read.followUps });
        if (record.state !== "open") continue;
        open.push({
          repo: name,
          number: record.number,
          title: record.title,
          url: record.url,
          severity: record.severity,
          commander: record.timeline?.commander ?? null,
          detectedAt: record.timeline?.detectedAt ?? record.createdAt,
          ...incidentStep(record.timeline)
        });
      }
    } catch (error) {
      problems.push({ repo: name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  open.sort(
    (a, b) => SEVERITY_ORDER(a.severity).localeCompare(SEVERITY_ORDER(b.severity)) || Date.parse(a.detectedAt) - Date.parse(b.detectedAt)
  );
  return {
    takenAt: now.toISOString(),
    repositories: count,
    open,
    metrics: computeMetrics(records, /* @__PURE__ */ new Map(), { now }),
    problems
  };
}
var SnapshotCache = class {
  constructor(take, maxAgeMs, clock = Date.now) {
    this.take = take;
    this.maxAgeMs = maxAgeMs;
    this.clock = clock;
  }
  take;
  maxAgeMs;
  clock;
  latest = null;
  refreshing = null;
  async get() {
    if (this.latest && this.clock() - this.latest.at < this.maxAgeMs) return this.latest.snapshot;
    this.refreshing ??= this.take().then((snapshot) => {
      this.latest = { at: this.clock(), snapshot };
      return snapshot;
    }).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }
};

// src/dashboard/dashboard-access.ts
import { createHash, timingSafeEqual } from "node:crypto";
function presentedToken(authorization) {
  if (!authorization) return null;
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (bearer?.[1]) return bearer[1];
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization.trim());
  if (!basic?.[1]) return null;
  const decoded = Buffer.from(basic[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon === -1 ? null : decoded.slice(colon + 1);
}
function tokenMatches(presented, expected) {
  if (presented === null) return false;
  const digest = (text) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

// src/dashboard/render-dashboard.ts
function openRow(incident, now) {
  const age = now - Date.parse(incident.detectedAt);
  const step = escapeHtml(incident.step);
  return `<tr data-open-incident="${escapeHtml(incident.repo)}#${incident.number}"><td>${escapeHtml(incident.repo)}</td><td><a href="${safeHref(incident.url)}">#${incident.number}</a> ${escapeHtml(incident.title)}</td><td>${escapeHtml(incident.severity ?? "\u2013")}</td><td>${incident.commander ? `@${escapeHtml(incident.commander)}` : "\u2013"}</td><td class="num" data-age-ms="${Number.isFinite(age) ? age : ""}">${Number.isFinite(age) ? escapeHtml(formatDuration(Math.max(0, age))) : "\u2013"}</td><td>${incident.stepUrl ? `<a href="${safeHref(incident.stepUrl)}">${step}</a>` : step}</td></tr>`;
}
function renderDashboard(snapshot) {
  const now = Date.parse(snapshot.takenAt);
  const open = snapshot.open.length === 0 ? '<p class="empty">No open incident.</p>' : '<table id="open-incidents"><thead><tr>' + ["Repository", "Incident", "Severity", "Commander", "Age", "Current step"].map((h) => `<th scope="col">${h}</th>`).join("") + `</tr></thead><tbody>${snapshot.open.map((incident) => openRow(incident, now)).join("")}</tbody></table>`;
  const problems = snapshot.problems.length === 0 ? "" : `<section aria-labelledby="h-problems"><h2 id="h-problems">Repositories that could not be read</h2><ul>${snapshot.problems.map((p) => `<li>${escapeHtml(p.repo)}: ${escapeHtml(p.error)}</li>`).join("")}</ul></section>`;
  return htmlPage({
    title: `hotfix-bot: ${snapshot.open.length} open incident${snapshot.open.length === 1 ? "" : "s"}`,
    body: `<h1>hotfix-bot dashboard</h1><p class="meta"><span data-figure="open-incidents" data-value="${snapshot.open.length}">${snapshot.open.length} open incident${snapshot.open.length === 1 ? "" : "s"}</span> in ${snapshot.repositories} repositor${snapshot.repositories === 1 ? "y" : "ies"}; read ${escapeHtml(snapshot.takenAt.slice(0, 19).replace("T", " "))} UTC (refreshed at most once a minute).</p><section aria-labelledby="h-open"><h2 id="h-open">Open incidents</h2>${open}</section>` + problems + `<h2>Recovery across all incidents</h2>${recoverySections(snapshot.metrics)}`
  });
}

// src/server/web-routes.ts
var DASHBOARD_PATH = "/hotfix-bot";
var METRICS_PATH = "/metrics";
var PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY"
};
function pathOf(req) {
  return (req.url ?? "/").split("?")[0] ?? "/";
}
function plain(res, status, text, headers = {}) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers }).end(`${text}
`);
  return true;
}
function webRoutes(options) {
  return async (req, res) => {
    const path = pathOf(req);
    if (path === METRICS_PATH && options.metrics) {
      if (req.method !== "GET") return plain(res, 405, "Method not allowed", { allow: "GET" });
      if (options.metricsToken && !tokenMatches(presentedToken(req.headers.authorization), options.metricsToken))
        return plain(res, 401, "Unauthorized: send METRICS_TOKEN as a bearer token");
      try {
        const snapshot = await options.snapshot.get();
        const bySeverity = {};
        for (const incident of snapshot.open)
          bySeverity[incident.severity ?? "unknown"] = (bySeverity[incident.severity ?? "unknown"] ?? 0) + 1;
        options.metrics.setOpenIncidents(bySeverity);
      } catch (error) {
        options.log.warn(`metrics: open incidents not refreshed: ${error.message}`);
      }
      const { contentType, body } = await options.metrics.exposition();
      res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" }).end(body);
      return true;
    }
    if (path !== DASHBOARD_PATH && path !== `${DASHBOARD_PATH}/`) return false;
    if (!options.dashboardToken)
      return plain(res, 404, "Not found: the dashboard is off (set DASHBOARD_TOKEN)");
    if (req.method !== "GET" && req.method !== "HEAD")
      return plain(res, 405, "Method not allowed", { allow: "GET, HEAD" });
    if (!tokenMatches(presentedToken(req.headers.authorization), options.dashboardToken))
      return plain(
        res,
        401,
        "Sign in with the dashboard token as the password (or send it as a bearer token).",
        {
          "www-authenticate": 'Basic realm="hotfix-bot dashboard", charset="UTF-8"',
          "cache-control": "no-store"
        }
      );
    try {
      const page = renderDashboard(await options.snapshot.get());
      res.writeHead(200, PAGE_HEADERS).end(req.method === "HEAD" ? void 0 : page);
    } catch (error) {
      options.log.warn(`dashboard: ${error.message}`);
      plain(res, 502, "The dashboard could not read the incidents from GitHub; see the App's log.");
    }
    return true;
  };
}

// src/web-add-on.ts
function defaults() {
  const result = validateConfig({});
  if (!result.ok) throw result.error;
  return result.config;
}
function webAddOn(options, parts) {
  const { metrics } = options;
  async function* readers() {
    for await (const { octokit, repo } of installedRepositories(parts.app)) {
      const loaded = await parts.configFor(octokit, repo)();
      yield { octokit, repo, config: loaded.ok ? loaded.config : defaults(), identity: parts.identity };
    }
  }
  const snapshot = new SnapshotCache(
    () => takeSnapshot(readers(), parts.clock()),
    options.snapshotMaxAgeMs ?? 6e4
  );
  parts.addHandler?.(
    webRoutes({
      metrics,
      metricsToken: options.metricsToken ?? null,
      dashboardToken: options.dashboardToken ?? null,
      snapshot,
      log: parts.app.log
    })
  );
  const observeStep = (step, seconds, outcome) => metrics.step(step, seconds, outcome);
  return {
    metrics,
    observeStep,
    /** Runs one delivery's steps and counts it: handled (a step ran), ignored (none matched) or failed. */
    async delivery(event, run) {
      try {
        const outcome = await run();
        metrics.delivery(event, outcome.steps.length > 0 ? "handled" : "ignored");
      } catch (error) {
        metrics.delivery(event, "failed");
        throw error;
      }
    },
    secondaryRateLimit(retry) {
      return {
        ...retry,
        onWait: (seconds) => {
          metrics.rateLimitWait("secondary", seconds);
          retry?.onWait?.(seconds);
        }
      };
    }
  };
}

// src/app.ts
function repoOf(payload) {
  const repository = payload?.repository;
  const owner = repository?.owner?.login;
  const name = repository?.name;
  return typeof owner === "string" && typeof name === "string" ? { owner, repo: name } : null;
}
function installationOf(payload) {
  const id = payload?.installation?.id;
  return typeof id === "number" && Number.isSafeInteger(id) ? id : null;
}
function createHotfixBot(options = {}) {
  return (app, probotOptions) => installHandlers(app, options, probotOptions?.addHandler);
}
function installHandlers(app, options, addHandler) {
  const clock = options.clock ?? (() => /* @__PURE__ */ new Date());
  const configCache = options.configCache ?? new ConfigCache();
  const background = options.background ?? new BackgroundWork(app.log, STEP_RETRY);
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL;
  const instancesLock = redisUrl ? new RedisMutexLock(new Redis3(redisUrl, { lazyConnect: true })) : void 0;
  const identity = memoAsync(async () => appIdentity(await app.auth()));
  const configFor = (octokit, repo) => () => configCache.get(`${repo.owner}/${repo.repo}`, clock().getTime(), () => loadConfig(octokit, repo));
  const web = options.web ? webAddOn(options.web, { app, clock, configFor, identity, addHandler }) : null;
  const secondaryRateLimit = web ? web.secondaryRateLimit(options.secondaryRateLimit) : options.secondaryRateLimit;
  const contextFor = (raw, repo, log) => {
    const octokit = retrySecondaryRateLimits(raw, secondaryRateLimit);
    return {
      octokit,
      repo,
      config: configFor(octokit, repo),
      log,
      clock,
      identity,
      ...instancesLock ? { instancesLock } : {}
    };
  };
  const durable = redisUrl ? new DurableSteps(
    redisUrl,
    (data, resumed) => background.track(
      (async () => {
        const octokit = await app.auth(data.installationId);
        await runLongStep(data, { ...contextFor(octokit, data.repo, app.log), resumedRun: resumed });
      })()
    ),
    app.log,
    options.durableSteps
  ) : null;
  if (durable) options.onDurableSteps?.(durable);
  const enqueue = async (job) => {
    await durable?.enqueue(job);
    if (durable && web) web.metrics.setQueueDepth(STEP_QUEUE, await durable.depth());
  };
  if (options.reconcileOnStart ?? false)
    startSweeps(app, options, {
      background,
      redisUrl,
      contextFor,
      clock,
      ...web ? { onSweep: (result) => web.metrics.sweepResult(result) } : {}
    });
  app.onAny(async (event) => {
    const context = event;
    const repo = repoOf(context.payload);
    if (!repo) {
      web?.metrics.delivery(context.name, "ignored");
      return;
    }
    if (context.name === "push") configCache.invalidate(`${repo.owner}/${repo.repo}`);
    const ctx = contextFor(context.octokit, repo, context.log);
    const installationId = installationOf(context.payload);
    const runner = durable && installationId !== null ? {
      run: (name, _task, job) => background.run(`queue ${name}`, () => enqueue({ ...job, installationId, repo }))
    } : background;
    const delivery = { name: context.name, id: context.id, payload: context.payload };
    if (!web) await handleEvent(delivery, ctx, runner);
    else await web.delivery(delivery.name, () => handleEvent(delivery, ctx, runner, web.observeStep));
  });
}
function startSweeps(app, options, deps) {
  const sweep = async (staleAfterMs) => {
    const result = await sweepInstallations(app, (octokit, repo) => deps.contextFor(octokit, repo, app.log), {
      now: deps.clock(),
      ...staleAfterMs === void 0 ? {} : { staleAfterMs }
    });
    app.log.info(sweepSummary(result));
    if (deps.onSweep) {
      const results = result.reports.flatMap((report) => report.results);
      deps.onSweep({
        checked: result.reports.length,
        finished: results.filter((r) => r.outcome === "finished").length,
        failed: results.filter((r) => r.outcome === "failed").length
      });
    }
  };
  if (!deps.redisUrl) deps.background.run("sweep at start", () => sweep(0));
  const interval = options.sweepIntervalMs ?? sweepIntervalMs(process.env);
  if (interval <= 0) return;
  const periodic = () => deps.background.track(sweep(options.sweepStaleAfterMs));
  if (deps.redisUrl) scheduleSweepOnQueue(deps.redisUrl, interval, periodic, app.log);
  else scheduleSweepInProcess(interval, periodic, app.log);
}
var app_default = createHotfixBot({ reconcileOnStart: true });

// src/server/body-limit.ts
var GITHUB_PAYLOAD_CAP_BYTES = 25 * 1024 * 1024;
function declaredLengthExceeds(contentLength, maxBytes) {
  if (contentLength === void 0 || !/^\d+$/.test(contentLength)) return false;
  return Number(contentLength) > maxBytes;
}
function pathnameOf(url) {
  const path = (url ?? "/").split("?")[0] ?? "/";
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}
function readBodyWithin(req, maxBytes) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > maxBytes) {
        stop();
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error) => {
      stop();
      reject(error);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}
function refuseTooLarge(req, res, maxBytes) {
  res.writeHead(413, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      error: `Payload Too Large: webhook bodies are limited to ${maxBytes} bytes (GitHub's payload cap)`
    })
  );
  res.once("finish", () => {
    req.resume();
    const linger = setTimeout(() => req.socket.destroy(), LINGER_MS);
    linger.unref();
    req.socket.once("close", () => clearTimeout(linger));
  });
}
var LINGER_MS = 2e3;
var utf8 = new TextDecoder("utf-8", { fatal: false });
function limitRequestBodies(handler, options) {
  const maxBytes = options.maxBytes ?? GITHUB_PAYLOAD_CAP_BYTES;
  const webhookPath = pathnameOf(options.webhookPath);
  return async (req, res) => {
    if (declaredLengthExceeds(req.headers["content-length"], maxBytes)) {
      refuseTooLarge(req, res, maxBytes);
      return;
    }
    if (req.method === "POST" && pathnameOf(req.url) === webhookPath) {
      let body;
      try {
        body = await readBodyWithin(req, maxBytes);
      } catch {
        res.destroy();
        return;
      }
      if (body === null) {
        refuseTooLarge(req, res, maxBytes);
        return;
      }
      req.body = utf8.decode(body);
    }
    return handler(req, res);
  };
}

// src/sandbox-app/start-app-on-sandbox.ts
var WEBHOOK_PATH = "/api/github/webhooks";
var cachedKey = null;
function privateKey() {
  cachedKey ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" }
  }).privateKey;
  return cachedKey;
}
async function startAppOnSandbox(sandbox, options = {}) {
  const secret = options.secret ?? randomBytes(16).toString("hex");
  const throttle = options.throttle;
  const retry = options.retry;
  const Octokit = ProbotOctokit.defaults((instanceOptions) => ({
    ...instanceOptions,
    ...throttle ? { throttle: { ...instanceOptions.throttle, ...throttle } } : {},
    ...retry ? { retry: { ...instanceOptions.retry, ...retry } } : {}
  }));
  const probot = new Probot({
    appId: sandbox.app.id,
    privateKey: privateKey(),
    secret,
    baseUrl: sandbox.url,
    Octokit,
    log: pino({ level: options.logLevel ?? "silent" })
  });
  const background = new BackgroundWork({ error: (message) => probot.log.error(message) });
  const untrack = sandbox.trackWork(background);
  const botOptions = { ...options.clock ? { clock: options.clock } : {}, background };
  const appFn = options.appFn ?? createHotfixBot(botOptions);
  const middleware = await createNodeMiddleware(appFn, { probot });
  const handler = limitRequestBodies(
    (req, res) => middleware(req, res, () => {
      res.writeHead(404).end();
    }),
    { webhookPath: WEBHOOK_PATH }
  );
  const server = createServer((req, res) => {
    void handler(req, res);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}`;
  sandbox.setWebhook({ url: `${url}${WEBHOOK_PATH}`, secret });
  return {
    url,
    probot,
    background,
    close: async () => {
      sandbox.setWebhook(null);
      untrack();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
    }
  };
}

// src/demo/narrate.ts
function narrate(exchange) {
  if (exchange.status >= 400) return null;
  const body = exchange.requestBody ?? {};
  const answer = exchange.responseBody ?? {};
  const key = `${exchange.method} ${exchange.route.replace(/^\/repos\/\{owner\}\/\{repo\}/, "")}`;
  switch (key) {
    case "POST /check-runs":
    case "PATCH /check-runs/{check_run_id}": {
      const state = answer.conclusion ?? answer.status ?? body.conclusion ?? body.status;
      const title = answer.output?.title;
      return `check ${String(answer.name ?? body.name)}: ${String(state)}${title ? ` \u2014 ${String(title)}` : ""}`;
    }
    case "POST /git/refs": {
      const ref = String(body.ref ?? "");
      if (ref.startsWith("refs/tags/")) return `tag ${ref.slice("refs/tags/".length)} created`;
      if (ref.startsWith("refs/heads/hotfix/")) return `branch ${ref.slice("refs/heads/".length)} cut`;
      if (ref.startsWith("refs/heads/hotfix-bot/backport-") || ref.startsWith("refs/heads/hotfix-bot/revert-"))
        return `branch ${ref.slice("refs/heads/".length)} created`;
      return null;
    }
    case "POST /releases":
      return `release ${String(answer.tag_name)} published: ${String(answer.html_url)}`;
    case "POST /pulls": {
      const head = String(body.head ?? "");
      const title = String(answer.title);
      if (head.startsWith("hotfix-bot/revert-")) return `revert PR #${String(answer.number)}: ${title}`;
      if (!head.startsWith("hotfix-bot/"))
        return `draft PR #${String(answer.number)} into ${String(body.base)}: ${title}`;
      return `backport PR #${String(answer.number)} into ${String(body.base)}${body.draft ? " (draft: conflict to resolve)" : ""}: ${title}`;
    }
    case "POST /deployments":
      return `deployment of ${String(body.ref)} to ${String(body.environment)} created`;
    case "POST /actions/workflows/{workflow_id}/dispatches":
      return `deploy workflow started on ${String(body.ref)}`;
    case "PUT /contents/{path+}":
      return `incident report committed to ${String(body.branch)}`;
    case "PATCH /issues/{issue_number}":
      return body.state === "closed" ? `issue #${String(answer.number)} closed` : null;
    case "POST /issues":
      return `follow-up issue #${String(answer.number)}: ${String(answer.title)}`;
    case "POST /issues/{issue_number}/labels":
      return `labels ${body.labels?.join(", ") ?? ""} added`;
    case "POST /pulls/{pull_number}/requested_reviewers":
      return `review requested from ${body.reviewers?.join(", ") ?? ""}`;
    case "POST /issues/{issue_number}/comments": {
      const text = String(body.body ?? "");
      if (text.includes("hotfix-bot:timeline")) return "timeline comment written";
      if (text.includes("hotfix-bot:checklist")) return "checklist and rollback plan posted";
      if (text.includes("hotfix-bot:escalation")) return "escalation posted";
      return "comment posted";
    }
    case "PATCH /issues/comments/{comment_id}":
      return "timeline comment updated";
    default:
      return null;
  }
}

// src/demo/run-demo.ts
var REPO = "acme/webshop";
var CONFIG = `# hotfix-bot configuration of the demo repository
productionBranch: main
developBranch: develop
checks:
  criticalTests: [critical-tests]
  securityScan: [security-scan]
backport:
  targets: ["{develop}", "release/*"]
deploy:
  environment: production
  closeIncidentOnSuccess: true
`;
var FIX = `export function checkPassword(user, password) {
  if (!user || typeof password !== "string") return false;
  return user.password === password;
}
`;
var RELEASE_TWEAK = `export function checkPassword(user, password) {
  if (user == null) return false;
  return user.password === password;
}
`;
async function runDemo(options) {
  const { write } = options;
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1e3).toFixed(1).padStart(5)}s`;
  const say = (who, text) => write(`${elapsed()}  ${who.padEnd(10)} ${text}`);
  const sandbox = await startSandbox({ report: () => {
  } });
  const pacing = options.realisticPacing ?? true;
  const app = await startAppOnSandbox(sandbox, {
    ...pacing ? {} : { throttle: { enabled: false } },
    retry: { enabled: false }
  });
  try {
    await sandbox.createRepository(WEBSHOP);
    const alice = sandbox.as("alice", REPO);
    const bob = sandbox.as("bob", REPO);
    const ci = sandbox.asApp("ci", REPO);
    await alice.push("main", { ".github/hotfix.yml": CONFIG }, { message: "Configure hotfix-bot" });
    await bob.createBranch("release/1.x", "main");
    await bob.push("release/1.x", { "src/auth.js": RELEASE_TWEAK }, { message: "Harden null check on 1.x" });
    await sandbox.settle();
    write(`sandbox ${sandbox.url} \u2014 repository ${REPO} with main, develop and release/1.x`);
    write(
      `hotfix-bot (Probot) listening on ${app.url}, write pacing ${pacing ? "on (\u22481 s per write)" : "off"}`
    );
    write("");
    sandbox.counters.reset();
    const stopNarrating = sandbox.observe((exchange) => {
      if (exchange.identity.kind !== "installation" || exchange.identity.app.slug !== sandbox.app.slug)
        return;
      const line = narrate(exchange);
      if (line) say("hotfix-bot", line);
    });
    const incident = await alice.createIssue({
      title: "Checkout: logins fail for users without a password",
      body: "Production login is broken since 14:02.",
      labels: ["P1-hotfix"]
    });
    say("alice", `opens incident #${incident} with the P1-hotfix label`);
    await sandbox.settle();
    const branch = `hotfix/incident-${incident}`;
    const fix = await alice.push(branch, { "src/auth.js": FIX }, { message: "Reject empty passwords" });
    say("alice", `pushes the fix to ${branch}`);
    await sandbox.settle();
    const draft = [...sandbox.internalRepo(REPO).pulls.values()].find((p) => p.headRef === branch);
    if (!draft) throw new Error(`hotfix-bot opened no draft PR for ${branch}`);
    const pr = { number: draft.number };
    await alice.updatePullRequest(pr.number, { title: "[SPF-1290] Fix critical auth failure" });
    say(
      "alice",
      `puts the Jira key in the title of PR #${pr.number}: "[SPF-1290] Fix critical auth failure"`
    );
    await sandbox.markReadyForReview(REPO, pr.number, "alice");
    say("alice", `marks PR #${pr.number} ready for review`);
    await sandbox.settle();
    await ci.runCheck("critical-tests", fix, "success");
    say("ci", "critical-tests: success");
    await ci.runCheck("security-scan", fix, "success");
    say("ci", "security-scan: success");
    await sandbox.settle();
    const mergeSha = await alice.merge(pr.number, "squash");
    say("alice", `squash-merges PR #${pr.number} (${mergeSha.slice(0, 7)})`);
    await sandbox.settle({ timeoutMs: 12e4 });
    const deployment = [...sandbox.internalRepo(REPO).deployments.values()].find(
      (d) => d.creator.login === `${sandbox.app.slug}[bot]`
    );
    if (deployment) {
      await bob.setDeploymentStatus(deployment.id, "success");
      say("deployer", `deployment of ${deployment.ref} to ${deployment.environment}: success`);
      await sandbox.settle();
    }
    await landBackports(sandbox, incident, pr.number, say);
    stopNarrating();
    const summary = summarize(sandbox, incident, pr.number);
    write("");
    write(`Timeline on incident #${incident}:`);
    for (const entry of timelineEntries(sandbox, incident)) write(`  ${entry}`);
    const state = parseTimeline(timelineComment(sandbox, incident)?.body ?? "");
    const recovery = state ? recoveryLine(incidentDurations(state)) : null;
    write("");
    write(`Recovery of incident #${incident}: ${recovery ?? "not measured"}`);
    write("");
    const report = await generateReport(
      githubContext({
        env: { GITHUB_TOKEN: sandbox.tokenFor("carol"), HOTFIX_BOT_APP: String(sandbox.app.id) },
        repo: { owner: "acme", repo: "webshop" },
        apiUrl: sandbox.url,
        log: { debug() {
        }, info() {
        }, warn() {
        }, error() {
        } },
        access: "read"
      })
    );
    for (const line of report.text.trimEnd().split("\n")) write(line);
    write("");
    write(
      `Done in ${elapsed().trim()}: tag ${summary.tag ?? "none"}, ${summary.backports.length} backport(s), ${summary.followUps.length} follow-up(s); the bot made ${summary.botWrites} writes in ${summary.botRequests} requests.`
    );
    if (options.json) write(JSON.stringify(summary));
    if (options.keep) {
      const pages = {
        sandbox: sandbox.url,
        repository: sandbox.world.htmlUrl(`/${REPO}`),
        incident: sandbox.world.htmlUrl(`/${REPO}/issues/${incident}`),
        pullRequest: sandbox.world.htmlUrl(`/${REPO}/pull/${pr.number}`),
        readToken: sandbox.tokenFor("carol")
      };
      write("");
      write(`The sandbox stays up (read-only pages, like GitHub's): incident ${pages.incident}`);
      write(`  pull request ${pages.pullRequest}, repository ${pages.repository}`);
      await options.keep(pages);
    }
    const deployed = state?.pipelines[String(pr.number)]?.deploy?.deployedAt !== void 0;
    const complete = summary.tag !== null && summary.backports.length === 2 && summary.followUps.length > 0 && deployed && summary.resolved;
    return complete ? 0 : 1;
  } finally {
    await app.close();
    await sandbox.close();
  }
}
var RELEASE_RESOLVED = `export function checkPassword(user, password) {
  if (user == null || typeof password !== "string") return false;
  return user.password === password;
}
`;
async function landBackports(sandbox, incident, pr, say) {
  const bob = sandbox.as("bob", REPO);
  const state = parseTimeline(timelineComment(sandbox, incident)?.body ?? "");
  const backports = Object.entries(state?.pipelines[String(pr)]?.backports ?? {});
  for (const [target, backport] of backports.sort(
    ([, a], [, b]) => Number(a.status === "conflict") - Number(b.status === "conflict")
  )) {
    if (backport.pr === void 0) continue;
    if (backport.status === "conflict") {
      const branch = backport.branch ?? `hotfix-bot/backport-${pr}-to-${target}`;
      await bob.push(
        branch,
        { "src/auth.js": RELEASE_RESOLVED },
        { message: "Resolve the backport conflict" }
      );
      say("bob", `resolves the conflict of backport PR #${backport.pr} on ${branch}`);
      await sandbox.markReadyForReview(REPO, backport.pr, "bob");
      await sandbox.settle();
    }
    const sha = await bob.merge(backport.pr, "merge");
    say("bob", `merges backport PR #${backport.pr} into ${target} (${sha.slice(0, 7)})`);
    await sandbox.settle();
  }
}
function timelineComment(sandbox, issue) {
  return [...sandbox.internalRepo(REPO).comments.values()].find(
    (c) => c.issueNumber === issue && c.user.type === "Bot" && c.body.includes("hotfix-bot:timeline")
  );
}
function timelineEntries(sandbox, issue) {
  const state = parseTimeline(timelineComment(sandbox, issue)?.body ?? "");
  return (state?.entries ?? []).map((e) => `${e.at.slice(11, 19)}  ${e.text}${e.url ? `  ${e.url}` : ""}`);
}
function summarize(sandbox, incident, pr) {
  const state = parseTimeline(timelineComment(sandbox, incident)?.body ?? "");
  const pipeline = state?.pipelines[String(pr)];
  const counts2 = sandbox.counters.forApp();
  return {
    tag: pipeline?.tag ?? null,
    release: pipeline?.release?.url ?? null,
    backports: Object.entries(pipeline?.backports ?? {}).map(([target, b]) => ({
      target,
      pr: b.pr ?? null,
      conflict: b.status === "conflict",
      merged: b.end?.state === "merged"
    })),
    resolved: state?.resolvedAt !== void 0 && sandbox.internalRepo(REPO).issues.get(incident)?.state === "closed",
    followUps: Object.entries(pipeline?.followUps ?? {}).map(([kind, f]) => ({ kind, issue: f?.issue ?? 0 })),
    botWrites: counts2.writes,
    botRequests: counts2.requests
  };
}

// src/cli/exit-on-signal.ts
function exitOnSignal(onSignal) {
  const codes = { SIGINT: 130, SIGTERM: 143 };
  const handler = (signal) => {
    onSignal(signal);
    process.exit(codes[signal] ?? 1);
  };
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
  return {
    release() {
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
    }
  };
}

// src/cli/demo.ts
var help = `Usage: hotfix-bot demo [--json] [--fast] [--keep]

Plays a whole incident offline: a local sandbox GitHub and the real App (its Probot server receiving signed
webhooks). Hotfix branch, PR, required checks, the hotfix-gate, merge, then tag, release, backports (one
clean, one with conflicts), follow-up issues, cleanup and the timeline, printed as they happen.

Options:
  --json      end with one line of JSON describing the outcome
  --fast      turn off GitHub's write pacing (about a second per write) for a quicker run
  --keep      leave the sandbox running afterwards and print the incident's page (Ctrl-C stops it)
  -h, --help  show this help

Exit codes: 0 the incident went through, 1 it did not, 2 usage error.
`;
var command = {
  name: "demo",
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs("demo", argv, {
      json: { type: "boolean" },
      fast: { type: "boolean" },
      keep: { type: "boolean" }
    });
    if (values.help) {
      io.stdout(help);
      return EXIT.ok;
    }
    if (positionals.length > 0) throw new UsageError("demo", `unexpected argument "${positionals[0]}"`);
    const signals = exitOnSignal((signal) => io.stderr(`demo interrupted (${signal})`));
    try {
      return await runDemo({
        json: values.json ?? false,
        realisticPacing: !values.fast,
        write: (line) => io.stdout(line),
        // Until Ctrl-C, which ends the process through exitOnSignal (the sandbox's directory is removed).
        ...values.keep ? { keep: () => new Promise(() => {
        }) } : {}
      });
    } finally {
      signals.release();
    }
  }
};
export {
  command
};
