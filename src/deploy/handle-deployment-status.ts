import { placeBotBranch, placementRecord } from "../backport/place-bot-branch.js";
import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { isOpenedByAnApp } from "../identity/bot-identity.js";
import { ensureBotComment } from "../incident/bot-comment.js";
import { incidentDurations, recoveryLine } from "../incident/incident-durations.js";
import { withIncidentLock } from "../incident/incident-lock.js";
import {
  isMergedHotfix,
  type MergedPullRequest,
  mergedPullRequestFrom,
} from "../incident/merged-pull-request.js";
import { pipelineLock } from "../incident/pipeline-lock.js";
import { incidentOfPull } from "../incident/pull-incident.js";
import { refusedBranchEntries } from "../incident/refused-branch-entries.js";
import { settleIncident } from "../incident/settle-incident.js";
import {
  addEntry,
  type DeployState,
  type PipelineState,
  type RollbackState,
  type TimelineState,
} from "../incident/timeline-state.js";
import { readTimeline, writeTimeline } from "../incident/upsert-timeline.js";
import { isProductionLine } from "../patterns/production-lines.js";
import { httpStatus } from "../util/http-status.js";
import { decideDeploy, pipelineForTag } from "./deploy-decision.js";
import type { DeploymentStatus } from "./deployment-status-event.js";
import { escalationComment, escalationMarker } from "./escalation.js";
import { revertBase, revertCommit } from "./revert-commit.js";
import { revertBody, revertBranchName, revertMessage, revertTitle } from "./revert-pr-text.js";

export type DeployHandling = "not-ours" | "deployed" | "rolled-back" | "done";

/** The merged hotfix PR a deployment is of: named by our marker, or found from the deployed commit. */
async function mergedPrOf(
  ctx: EngineContext,
  config: HotfixConfig,
  status: DeploymentStatus,
): Promise<MergedPullRequest | null> {
  const { octokit, repo } = ctx;
  if (status.marker) {
    try {
      const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: status.marker.pr });
      const pr = mergedPullRequestFrom(data);
      return pr && isMergedHotfix(pr, config) ? pr : null;
    } catch (error) {
      if (httpStatus(error) === 404) return null;
      throw error;
    }
  }
  const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    ...repo,
    commit_sha: status.sha,
    per_page: 10,
  });
  for (const raw of data) {
    const pr = mergedPullRequestFrom(raw);
    if (pr && pr.mergeSha === status.sha && isMergedHotfix(pr, config)) return pr;
  }
  return null;
}

/**
 * A final `deployment_status` for a hotfix tag. Success: "deployed" on the timeline with the incident's recovery
 * figures: the incident is recovered, and resolved (closed, with `deploy.closeIncidentOnSuccess`) once every
 * backport has landed too (see settleIncident). Failure or error: a revert PR into
 * production, the rollback label on the incident and an escalation comment mentioning the commander. The tag must
 * be one the incident's timeline records, so that no one can start a rollback with a deployment of their own
 * making. Runs after any after-merge pipeline of the same PR in this process, and reads the timeline only then.
 */
export async function handleDeploymentStatus(
  ctx: EngineContext,
  config: HotfixConfig,
  status: DeploymentStatus,
): Promise<DeployHandling> {
  const pr = await mergedPrOf(ctx, config, status);
  if (!pr) return "not-ours";
  // Only an incident bound to the PR's branch is closed or escalated on its behalf (see incidentOfPull).
  const { incident } = await incidentOfPull(ctx, pr);
  const issue = incident ?? pr.number;
  const key = `${ctx.repo.owner}/${ctx.repo.repo}#${pr.number}`;
  return pipelineLock.run(key, () =>
    withIncidentLock(ctx, issue, () => act(ctx, config, status, { pr, incident, issue })),
  );
}

async function act(
  ctx: EngineContext,
  config: HotfixConfig,
  status: DeploymentStatus,
  origin: { pr: MergedPullRequest; incident: number | null; issue: number },
): Promise<DeployHandling> {
  const { octokit, repo } = ctx;
  const timeline = await readTimeline(ctx, origin.issue);
  const decision = decideDeploy(pipelineForTag(timeline.state, origin.pr.number, status.ref), status);
  if (decision.kind === "not-ours" || decision.kind === "done") return decision.kind;
  if (!timeline.state) return "not-ours";
  const at = validTime(status.at) ?? ctx.clock().toISOString();
  let state: TimelineState = timeline.state;
  const deploy: DeployState = { ...(decision.pipeline.deploy ?? {}) };
  const pipeline: PipelineState = { ...decision.pipeline, deploy };
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
      text: `Deployed ${status.ref} to ${status.environment}${figures ? ` — ${figures}` : ""}`,
      ...(status.url ? { url: status.url } : {}),
    });
    // Recovered now; resolved (and closed, with deploy.closeIncidentOnSuccess) only once every backport landed.
    // A timeline closed by an earlier release of hotfix-bot at the deploy stays as it is.
    if (!hasEntry(state, `closed-by-deploy-${n}`))
      state = await settleIncident(ctx, config, state, origin.incident);
    await writeTimeline(ctx, origin.issue, timeline.commentId, state);
    return "deployed";
  }

  // A failed deployment: revert, label, escalate; each step only when the record says it is missing.
  if (deploy.failedAt === undefined) {
    deploy.failedAt = at;
    deploy.failedDeployment = status.deployment;
  }
  state = addEntry(state, {
    key: `deploy-failed-${n}`,
    at: deploy.failedAt,
    text: `Deployment of ${status.ref} to ${status.environment} failed (${status.state})`,
    ...(status.url ? { url: status.url } : {}),
  });
  if (!deploy.rollback || deploy.rollback.status === "failed") {
    deploy.rollback = await openRevertPr(ctx, config, status, origin, state);
    const at = ctx.clock().toISOString();
    for (const entry of refusedBranchEntries(deploy.rollback.refused, deploy.rollback.branch, at)) {
      state = addEntry(state, entry);
    }
    state = addEntry(state, revertEntry(n, deploy.rollback, at));
  }
  if (!deploy.escalated) {
    await octokit.rest.issues.addLabels({
      ...repo,
      issue_number: origin.issue,
      labels: [config.deploy.rollbackLabel],
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
        label: config.deploy.rollbackLabel,
      }),
    );
    deploy.escalated = true;
    state = addEntry(state, {
      key: `escalated-${n}`,
      at: ctx.clock().toISOString(),
      text: `Labelled ${config.deploy.rollbackLabel}; escalated to @${commander}`,
    });
  }
  state = withPipeline(state, pipeline);
  await writeTimeline(ctx, origin.issue, timeline.commentId, state);
  return "rolled-back";
}

function withPipeline(state: TimelineState, pipeline: PipelineState): TimelineState {
  return { ...state, pipelines: { ...state.pipelines, [String(pipeline.pr)]: pipeline } };
}

function hasEntry(state: TimelineState, key: string): boolean {
  return state.entries.some((e) => e.key === key);
}

function validTime(value: string | null): string | null {
  const t = Date.parse(value ?? "");
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function revertEntry(pr: number, rollback: RollbackState, at: string) {
  const key = `revert-${pr}`;
  switch (rollback.status) {
    case "open":
      return { key, at, text: `Revert PR #${rollback.pr} opened`, url: rollback.url };
    case "conflict":
      return {
        key,
        at,
        text: `Draft revert PR #${rollback.pr} opened, with conflicts to resolve`,
        url: rollback.url,
      };
    case "empty":
      return { key, at, text: `Nothing to revert: production no longer has #${pr}` };
    default:
      return { key, at, text: `The revert of #${pr} failed: ${rollback.error ?? "unknown error"}` };
  }
}

/** The revert PR the bot already opened from the revert branch into production, in any state; never another's. */
async function findRevertPr(ctx: EngineContext, branch: string, base: string): Promise<RollbackState | null> {
  const { data } = await ctx.octokit.rest.pulls.list({
    ...ctx.repo,
    head: `${ctx.repo.owner}:${branch}`,
    base,
    state: "all",
    per_page: 10,
  });
  const pr = data.find(isOpenedByAnApp);
  if (!pr) return null;
  return { status: pr.draft ? "conflict" : "open", pr: pr.number, url: pr.html_url };
}

/**
 * The revert PR, idempotently: the deterministic branch `hotfix-bot/revert-<pr>` is the ledger, as for backports.
 * An error is recorded (and retried on the next failed status), never thrown past the escalation.
 */
async function openRevertPr(
  ctx: EngineContext,
  config: HotfixConfig,
  status: DeploymentStatus,
  origin: { pr: MergedPullRequest; incident: number | null },
  state: TimelineState,
): Promise<RollbackState> {
  const { octokit, repo } = ctx;
  const { pr } = origin;
  const branch = revertBranchName(pr.number);
  // The revert goes into the line the fix went into (release/1.x), while that is still a production line.
  const production = isProductionLine(config, pr.baseRef) ? pr.baseRef : config.productionBranch;
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
      message: revertMessage({ title: pr.title, pr: pr.number, mergeSha: pr.mergeSha, tag: status.ref }),
    });
    if (revert.status === "empty") return { status: "empty" };
    const placed = await placeBotBranch(octokit, repo, {
      name: branch,
      head: revert.headSha,
      onto: tip.object.sha,
    });
    const record = placementRecord(branch, placed);
    if (!placed.created) {
      // Our own revert was there already: a concurrent run made the branch, or a crash left it without its PR.
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
        conflictFiles: revert.conflictFiles,
      }),
      draft: conflict,
    });
    ctx.log.info(`revert of #${pr.number}: PR #${created.number}${conflict ? " (conflict)" : ""}`);
    return { status: conflict ? "conflict" : "open", pr: created.number, url: created.html_url, ...record };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.log.error(`revert of #${pr.number} failed: ${message}`);
    return { status: "failed", error: message };
  }
}
