import {
  GitHubTreeSource,
  GitWriter,
  KeyedMutex,
  PER_PAGE,
  addEntry,
  branchNameProblem,
  checkApprovals,
  collectPages,
  emptyTimeline,
  ensureBotComment,
  hasWritePermission,
  incidentOfPull,
  isMergedHotfix,
  markerOf,
  mergedPullRequestFrom,
  pipelineLock,
  placeBotBranch,
  placementRecord,
  planPick,
  readApprovalFacts,
  readPickPlan,
  readPullCommits,
  reconcileInstallations,
  refusedBranchEntries,
  runAfterMerge,
  semverTagsDescending,
  serverCherryPick
} from "./chunk-B4ZJ3ZJB.js";
import {
  generateReport
} from "./chunk-UCFIII3P.js";
import {
  ConfigCache,
  GATE_CHECK_NAME,
  NO_BLIND_RETRY,
  createOnce,
  escapeMarkdown,
  escapeTableCell,
  githubContext,
  httpStatus,
  incidentDurations,
  isOpenedByAnApp,
  isOurCheckRun,
  linkTarget,
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
} from "./chunk-4ADIYY7L.js";
import {
  branchPatternProblems,
  checkTitle,
  isHotfixFamilyBranch,
  jiraKeyOf,
  matchingBranchPattern,
  renderDeployInputs
} from "./chunk-Y7K2DOCE.js";
import {
  WEBSHOP,
  codeSpan,
  shellWord,
  startSandbox
} from "./chunk-JDP2LT5V.js";
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
import { Redis } from "ioredis";

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
  if (!match?.[1]) return null;
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
        "`/backport` works on merged hotfix pull requests into the production branch; nothing was done."
      );
      return void 0;
    }
    if (target === loaded.config.productionBranch) {
      await reply("`/backport`: the fix is already on the production branch; nothing was done.");
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

// src/deploy/deployment-status-event.ts
import { z as z2 } from "zod";
var shape = z2.object({
  deployment_status: z2.object({
    state: z2.string(),
    created_at: z2.string().nullable().optional(),
    description: z2.string().nullable().optional(),
    target_url: z2.string().nullable().optional(),
    log_url: z2.string().nullable().optional(),
    environment: z2.string().nullable().optional()
  }),
  deployment: z2.object({
    id: z2.number().int().positive(),
    ref: z2.string(),
    sha: z2.string(),
    environment: z2.string(),
    payload: z2.unknown().optional()
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

// src/intake/incident-lock.ts
function withIncidentLock(ctx, incident, task) {
  return pipelineLock.run(`${ctx.repo.owner}/${ctx.repo.repo}#incident-${incident}`, task);
}

// src/deploy/deploy-decision.ts
function pipelineForTag(state, pr, ref) {
  const pipeline = state?.pipelines[String(pr)];
  return pipeline?.tag === ref ? pipeline : null;
}
function decideDeploy(pipeline, status) {
  if (!pipeline) return { kind: "not-ours" };
  const deploy = pipeline.deploy ?? {};
  if (status.state === "success") {
    return deploy.deployedAt === void 0 ? { kind: "deployed", pipeline } : { kind: "done", pipeline };
  }
  const complete = deploy.rollback !== void 0 && deploy.rollback.status !== "failed" && deploy.escalated;
  return complete ? { kind: "done", pipeline } : { kind: "rollback", pipeline };
}

// src/deploy/deploy-log-link.ts
function deployLogLink(url) {
  if (url === null || !/^https?:\/\/[^\s]+$/i.test(url)) return null;
  return `[Deploy log](${linkTarget(url)})`;
}

// src/deploy/escalation.ts
function escalationMarker(pr) {
  return `<!-- hotfix-bot:escalation ${JSON.stringify({ pr })} -->`;
}
function mention(login) {
  return /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/.test(login) ? `@${login}` : escapeMarkdown(login);
}
function escalationComment(input) {
  const who = input.commander ? `${mention(input.commander)} ` : "";
  const why = input.description ? `: ${escapeMarkdown(input.description)}` : "";
  const lines = [
    escalationMarker(input.pr),
    `${who}**The deployment of \`${input.tag}\` to \`${escapeMarkdown(input.environment)}\` failed** (${input.state}${why}).`,
    ""
  ];
  const revert = input.rollback;
  if (revert.status === "open") {
    lines.push(
      `Revert PR #${revert.pr} takes #${input.pr} back out of production: review it, merge it and deploy.`
    );
  } else if (revert.status === "conflict") {
    lines.push(
      `Revert PR #${revert.pr} is a draft: production changed the same lines since #${input.pr}. Resolve its conflicts, then merge and deploy.`
    );
  } else if (revert.status === "empty") {
    lines.push(
      `Production no longer contains the change of #${input.pr}: there was nothing to revert. Look at the deploy itself.`
    );
  } else {
    lines.push(
      `The revert of #${input.pr} could not be built (${escapeMarkdown(revert.error ?? "unknown error")}); revert it by hand with the rollback plan above.`
    );
  }
  const log = deployLogLink(input.logUrl);
  if (log) lines.push("", log);
  lines.push("", `This incident is labelled \`${input.label}\`.`);
  return lines.join("\n");
}

// src/deploy/revert-commit.ts
async function revertBase(ctx, pr, mergeSha) {
  const { picks } = await readPickPlan(ctx, mergeSha, await readPullCommits(ctx, pr));
  const oldest = picks[0];
  if (!oldest) throw new Error(`nothing to revert for #${pr}`);
  return oldest.parent;
}
async function revertCommit(ctx, input) {
  const { octokit, repo } = ctx;
  const source = new GitHubTreeSource(octokit, repo);
  const changed = /* @__PURE__ */ new Set();
  const writer = new GitWriter(octokit, repo, () => [...changed]);
  const [merged, before, onto] = await Promise.all([
    source.commit(input.mergeSha),
    source.commit(input.baseSha),
    source.commit(input.ontoSha)
  ]);
  const labels = { ours: input.ontoLabel, theirs: `revert of ${input.mergeSha.slice(0, 7)} (#${input.pr})` };
  const plan = await planPick(source, { base: merged.tree, ours: onto.tree, theirs: before.tree }, labels);
  for (const path of plan.changedPaths) changed.add(path);
  let tree;
  let conflictFiles = [];
  let usedServerMerge = false;
  if (plan.uncertain.length === 0) {
    tree = plan.entries.length > 0 ? await writer.tree(onto.tree, plan.entries) : onto.tree;
  } else {
    usedServerMerge = true;
    const inverse = await writer.commit({
      message: `Inverse of ${input.mergeSha} for a revert`,
      tree: before.tree,
      parents: [input.mergeSha]
    });
    const outcome = await serverCherryPick(source, writer, {
      pick: { sha: inverse, parent: input.mergeSha },
      baseTree: merged.tree,
      oursTree: onto.tree,
      plan
    });
    tree = outcome.tree;
    conflictFiles = outcome.conflictFiles;
  }
  if (tree === onto.tree && conflictFiles.length === 0) {
    return { status: "empty", headSha: input.ontoSha, conflictFiles, usedServerMerge, writes: writer.writes };
  }
  const headSha = await writer.commit({ message: input.message, tree, parents: [input.ontoSha] });
  return {
    status: conflictFiles.length > 0 ? "conflict" : "clean",
    headSha,
    conflictFiles,
    usedServerMerge,
    writes: writer.writes
  };
}

// src/deploy/revert-pr-text.ts
var TITLE_MAX = 256;
function revertBranchName(pr) {
  if (!Number.isSafeInteger(pr) || pr < 1) throw new RangeError(`not a pull request number: ${pr}`);
  return `hotfix-bot/revert-${pr}`;
}
function revertTitle(title) {
  const room = TITLE_MAX - 'Revert ""'.length;
  const oneLine2 = title.replace(/\s+/g, " ").trim();
  const cut = oneLine2.length > room ? `${oneLine2.slice(0, room - 1)}\u2026` : oneLine2;
  return `Revert "${cut}"`;
}
function revertMessage(input) {
  return [
    revertTitle(input.title),
    "",
    `This reverts commit ${input.mergeSha} (#${input.pr}): the deployment of ${input.tag} failed.`,
    ""
  ].join("\n");
}
function revertBody(input) {
  const why = input.description ? ` (${input.state}: ${escapeMarkdown(input.description)})` : ` (${input.state})`;
  const lines = [
    `Reverts #${input.pr} (\`${input.mergeSha.slice(0, 7)}\`): the deployment of \`${input.tag}\` to \`${escapeMarkdown(input.environment)}\` failed${why}.`,
    "",
    input.previousTag ? `Merging this takes the change back out of production; the last good tag was \`${input.previousTag}\`. Deploy after merging.` : "Merging this takes the change back out of production. Deploy after merging."
  ];
  const log = deployLogLink(input.logUrl);
  if (log) lines.push("", log);
  if (input.incident !== null) lines.push("", `Incident: #${input.incident}`);
  if (input.conflictFiles.length > 0) {
    lines.push(
      "",
      "> [!WARNING]",
      "> Production changed the same lines since the fix. The commit on this branch contains conflict markers; resolve them and push.",
      "",
      "Conflicting files:",
      ...input.conflictFiles.map((file) => `- \`${file.replace(/`/g, "'")}\``)
    );
  }
  return lines.join("\n");
}

// src/deploy/handle-deployment-status.ts
async function mergedPrOf(ctx, config, status) {
  const { octokit, repo } = ctx;
  if (status.marker) {
    try {
      const { data: data2 } = await octokit.rest.pulls.get({ ...repo, pull_number: status.marker.pr });
      const pr = mergedPullRequestFrom(data2);
      return pr && isMergedHotfix(pr, config) ? pr : null;
    } catch (error) {
      if (httpStatus(error) === 404) return null;
      throw error;
    }
  }
  const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    ...repo,
    commit_sha: status.sha,
    per_page: 10
  });
  for (const raw of data) {
    const pr = mergedPullRequestFrom(raw);
    if (pr && pr.mergeSha === status.sha && isMergedHotfix(pr, config)) return pr;
  }
  return null;
}
async function handleDeploymentStatus(ctx, config, status) {
  const pr = await mergedPrOf(ctx, config, status);
  if (!pr) return "not-ours";
  const { incident } = await incidentOfPull(ctx, pr);
  const issue = incident ?? pr.number;
  const key = `${ctx.repo.owner}/${ctx.repo.repo}#${pr.number}`;
  return pipelineLock.run(
    key,
    () => withIncidentLock(ctx, issue, () => act(ctx, config, status, { pr, incident, issue }))
  );
}
async function act(ctx, config, status, origin) {
  const { octokit, repo } = ctx;
  const timeline = await readTimeline(ctx, origin.issue);
  const decision = decideDeploy(pipelineForTag(timeline.state, origin.pr.number, status.ref), status);
  if (decision.kind === "not-ours" || decision.kind === "done") return decision.kind;
  if (!timeline.state) return "not-ours";
  const at = validTime(status.at) ?? ctx.clock().toISOString();
  let state = timeline.state;
  const deploy = { ...decision.pipeline.deploy ?? {} };
  const pipeline = { ...decision.pipeline, deploy };
  const n = origin.pr.number;
  if (decision.kind === "deployed") {
    deploy.deployedAt = at;
    deploy.deployment = status.deployment;
    if (status.url) deploy.url = status.url;
    state = withPipeline(state, pipeline);
    const figures = recoveryLine(incidentDurations(state));
    state = addEntry(state, {
      key: `deployed-${n}`,
      at,
      text: `Deployed ${status.ref} to ${status.environment}${figures ? ` \u2014 ${figures}` : ""}`,
      ...status.url ? { url: status.url } : {}
    });
    if (config.deploy.closeIncidentOnSuccess && origin.incident !== null && !hasEntry(state, `closed-by-deploy-${n}`)) {
      await octokit.rest.issues.update({
        ...repo,
        issue_number: origin.incident,
        state: "closed",
        state_reason: "completed"
      });
      state = addEntry(state, {
        key: `closed-by-deploy-${n}`,
        at: ctx.clock().toISOString(),
        text: "Incident closed: the fix is deployed"
      });
    }
    await writeTimeline(ctx, origin.issue, timeline.commentId, state);
    return "deployed";
  }
  if (deploy.failedAt === void 0) {
    deploy.failedAt = at;
    deploy.failedDeployment = status.deployment;
  }
  state = addEntry(state, {
    key: `deploy-failed-${n}`,
    at: deploy.failedAt,
    text: `Deployment of ${status.ref} to ${status.environment} failed (${status.state})`,
    ...status.url ? { url: status.url } : {}
  });
  if (!deploy.rollback || deploy.rollback.status === "failed") {
    deploy.rollback = await openRevertPr(ctx, config, status, origin, state);
    const at2 = ctx.clock().toISOString();
    for (const entry of refusedBranchEntries(deploy.rollback.refused, deploy.rollback.branch, at2)) {
      state = addEntry(state, entry);
    }
    state = addEntry(state, revertEntry(n, deploy.rollback, at2));
  }
  if (!deploy.escalated) {
    await octokit.rest.issues.addLabels({
      ...repo,
      issue_number: origin.issue,
      labels: [config.deploy.rollbackLabel]
    });
    const commander = state.commander ?? origin.pr.author;
    await ensureBotComment(
      ctx,
      origin.issue,
      escalationMarker(n),
      escalationComment({
        pr: n,
        tag: status.ref,
        environment: status.environment,
        state: status.state,
        description: status.description,
        logUrl: status.url,
        commander,
        rollback: deploy.rollback,
        label: config.deploy.rollbackLabel
      })
    );
    deploy.escalated = true;
    state = addEntry(state, {
      key: `escalated-${n}`,
      at: ctx.clock().toISOString(),
      text: `Labelled ${config.deploy.rollbackLabel}; escalated to @${commander}`
    });
  }
  state = withPipeline(state, pipeline);
  await writeTimeline(ctx, origin.issue, timeline.commentId, state);
  return "rolled-back";
}
function withPipeline(state, pipeline) {
  return { ...state, pipelines: { ...state.pipelines, [String(pipeline.pr)]: pipeline } };
}
function hasEntry(state, key) {
  return state.entries.some((e) => e.key === key);
}
function validTime(value) {
  const t = Date.parse(value ?? "");
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
function revertEntry(pr, rollback, at) {
  const key = `revert-${pr}`;
  switch (rollback.status) {
    case "open":
      return { key, at, text: `Revert PR #${rollback.pr} opened`, url: rollback.url };
    case "conflict":
      return {
        key,
        at,
        text: `Draft revert PR #${rollback.pr} opened, with conflicts to resolve`,
        url: rollback.url
      };
    case "empty":
      return { key, at, text: `Nothing to revert: production no longer has #${pr}` };
    default:
      return { key, at, text: `The revert of #${pr} failed: ${rollback.error ?? "unknown error"}` };
  }
}
async function findRevertPr(ctx, branch, base) {
  const { data } = await ctx.octokit.rest.pulls.list({
    ...ctx.repo,
    head: `${ctx.repo.owner}:${branch}`,
    base,
    state: "all",
    per_page: 10
  });
  const pr = data.find(isOpenedByAnApp);
  if (!pr) return null;
  return { status: pr.draft ? "conflict" : "open", pr: pr.number, url: pr.html_url };
}
async function openRevertPr(ctx, config, status, origin, state) {
  const { octokit, repo } = ctx;
  const { pr } = origin;
  const branch = revertBranchName(pr.number);
  const production = config.productionBranch;
  try {
    const existing = await findRevertPr(ctx, branch, production);
    if (existing) return existing;
    const { data: tip } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${production}` });
    const revert = await revertCommit(ctx, {
      pr: pr.number,
      mergeSha: pr.mergeSha,
      baseSha: await revertBase(ctx, pr.number, pr.mergeSha),
      ontoSha: tip.object.sha,
      ontoLabel: production,
      message: revertMessage({ title: pr.title, pr: pr.number, mergeSha: pr.mergeSha, tag: status.ref })
    });
    if (revert.status === "empty") return { status: "empty" };
    const placed = await placeBotBranch(octokit, repo, {
      name: branch,
      head: revert.headSha,
      onto: tip.object.sha
    });
    const record = placementRecord(branch, placed);
    if (!placed.created) {
      const raced = await findRevertPr(ctx, placed.branch, production);
      if (raced) return { ...raced, ...record };
    }
    const conflict = revert.status === "conflict";
    const { data: created } = await octokit.rest.pulls.create({
      ...repo,
      head: placed.branch,
      base: production,
      title: revertTitle(pr.title),
      body: revertBody({
        pr: pr.number,
        mergeSha: pr.mergeSha,
        tag: status.ref,
        environment: status.environment,
        state: status.state,
        description: status.description,
        logUrl: status.url,
        incident: origin.incident,
        previousTag: state.intake?.previousTag?.name ?? null,
        conflictFiles: revert.conflictFiles
      }),
      draft: conflict
    });
    ctx.log.info(`revert of #${pr.number}: PR #${created.number}${conflict ? " (conflict)" : ""}`);
    return { status: conflict ? "conflict" : "open", pr: created.number, url: created.html_url, ...record };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.log.error(`revert of #${pr.number} failed: ${message}`);
    return { status: "failed", error: message };
  }
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
var time = (iso) => {
  if (iso === null) return Number.POSITIVE_INFINITY;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
};
function newer(a, b) {
  const started = time(a.startedAt) - time(b.startedAt);
  if (started !== 0 && !Number.isNaN(started)) return started > 0;
  const completed = time(a.completedAt) - time(b.completedAt);
  if (completed !== 0 && !Number.isNaN(completed)) return completed > 0;
  return a.id > b.id;
}
function latestRunPerName(runs) {
  const latest = /* @__PURE__ */ new Map();
  for (const run of runs) {
    const key = `${run.app?.id ?? "?"}\0${run.name}`;
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
var appName = (run) => run.app?.slug ?? "an unknown app";
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
  const pin = check.app;
  const counted = pin === null ? runs : runs.filter((run) => reportedBy(run, pin));
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
  const production = config.productionBranch;
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
  if (baseRef !== production) problems.push(`targets ${baseRef}, not the production branch ${production}`);
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
    commitsNotIn(ctx, config.productionBranch, pr.headSha),
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
  const [files, lineage, headRuns, incident, runShaListing] = await Promise.all([
    filesOf(ctx, pr.number),
    lineageOf(ctx, pr, config),
    listCheckRuns(ctx, pr.headSha),
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
    facts: { pr, incident, approvals, files: { ...files, complete }, lineage, checkRuns: headRuns.runs },
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
  { event: "merge_group", actions: ["checks_requested"] }
];
var actionsOf = (event) => new Set(GATE_TRIGGERS.find((trigger) => trigger.event === event)?.actions);
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
  }
}
async function runGate(input, ctx) {
  const loaded = await ctx.config();
  if (!loaded.ok) return reportConfigError(ctx, input, loaded.error);
  const config = loaded.config;
  const production = config.productionBranch;
  if (input.kind === "pull-request") {
    if (input.pr.baseRef !== production) return void 0;
    const pr2 = await fetchPullRequest(ctx, input.pr.number);
    if (pr2?.state !== "open" || pr2.headSha !== input.pr.headSha || pr2.baseRef !== production)
      return void 0;
    return publishPull(ctx, config, pr2, pr2.headSha);
  }
  if (input.kind === "checks") {
    const pulls = input.prs.filter((pr2) => pr2.baseRef === production);
    if (pulls.length === 0) return void 0;
    if (input.checkName !== null && !isRequiredCheckName(input.checkName, config)) return void 0;
    let outcome;
    for (const { number } of pulls) {
      const pr2 = await fetchPullRequest(ctx, number);
      if (pr2?.state !== "open" || pr2.headSha !== input.sha || pr2.baseRef !== production) continue;
      outcome = await publishPull(ctx, config, pr2, input.sha);
    }
    return outcome;
  }
  if (input.baseRef !== production) return void 0;
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
import { z as z3 } from "zod";

// src/intake/incident-branch.ts
function incidentBranchName(incident) {
  if (!Number.isSafeInteger(incident) || incident < 1)
    throw new RangeError(`not an issue number: ${incident}`);
  return `hotfix/incident-${incident}`;
}
function incidentOfBranch(branch) {
  const match = /^hotfix\/incident-([1-9][0-9]{0,9})$/.exec(branch);
  if (!match) return null;
  const n = Number(match[1]);
  return n <= 2147483647 ? n : null;
}

// src/intake/hotfix-push.ts
var pushShape = z3.object({
  ref: z3.string(),
  after: z3.string().regex(/^[0-9a-f]{40}$/),
  deleted: z3.boolean().optional(),
  commits: z3.array(z3.unknown()).default([]),
  sender: z3.object({ login: z3.string() })
});
function hotfixPushFrom(event) {
  if (event.name !== "push") return null;
  const parsed = pushShape.safeParse(event.payload);
  if (!parsed.success) return null;
  const { ref, after, deleted, commits, sender } = parsed.data;
  if (deleted || /^0+$/.test(after) || commits.length === 0 || !ref.startsWith("refs/heads/")) return null;
  const branch = ref.slice("refs/heads/".length);
  const incident = incidentOfBranch(branch);
  return incident === null ? null : { branch, incident, after, pusher: sender.login };
}

// src/intake/draft-pr-text.ts
var TITLE_MAX2 = 256;
function placeholderKey(config) {
  return `${config.title.projects[0] ?? "KEY"}-000`;
}
function draftTitle(incidentTitle, config) {
  const summary = incidentTitle.replace(/\s+/g, " ").trim() || "hotfix";
  const format = config.title.format.trim();
  const fixed = format.replace(/\{key\}/g, placeholderKey(config)).replace(/\{summary\}/g, "").length;
  const room = Math.max(1, TITLE_MAX2 - fixed);
  const cut = summary.length > room ? `${summary.slice(0, Math.max(0, room - 1)).trimEnd()}\u2026` : summary;
  return format.replace(
    /\{key\}|\{summary\}/g,
    (token) => token === "{key}" ? placeholderKey(config) : cut
  );
}
function draftBody(input) {
  const key = placeholderKey(input.config);
  return [
    `Incident: #${input.incident}`,
    "",
    `Draft opened by hotfix-bot on the first push to ${codeSpan(input.branch)}. Before it merges into ${codeSpan(input.productionBranch)}:`,
    "",
    `- [ ] Replace ${codeSpan(key)} in the title with the Jira key (the title rule of ${codeSpan("hotfix-gate")} fails until then).`,
    `- [ ] Confirm the impact on #${input.incident}.`,
    "- [ ] Keep the fix minimal.",
    "- [ ] The critical tests and the security scan pass.",
    `- [ ] The rollback plan on #${input.incident} still holds.`,
    "- [ ] Mark this pull request ready for review.",
    "",
    `_Title format: ${escapeMarkdown(input.config.title.format)}._`
  ].join("\n");
}

// src/intake/open-draft-pr.ts
async function openPullFrom(ctx, config, branch) {
  const { data } = await ctx.octokit.rest.pulls.list({
    ...ctx.repo,
    head: `${ctx.repo.owner}:${branch}`,
    base: config.productionBranch,
    state: "open",
    per_page: 10
  });
  const pr = data[0];
  return pr ? { number: pr.number, url: pr.html_url, openedAt: pr.created_at, byBot: false } : null;
}
async function openDraftPr(ctx, config, push) {
  const { octokit, repo } = ctx;
  const timeline = await readTimeline(ctx, push.incident);
  const state = timeline.state;
  const intake = state?.intake;
  if (!state || !intake || intake.branch !== push.branch) return null;
  if (intake.report?.commit === push.after) return null;
  let pr = await openPullFrom(ctx, config, push.branch);
  let created = false;
  if (!pr) {
    const { data: issue } = await octokit.rest.issues.get({ ...repo, issue_number: push.incident });
    if (issue.state !== "open") {
      ctx.log.info(`incident #${push.incident} is closed: no draft PR for ${push.branch}`);
      return null;
    }
    try {
      const { data } = await octokit.rest.pulls.create({
        ...repo,
        head: push.branch,
        base: config.productionBranch,
        title: draftTitle(issue.title, config),
        body: draftBody({
          incident: push.incident,
          branch: push.branch,
          productionBranch: config.productionBranch,
          config
        }),
        draft: true
      });
      pr = { number: data.number, url: data.html_url, openedAt: data.created_at, byBot: true };
      created = true;
    } catch (error) {
      if (httpStatus(error) !== 422) throw error;
      pr = await openPullFrom(ctx, config, push.branch);
      if (!pr) {
        ctx.log.info(
          `no draft PR for ${push.branch}: ${error instanceof Error ? error.message : String(error)}`
        );
        return null;
      }
    }
  }
  if (intake.pr?.number === pr.number) return { pr: pr.number, created };
  let next = { ...state, intake: { ...intake, pr } };
  next = addEntry(next, {
    key: `pr-${pr.number}`,
    at: pr.openedAt,
    text: pr.byBot ? `Draft PR #${pr.number} opened on the first push` : `PR #${pr.number} opened`,
    url: pr.url
  });
  await writeTimeline(ctx, push.incident, timeline.commentId, next);
  return { pr: pr.number, created };
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
import { z as z5 } from "zod";

// src/intake/intake-trigger.ts
import { z as z4 } from "zod";
var issueShape = z4.object({
  number: z4.number().int().positive(),
  title: z4.string(),
  state: z4.enum(["open", "closed"]),
  labels: z4.array(z4.object({ name: z4.string() })).default([]),
  html_url: z4.string(),
  updated_at: z4.string().nullable().optional(),
  pull_request: z4.unknown().optional()
});
var userShape = z4.object({ login: z4.string(), type: z4.string().optional() });
var senderShape = userShape.extend({ id: z4.number().int().positive() });
var labeledShape = z4.object({
  action: z4.literal("labeled"),
  issue: issueShape,
  label: z4.object({ name: z4.string() }),
  sender: senderShape
});
var commentShape2 = z4.object({
  action: z4.literal("created"),
  issue: issueShape,
  comment: z4.object({
    id: z4.number().int().positive(),
    body: z4.string().max(65536),
    created_at: z4.string().nullable().optional(),
    user: userShape.extend({ id: z4.number().int().positive() })
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
function parseHotfixCommand(body) {
  const first = body.split(/\r?\n/, 1)[0] ?? "";
  const match = /^\/hotfix(?:[ \t]+(P[012]))?[ \t]*$/i.exec(first.trim());
  if (!match) return null;
  const severity = match[1]?.toUpperCase();
  return { severity: severity === "P0" || severity === "P1" || severity === "P2" ? severity : null };
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
    const parsed = commentShape2.safeParse(event.payload);
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
      severity: command2.severity
    };
  }
  return null;
}

// src/intake/incident-change.ts
var changeShape = z5.object({
  action: z5.enum(["unlabeled", "closed", "reopened"]),
  issue: issueShape.extend({
    closed_at: z5.string().nullable().optional(),
    state_reason: z5.string().nullable().optional()
  }),
  label: z5.object({ name: z5.string() }).optional(),
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
      const closedByDeploy = state.entries.some((e) => e.key.startsWith("closed-by-deploy-"));
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

// src/intake/rollback-plan.ts
function redeployCommands(input, ref, sha) {
  const repo = `${input.repo.owner}/${input.repo.repo}`;
  const commands = [];
  const workflow = input.deploy.workflow;
  if (workflow) {
    const inputs = renderDeployInputs(workflow.inputs, {
      tag: ref,
      incident: String(input.incident),
      pr: "",
      sha,
      severity: ""
    });
    const fields = Object.entries(inputs).map(([name, value]) => `-f ${shellWord(`${name}=${value}`)}`);
    commands.push(
      [
        "gh workflow run",
        shellWord(workflow.id),
        "--repo",
        shellWord(repo),
        "--ref",
        shellWord(workflow.ref ?? input.productionBranch),
        ...fields
      ].join(" ")
    );
  }
  if (input.deploy.environment) {
    const body = JSON.stringify({
      ref,
      environment: input.deploy.environment,
      auto_merge: false,
      required_contexts: [],
      description: `rollback for incident #${input.incident}`
    });
    commands.push(`gh api ${shellWord(`repos/${repo}/deployments`)} --input - <<'JSON'
${body}
JSON`);
  }
  return commands.length > 0 ? commands : null;
}
function rollbackPlan(input) {
  const previous = input.previousTag;
  const ref = previous?.name ?? input.productionSha;
  const sha = previous?.sha ?? input.productionSha;
  const what = previous ? `Production runs ${codeSpan(previous.name)} (the latest production tag, ${codeSpan(previous.sha.slice(0, 7))}).` : `No production tag was found; production is ${codeSpan(input.productionBranch)} at ${codeSpan(input.productionSha.slice(0, 7))}.`;
  const lines = ["#### Rollback plan", "", `${what} To get back to it:`, ""];
  const redeploy = redeployCommands(input, ref, sha);
  if (redeploy) {
    lines.push(`1. Deploy ${codeSpan(ref)} again:`, "", "   ```sh");
    for (const command2 of redeploy) lines.push(...command2.split("\n").map((line) => `   ${line}`));
    lines.push("   ```", "");
  } else {
    lines.push(`1. Deploy ${codeSpan(ref)} again with your usual deploy process.`, "");
  }
  const branch = `revert/incident-${input.incident}`;
  const production = shellWord(`origin/${input.productionBranch}`);
  lines.push(
    "2. Or, once the fix is merged, revert it on production:",
    "",
    "   ```sh",
    "   git fetch origin",
    `   git switch -c ${shellWord(branch)} ${production}`,
    "   git revert -m 1 <merge commit>   # a squash or rebase merge: git revert <its commits>",
    `   git push -u origin ${shellWord(branch)}`,
    "   ```",
    "",
    `   When a deployment of the fix fails, hotfix-bot opens this revert as a pull request into ${codeSpan(input.productionBranch)} by itself and labels this issue ${codeSpan(input.deploy.rollbackLabel)}.`
  );
  return lines;
}

// src/intake/checklist.ts
function checklistMarker(incident) {
  return `<!-- hotfix-bot:checklist ${JSON.stringify({ incident })} -->`;
}
function checksLine(config) {
  const names = [...config.checks.criticalTests, ...config.checks.securityScan].map((check) => check.name);
  const named = names.length > 0 ? `: ${names.map(codeSpan).join(", ")}` : "";
  return `- [ ] **Critical tests only**: run the critical tests and the security scan${named}; the ${codeSpan("hotfix-gate")} check waits for them, the full suite can follow the merge.`;
}
function checklistComment(input) {
  const { config } = input;
  const lines = [
    checklistMarker(input.incident),
    `### Hotfix checklist (${input.severity})`,
    "",
    `Branch ${codeSpan(input.branch)} was cut from ${codeSpan(input.cutFrom)} (${codeSpan(input.baseSha.slice(0, 7))}). Push the fix there: on the first push hotfix-bot opens a draft pull request into ${codeSpan(config.productionBranch)}.`
  ];
  if (matchingBranchPattern(input.branch, config.branches.patterns) === null) {
    lines.push(
      "",
      `> [!WARNING]
> ${codeSpan(input.branch)} matches none of ${codeSpan("branches.patterns")}: the branch rule of ${codeSpan("hotfix-gate")} will fail until the patterns include ${codeSpan("hotfix/incident-{n}")}.`
    );
  }
  lines.push(
    "",
    "- [ ] **Confirm the impact**: who and what is affected, since when; write it on this issue.",
    "- [ ] **Minimal fix**: the smallest change that stops the damage; the lasting fix is a follow-up.",
    checksLine(config),
    "- [ ] **Rollback plan**: read it below before the merge, so that nobody has to work it out during a failed deploy.",
    "",
    ...rollbackPlan({
      repo: input.repo,
      incident: input.incident,
      productionBranch: config.productionBranch,
      previousTag: input.previousTag,
      productionSha: input.productionSha,
      deploy: config.deploy
    })
  );
  return lines.join("\n");
}

// src/intake/production-tag.ts
var HOTFIX_TAG = /^hotfix-(\d{8})-(\d{4})(?:-([1-9]\d{0,5}))?$/;
function hotfixTagsDescending(names) {
  const keyed = names.flatMap((name) => {
    const match = HOTFIX_TAG.exec(name);
    if (!match) return [];
    return [{ name, key: `${match[1]}${match[2]}`, suffix: Number(match[3] ?? "1") }];
  });
  keyed.sort((a, b) => a.key === b.key ? b.suffix - a.suffix : a.key < b.key ? 1 : -1);
  return keyed.map((tag) => tag.name);
}
function productionTagCandidates(names, scheme, perKind = 3) {
  const hotfix = hotfixTagsDescending(names).slice(0, perKind);
  const semver = semverTagsDescending(names).slice(0, perKind).map((tag) => tag.name);
  const [first, second] = scheme === "semver-patch" ? [semver, hotfix] : [hotfix, semver];
  const out = [];
  for (let i = 0; i < perKind; i++) {
    if (first[i] !== void 0) out.push(first[i]);
    if (second[i] !== void 0) out.push(second[i]);
  }
  return out;
}
function closestProductionTag(distances) {
  let best = null;
  for (const d of distances) {
    if (d.behindBy !== 0) continue;
    if (best === null || d.aheadBy < best.aheadBy) best = d;
  }
  return best?.name ?? null;
}

// src/intake/find-production-tag.ts
var MAX_TAG_PAGES = 5;
async function findProductionTag(ctx, productionBranch, scheme) {
  const { octokit, repo } = ctx;
  let pages = 0;
  const tags = await octokit.paginate(
    octokit.rest.repos.listTags,
    { ...repo, per_page: 100 },
    (response, done) => {
      pages += 1;
      if (pages >= MAX_TAG_PAGES) done();
      return response.data;
    }
  );
  const shaOf = new Map(tags.map((tag) => [tag.name, tag.commit.sha]));
  const distances = [];
  for (const name2 of productionTagCandidates([...shaOf.keys()], scheme)) {
    try {
      const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
        ...repo,
        basehead: `${name2}...${productionBranch}`,
        per_page: 1
      });
      distances.push({ name: name2, aheadBy: data.ahead_by, behindBy: data.behind_by });
    } catch (error) {
      if (httpStatus(error) !== 404 && httpStatus(error) !== 422) throw error;
    }
  }
  const name = closestProductionTag(distances);
  const sha = name === null ? void 0 : shaOf.get(name);
  return name !== null && sha !== void 0 ? { name, sha } : null;
}

// src/intake/cut-incident-branch.ts
async function cutIncidentBranch(ctx, config, incident) {
  const { octokit, repo } = ctx;
  const branch = incidentBranchName(incident);
  const { data: head } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${config.productionBranch}` });
  const productionSha = head.object.sha;
  const previousTag = await findProductionTag(ctx, config.productionBranch, config.release.tagScheme);
  const fromTag = config.intake.cutFromLatestTag && previousTag !== null;
  const cutFrom = fromTag ? previousTag.name : config.productionBranch;
  const baseSha = fromTag ? previousTag.sha : productionSha;
  try {
    await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: baseSha });
    return { branch, cutFrom, baseSha, productionSha, previousTag, created: true };
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
  }
  const { data: existing } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
  const sha = existing.object.sha;
  return { branch, cutFrom, baseSha: sha, productionSha, previousTag, created: sha === baseSha };
}

// src/intake/incident-report.ts
var SLUG_MAX = 50;
function incidentSlug(title, incident) {
  const words = title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim().split(" ").filter((w) => w !== "");
  let slug = "";
  for (const word of words) {
    const next = slug === "" ? word : `${slug}-${word}`;
    if (next.length > SLUG_MAX) break;
    slug = next;
  }
  return slug === "" ? `incident-${incident}` : slug;
}
function incidentReportPath(input) {
  const date = new Date(input.detectedAt);
  const day = Number.isNaN(date.getTime()) ? "unknown-date" : date.toISOString().slice(0, 10);
  return `docs/incidents/HOTFIX-${day}-${incidentSlug(input.title, input.incident)}.md`;
}
var oneLine = (text) => text.replace(/[\r\n]+/g, " ").trim();
function incidentReport(input) {
  const detected = input.detectedAt.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC");
  return [
    `# Incident #${input.incident}: ${oneLine(input.title)}`,
    "",
    `- Incident: [#${input.incident}](${input.url})`,
    `- Severity: ${input.severity}`,
    `- Detected: ${detected}`,
    `- Commander: ${input.commander}`,
    `- Hotfix branch: \`${input.branch}\``,
    `- Rollback target: ${input.previousTag ? `\`${input.previousTag}\`` : "none (no production tag)"}`,
    "",
    "## Impact",
    "",
    "Who and what was affected, from when to when.",
    "",
    "## Timeline",
    "",
    "The incident's timeline comment lists every step of the hotfix with its time.",
    "",
    "## Root cause",
    "",
    "## Fix",
    "",
    "## Follow-ups",
    ""
  ].join("\n");
}

// src/intake/run-intake.ts
function asSeverity(value) {
  return value === "P0" || value === "P1" || value === "P2" ? value : null;
}
function hasLabel(labels, name) {
  return labels.some((label) => label.toLowerCase() === name.toLowerCase());
}
async function runIntake(ctx, config, request) {
  const { octokit, repo } = ctx;
  const n = request.issue.number;
  const timeline = await readTimeline(ctx, n);
  const before = timeline.state ?? emptyTimeline(n);
  let state = { ...before, incident: n };
  if (state.detectedAt === void 0) {
    state = {
      ...state,
      detectedAt: request.at,
      severity: state.severity ?? request.severity,
      commander: state.commander ?? request.actor
    };
    const how = request.trigger === "label" ? `label ${config.severity.labels[request.severity]}` : "/hotfix";
    state = addEntry(state, {
      key: "declared",
      at: request.at,
      text: `Incident declared by @${request.actor} (${how}), severity ${request.severity}`,
      url: request.issue.url
    });
  }
  const severity = asSeverity(state.severity) ?? request.severity;
  const now = () => ctx.clock().toISOString();
  const label = config.severity.labels[severity];
  const labelled = state.entries.some((e) => e.key === "severity-label");
  if (!labelled && !hasLabel(request.issue.labels, label)) {
    await octokit.rest.issues.addLabels({ ...repo, issue_number: n, labels: [label] });
    state = addEntry(state, { key: "severity-label", at: now(), text: `Label ${label} added` });
  }
  let intake = state.intake;
  if (!intake) {
    const cut = await cutIncidentBranch(ctx, config, n);
    intake = {
      trigger: request.trigger,
      branch: cut.branch,
      cutFrom: cut.cutFrom,
      baseSha: cut.baseSha,
      productionSha: cut.productionSha,
      ...cut.previousTag ? { previousTag: cut.previousTag } : {}
    };
    state = addEntry(state, {
      key: "branch",
      at: now(),
      text: cut.created ? `Branch ${cut.branch} cut from ${cut.cutFrom} (${cut.baseSha.slice(0, 7)})` : `Branch ${cut.branch} already existed (${cut.baseSha.slice(0, 7)}); kept as it is`
    });
  }
  if (config.intake.incidentReport && !intake.report) {
    intake = { ...intake, report: await commitIncidentReport(ctx, state, request, intake) };
    state = addEntry(state, {
      key: "incident-report",
      at: now(),
      text: `Incident report ${intake.report?.path ?? ""} committed to ${intake.branch}`
    });
  }
  if (!intake.checklist) {
    const body = checklistComment({
      repo,
      incident: n,
      severity,
      branch: intake.branch,
      cutFrom: intake.cutFrom,
      baseSha: intake.baseSha,
      previousTag: intake.previousTag ?? null,
      productionSha: intake.productionSha,
      config
    });
    await ensureBotComment(ctx, n, checklistMarker(n), body);
    intake = { ...intake, checklist: true };
    state = addEntry(state, { key: "checklist", at: now(), text: "Checklist and rollback plan posted" });
  }
  state = { ...state, intake };
  const changed = JSON.stringify(state) !== JSON.stringify(timeline.state);
  if (changed) await writeTimeline(ctx, n, timeline.commentId, state);
  else ctx.log.info(`incident #${n}: intake already done`);
  return { incident: n, branch: intake.branch, changed };
}
async function commitIncidentReport(ctx, state, request, intake) {
  const { octokit, repo } = ctx;
  const detectedAt = state.detectedAt ?? request.at;
  const path = incidentReportPath({ title: request.issue.title, incident: request.issue.number, detectedAt });
  const content = incidentReport({
    incident: request.issue.number,
    title: request.issue.title,
    url: request.issue.url,
    severity: asSeverity(state.severity) ?? request.severity,
    detectedAt,
    commander: state.commander ?? request.actor,
    branch: intake.branch,
    previousTag: intake.previousTag?.name ?? null
  });
  try {
    const { data } = await octokit.rest.repos.createOrUpdateFileContents({
      ...repo,
      path,
      branch: intake.branch,
      message: `Incident report for #${request.issue.number}`,
      content: Buffer.from(content, "utf8").toString("base64")
    });
    return { path, commit: data.commit.sha ?? "" };
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    const { data: ref } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${intake.branch}` });
    return { path, commit: ref.object.sha };
  }
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
    }
    const at = validTime2(trigger.at) ?? ctx.clock().toISOString();
    await withIncidentLock(
      ctx,
      n,
      () => runIntake(ctx, config, {
        issue: trigger.issue,
        trigger: trigger.kind,
        severity,
        actor: trigger.actor,
        at
      })
    );
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
  intakeRoute,
  incidentChangeRoute,
  draftPrRoute,
  deploymentStatusRoute
];
function isDeliberateStop(error) {
  return typeof error === "object" && error !== null && error.deliberateStop === true;
}
async function handleEvent(event, ctx, background) {
  const matched = routes.flatMap((route) => {
    const input = route.match(event);
    return input === null ? [] : [{ route, input }];
  });
  const outcome = { steps: [] };
  const failures = [];
  for (const { route, input } of matched) {
    if (route.long && background) {
      background.run(`${route.step} for ${event.name} ${event.id}`, () => route.run(input, ctx, event));
      outcome.steps.push(route.step);
      continue;
    }
    try {
      const result = await route.run(input, ctx, event);
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

// src/util/redis-keyed-lock.ts
import { randomUUID } from "node:crypto";
var LockTimeoutError = class extends Error {
  constructor(key) {
    super(`the lock on ${key} stayed held by another App instance; the next event for it evaluates again`);
    this.key = key;
  }
  key;
  name = "LockTimeoutError";
};
var RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
var RedisKeyedLock = class {
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
    const name = `${this.prefix}${key}`;
    const token = randomUUID();
    const deadline = Date.now() + this.waitMs;
    while (await this.redis.set(name, token, "PX", this.ttlMs, "NX") !== "OK") {
      if (Date.now() > deadline) throw new LockTimeoutError(key);
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
    try {
      return await task();
    } finally {
      await this.redis.eval(RELEASE, 1, name, token).catch(() => void 0);
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
    const wait = Math.min(retryAfterSeconds(error, fallback), maxWait) * base;
    await new Promise((resolve) => setTimeout(resolve, wait));
    return resend({ ...request, request: { ...bag, secondaryLimitAttempt: attempt } });
  });
  return octokit;
}

// src/app.ts
function repoOf(payload) {
  const repository = payload?.repository;
  const owner = repository?.owner?.login;
  const name = repository?.name;
  return typeof owner === "string" && typeof name === "string" ? { owner, repo: name } : null;
}
function createHotfixBot(options = {}) {
  return (app) => installHandlers(app, options);
}
function installHandlers(app, options) {
  const clock = options.clock ?? (() => /* @__PURE__ */ new Date());
  const configCache = options.configCache ?? new ConfigCache();
  const background = options.background ?? new BackgroundWork(app.log, STEP_RETRY);
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL;
  const instancesLock = redisUrl ? new RedisKeyedLock(new Redis(redisUrl, { lazyConnect: true })) : void 0;
  const configFor = (octokit, repo) => () => configCache.get(`${repo.owner}/${repo.repo}`, clock().getTime(), () => loadConfig(octokit, repo));
  const identity = memoAsync(async () => appIdentity(await app.auth()));
  if (options.reconcileOnStart ?? false) {
    background.run("reconcile at start", async () => {
      const reports = await reconcileInstallations(app, (octokit, repo) => ({
        octokit: retrySecondaryRateLimits(octokit, options.secondaryRateLimit),
        repo,
        config: configFor(octokit, repo),
        log: app.log,
        clock,
        identity,
        ...instancesLock ? { instancesLock } : {}
      }));
      const finished = reports.reduce((sum, report) => sum + report.finished.length, 0);
      const failed = reports.reduce((sum, report) => sum + report.failed.length, 0);
      app.log.info(
        `reconcile at start: ${reports.length} repositories checked, ${finished} pipelines finished, ${failed} failed`
      );
    });
  }
  app.onAny(async (event) => {
    const context = event;
    const repo = repoOf(context.payload);
    if (!repo) return;
    const key = `${repo.owner}/${repo.repo}`;
    if (context.name === "push") configCache.invalidate(key);
    const octokit = retrySecondaryRateLimits(context.octokit, options.secondaryRateLimit);
    const ctx = {
      octokit,
      repo,
      config: configFor(octokit, repo),
      log: context.log,
      clock,
      identity,
      ...instancesLock ? { instancesLock } : {}
    };
    await handleEvent({ name: context.name, id: context.id, payload: context.payload }, ctx, background);
  });
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
    const deployed = state?.pipelines[String(pr.number)]?.deploy?.deployedAt !== void 0;
    const complete = summary.tag !== null && summary.backports.length === 2 && summary.followUps.length > 0 && deployed;
    return complete ? 0 : 1;
  } finally {
    await app.close();
    await sandbox.close();
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
      conflict: b.status === "conflict"
    })),
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
var help = `Usage: hotfix-bot demo [--json] [--fast]

Plays a whole incident offline: a local sandbox GitHub and the real App (its Probot server receiving signed
webhooks). Hotfix branch, PR, required checks, the hotfix-gate, merge, then tag, release, backports (one
clean, one with conflicts), follow-up issues, cleanup and the timeline, printed as they happen.

Options:
  --json      end with one line of JSON describing the outcome
  --fast      turn off GitHub's write pacing (about a second per write) for a quicker run
  -h, --help  show this help

Exit codes: 0 the incident went through, 1 it did not, 2 usage error.
`;
var command = {
  name: "demo",
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs("demo", argv, {
      json: { type: "boolean" },
      fast: { type: "boolean" }
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
        write: (line) => io.stdout(line)
      });
    } finally {
      signals.release();
    }
  }
};
export {
  command
};
