import { backportBranchName } from "../cherry-pick/backport-branch.js";
import { WorkflowPermissionError, workflowPermissionError } from "../cherry-pick/backport-errors.js";
import { findBotPull } from "../cherry-pick/bot-pull.js";
import { cherryPickCommits } from "../cherry-pick/cherry-pick.js";
import { manualBackportSteps } from "../cherry-pick/manual-steps.js";
import type { MergeMethod } from "../cherry-pick/pick-list.js";
import {
  type PlacedBranch,
  placeBotBranch,
  placementRecord,
  type RefusedBranch,
} from "../cherry-pick/place-bot-branch.js";
import type { EngineContext } from "../context.js";
import { ensureBotComment } from "../incident/bot-comment.js";
import type { MergedPullRequest } from "../incident/merged-pull-request.js";
import type { BackportState } from "../incident/timeline-state.js";
import { httpStatus } from "../util/http-status.js";
import { backportCheckOutput, openBackportCheck } from "./backport-check.js";
import { backportBody, backportTitle } from "./backport-pr-text.js";

export const BACKPORT_CONFLICT_LABEL = "backport-conflict";

export interface BackportRequest {
  pr: MergedPullRequest;
  target: string;
  picks: { sha: string; parent: string; mainline?: 1 }[];
  method: MergeMethod;
  labels: string[];
  incident: number | null;
  /** `commits.verified`: commits GitHub signs, the original author credited by a trailer. */
  verified: boolean;
}

/**
 * Backports one merged hotfix to one target branch, idempotently: the deterministic branch name is the ledger.
 * An existing PR the bot opened from that branch means the cherry-pick is done (what a crash may have left out
 * after the PR — labels, the review request, the manual steps of a conflict — is completed); otherwise the
 * cherry-pick is built through the Git Data API and the branch placed with one atomic ref write (see
 * placeBotBranch): an existing branch holding the same commits (a crash between the two writes, a concurrent run)
 * is adopted and gets its PR, while one holding anything else is refused and the next name (`-2`, …) used.
 */
export async function backportToTarget(ctx: EngineContext, request: BackportRequest): Promise<BackportState> {
  const { octokit, repo } = ctx;
  const { pr, target } = request;
  const branch = backportBranchName(pr.number, target);

  const existing = await findBackportPr(ctx, branch, target);
  if (existing) return completeBackportPr(ctx, request, { branch, refused: [] }, existing, false);

  const { data: targetRef } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${target}` });
  let picked: Awaited<ReturnType<typeof cherryPickCommits>>;
  try {
    picked = await cherryPickCommits(octokit, repo, {
      ontoSha: targetRef.object.sha,
      ontoLabel: target,
      picks: request.picks,
      verified: request.verified,
    });
  } catch (error) {
    if (error instanceof WorkflowPermissionError) return workflowPermissionFailure(error);
    throw error;
  }
  if (picked.status === "empty") return { status: "already" };

  let placed: PlacedBranch;
  try {
    placed = await placeBotBranch(octokit, repo, {
      name: branch,
      head: picked.headSha,
      onto: targetRef.object.sha,
    });
  } catch (error) {
    const denied = workflowPermissionError(error, picked.workflowFiles);
    if (denied) return workflowPermissionFailure(denied);
    throw error;
  }
  const where = { branch: placed.branch, refused: placed.refused };
  if (!placed.created) {
    // Our own commits were there already: a concurrent run made the branch, or a crash left it without its PR.
    const raced = await findBackportPr(ctx, placed.branch, target);
    if (raced) return completeBackportPr(ctx, request, where, raced, false, picked.conflictPick);
  }

  const conflict = picked.status === "conflict";
  const body = backportBody({
    pr,
    target,
    picks: request.picks,
    conflictFiles: picked.conflictFiles,
    undraftedFiles: picked.undraftedFiles,
    headSha: picked.headSha,
    incident: request.incident,
  });
  let created: { number: number; html_url: string };
  try {
    ({ data: created } = await octokit.rest.pulls.create({
      ...repo,
      head: placed.branch,
      base: target,
      title: backportTitle(pr, target),
      body,
      draft: conflict,
    }));
  } catch (error) {
    // 422 "already exists": a concurrent run's PR, or ours when a retried create had lost its first answer.
    if (httpStatus(error) !== 422) throw error;
    const raced = await findBackportPr(ctx, placed.branch, target);
    if (raced) return completeBackportPr(ctx, request, where, raced, false, picked.conflictPick);
    throw error;
  }
  if (picked.undraftedFiles.length > 0) {
    // Files no marker explains: the draft must not pass silently; a writer confirms the head they checked.
    await openBackportCheck(ctx, picked.headSha, backportCheckOutput(picked.headSha, picked.undraftedFiles));
  }
  const opened: FoundPr = {
    number: created.number,
    url: created.html_url,
    labels: [],
    reviewers: [],
    draft: conflict,
  };
  const state = await completeBackportPr(ctx, request, where, opened, true, picked.conflictPick, conflict);
  ctx.log.info(`backport to ${target}: PR #${created.number}${conflict ? " (conflict)" : ""}`);
  return state;
}

/** A backport PR as the PR listing shows it. */
interface FoundPr {
  number: number;
  url: string;
  labels: string[];
  reviewers: string[];
  draft: boolean;
}

/** The hidden first line of the manual steps on a conflicting backport PR. */
const STEPS_MARKER = "<!-- hotfix-bot:backport-steps -->";

/**
 * Brings a backport PR to what a run that was never interrupted leaves: its labels, the original author asked to
 * review, and for a conflict the manual steps. A PR found from an earlier run is completed only where something is
 * missing, so a redelivery or reconcile after a crash between the PR and these writes finishes them, and a complete
 * PR costs no write. `conflict` is known when this run cherry-picked; a found PR tells it by its label, or — when
 * the crash came before any label — by being a draft.
 */
async function completeBackportPr(
  ctx: EngineContext,
  request: BackportRequest,
  where: { branch: string; refused: RefusedBranch[] },
  pr: FoundPr,
  opened: boolean,
  stoppedAt?: string,
  conflictKnown?: boolean,
): Promise<BackportState> {
  const conflict =
    conflictKnown ?? (pr.labels.includes(BACKPORT_CONFLICT_LABEL) || (pr.labels.length === 0 && pr.draft));
  const wanted = conflict ? [...request.labels, BACKPORT_CONFLICT_LABEL] : request.labels;
  const missing = wanted.filter((label) => !pr.labels.includes(label));
  if (missing.length > 0) {
    await ctx.octokit.rest.issues.addLabels({ ...ctx.repo, issue_number: pr.number, labels: missing });
  }
  await requestAuthorReview(ctx, pr, request.pr.author, opened);
  if (conflict) {
    const steps = manualBackportSteps({
      target: request.target,
      branch: where.branch,
      picks: request.picks,
      method: request.method,
      ...(stoppedAt ? { stoppedAt } : {}),
    });
    await ensureBotComment(ctx, pr.number, STEPS_MARKER, `${STEPS_MARKER}\n${steps}`);
  }
  return {
    status: conflict ? "conflict" : "open",
    pr: pr.number,
    url: pr.url,
    ...placementRecord(backportBranchName(request.pr.number, request.target), where),
  };
}

/**
 * The PR the bot already opened from the backport branch into the target, in any state, if there is one. A PR
 * someone else opened from a branch of that name is not ours to label, complete or report.
 */
async function findBackportPr(ctx: EngineContext, branch: string, target: string): Promise<FoundPr | null> {
  const pr = await findBotPull(ctx, branch, target);
  if (!pr) return null;
  return {
    number: pr.number,
    url: pr.html_url,
    labels: pr.labels.map((label) => label.name),
    reviewers: (pr.requested_reviewers ?? []).map((user) => user.login),
    draft: pr.draft ?? false,
  };
}

/**
 * The original author reviews the backport; GitHub refuses some logins (bots, people without access). On a PR
 * found from an earlier run the request is made only when the author is neither asked nor has reviewed (GitHub
 * drops a reviewer from the requested list once they review), so nobody is asked twice.
 */
async function requestAuthorReview(
  ctx: EngineContext,
  pr: FoundPr,
  author: string,
  opened: boolean,
): Promise<void> {
  if (author.endsWith("[bot]") || author === "ghost" || pr.reviewers.includes(author)) return;
  if (!opened) {
    const { data: reviews } = await ctx.octokit.rest.pulls.listReviews({
      ...ctx.repo,
      pull_number: pr.number,
      per_page: 100,
    });
    if (reviews.some((review) => review.user?.login === author)) return;
  }
  try {
    await ctx.octokit.rest.pulls.requestReviewers({
      ...ctx.repo,
      pull_number: pr.number,
      reviewers: [author],
    });
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    ctx.log.warn(`could not request a review from ${author} on #${pr.number}: not a collaborator`);
  }
}

function workflowPermissionFailure(error: WorkflowPermissionError): BackportState {
  return {
    status: "failed",
    error:
      `it changes ${error.files.join(", ")}, and GitHub lets an App write workflow files only with the ` +
      `"workflows" permission, which hotfix-bot does not request; grant it, or backport by hand`,
  };
}
