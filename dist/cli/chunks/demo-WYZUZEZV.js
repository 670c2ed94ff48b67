import {
  BACKPORT_PR_ACTIONS,
  CLOSED_AT_RESOLUTION_KEY,
  MissingLineError,
  SWEEP_LOOKBACK_DAYS,
  WriteAccessCache,
  addEntry,
  afterMergeSteps,
  backportCheckOutput,
  backportCheckTitle,
  backportLanded,
  backportPrEventFrom,
  branchNameProblem,
  createdBy,
  discoverActiveRepositories,
  endMonitoringUnderLock,
  ensureBotComment,
  findBackportRun,
  gateRoute,
  handleDeploymentStatus,
  hasWritePermission,
  incidentOfBranch,
  incidentOfPull,
  isMergedHotfix,
  logWith,
  markerOf,
  matchesCheckName,
  mergedPullRequestFrom,
  monitoringPhase,
  notifyDeclared,
  notifyDraftPr,
  notifyMilestone,
  notifyMonitoringDone,
  notifyRollbackAsked,
  openBackportCheck,
  openDraftPr,
  passBackportCheck,
  readMergedHotfix,
  recordBackportEvent,
  recordStable,
  remindOnIncident,
  reportedBy,
  resolvedDetails,
  rollBack,
  rollbackComplete,
  runAfterMerge,
  runAfterMergeWithTarget,
  runIntake,
  settleIncident,
  sweepOneRepository,
  sweepRepository,
  triggerText,
  utcClock,
  withIncidentLock,
  withLogFields,
  withMergedHotfixRecord,
  withPipelineLock
} from "./chunk-HZR7FSDF.js";
import "./chunk-VJKOLBUU.js";
import {
  CONTENT_SECURITY_POLICY,
  computeMetrics,
  escapeHtml,
  generateReport,
  htmlPage,
  readIncidents,
  recoverySections,
  safeHref
} from "./chunk-QRM6KDSJ.js";
import {
  ConfigCache,
  channelsFromEnvironment,
  createEngineContext,
  createEngineLocks,
  escapeMarkdown,
  formatDuration,
  githubContext,
  httpStatus,
  incidentDurations,
  isDeliberateStop,
  isOpenedByAnApp,
  loadConfig,
  memoAsync,
  parseTimeline,
  partialOutcomeOf,
  readTimeline,
  recoveryLine,
  severityFromLabels,
  writeTimeline,
  writtenBefore
} from "./chunk-C74ZTEPE.js";
import {
  configSchema,
  isHotfixFamilyBranch,
  isProductionLine,
  validateConfig
} from "./chunk-IFHMZTJI.js";
import {
  WEBSHOP,
  startSandbox
} from "./chunk-VBSJXSFK.js";
import {
  codeSpan
} from "./chunk-HOZ5FGTY.js";
import {
  parseCommandArgs
} from "./chunk-DI577RAP.js";
import {
  EXIT,
  HotfixBotError,
  UsageError,
  errorMessage
} from "./chunk-BLGKLY6J.js";

// src/sandbox-app/start-app-on-sandbox.ts
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import pino from "pino";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";

// src/app.ts
import { Redis as Redis3 } from "ioredis";

// src/after-merge/after-merge-route.ts
var afterMergeRoute = (steps) => ({
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
      logWith(ctx.log, { pr: pr.number }).error(`after-merge skipped: ${loaded.error.message}`);
      return void 0;
    }
    if (!isMergedHotfix(pr, loaded.config)) return void 0;
    return runAfterMerge(ctx, loaded.config, pr, steps);
  }
});

// src/incident/refusal-marker.ts
function refusalMarker(userId) {
  return `<!-- hotfix-bot:command-refused ${JSON.stringify({ user: userId })} -->`;
}

// src/backport/backport-reply-marker.ts
function backportReplyMarker(commentId) {
  return `<!-- hotfix-bot:backport-reply ${JSON.stringify({ comment: commentId })} -->`;
}

// src/backport/pull-request-comment.ts
import { z } from "zod";
var commentShape = z.object({
  action: z.literal("created"),
  issue: z.object({ number: z.number().int().positive(), pull_request: z.object({}).passthrough() }),
  comment: z.object({
    id: z.number().int().positive(),
    body: z.string().max(65536),
    user: z.object({ id: z.number().int().positive(), login: z.string(), type: z.string() })
  })
});
function personsPullRequestComment(payload) {
  const parsed = commentShape.safeParse(payload);
  if (!parsed.success || parsed.data.comment.user.type === "Bot") return null;
  return parsed.data;
}

// src/backport/backport-command.ts
function parseBackportCommand(payload) {
  const posted = personsPullRequestComment(payload);
  if (!posted) return null;
  const match = /^\/backport[ \t]+(\S+)[ \t]*$/.exec(posted.comment.body.split(/\r?\n/, 1)[0] ?? "");
  if (!match?.[1] || match[1] === "confirm" || match[1] === "skip") return null;
  return {
    pull: posted.issue.number,
    target: match[1],
    commenter: posted.comment.user.login,
    commenterId: posted.comment.user.id,
    commentId: posted.comment.id
  };
}
var backportCommandRoute = (runPipeline) => ({
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
    return runPipeline(ctx, loaded.config, pr, target);
  }
});

// src/backport/backport-confirm.ts
import { z as z2 } from "zod";
function parseBackportConfirmation(payload) {
  const posted = personsPullRequestComment(payload);
  if (!posted) return null;
  const line = posted.comment.body.split(/\r?\n/, 1)[0] ?? "";
  const match = /^\/backport[ \t]+confirm(?:[ \t]+([0-9a-fA-F]{7,40}))?[ \t]*$/.exec(line);
  if (!match) return null;
  const { user } = posted.comment;
  return {
    pull: posted.issue.number,
    sha: match[1]?.toLowerCase() ?? null,
    commenter: { id: user.id, login: user.login },
    commentId: posted.comment.id
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

// src/backport/backport-end-route.ts
async function handleBackportPrEvent(ctx, event) {
  const log = logWith(ctx.log, { pr: event.hotfixPr, backportPr: event.number });
  const loaded = await ctx.config();
  if (!loaded.ok) {
    log.error(`backport PR not recorded: ${loaded.error.message}`);
    return "not-ours";
  }
  const config = loaded.config;
  const hotfix = await readMergedHotfix(ctx, config, event.hotfixPr);
  if (!hotfix) return "not-ours";
  const { incident } = await incidentOfPull(ctx, hotfix);
  const issue = incident ?? hotfix.number;
  const handled = await withPipelineLock(
    ctx,
    hotfix.number,
    () => withIncidentLock(ctx, issue, async () => {
      const timeline = await readTimeline(ctx, issue);
      if (!timeline.state) return "not-ours";
      const recorded = recordBackportEvent(timeline.state, event, ctx.clock().toISOString());
      if (!recorded) {
        logWith(log, { incident: issue }).info("not a backport the incident's timeline records: ignored");
        return "not-ours";
      }
      if (!recorded.changed) return "unchanged";
      let state = await settleIncident(ctx, config, recorded.state, incident);
      state = await remindOnIncident(ctx, config, state);
      await writeTimeline(ctx, issue, timeline.commentId, state);
      return "recorded";
    })
  );
  if (handled === "recorded") await notifyMilestone(ctx, config, incident, "resolved", resolvedDetails);
  return handled;
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

// src/backport/backport-skip-command.ts
import { z as z3 } from "zod";
var SKIP_REASON_MAX = 300;
var commentShape2 = z3.object({
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
  const parsed = commentShape2.safeParse(payload);
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
  const account2 = { id: command2.commenterId, login: command2.commenter };
  if (!await new WriteAccessCache(ctx).hasWrite(account2)) {
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
  await notifyMilestone(ctx, loaded.config, command2.incident, "resolved", resolvedDetails);
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
    const { handled, timeline } = await handleDeploymentStatus(ctx, loaded.config, status);
    ctx.log.info(`deployment ${status.deployment} of ${status.ref} (${status.state}): ${handled}`);
    return timeline === void 0 ? void 0 : { timeline };
  }
};

// src/deploy/rollback-command.ts
import { z as z5 } from "zod";
var ROLLBACK_REASON_MAX = 300;
var commentShape3 = z5.object({
  action: z5.literal("created"),
  issue: z5.object({ number: z5.number().int().positive(), pull_request: z5.unknown().optional() }),
  comment: z5.object({
    id: z5.number().int().positive(),
    body: z5.string().max(65536),
    created_at: z5.string().optional(),
    user: z5.object({ id: z5.number().int().positive(), login: z5.string(), type: z5.string() })
  })
});
function parseRollbackCommand(payload) {
  const parsed = commentShape3.safeParse(payload);
  if (!parsed.success || parsed.data.comment.user.type === "Bot") return null;
  const first = (parsed.data.comment.body.split(/\r?\n/, 1)[0] ?? "").trim();
  const match = /^\/rollback(?:[ \t]+(.*))?$/.exec(first);
  if (!match) return null;
  return {
    issue: parsed.data.issue.number,
    onPull: parsed.data.issue.pull_request !== void 0 && parsed.data.issue.pull_request !== null,
    reason: (match[1] ?? "").trim(),
    commenter: parsed.data.comment.user.login,
    commenterId: parsed.data.comment.user.id,
    commentId: parsed.data.comment.id,
    at: parsed.data.comment.created_at ?? null
  };
}
function rollbackReplyMarker(commentId) {
  return `<!-- hotfix-bot:rollback-reply ${JSON.stringify({ comment: commentId })} -->`;
}
async function targetOf(ctx, config, command2) {
  if (command2.onPull) return readMergedHotfix(ctx, config, command2.issue);
  const { state } = await readTimeline(ctx, command2.issue);
  if (!state?.detectedAt) return null;
  const latest = Object.values(state.pipelines).sort(
    (a, b) => Date.parse(b.mergedAt) - Date.parse(a.mergedAt)
  )[0];
  return latest ? readMergedHotfix(ctx, config, latest.pr) : null;
}
async function runRollbackCommand(command2, ctx) {
  const marker = rollbackReplyMarker(command2.commentId);
  const reply = (issue, body) => ensureBotComment(ctx, issue, marker, `${marker}
${body}`);
  const account2 = { id: command2.commenterId, login: command2.commenter };
  if (!await new WriteAccessCache(ctx).hasWrite(account2)) {
    const refused = refusalMarker(command2.commenterId);
    await withIncidentLock(
      ctx,
      command2.issue,
      () => ensureBotComment(
        ctx,
        command2.issue,
        refused,
        `${refused}
@${command2.commenter} only people with write access can ask for a rollback; nothing was done.`
      )
    );
    return { kind: "refused" };
  }
  const reject = async (why) => {
    await reply(command2.issue, why);
    return { kind: "rejected", why };
  };
  if (command2.reason.length > ROLLBACK_REASON_MAX)
    return reject(
      `\`/rollback\`: keep the reason within ${ROLLBACK_REASON_MAX} characters; nothing was done.`
    );
  const loaded = await ctx.config();
  if (!loaded.ok) return reject(`\`/rollback\` cannot run: ${escapeMarkdown(loaded.error.message)}`);
  const config = loaded.config;
  const pr = await targetOf(ctx, config, command2);
  if (!pr)
    return reject(
      "`/rollback` works on a merged hotfix pull request into a production branch, or on its incident; nothing was done."
    );
  return withMergedHotfixRecord(ctx, pr, async (origin) => {
    const timeline = await readTimeline(ctx, origin.issue);
    const pipeline = timeline.state?.pipelines[String(pr.number)];
    if (!timeline.state || !pipeline)
      return reject(
        `\`/rollback\`: #${pr.number} merged, but its after-merge record is not written yet; say it again in a minute.`
      );
    if (rollbackComplete(pipeline.deploy)) {
      if (pipeline.rollbackBy?.commentId === command2.commentId)
        return { kind: "already", pr: pr.number, incident: origin.incident };
      const revert2 = pipeline.deploy?.rollback;
      const where = revert2?.pr ? `: revert PR #${revert2.pr}` : "";
      const why = pipeline.rollbackBy ? triggerText(pipeline.rollbackBy) : "its deployment failed";
      await reply(
        command2.issue,
        `#${pr.number} is already being rolled back (${escapeMarkdown(why)})${where}.`
      );
      return { kind: "already", pr: pr.number, incident: origin.incident };
    }
    const state = await rollBackOnCommand(ctx, config, command2, origin, timeline.state);
    const written = await writeTimeline(ctx, origin.issue, timeline.commentId, state);
    const revert = state.pipelines[String(pr.number)]?.deploy?.rollback;
    if (command2.issue !== origin.issue && revert?.pr)
      await reply(
        command2.issue,
        `Rolling back #${pr.number}: revert PR #${revert.pr}; incident #${origin.issue} is escalated.`
      ).catch((error) => {
        throw writtenBefore(error, { timeline: written.markdown });
      });
    return {
      kind: "rolled-back",
      pr: pr.number,
      incident: origin.incident,
      state,
      timeline: written.markdown
    };
  });
}
async function rollBackOnCommand(ctx, config, command2, origin, read) {
  const n = origin.pr.number;
  let state = await endMonitoringUnderLock(ctx, config, origin, read);
  const pipeline = state.pipelines[String(n)];
  if (!pipeline) return state;
  const at = validTime2(command2.at) ?? ctx.clock().toISOString();
  const trigger = pipeline.rollbackBy ?? {
    kind: "command",
    at,
    by: command2.commenter,
    byId: command2.commenterId,
    reason: command2.reason,
    commentId: command2.commentId
  };
  state = {
    ...state,
    pipelines: { ...state.pipelines, [String(n)]: { ...pipeline, rollbackBy: trigger } }
  };
  state = addEntry(state, {
    key: `rollback-asked-${n}`,
    at: trigger.at,
    text: `Rollback of #${n}: ${triggerText(trigger)}`
  });
  const tag = pipeline.tag ?? origin.pr.mergeSha.slice(0, 7);
  return rollBack(ctx, config, state, origin, state.pipelines[String(n)] ?? pipeline, {
    tag,
    environment: pipeline.deploy?.environment?.name ?? "",
    state: "rollback",
    description: command2.reason,
    logUrl: null,
    trigger
  });
}
function validTime2(value) {
  const t = Date.parse(value ?? "");
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
var rollbackCommandRoute = {
  step: "rollback-command",
  long: true,
  triggers: [{ event: "issue_comment", actions: ["created"] }],
  match(event) {
    return event.name === "issue_comment" ? parseRollbackCommand(event.payload) : null;
  },
  async run(command2, ctx) {
    const outcome = await runRollbackCommand(command2, ctx);
    ctx.log.info(`/rollback by ${command2.commenter} on #${command2.issue}: ${outcome.kind}`);
    let timeline = outcome.kind === "rolled-back" ? outcome.timeline : void 0;
    if (outcome.kind === "rolled-back" || outcome.kind === "already") {
      const loaded = await ctx.config();
      if (loaded.ok)
        timeline = await notifyRollbackAsked(ctx, loaded.config, outcome.incident, outcome.pr) ?? timeline;
    }
    return timeline === void 0 ? void 0 : { timeline };
  }
};

// src/deploy/monitoring-due-route.ts
var isObject = (value) => typeof value === "object" && value !== null;
function incidentActivityFrom(event) {
  const payload = event.payload;
  if (!isObject(payload) || !isObject(payload.issue) || !isObject(payload.sender)) return null;
  if (payload.sender.type === "Bot") return null;
  if (event.name === "issue_comment") {
    if (payload.action !== "created" || parseRollbackCommand(payload) !== null) return null;
  } else if (event.name !== "issues" || !["labeled", "unlabeled", "reopened"].includes(String(payload.action))) {
    return null;
  }
  const { number, labels } = payload.issue;
  if (typeof number !== "number" || !Array.isArray(labels) || labels.length === 0) return null;
  const names = labels.flatMap(
    (label) => isObject(label) && typeof label.name === "string" ? [label.name] : []
  );
  return { issue: number, labels: names };
}
var monitoringDueRoute = {
  step: "monitoring-due",
  triggers: [
    { event: "issue_comment", actions: ["created"] },
    { event: "issues", actions: ["labeled", "unlabeled", "reopened"] }
  ],
  match: incidentActivityFrom,
  async run(activity, ctx) {
    const loaded = await ctx.config();
    if (!loaded.ok || !loaded.config.monitoring.enabled) return void 0;
    if (severityFromLabels(activity.labels, loaded.config) === null) return void 0;
    const config = loaded.config;
    return withIncidentLock(ctx, activity.issue, async () => {
      const timeline = await readTimeline(ctx, activity.issue);
      if (!timeline.state?.detectedAt) return void 0;
      let state = timeline.state;
      for (const pipeline of Object.values(timeline.state.pipelines)) {
        if (monitoringPhase(pipeline, ctx.clock()) === "due")
          state = await recordStable(ctx, config, state, pipeline, activity.issue);
      }
      if (state === timeline.state) return void 0;
      const written = await writeTimeline(ctx, activity.issue, timeline.commentId, state);
      return { timeline: written.markdown };
    });
  }
};

// src/deploy/rollback-check-route.ts
var NOT_FAILING = /* @__PURE__ */ new Set(["success", "neutral", "skipped"]);
var isObject2 = (value) => typeof value === "object" && value !== null;
var str = (value) => typeof value === "string" ? value : null;
var account = (value) => isObject2(value) && typeof value.id === "number" && typeof value.login === "string" ? { id: value.id, login: value.login } : null;
function failedCheckFrom(event) {
  const payload = event.payload;
  if (!isObject2(payload)) return null;
  if (event.name === "check_run") {
    const run = payload.check_run;
    if (payload.action !== "completed" || !isObject2(run)) return null;
    const conclusion = str(run.conclusion);
    const sha = str(run.head_sha);
    const name = str(run.name);
    if (!conclusion || NOT_FAILING.has(conclusion) || !sha || !name) return null;
    const app = isObject2(run.app) && typeof run.app.id === "number" ? run.app : null;
    return {
      sha,
      name,
      conclusion,
      app: app ? { id: app.id, slug: str(app.slug) ?? "" } : null,
      creator: null
    };
  }
  if (event.name === "status") {
    const state = str(payload.state);
    const sha = str(payload.sha);
    const name = str(payload.context);
    if (state !== "failure" && state !== "error" || !sha || !name) return null;
    return { sha, name, conclusion: state, app: null, creator: account(payload.sender) };
  }
  return null;
}
function rollbackCheckFor(check, rollbackOn) {
  const run = {
    id: 0,
    name: check.name,
    status: "completed",
    conclusion: check.conclusion,
    startedAt: null,
    completedAt: null,
    app: check.app,
    creator: check.creator
  };
  return rollbackOn.find((entry) => {
    if (!matchesCheckName(entry.name, check.name)) return false;
    if (entry.app !== null) return reportedBy(run, entry.app);
    if (entry.creator !== null) return createdBy(run, entry.creator);
    return true;
  }) ?? null;
}
async function mergedHotfixAt(ctx, config, sha) {
  const { data } = await ctx.octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    ...ctx.repo,
    commit_sha: sha,
    per_page: 10
  });
  for (const raw of data) {
    const pr = mergedPullRequestFrom(raw);
    if (pr && pr.mergeSha === sha && isMergedHotfix(pr, config)) return pr;
  }
  return null;
}
async function handleFailedCheck(ctx, config, check) {
  if (!rollbackCheckFor(check, config.monitoring.rollbackOn)) return { kind: "not-watched" };
  const pr = await mergedHotfixAt(ctx, config, check.sha);
  if (!pr) return { kind: "not-watched" };
  return withMergedHotfixRecord(ctx, pr, async (origin) => {
    const timeline = await readTimeline(ctx, origin.issue);
    const pipeline = timeline.state?.pipelines[String(pr.number)];
    if (!timeline.state || !pipeline || pipeline.monitor?.sha !== check.sha) return { kind: "not-watched" };
    const phase = monitoringPhase(pipeline, ctx.clock());
    if (phase !== "open") {
      const next = await endMonitoringUnderLock(ctx, config, origin, timeline.state);
      const over = { kind: "window-over", pr: pr.number, incident: origin.incident };
      if (next === timeline.state) return over;
      const written2 = await writeTimeline(ctx, origin.issue, timeline.commentId, next);
      return { ...over, timeline: written2.markdown };
    }
    const at = ctx.clock().toISOString();
    const trigger = { kind: "check", at, by: check.name, reason: check.conclusion };
    let state = {
      ...timeline.state,
      pipelines: { ...timeline.state.pipelines, [String(pr.number)]: { ...pipeline, rollbackBy: trigger } }
    };
    state = addEntry(state, {
      key: `rollback-asked-${pr.number}`,
      at,
      text: `Rollback of #${pr.number} at ${utcClock(at)} (UTC): ${triggerText(trigger)}`
    });
    state = await rollBack(ctx, config, state, origin, state.pipelines[String(pr.number)] ?? pipeline, {
      tag: pipeline.tag ?? pr.mergeSha.slice(0, 7),
      environment: pipeline.deploy?.environment?.name ?? "",
      state: check.conclusion,
      description: "",
      logUrl: null,
      trigger
    });
    const written = await writeTimeline(ctx, origin.issue, timeline.commentId, state);
    return { kind: "rolled-back", pr: pr.number, incident: origin.incident, timeline: written.markdown };
  });
}
var rollbackCheckRoute = {
  step: "rollback-check",
  long: true,
  triggers: [{ event: "check_run", actions: ["completed"] }, { event: "status" }],
  match: failedCheckFrom,
  async run(check, ctx) {
    const loaded = await ctx.config();
    if (!loaded.ok || loaded.config.monitoring.rollbackOn.length === 0) return void 0;
    const outcome = await handleFailedCheck(ctx, loaded.config, check);
    if (outcome.kind === "not-watched") return void 0;
    ctx.log.info(`${check.name} ${check.conclusion} on ${check.sha}: ${outcome.kind}`);
    const notified = outcome.kind === "rolled-back" ? await notifyRollbackAsked(ctx, loaded.config, outcome.incident, outcome.pr) : await notifyMonitoringDone(ctx, loaded.config, outcome.incident, outcome.pr);
    const timeline = notified ?? outcome.timeline;
    return timeline === void 0 ? void 0 : { timeline };
  }
};

// src/intake/hotfix-push.ts
import { z as z6 } from "zod";
var pushShape2 = z6.object({
  ref: z6.string(),
  after: z6.string().regex(/^[0-9a-f]{40}$/),
  deleted: z6.boolean().optional(),
  commits: z6.array(z6.unknown()).default([]),
  sender: z6.object({ login: z6.string() })
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
  async run(push, routeCtx) {
    const ctx = withLogFields(routeCtx, { incident: push.incident });
    const loaded = await ctx.config();
    if (!loaded.ok) {
      ctx.log.error(`draft PR for ${push.branch} skipped: ${loaded.error.message}`);
      return void 0;
    }
    if (!isHotfixFamilyBranch(push.branch, loaded.config.branches.patterns)) return void 0;
    const opened = await withIncidentLock(ctx, push.incident, () => openDraftPr(ctx, loaded.config, push));
    if (!opened) return void 0;
    const notified = await notifyDraftPr(ctx, loaded.config, push.incident);
    const timeline = notified.timeline ?? opened.timeline;
    return timeline === void 0 ? void 0 : { timeline };
  }
};

// src/intake/incident-change.ts
import { z as z8 } from "zod";

// src/intake/intake-trigger.ts
import { z as z7 } from "zod";
var issueShape = z7.object({
  number: z7.number().int().positive(),
  title: z7.string(),
  state: z7.enum(["open", "closed"]),
  labels: z7.array(z7.object({ name: z7.string() })).default([]),
  html_url: z7.string(),
  updated_at: z7.string().nullable().optional(),
  pull_request: z7.unknown().optional()
});
var userShape = z7.object({ login: z7.string(), type: z7.string().optional() });
var senderShape = userShape.extend({ id: z7.number().int().positive() });
var labeledShape = z7.object({
  action: z7.literal("labeled"),
  issue: issueShape,
  label: z7.object({ name: z7.string() }),
  sender: senderShape
});
var commentShape4 = z7.object({
  action: z7.literal("created"),
  issue: issueShape,
  comment: z7.object({
    id: z7.number().int().positive(),
    body: z7.string().max(65536),
    created_at: z7.string().nullable().optional(),
    user: userShape.extend({ id: z7.number().int().positive() })
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
var changeShape = z8.object({
  action: z8.enum(["unlabeled", "closed", "reopened"]),
  issue: issueShape.extend({
    closed_at: z8.string().nullable().optional(),
    state_reason: z8.string().nullable().optional()
  }),
  label: z8.object({ name: z8.string() }).optional(),
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
    return withIncidentLock(ctx, n, async () => {
      const timeline = await readTimeline(ctx, n);
      const state = timeline.state;
      if (!state?.detectedAt) return void 0;
      const t = Date.parse(change.at ?? "");
      const at = Number.isNaN(t) ? ctx.clock().toISOString() : new Date(t).toISOString();
      const closedByDeploy = state.entries.some(
        (e) => e.key === CLOSED_AT_RESOLUTION_KEY || e.key.startsWith("closed-by-deploy-")
      );
      if (change.kind === "closed" && closedByDeploy && change.actor.endsWith("[bot]")) return void 0;
      const merged = Object.keys(state.pipelines).length > 0;
      const next = addEntry(state, changeEntry(change, merged, at));
      if (JSON.stringify(next) === JSON.stringify(state)) return void 0;
      const written = await writeTimeline(ctx, n, timeline.commentId, next);
      return { timeline: written.markdown };
    });
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
  async run(trigger, routeCtx) {
    const n = trigger.issue.number;
    const ctx = withLogFields(routeCtx, { incident: n });
    const reply = (body) => ensureBotComment(ctx, n, body.split("\n", 1)[0] ?? body, body);
    if (trigger.kind === "command" && !await hasWritePermission(ctx, trigger.actor)) {
      await reply(refusalReply(trigger.actorId, trigger.actor));
      return void 0;
    }
    const loaded = await ctx.config();
    if (!loaded.ok) {
      ctx.log.error(`intake skipped: ${loaded.error.message}`);
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
    const at = validTime3(trigger.at) ?? ctx.clock().toISOString();
    try {
      const intake = await withIncidentLock(
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
      const notified = await notifyDeclared(ctx, config, n);
      const timeline = notified.timeline ?? intake.timeline;
      return timeline === void 0 ? void 0 : { timeline };
    } catch (error) {
      if (!(error instanceof MissingLineError) || trigger.kind !== "command") throw error;
      await reply(missingLineReply(trigger.commentId, error.line));
      const declared = partialOutcomeOf(error)?.timeline;
      return declared === void 0 ? void 0 : { timeline: declared };
    }
  }
};
async function refuseLabel(ctx, trigger, label) {
  const n = trigger.issue.number;
  const { state } = await readTimeline(ctx, n);
  if (state?.intake) return;
  ctx.log.info(`severity label by ${trigger.actor}, who has no write access: refused`);
  await ensureBotComment(
    ctx,
    n,
    labelRefusalMarker(trigger.actorId),
    labelRefusalReply(trigger.actorId, trigger.actor, label)
  );
}
function validTime3(value) {
  if (value === null) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

// src/engine.ts
var routes = [
  gateRoute,
  afterMergeRoute(afterMergeSteps),
  backportCommandRoute(runAfterMergeWithTarget),
  backportConfirmRoute,
  backportCheckFollowsRoute,
  intakeRoute,
  incidentChangeRoute,
  draftPrRoute,
  deploymentStatusRoute,
  // Backports tracked until they land: their PRs' ends, and waivers on the incident.
  backportEndRoute,
  backportSkipRoute,
  // After the deploy: /rollback, and a configured check failing inside the monitoring window.
  rollbackCommandRoute,
  rollbackCheckRoute,
  monitoringDueRoute
];
async function runLongStep(job, ctx) {
  const route = routes.find((candidate) => candidate.step === job.step && candidate.long);
  if (!route)
    throw new Error(`no long step named "${job.step}" (a job queued by another version of hotfix-bot?)`);
  const input = route.match(job.event);
  if (input === null) return;
  await route.run(input, withLogFields(ctx, { step: route.step }), job.event);
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
async function settleEvent(event, ctx, background, observe) {
  const matched = routes.flatMap((route) => {
    const input = route.match(event);
    return input === null ? [] : [{ route, input }];
  });
  const outcome = { steps: [], stopped: [] };
  const failures = [];
  for (const { route, input } of matched) {
    const stepCtx = withLogFields(ctx, { step: route.step });
    if (route.long && background) {
      background.run(
        `${route.step} for ${event.name} ${event.id}`,
        () => timed(route.step, observe, () => route.run(input, stepCtx, event)),
        { step: route.step, event }
      );
      outcome.steps.push(route.step);
      continue;
    }
    try {
      const result = await timed(route.step, observe, () => route.run(input, stepCtx, event));
      outcome.steps.push(route.step);
      if (result) Object.assign(outcome, result);
    } catch (error) {
      const message = errorMessage(error);
      if (isDeliberateStop(error)) {
        stepCtx.log.info(`stopped on ${event.name}: ${message}`);
        outcome.steps.push(route.step);
        outcome.stopped.push({ step: route.step, reason: message });
      } else {
        stepCtx.log.error(`failed on ${event.name}: ${message}`);
        failures.push(error);
      }
      const partial = partialOutcomeOf(error);
      if (partial) Object.assign(outcome, partial);
    }
  }
  return { outcome, failures };
}
async function handleEvent(event, ctx, background, observe) {
  const settled = await settleEvent(event, ctx, background, observe);
  const failure = failureOf(settled, event);
  if (failure) throw failure;
  return settled.outcome;
}
function failureOf({ failures }, event) {
  if (failures.length === 0) return null;
  if (failures.length === 1) return failures[0];
  return new AggregateError(failures, `${failures.length} steps failed on ${event.name} ${event.id}`);
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
    const counts = await this.queue.getJobCounts("wait", "active", "delayed", "prioritized");
    return Object.values(counts).every((n) => n === 0);
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
    running = sweep().catch((error) => log.error(`sweep failed: ${errorMessage(error)}`)).finally(() => {
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
    const account2 = installation.account;
    const login = account2 && "login" in account2 ? account2.login : null;
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
      const message = errorMessage(error);
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
var LockTimeoutError = class extends HotfixBotError {
  constructor(key) {
    super(`the lock on ${key} stayed held by another App instance; the next event for it evaluates again`);
    this.key = key;
  }
  key;
  kind = "contention";
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

// src/metrics/dashboard/incident-step.ts
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

// src/metrics/dashboard/incident-snapshot.ts
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
        records.push({ ...record, followUpStates: read.followUps, followUpClosedAt: read.followUpClosedAt });
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
      problems.push({ repo: name, error: errorMessage(error) });
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

// src/metrics/dashboard/dashboard-access.ts
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

// src/metrics/dashboard/render-dashboard.ts
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
  const notifyChannels = options.notifyChannels ?? channelsFromEnvironment(process.env);
  const identity = memoAsync(async () => appIdentity(await app.auth()));
  const configFor = (octokit, repo) => () => configCache.get(`${repo.owner}/${repo.repo}`, clock().getTime(), () => loadConfig(octokit, repo));
  const web = options.web ? webAddOn(options.web, { app, clock, configFor, identity, addHandler }) : null;
  const secondaryRateLimit = web ? web.secondaryRateLimit(options.secondaryRateLimit) : options.secondaryRateLimit;
  const locks = createEngineLocks();
  const contextFor = (raw, repo, log) => {
    const octokit = retrySecondaryRateLimits(raw, secondaryRateLimit);
    return createEngineContext({
      octokit,
      repo,
      log: logWith(log, { repo: `${repo.owner}/${repo.repo}` }),
      locks,
      identity,
      clock,
      readConfig: configFor(octokit, repo),
      ...instancesLock ? { instancesLock } : {},
      notifyChannels
    });
  };
  const durable = redisUrl ? new DurableSteps(
    redisUrl,
    (data, resumed) => background.track(
      (async () => {
        const octokit = await app.auth(data.installationId);
        const log = logWith(app.log, { delivery: data.event.id, event: data.event.name });
        await runLongStep(data, { ...contextFor(octokit, data.repo, log), resumedRun: resumed });
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
    const log = logWith(context.log, { delivery: context.id, event: context.name });
    const ctx = contextFor(context.octokit, repo, log);
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
  const botOptions = {
    ...options.clock ? { clock: options.clock } : {},
    ...options.notifyChannels ? { notifyChannels: options.notifyChannels } : {},
    background
  };
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
      if (text.includes("hotfix-bot:rollback-reply"))
        return `reply to /rollback: ${text.split("\n")[1] ?? ""}`;
      if (text.includes("hotfix-bot:command-refused")) return "command refused: no write access";
      return "comment posted";
    }
    case "PATCH /issues/comments/{comment_id}":
      return "timeline comment updated";
    default:
      return null;
  }
}

// src/demo/notification-receiver.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { createServer as createServer2 } from "node:http";
var BODY_MAX = 1e6;
async function startNotificationReceiver(options = {}) {
  const tokens = /* @__PURE__ */ new Map();
  const behaviours = /* @__PURE__ */ new Map();
  const received = [];
  const hanging = /* @__PURE__ */ new Set();
  const channelOf = (path) => {
    const match = /^\/hooks\/([a-z0-9-]+)\/([0-9a-f]+)$/.exec(path);
    if (!match || tokens.get(match[1]) !== match[2]) return null;
    return match[1];
  };
  const handle = (req, res) => {
    const channel = channelOf(req.url ?? "");
    if (req.method !== "POST" || channel === null) {
      res.writeHead(404).end();
      return;
    }
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size <= BODY_MAX) chunks.push(chunk);
    });
    req.on("end", () => {
      const behaviour = behaviours.get(channel) ?? { status: 200 };
      if ("hang" in behaviour) {
        hanging.add(res);
        return;
      }
      let body = null;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        body = null;
      }
      if (behaviour.status < 300) {
        const post = { channel, contentType: String(req.headers["content-type"] ?? ""), body };
        received.push(post);
        options.onPost?.(post);
      }
      res.writeHead(behaviour.status, { "content-type": "text/plain" }).end(behaviour.status < 300 ? "ok" : "no");
    });
  };
  const server = createServer2(handle);
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address();
  const tokenOf = (channel) => {
    let token = tokens.get(channel);
    if (!token) {
      token = randomBytes2(12).toString("hex");
      tokens.set(channel, token);
    }
    return token;
  };
  return {
    url: (channel) => `http://127.0.0.1:${port}/hooks/${channel}/${tokenOf(channel)}`,
    secretOf: tokenOf,
    received,
    behave: (channel, behaviour) => behaviours.set(channel, behaviour),
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
    }
  };
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
notify:
  channels: [incident-room, status-page]
monitoring:
  windowMinutes: 30
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
  const rollback = options.scenario === "rollback";
  let shiftMs = 0;
  const clock = () => new Date(Date.now() + shiftMs);
  const receiver = await startNotificationReceiver({
    onPost: (post) => say("receiver", describePost(post))
  });
  const notifyChannels = /* @__PURE__ */ new Map([
    ["incident-room", { name: "incident-room", kind: "slack", url: receiver.url("incident-room") }],
    ["status-page", { name: "status-page", kind: "webhook", url: receiver.url("status-page") }]
  ]);
  const app = await startAppOnSandbox(sandbox, {
    clock,
    ...pacing ? {} : { throttle: { enabled: false } },
    retry: { enabled: false },
    notifyChannels
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
    if (deployment && rollback) {
      await bob.setDeploymentStatus(deployment.id, "failure");
      say("deployer", `deployment of ${deployment.ref} to ${deployment.environment}: failure`);
      await sandbox.settle();
      await alice.comment(incident, "/rollback checkout errors are still climbing");
      say("alice", `comments "/rollback checkout errors are still climbing" on incident #${incident}`);
      await sandbox.settle();
    } else if (deployment) {
      await bob.setDeploymentStatus(deployment.id, "success");
      say("deployer", `deployment of ${deployment.ref} to ${deployment.environment}: success`);
      await sandbox.settle();
    }
    if (!rollback) await landBackports(sandbox, incident, pr.number, say);
    const monitor = parseTimeline(timelineComment(sandbox, incident)?.body ?? "")?.pipelines[String(pr.number)]?.monitor;
    if (monitor) {
      say("clock", `moves past the monitoring window's end (${monitor.until.slice(11, 16)} UTC)`);
      shiftMs = Date.parse(monitor.until) - Date.now() + 6e4;
      const swept = await sweepOneRepository({
        ...githubContext({
          env: { GITHUB_TOKEN: sandbox.appToken(), HOTFIX_BOT_APP: String(sandbox.app.id) },
          repo: { owner: "acme", repo: "webshop" },
          apiUrl: sandbox.url,
          log: { debug() {
          }, info() {
          }, warn() {
          }, error() {
          } },
          access: "write"
        }),
        clock,
        // The sweep runs where the App runs, with the App's channels: the window's end is announced too.
        notifyChannels
      });
      const ended = swept.results.filter((r) => r.task === "monitoring").map((r) => `${r.target} ${r.detail}`);
      say("sweep", `monitoring windows ended: ${ended.join(", ") || "none"}`);
    }
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
    if (rollback) return rollbackComplete2(sandbox, incident, pr.number) ? 0 : 1;
    const deployed = state?.pipelines[String(pr.number)]?.deploy?.deployedAt !== void 0;
    const stable = state?.pipelines[String(pr.number)]?.monitor?.stableAt !== void 0;
    const complete = stable && summary.tag !== null && summary.backports.length === 2 && summary.followUps.length > 0 && deployed && summary.resolved;
    return complete ? 0 : 1;
  } finally {
    await app.close();
    await sandbox.close();
    await receiver.close();
  }
}
function describePost(post) {
  const body = post.body;
  if (body.milestone) return `${post.channel} got ${body.milestone}: ${body.summary ?? ""}`;
  return `${post.channel} got Slack blocks: ${body.blocks?.[0]?.text?.text ?? ""}`;
}
function rollbackComplete2(sandbox, incident, pr) {
  const repo = sandbox.internalRepo(REPO);
  const reverts = [...repo.pulls.values()].filter((p) => p.headRef === `hotfix-bot/revert-${pr}`);
  const comments = [...repo.comments.values()].filter((c) => c.issueNumber === incident);
  return reverts.length === 1 && (repo.issues.get(incident)?.labels ?? []).includes("rollback") && comments.filter((c) => c.body.includes("hotfix-bot:escalation")).length === 1 && comments.some((c) => c.body.includes("hotfix-bot:rollback-reply"));
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
  const counts = sandbox.counters.forApp();
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
    botWrites: counts.writes,
    botRequests: counts.requests
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
var help = `Usage: hotfix-bot demo [--json] [--fast] [--keep] [--rollback]

Plays a whole incident offline: a local sandbox GitHub and the real App (its Probot server receiving signed
webhooks). Hotfix branch, PR, required checks, the hotfix-gate, merge, then tag, release, backports (one
clean, one with conflicts), follow-up issues, cleanup and the timeline, printed as they happen; it ends with
the monitoring window after the deploy, the clock moved past its end.

Options:
  --json      end with one line of JSON describing the outcome
  --fast      turn off GitHub's write pacing (about a second per write) for a quicker run
  --keep      leave the sandbox running afterwards and print the incident's page (Ctrl-C stops it)
  --rollback  the other story: the deployment fails (revert PR, label, escalation), then /rollback is said
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
      keep: { type: "boolean" },
      rollback: { type: "boolean" }
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
        scenario: values.rollback ? "rollback" : "incident",
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
