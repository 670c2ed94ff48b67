import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { incidentDurations, recoveryLine } from "../incident/incident-durations.js";
import {
  isMergedHotfix,
  type MergedPullRequest,
  mergedPullRequestFrom,
} from "../incident/merged-pull-request.js";
import { settleIncident } from "../incident/settle-incident.js";
import {
  addEntry,
  type DeployState,
  type PipelineState,
  type TimelineState,
} from "../incident/timeline-state.js";
import { readTimeline, writeTimeline } from "../incident/upsert-timeline.js";
import { httpStatus } from "../util/http-status.js";
import { withLogFields } from "../util/log-with.js";
import { decideDeploy, pipelineForTag } from "./deploy-decision.js";
import type { DeploymentStatus } from "./deployment-status-event.js";
import { withMergedHotfixRecord } from "./merged-hotfix-record.js";
import { monitoringEntry, startMonitoring } from "./monitoring-window.js";
import { notifyDeployOutcome } from "./notify-deploy-outcome.js";
import { recordResolution, resolutionRetryDue } from "./record-resolution.js";
import { type RollbackOrigin, rollBack } from "./roll-back.js";

export type DeployHandling = "not-ours" | "deployed" | "rolled-back" | "done";

/** What a deployment status led to, and the timeline as the step last wrote it (absent when it wrote none). */
export interface DeployHandled {
  handled: DeployHandling;
  timeline?: string;
}

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
 * figures, and the monitoring window opens (`monitoring`): the incident is recovered, and resolved (closed, with
 * `deploy.closeIncidentOnSuccess`) once every backport has landed too (see settleIncident). Failure or error: the
 * rollback (see rollBack): a revert PR into production, the rollback label on the incident and an escalation
 * comment mentioning the commander. A success also records the incident's Resolution (see recordResolution): a PR
 * adding it to the incident report, or a timeline entry. The tag must be one the incident's timeline records, so that no one can start
 * a rollback with a deployment of their own making. Runs after any after-merge pipeline of the same PR in this
 * process, and reads the timeline only then.
 */
export async function handleDeploymentStatus(
  ctx: EngineContext,
  config: HotfixConfig,
  status: DeploymentStatus,
): Promise<DeployHandled> {
  const pr = await mergedPrOf(ctx, config, status);
  if (!pr) return { handled: "not-ours" };
  const here = withLogFields(ctx, { pr: pr.number });
  const { origin, acted } = await withMergedHotfixRecord(here, pr, async (origin) => ({
    origin,
    acted: await act(here, config, status, origin),
  }));
  if (acted.handled === "not-ours") return acted;
  // A redelivery ("done") still looks: a run that died between its record and its message sends it now.
  const notified = await notifyDeployOutcome(here, config, origin.incident, pr.number, status);
  return notified === undefined ? acted : { ...acted, timeline: notified };
}

async function act(
  ctx: EngineContext,
  config: HotfixConfig,
  status: DeploymentStatus,
  origin: RollbackOrigin,
): Promise<DeployHandled> {
  const timeline = await readTimeline(ctx, origin.issue);
  const decision = decideDeploy(pipelineForTag(timeline.state, origin.pr.number, status.ref), status);
  if (decision.kind === "not-ours") return { handled: decision.kind };
  if (!timeline.state) return { handled: "not-ours" };
  const written = async (handled: DeployHandling, state: TimelineState): Promise<DeployHandled> => {
    const { markdown } = await writeTimeline(ctx, origin.issue, timeline.commentId, state);
    return { handled, timeline: markdown };
  };
  if (decision.kind === "done") {
    // A success status after the recorded deploy: only a Resolution record whose last attempt failed is owed.
    if (status.state !== "success" || !resolutionRetryDue(timeline.state, decision.pipeline))
      return { handled: "done" };
    return written(
      "done",
      await recordResolution(ctx, config, timeline.state, origin.pr, status.environment),
    );
  }
  const at = validTime(status.at) ?? ctx.clock().toISOString();
  let state: TimelineState = timeline.state;
  const deploy: DeployState = { ...(decision.pipeline.deploy ?? {}) };
  const pipeline: PipelineState = { ...decision.pipeline, deploy };
  const n = origin.pr.number;

  if (decision.kind === "deployed") {
    deploy.deployedAt = at;
    deploy.deployment = status.deployment;
    if (status.url) deploy.url = status.url;
    // The policy's watch starts now, unless the fix is already being rolled back (a /rollback before the deploy,
    // or an earlier failed deployment of the tag).
    if (config.monitoring.enabled && !pipeline.rollbackBy && !deploy.rollback && !pipeline.monitor)
      pipeline.monitor = startMonitoring(config.monitoring, status.sha, ctx.clock());
    state = withPipeline(state, pipeline);
    const figures = recoveryLine(incidentDurations(state));
    state = addEntry(state, {
      key: `deployed-${n}`,
      at,
      text: `Deployed ${status.ref} to ${status.environment}${figures ? ` — ${figures}` : ""}`,
      ...(status.url ? { url: status.url } : {}),
    });
    if (pipeline.monitor) state = addEntry(state, monitoringEntry(n, pipeline.monitor, config.monitoring));
    // Recovered now; resolved (and closed, with deploy.closeIncidentOnSuccess) only once every backport landed.
    // A timeline closed by an earlier release of hotfix-bot at the deploy stays as it is.
    if (!hasEntry(state, `closed-by-deploy-${n}`))
      state = await settleIncident(ctx, config, state, origin.incident);
    state = await recordResolution(ctx, config, state, origin.pr, status.environment);
    return written("deployed", state);
  }

  // A failed deployment: revert, label, escalate; each step only when the record says it is missing.
  if (deploy.failedAt === undefined) {
    deploy.failedAt = at;
    deploy.failedDeployment = status.deployment;
  }
  state = withPipeline(state, pipeline);
  state = addEntry(state, {
    key: `deploy-failed-${n}`,
    at: deploy.failedAt,
    text: `Deployment of ${status.ref} to ${status.environment} failed (${status.state})`,
    ...(status.url ? { url: status.url } : {}),
  });
  state = await rollBack(ctx, config, state, origin, pipeline, {
    tag: status.ref,
    environment: status.environment,
    state: status.state,
    description: status.description,
    logUrl: status.url,
  });
  return written("rolled-back", state);
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
