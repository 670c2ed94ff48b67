import { backportBranchName } from "../backport/backport-branch.js";
import { WorkflowPermissionError, workflowPermissionError } from "../backport/backport-errors.js";
import { cherryPickCommits } from "../backport/cherry-pick.js";
import { manualBackportSteps } from "../backport/manual-steps.js";
import type { MergeMethod } from "../backport/pick-list.js";
import type { EngineContext } from "../context.js";
import type { BackportState } from "../incident/timeline-state.js";
import { httpStatus } from "../util/http-status.js";
import { backportBody, backportTitle } from "./backport-pr-text.js";
import type { MergedPullRequest } from "./merged-pull-request.js";

export const BACKPORT_CONFLICT_LABEL = "backport-conflict";

export interface BackportRequest {
  pr: MergedPullRequest;
  target: string;
  picks: { sha: string; parent: string; mainline?: 1 }[];
  method: MergeMethod;
  labels: string[];
  incident: number | null;
}

/**
 * Backports one merged hotfix to one target branch, idempotently: the deterministic branch name is the ledger.
 * An existing PR from that branch means the work is done; an existing branch without a PR (a crash between the
 * two writes) gets its PR; otherwise the cherry-pick is built through the Git Data API and the branch created
 * with one atomic ref write — a concurrent run that loses that race goes on to find the winner's PR.
 */
export async function backportToTarget(ctx: EngineContext, request: BackportRequest): Promise<BackportState> {
  const { octokit, repo } = ctx;
  const { pr, target } = request;
  const branch = backportBranchName(pr.number, target);

  const existing = await findBackportPr(ctx, branch, target);
  if (existing) return existing;

  const { data: targetRef } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${target}` });
  let picked: Awaited<ReturnType<typeof cherryPickCommits>>;
  try {
    picked = await cherryPickCommits(octokit, repo, {
      ontoSha: targetRef.object.sha,
      ontoLabel: target,
      picks: request.picks,
    });
  } catch (error) {
    if (error instanceof WorkflowPermissionError) return workflowPermissionFailure(error);
    throw error;
  }
  if (picked.status === "empty") return { status: "already" };

  try {
    await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: picked.headSha });
  } catch (error) {
    const denied = workflowPermissionError(error, picked.workflowFiles);
    if (denied) return workflowPermissionFailure(denied);
    // 422: the branch exists. Either a concurrent run created it, or a crash left it without its PR. Its content is
    // the same cherry-pick, so a PR from it (ours or theirs) is what is missing.
    if (httpStatus(error) !== 422) throw error;
    const raced = await findBackportPr(ctx, branch, target);
    if (raced) return raced;
  }

  const conflict = picked.status === "conflict";
  const body = backportBody({
    pr,
    target,
    picks: request.picks,
    conflictFiles: picked.conflictFiles,
    incident: request.incident,
  });
  let created: { number: number; html_url: string };
  try {
    ({ data: created } = await octokit.rest.pulls.create({
      ...repo,
      head: branch,
      base: target,
      title: backportTitle(pr, target),
      body,
      draft: conflict,
    }));
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    const raced = await findBackportPr(ctx, branch, target);
    if (raced) return raced;
    throw error;
  }

  const labels = conflict ? [...request.labels, BACKPORT_CONFLICT_LABEL] : request.labels;
  if (labels.length > 0) {
    await octokit.rest.issues.addLabels({ ...repo, issue_number: created.number, labels });
  }
  await requestAuthorReview(ctx, created.number, pr.author);
  if (conflict) {
    await octokit.rest.issues.createComment({
      ...repo,
      issue_number: created.number,
      body: manualBackportSteps({
        target,
        branch,
        picks: request.picks,
        method: request.method,
        ...(picked.conflictPick ? { stoppedAt: picked.conflictPick } : {}),
      }),
    });
  }
  ctx.log.info(
    `backport of #${pr.number} to ${target}: PR #${created.number}${conflict ? " (conflict)" : ""}`,
  );
  return { status: conflict ? "conflict" : "open", pr: created.number, url: created.html_url };
}

/** The PR already opened from the backport branch into the target, in any state, if there is one. */
async function findBackportPr(
  ctx: EngineContext,
  branch: string,
  target: string,
): Promise<BackportState | null> {
  const { data } = await ctx.octokit.rest.pulls.list({
    ...ctx.repo,
    head: `${ctx.repo.owner}:${branch}`,
    base: target,
    state: "all",
    per_page: 10,
  });
  const pr = data[0];
  if (!pr) return null;
  const conflict = pr.labels.some((label) => label.name === BACKPORT_CONFLICT_LABEL);
  return { status: conflict ? "conflict" : "open", pr: pr.number, url: pr.html_url };
}

/** The original author reviews the backport; GitHub refuses some logins (bots, people without access). */
async function requestAuthorReview(ctx: EngineContext, pull: number, author: string): Promise<void> {
  if (author.endsWith("[bot]") || author === "ghost") return;
  try {
    await ctx.octokit.rest.pulls.requestReviewers({ ...ctx.repo, pull_number: pull, reviewers: [author] });
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    ctx.log.warn(`could not request a review from ${author} on #${pull}: not a collaborator`);
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
