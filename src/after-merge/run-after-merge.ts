import { noticeBackportsWithoutPr } from "../backport/backport-notice.js";
import { backportToTarget } from "../backport/backport-to-target.js";
import { autoMergeEntry, enableAutoMerge } from "../backport/enable-auto-merge.js";
import { expandTargets, NEWER_LINES } from "../cherry-pick/backport-branch.js";
import { PickListError } from "../cherry-pick/pick-list.js";
import { readPickPlan, readPullCommits } from "../cherry-pick/read-pick-plan.js";
import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { deployAfterTag } from "../deploy/trigger-deploy.js";
import { openFollowUps } from "../follow-ups/open-follow-ups.js";
import { formatDueTime, planFollowUps } from "../follow-ups/plan-follow-ups.js";
import { readSecurityWarnings } from "../follow-ups/read-security-warnings.js";
import type { MergedPullRequest } from "../incident/merged-pull-request.js";
import { withPipelineLock } from "../incident/pipeline-lock.js";
import { incidentOfPull } from "../incident/pull-incident.js";
import { refusedBranchEntries } from "../incident/refused-branch-entries.js";
import { settleIncident } from "../incident/settle-incident.js";
import {
  addEntry,
  emptyTimeline,
  type PipelineState,
  type TimelineState,
} from "../incident/timeline-state.js";
import { readTimeline, writeTimeline } from "../incident/upsert-timeline.js";
import { newerLines } from "../patterns/production-lines.js";
import { tagAndRelease } from "../release/create-tag-and-release.js";
import type { StepOutcome } from "../route.js";
import { jiraKeyOf } from "../rules/title.js";
import { errorMessage } from "../util/errors.js";
import { httpStatus } from "../util/http-status.js";
import { withLogFields } from "../util/log-with.js";
import { severityOfLabels, wasApproved } from "./merge-facts.js";
import { notifyAfterMerge } from "./notify-after-merge.js";
import {
  type ClaimWait,
  claimPipeline,
  PipelineClaimedError,
  releasePipeline,
  waitForRelease,
} from "./pipeline-claim.js";
import { readChangedFiles } from "./read-changed-files.js";

export interface AfterMergeOptions {
  /** Extra targets asked for by a `/backport <branch>` command, on top of the configured ones. */
  extraTargets?: string[];
  /**
   * Run even when another run holds the pipeline's claim (reconcile: it runs after crashes, whose claims nobody
   * will release). Others wait for the claim to go (see pipeline-claim.ts).
   */
  takeOver?: boolean;
  /** How long to wait for another run's claim, and how often to look (CLAIM_WAIT; tests shorten it). */
  claimWait?: ClaimWait;
}

/**
 * The after-merge pipeline of one hotfix PR: tag and release, backport PRs, follow-up issues, branch cleanup, and
 * the timeline. Every step first looks for what an earlier (crashed or concurrent) run left behind in GitHub and
 * only creates what is missing, so the pipeline can be re-run at any time: by a redelivery, by `/backport`, or by
 * reconcile. The timeline is written once at the end: it is the record, not the ledger, so a crash before it
 * costs nothing but the re-run.
 */
export async function runAfterMerge(
  ctx: EngineContext,
  config: HotfixConfig,
  pr: MergedPullRequest,
  options: AfterMergeOptions = {},
): Promise<StepOutcome> {
  // Two runs for one merge in this process (a redelivery, `/backport`, reconcile) go one after the other, so the
  // second finds the first one's work instead of racing it.
  // Every line the pipeline logs names the PR as a field.
  const here = withLogFields(ctx, { pr: pr.number });
  const outcome = await withPipelineLock(here, pr.number, () => claimAndRun(here, config, pr, options));
  await notifyAfterMerge(here, config, pr);
  return outcome;
}

/**
 * Two processes have no common mutex: a run that has work to do first claims the pipeline (one atomic ref
 * create), and one that finds it claimed waits for the claim to go, then looks again — usually to find the work
 * done. A complete pipeline is recognised before any claim, so a redelivery costs no write.
 */
async function claimAndRun(
  ctx: EngineContext,
  config: HotfixConfig,
  pr: MergedPullRequest,
  options: AfterMergeOptions,
): Promise<StepOutcome> {
  for (let attempt = 1; ; attempt++) {
    const complete = await completeOutcome(ctx, config, pr, options);
    if (complete) return complete;
    const claimed = await claimPipeline(ctx, pr.number, pr.mergeSha);
    if (claimed || options.takeOver || ctx.resumedRun) {
      try {
        return await runPipeline(ctx, config, pr, options);
      } finally {
        await releasePipeline(ctx, pr.number);
      }
    }
    if (attempt >= 3) throw new PipelineClaimedError(ctx.repo, pr.number);
    ctx.log.info("after-merge pipeline is claimed by another run; waiting for it");
    if ((await waitForRelease(ctx, pr.number, options.claimWait)) === "timeout") {
      // Held for longer than any run takes: its run died. Delete it and claim again like anyone else would.
      ctx.log.warn("after-merge pipeline: taking over a claim that outlived the wait");
      await releasePipeline(ctx, pr.number);
    }
  }
}

/** The outcome of a pipeline that has nothing left to do for these targets, else null (reads only). */
async function completeOutcome(
  ctx: EngineContext,
  config: HotfixConfig,
  pr: MergedPullRequest,
  options: AfterMergeOptions,
): Promise<StepOutcome | null> {
  const { state } = await pipelineTimeline(ctx, pr);
  const previous = state?.pipelines[String(pr.number)];
  if (!previous?.done) return null;
  const wanted = await backportTargets(ctx, config, pr.baseRef, options.extraTargets ?? []);
  if (!wanted.every((target) => settled(previous, target))) return null;
  ctx.log.info("after-merge pipeline is already complete");
  return outcomeOf(previous);
}

/**
 * Where the pipeline of a PR is recorded: on its incident when the incident's timeline binds it to the PR's
 * branch (see incidentOfPull), otherwise on the PR itself, so that a PR cannot write into an unrelated incident.
 */
async function pipelineTimeline(ctx: EngineContext, pr: MergedPullRequest) {
  const linked = await incidentOfPull(ctx, pr);
  const timelineIssue = linked.incident ?? pr.number;
  const timeline = linked.timeline ?? (await readTimeline(ctx, timelineIssue));
  return { incident: linked.incident, timelineIssue, ...timeline };
}

/** The pipeline itself, run under the claim; it reads the timeline again, as another run may just have ended. */
async function runPipeline(
  ctx: EngineContext,
  config: HotfixConfig,
  pr: MergedPullRequest,
  options: AfterMergeOptions,
): Promise<StepOutcome> {
  const { octokit, repo, clock } = ctx;
  const timeline = await pipelineTimeline(ctx, pr);
  const { incident, timelineIssue } = timeline;
  let state: TimelineState = timeline.state ?? emptyTimeline(incident);
  let commentId = timeline.commentId;
  const previous = state.pipelines[String(pr.number)];
  const wanted = await backportTargets(ctx, config, pr.baseRef, options.extraTargets ?? []);
  if (previous?.done && wanted.every((target) => settled(previous, target))) {
    ctx.log.info("after-merge pipeline is already complete");
    return outcomeOf(previous);
  }

  const pipeline: PipelineState = previous ?? {
    pr: pr.number,
    mergeSha: pr.mergeSha,
    mergedAt: pr.mergedAt,
    backports: {},
    followUps: {},
    done: false,
    heartbeatAt: clock().toISOString(),
  };
  const now = () => clock().toISOString();
  state = addEntry(state, {
    key: `merged-${pr.number}`,
    at: pr.mergedAt,
    text: `#${pr.number} merged into ${pr.baseRef} by the hotfix pipeline`,
    url: pr.url,
  });

  const pulled = await readPullCommits(ctx, pr.number);
  const { commits } = pulled;
  const jiraKey = jiraKeyOf(pr.title, config);

  // 1. Tag and release.
  const released = await tagAndRelease(octokit, repo, {
    config,
    line: pr.baseRef,
    mergeSha: pr.mergeSha,
    mergedAt: new Date(pr.mergedAt),
    pr: { number: pr.number, title: pr.title, url: pr.url, author: pr.author },
    incident,
    jiraKey,
    commits,
  });
  pipeline.tag = released.tag;
  if (released.release) pipeline.release = released.release;
  state = addEntry(state, { key: `tag-${pr.number}`, at: now(), text: `Tagged ${released.tag}` });
  if (released.note)
    state = addEntry(state, { key: `tag-note-${pr.number}`, at: now(), text: released.note });
  if (released.release) {
    state = addEntry(state, {
      key: `release-${pr.number}`,
      at: now(),
      text: `Release ${released.tag} published`,
      url: released.release.url,
    });
  }

  // 1b. Deploy the tag (deploy.workflow / deploy.environment), before the slower steps: recovery waits for it.
  ({ state, commentId } = await deployAfterTag(ctx, config, {
    state,
    pipeline,
    pr,
    incident,
    severity: severityOfLabels(pr.labels, state.severity, config),
    timelineIssue,
    commentId,
  }));

  // 2. Backports, one target at a time: each is independent, and a failure is recorded, not fatal to the rest.
  const todo = wanted.filter((target) => !settled(pipeline, target));
  if (todo.length > 0) {
    const plan = await readPickPlan(ctx, pr.mergeSha, pulled).catch((error: unknown) => {
      if (!(error instanceof PickListError)) throw error;
      return error;
    });
    for (const target of todo) {
      try {
        // The pick list cannot be trusted (a cut commit list, a broken history): no target gets a guess.
        if (plan instanceof PickListError) throw plan;
        pipeline.backports[target] = await backportToTarget(ctx, {
          pr,
          target,
          picks: plan.picks,
          method: plan.method,
          labels: config.backport.labels,
          incident,
          verified: config.commits.verified,
        });
      } catch (error) {
        ctx.log.error(`backport to ${target} failed: ${String(error)}`);
        pipeline.backports[target] = {
          status: "failed",
          error: errorMessage(error),
        };
      }
      const backport = pipeline.backports[target];
      for (const entry of refusedBranchEntries(backport?.refused, backport?.branch, now())) {
        state = addEntry(state, entry);
      }
      state = addEntry(state, backportEntry(pr.number, target, backport, now()));
      // A clean backport lands by itself once its checks pass (backport.autoMerge); a conflict waits for a person.
      if (config.backport.autoMerge && backport?.status === "open" && backport.pr !== undefined) {
        backport.autoMerge = await enableAutoMerge(ctx, config, backport.pr);
        const entry = autoMergeEntry(pr.number, target, backport);
        if (entry) state = addEntry(state, entry);
      }
    }
    // Backports that produced no PR are said on the merged PR itself, where its author looks.
    if (timelineIssue !== pr.number) {
      await noticeBackportsWithoutPr(ctx, pr.number, todo, pipeline.backports);
    }
  }

  // 3. Follow-up issues.
  const changed = await readChangedFiles(ctx, pr.number);
  if (changed.total > changed.files.length) {
    ctx.log.warn(
      `the pull request changed ${changed.total} files; GitHub listed ${changed.files.length} of them`,
    );
  }
  const severity = severityOfLabels(pr.labels, state.severity, config);
  const plans = planFollowUps({
    config,
    pr: { number: pr.number, title: pr.title, author: pr.author, labels: pr.labels, url: pr.url },
    changedFiles: changed.files,
    changedFilesTotal: changed.total,
    severity,
    approved: await wasApproved(ctx, pr, severity, config),
    incident,
    jiraKey,
    tag: released.tag,
    commander: state.commander ?? null,
    mergedAt: new Date(pr.mergedAt),
    securityWarnings: await readSecurityWarnings(ctx, config, pr.headSha),
  });
  const opened = await openFollowUps(ctx, { plans, since: new Date(pr.mergedAt), pr: pr.number });
  for (const followUp of opened) {
    const dueAt = plans.find((plan) => plan.kind === followUp.kind)?.dueAt;
    pipeline.followUps[followUp.kind] = {
      // A re-run keeps what the sweep recorded since (the overdue comment, the closing).
      ...pipeline.followUps[followUp.kind],
      issue: followUp.issue,
      url: followUp.url,
      ...(dueAt ? { dueAt } : {}),
    };
    state = addEntry(state, {
      key: `follow-up-${pr.number}-${followUp.kind}`,
      at: now(),
      text: `Follow-up #${followUp.issue} opened (${followUp.kind})${dueAt ? `, due ${formatDueTime(dueAt)}` : ""}`,
      url: followUp.url,
    });
  }

  // 4. Cleanup: the hotfix branch goes once every backport has its PR (or needs none).
  const allBackportsOpen = wanted.every((t) =>
    ["open", "conflict", "already"].includes(pipeline.backports[t]?.status ?? ""),
  );
  if (config.backport.deleteHotfixBranch && allBackportsOpen && !pipeline.branchDeleted) {
    const cleanup = await deleteBranch(ctx, pr);
    pipeline.branchDeleted = cleanup !== "failed";
    if (cleanup === "deleted") {
      state = addEntry(state, {
        key: `branch-deleted-${pr.number}`,
        at: now(),
        text: `Deleted branch ${pr.headRef}`,
      });
    } else if (cleanup === "moved") {
      state = addEntry(state, {
        key: `branch-kept-${pr.number}`,
        at: now(),
        text: `Kept branch ${pr.headRef}: it moved past the merged head ${pr.headSha.slice(0, 7)}`,
      });
    }
  }

  // 5. The record. `done` only when nothing is left for a re-run to do.
  pipeline.done =
    allBackportsOpen && (pipeline.branchDeleted === true || !config.backport.deleteHotfixBranch);
  pipeline.heartbeatAt = now();
  state = { ...state, pipelines: { ...state.pipelines, [String(pr.number)]: pipeline } };
  // Without a deploy step the merge is the recovery, and backports found already there may resolve it at once.
  state = await settleIncident(ctx, config, state, incident);
  await writeTimeline(ctx, timelineIssue, commentId, state);
  return outcomeOf(pipeline);
}

function settled(pipeline: PipelineState, target: string): boolean {
  const status = pipeline.backports[target]?.status;
  return status === "open" || status === "conflict" || status === "already";
}

/**
 * Configured targets expanded against existing branches (globs, `newer-lines`), plus any asked for by command,
 * for a fix merged into `mergedInto`. The branch list is read only when a glob or the maintenance lines need it.
 */
async function backportTargets(
  ctx: EngineContext,
  config: HotfixConfig,
  mergedInto: string,
  extra: string[],
): Promise<string[]> {
  const patterns = [...config.backport.targets, ...extra];
  const forward = patterns.includes(NEWER_LINES);
  const needsBranchList =
    (forward && config.productionBranches.length > 1) ||
    patterns.some((p) => p !== NEWER_LINES && /[*?[\]{}]/.test(p.replace("{develop}", "")));
  let branches: string[] = [];
  if (needsBranchList) {
    const all = await ctx.octokit.paginate(ctx.octokit.rest.repos.listBranches, {
      ...ctx.repo,
      per_page: 100,
    });
    branches = all.map((b) => b.name);
  } else {
    branches = patterns.map((p) => p.replace("{develop}", config.developBranch));
  }
  // Forward-ports: every production line newer than the one the fix went into, and main after an older line.
  const newer = forward ? newerLines(config, mergedInto, branches) : [];
  return expandTargets(patterns, branches, config.developBranch, mergedInto, newer);
}

/**
 * Deletes the hotfix branch only while its tip is the head that was merged: a branch that moved on holds work
 * nobody merged, and is kept ("moved"). "gone" when it no longer exists (a re-run, or deleted by hand).
 */
async function deleteBranch(
  ctx: EngineContext,
  pr: MergedPullRequest,
): Promise<"deleted" | "gone" | "moved" | "failed"> {
  const ref = `heads/${pr.headRef}`;
  try {
    const { data } = await ctx.octokit.rest.git.getRef({ ...ctx.repo, ref });
    if (data.object.sha !== pr.headSha) return "moved";
    await ctx.octokit.rest.git.deleteRef({ ...ctx.repo, ref });
    return "deleted";
  } catch (error) {
    if (httpStatus(error) === 422 || httpStatus(error) === 404) return "gone";
    ctx.log.warn(`could not delete ${pr.headRef}: ${String(error)}`);
    return "failed";
  }
}

function backportEntry(
  pr: number,
  target: string,
  state: PipelineState["backports"][string] | undefined,
  at: string,
) {
  const key = `backport-${pr}-${target}`;
  switch (state?.status) {
    case "open":
      return { key, at, text: `Backport to ${target}: PR #${state.pr}`, url: state.url };
    case "conflict":
      return {
        key,
        at,
        text: `Backport to ${target}: draft PR #${state.pr} with conflicts to resolve`,
        url: state.url,
      };
    case "already":
      return { key, at, text: `Backport to ${target}: already there, no PR needed` };
    default:
      return { key, at, text: `Backport to ${target} failed: ${state?.error ?? "unknown error"}` };
  }
}

function outcomeOf(pipeline: PipelineState): StepOutcome {
  return {
    ...(pipeline.tag ? { tag: pipeline.tag } : {}),
    ...(pipeline.release ? { releaseUrl: pipeline.release.url } : {}),
    backports: Object.entries(pipeline.backports).map(([target, b]) => ({
      target,
      ...(b.pr ? { pr: b.pr } : {}),
      ...(b.url ? { url: b.url } : {}),
      conflict: b.status === "conflict",
      status: b.status,
    })),
    followUps: Object.entries(pipeline.followUps).map(([kind, f]) => ({ kind, issue: f.issue, url: f.url })),
  };
}
