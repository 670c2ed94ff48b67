import { expandTargets, NEWER_LINES } from "../cherry-pick/backport-branch.js";
import { PickListError } from "../cherry-pick/pick-list.js";
import { readPickPlan, readPullCommits } from "../cherry-pick/read-pick-plan.js";
import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import type { MergedPullRequest } from "../incident/merged-pull-request.js";
import { withPipelineLock } from "../incident/pipeline-lock.js";
import { incidentOfPull } from "../incident/pull-incident.js";
import { settleIncident } from "../incident/settle-incident.js";
import { TimelineRecorder } from "../incident/timeline-recorder.js";
import { emptyTimeline, type PipelineState } from "../incident/timeline-state.js";
import { readTimeline } from "../incident/upsert-timeline.js";
import { newerLines } from "../patterns/production-lines.js";
import type { StepOutcome } from "../route.js";
import { jiraKeyOf } from "../rules/title.js";
import { httpStatus } from "../util/http-status.js";
import { withLogFields } from "../util/log-with.js";
import type { AfterMergeSteps } from "./after-merge-steps.js";
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
 * The after-merge pipeline of one hotfix PR: tag and release, deploy, backport PRs, follow-up issues, branch
 * cleanup, and the timeline. The steps are other features', handed in (`steps`, see after-merge-steps.ts). Every
 * step first looks for what an earlier (crashed or concurrent) run left behind in GitHub and only creates what is
 * missing, so the pipeline can be re-run at any time: by a redelivery, by `/backport`, or by reconcile. The
 * timeline is written once at the end: it is the record, not the ledger, so a crash before it costs nothing but
 * the re-run. The one exception is a dispatched deploy workflow, recorded at once (nothing in GitHub finds it).
 */
export async function runAfterMerge(
  ctx: EngineContext,
  config: HotfixConfig,
  pr: MergedPullRequest,
  steps: AfterMergeSteps,
  options: AfterMergeOptions = {},
): Promise<StepOutcome> {
  // Two runs for one merge in this process (a redelivery, `/backport`, reconcile) go one after the other, so the
  // second finds the first one's work instead of racing it.
  // Every line the pipeline logs names the PR as a field.
  const here = withLogFields(ctx, { pr: pr.number });
  const outcome = await withPipelineLock(here, pr.number, () =>
    claimAndRun(here, config, pr, steps, options),
  );
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
  steps: AfterMergeSteps,
  options: AfterMergeOptions,
): Promise<StepOutcome> {
  for (let attempt = 1; ; attempt++) {
    const complete = await completeOutcome(ctx, config, pr, options);
    if (complete) return complete;
    const claimed = await claimPipeline(ctx, pr.number, pr.mergeSha);
    if (claimed || options.takeOver || ctx.resumedRun) {
      try {
        return await runPipeline(ctx, config, pr, steps, options);
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
  steps: AfterMergeSteps,
  options: AfterMergeOptions,
): Promise<StepOutcome> {
  const timeline = await pipelineTimeline(ctx, pr);
  const { incident, timelineIssue } = timeline;
  const recorder = new TimelineRecorder(ctx, timelineIssue, {
    state: timeline.state ?? emptyTimeline(incident),
    commentId: timeline.commentId,
  });
  const previous = recorder.state.pipelines[String(pr.number)];
  const wanted = await backportTargets(ctx, config, pr.baseRef, options.extraTargets ?? []);
  if (previous?.done && wanted.every((target) => settled(previous, target))) {
    ctx.log.info("after-merge pipeline is already complete");
    return outcomeOf(previous);
  }

  const now = () => ctx.clock().toISOString();
  // The run's own record, filled in step by step; the recorder takes it when the run writes.
  const pipeline: PipelineState = previous
    ? structuredClone(previous)
    : {
        pr: pr.number,
        mergeSha: pr.mergeSha,
        mergedAt: pr.mergedAt,
        backports: {},
        followUps: {},
        done: false,
        heartbeatAt: now(),
      };
  recorder.add({
    key: `merged-${pr.number}`,
    at: pr.mergedAt,
    text: `#${pr.number} merged into ${pr.baseRef} by the hotfix pipeline`,
    url: pr.url,
  });

  const pulled = await readPullCommits(ctx, pr.number);
  const jiraKey = jiraKeyOf(pr.title, config);

  // 1. Tag and release.
  const released = await steps.release(ctx, config, { pr, incident, jiraKey, commits: pulled.commits });
  pipeline.tag = released.tag;
  if (released.release) pipeline.release = released.release;
  recorder.addAll(released.entries);

  // 1b. Deploy the tag, before the slower steps: recovery waits for it. Once per pipeline: a pipeline that has a
  // deploy record never deploys again.
  if (!pipeline.deploy) {
    const severity = severityOfLabels(pr.labels, recorder.state.severity, config);
    const deployed = await steps.deploy(ctx, config, { pr, tag: released.tag, incident, severity });
    if (deployed) {
      pipeline.deploy = deployed.deploy;
      recorder.addAll(deployed.entries);
      if (deployed.mustRecord) {
        // The only write before the end: a dispatched workflow is found nowhere else if this run dies now.
        recorder.setPipeline({ ...pipeline });
        await recorder.flush();
      }
    }
  }

  // 2. Backports, one target at a time: each is independent, and a failure is recorded, not fatal to the rest.
  const todo = wanted.filter((target) => !settled(pipeline, target));
  if (todo.length > 0) {
    const plan = await readPickPlan(ctx, pr.mergeSha, pulled).catch((error: unknown) => {
      if (!(error instanceof PickListError)) throw error;
      return error;
    });
    for (const target of todo) {
      const backported = await steps.backport(ctx, config, { pr, target, plan, incident });
      pipeline.backports[target] = backported.backport;
      recorder.addAll(backported.entries);
    }
    // Backports that produced no PR are said on the merged PR itself, where its author looks.
    if (timelineIssue !== pr.number) {
      await steps.noticeBackportsWithoutPr(ctx, pr.number, todo, pipeline.backports);
    }
  }

  // 3. Follow-up issues.
  const changedFiles = await readChangedFiles(ctx, pr.number);
  if (changedFiles.total > changedFiles.files.length) {
    ctx.log.warn(
      `the pull request changed ${changedFiles.total} files; GitHub listed ${changedFiles.files.length} of them`,
    );
  }
  const severity = severityOfLabels(pr.labels, recorder.state.severity, config);
  const followUps = await steps.followUps(ctx, config, {
    pr,
    incident,
    jiraKey,
    tag: released.tag,
    severity,
    approved: await wasApproved(ctx, pr, severity, config),
    commander: recorder.state.commander ?? null,
    changedFiles,
  });
  for (const { kind, ...opened } of followUps.opened) {
    // A re-run keeps what the sweep recorded since (the overdue comment, the closing).
    pipeline.followUps[kind] = { ...pipeline.followUps[kind], ...opened };
  }
  recorder.addAll(followUps.entries);

  // 4. Cleanup: the hotfix branch goes once every backport has its PR (or needs none).
  const allBackportsOpen = wanted.every((t) =>
    ["open", "conflict", "already"].includes(pipeline.backports[t]?.status ?? ""),
  );
  if (config.backport.deleteHotfixBranch && allBackportsOpen && !pipeline.branchDeleted) {
    const cleanup = await deleteBranch(ctx, pr);
    pipeline.branchDeleted = cleanup !== "failed";
    if (cleanup === "deleted") {
      recorder.add({ key: `branch-deleted-${pr.number}`, at: now(), text: `Deleted branch ${pr.headRef}` });
    } else if (cleanup === "moved") {
      recorder.add({
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
  recorder.setPipeline(pipeline);
  // Without a deploy step the merge is the recovery, and backports found already there may resolve it at once.
  const settledState = await settleIncident(ctx, config, recorder.state, incident);
  recorder.update(() => settledState);
  const markdown = await recorder.flush();
  return { ...outcomeOf(pipeline), timeline: markdown };
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
