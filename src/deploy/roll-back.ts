import { findBotPull } from "../cherry-pick/bot-pull.js";
import { placeBotBranch, placementRecord } from "../cherry-pick/place-bot-branch.js";
import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { ensureBotComment } from "../incident/bot-comment.js";
import type { MergedPullRequest } from "../incident/merged-pull-request.js";
import { refusedBranchEntries } from "../incident/refused-branch-entries.js";
import {
  addEntry,
  type DeployState,
  type PipelineState,
  type RollbackState,
  type RollbackTrigger,
  type TimelineState,
} from "../incident/timeline-state.js";
import { isProductionLine } from "../patterns/production-lines.js";
import { errorMessage } from "../util/errors.js";
import { escalationComment, escalationMarker } from "./escalation.js";
import { revertBase, revertCommit } from "./revert-commit.js";
import { revertBody, revertBranchName, revertMessage, revertTitle } from "./revert-pr-text.js";

/** The merged hotfix PR being rolled back, and where its incident record lives. */
export interface RollbackOrigin {
  pr: MergedPullRequest;
  /** The incident bound to the PR's branch (see incidentOfPull), or null. */
  incident: number | null;
  /** The issue holding the timeline: the incident, else the PR itself. */
  issue: number;
}

/**
 * Why the fix goes back out: a failed deployment (its status's words), or a `trigger` — a writer's `/rollback` or a
 * configured check that failed in the monitoring window.
 */
export interface RollbackReason {
  tag: string;
  environment: string;
  state: string;
  description: string;
  logUrl: string | null;
  trigger?: RollbackTrigger;
}

/** Whether a pipeline's rollback is complete: a revert PR (or nothing to revert) and the commander told (pure). */
export function rollbackComplete(deploy: DeployState | undefined): boolean {
  return deploy?.rollback !== undefined && deploy.rollback.status !== "failed" && deploy.escalated === true;
}

/**
 * The rollback of a merged hotfix, whatever asked for it (a failed deployment, `/rollback`, a failing check): a
 * revert PR into production, the rollback label on the incident and an escalation comment mentioning the
 * commander — each step only when the pipeline's record says it is missing, so a redelivery, a second request or
 * a request after a failed deployment's rollback adds nothing. Returns the state to write (the caller holds the
 * incident's lock and writes the timeline once).
 */
export async function rollBack(
  ctx: EngineContext,
  config: HotfixConfig,
  state: TimelineState,
  origin: RollbackOrigin,
  pipeline: PipelineState,
  reason: RollbackReason,
): Promise<TimelineState> {
  const { octokit, repo } = ctx;
  const n = origin.pr.number;
  const deploy: DeployState = { ...(pipeline.deploy ?? {}) };
  let next = state;
  if (!deploy.rollback || deploy.rollback.status === "failed") {
    deploy.rollback = await openRevertPr(ctx, config, reason, origin, state);
    const at = ctx.clock().toISOString();
    for (const entry of refusedBranchEntries(deploy.rollback.refused, deploy.rollback.branch, at)) {
      next = addEntry(next, entry);
    }
    next = addEntry(next, revertEntry(n, deploy.rollback, at));
  }
  if (!deploy.escalated) {
    await octokit.rest.issues.addLabels({
      ...repo,
      issue_number: origin.issue,
      labels: [config.deploy.rollbackLabel],
    });
    const commander = next.commander ?? origin.pr.author;
    await ensureBotComment(
      ctx,
      origin.issue,
      escalationMarker(n),
      escalationComment({
        pr: n,
        tag: reason.tag,
        environment: reason.environment,
        state: reason.state,
        description: reason.description,
        logUrl: reason.logUrl,
        commander,
        rollback: deploy.rollback,
        label: config.deploy.rollbackLabel,
        ...(reason.trigger ? { trigger: reason.trigger } : {}),
      }),
    );
    deploy.escalated = true;
    next = addEntry(next, {
      key: `escalated-${n}`,
      at: ctx.clock().toISOString(),
      text: `Labelled ${config.deploy.rollbackLabel}; escalated to @${commander}`,
    });
  }
  const current = next.pipelines[String(n)] ?? pipeline;
  return { ...next, pipelines: { ...next.pipelines, [String(n)]: { ...current, deploy } } };
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
  const pr = await findBotPull(ctx, branch, base);
  if (!pr) return null;
  return { status: pr.draft ? "conflict" : "open", pr: pr.number, url: pr.html_url };
}

/**
 * The revert PR, idempotently: the deterministic branch `hotfix-bot/revert-<pr>` is the ledger, as for backports.
 * An error is recorded (and retried on the next request or failed status), never thrown past the escalation.
 */
async function openRevertPr(
  ctx: EngineContext,
  config: HotfixConfig,
  reason: RollbackReason,
  origin: RollbackOrigin,
  state: TimelineState,
): Promise<RollbackState> {
  const { octokit, repo } = ctx;
  const { pr } = origin;
  const branch = revertBranchName(pr.number);
  // The revert goes into the line the fix went into (release/1.x), while that is still a production line.
  const production = isProductionLine(config, pr.baseRef) ? pr.baseRef : config.productionBranch;
  const trigger = reason.trigger ? { trigger: reason.trigger } : {};
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
      message: revertMessage({
        title: pr.title,
        pr: pr.number,
        mergeSha: pr.mergeSha,
        tag: reason.tag,
        ...trigger,
      }),
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
        tag: reason.tag,
        environment: reason.environment,
        state: reason.state,
        description: reason.description,
        logUrl: reason.logUrl,
        incident: origin.incident,
        previousTag: state.intake?.previousTag?.name ?? null,
        conflictFiles: revert.conflictFiles,
        ...trigger,
      }),
      draft: conflict,
    });
    ctx.log.info(`revert of #${pr.number}: PR #${created.number}${conflict ? " (conflict)" : ""}`);
    return { status: conflict ? "conflict" : "open", pr: created.number, url: created.html_url, ...record };
  } catch (error) {
    const message = errorMessage(error);
    ctx.log.error(`revert of #${pr.number} failed: ${message}`);
    return { status: "failed", error: message };
  }
}
