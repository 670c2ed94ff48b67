import { renderDeployInputs, renderEnvironment } from "../config/deploy-inputs.js";
import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { isWrittenByUs } from "../identity/bot-identity.js";
import type { DeployStepResult } from "../incident/pipeline-steps.js";
import type { DeployState, TimelineEntry } from "../incident/timeline-state.js";
import { errorMessage } from "../util/errors.js";
import { httpStatus } from "../util/http-status.js";
import { type DeployMarker, deploymentDescription, deploymentPayload, markerOf } from "./deploy-marker.js";

export interface DeployRequest {
  tag: string;
  /** The production line the hotfix merged into: the workflow's default ref, `{line}` in inputs and environment. */
  line: string;
  mergeSha: string;
  pr: number;
  incident: number | null;
  severity: string;
}

/** Why a dispatch was refused, in words an operator can act on. */
function dispatchProblem(error: unknown, workflow: string): string {
  const status = httpStatus(error);
  if (status === 403)
    return `hotfix-bot may not run workflows: the App needs the "actions: write" permission for deploy.workflow`;
  if (status === 404) return `there is no workflow ${workflow} (or it has no workflow_dispatch trigger)`;
  return errorMessage(error);
}

/** Our deployment of the tag to the environment, if an earlier run created it (a crash before the record). */
async function findOurDeployment(
  ctx: EngineContext,
  tag: string,
  environment: string,
  pr: number,
): Promise<{ id: number; created_at: string } | null> {
  const { data } = await ctx.octokit.rest.repos.listDeployments({
    ...ctx.repo,
    ref: tag,
    environment,
    per_page: 100,
  });
  const identity = await ctx.identity();
  // Another App's deployment carrying our marker is not ours (it would stand in for the deploy we owe).
  const ours = data.find((d) => isWrittenByUs(d, identity) && markerOf(d.payload)?.pr === pr);
  return ours ? { id: ours.id, created_at: ours.created_at } : null;
}

/**
 * Starts the deploy of a hotfix tag: a workflow_dispatch of `deploy.workflow` with templated inputs, and/or a GitHub
 * deployment of the tag to `deploy.environment` (marked in its payload). Null when no deploy is configured. A
 * refused dispatch is recorded, not thrown: the tag, backports and follow-ups still matter, and a person can run
 * the deploy by hand.
 */
export async function triggerDeploy(
  ctx: EngineContext,
  config: HotfixConfig,
  request: DeployRequest,
): Promise<DeployStepResult | null> {
  const { workflow } = config.deploy;
  const environment =
    config.deploy.environment === undefined
      ? undefined
      : renderEnvironment(config.deploy.environment, request.line);
  if (!workflow && !environment) return null;
  const { octokit, repo } = ctx;
  const now = () => ctx.clock().toISOString();
  const deploy: DeployState = {};
  const entries: TimelineEntry[] = [];
  let mustRecord = false;

  if (workflow) {
    const ref = workflow.ref ?? request.line;
    const inputs = renderDeployInputs(workflow.inputs, {
      tag: request.tag,
      incident: request.incident === null ? "" : String(request.incident),
      pr: String(request.pr),
      sha: request.mergeSha,
      severity: request.severity,
      line: request.line,
    });
    try {
      await octokit.rest.actions.createWorkflowDispatch({ ...repo, workflow_id: workflow.id, ref, inputs });
      deploy.workflow = { id: workflow.id, ref, at: now() };
      entries.push({
        key: `deploy-dispatch-${request.pr}`,
        at: deploy.workflow.at,
        text: `Deploy workflow ${workflow.id} started for ${request.tag}`,
      });
    } catch (error) {
      const problem = dispatchProblem(error, workflow.id);
      ctx.log.error(`deploy of ${request.tag}: ${problem}`);
      deploy.error = problem;
      entries.push({
        key: `deploy-dispatch-${request.pr}`,
        at: now(),
        text: `Deploy not started: ${problem}`,
      });
    }
    mustRecord = true;
  }

  if (environment) {
    const marker: DeployMarker = { incident: request.incident, pr: request.pr, tag: request.tag };
    let found = await findOurDeployment(ctx, request.tag, environment, request.pr);
    if (!found) {
      try {
        const { data } = await octokit.rest.repos.createDeployment({
          ...repo,
          ref: request.tag,
          environment,
          auto_merge: false,
          required_contexts: [],
          payload: deploymentPayload(marker),
          description: deploymentDescription(marker),
        });
        if ("id" in data) found = { id: data.id, created_at: data.created_at };
        else throw new Error(data.message ?? "GitHub did not create the deployment");
      } catch (error) {
        const problem = errorMessage(error);
        ctx.log.error(`deployment of ${request.tag} to ${environment}: ${problem}`);
        deploy.error = problem;
        entries.push({
          key: `deployment-${request.pr}`,
          at: now(),
          text: `Deployment not created: ${problem}`,
        });
      }
    }
    if (found) {
      deploy.environment = { name: environment, deployment: found.id, at: found.created_at };
      entries.push({
        key: `deployment-${request.pr}`,
        at: found.created_at,
        text: `Deployment of ${request.tag} to ${environment} created`,
      });
    }
  }
  return { deploy, entries, mustRecord };
}
