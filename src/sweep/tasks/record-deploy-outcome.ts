import type { DeploymentStatus } from "../../deploy/deployment-status-event.js";
import { handleDeploymentStatus } from "../../deploy/handle-deployment-status.js";
import { resolutionRetryDue } from "../../deploy/record-resolution.js";
import type { PipelineState } from "../../incident/timeline-state.js";
import { failedResult, type SweepResult, type SweepTask } from "../sweep-task.js";
import { timelineOfMergedHotfix } from "./timeline-of-merged-hotfix.js";

/** Whether a pipeline's deploy still waits for its outcome on the timeline (pure). */
export function deployOutcomePending(pipeline: PipelineState | undefined): boolean {
  const deploy = pipeline?.deploy;
  if (!pipeline?.tag || !deploy || (!deploy.workflow && !deploy.environment)) return false;
  if (deploy.deployedAt !== undefined) return false;
  if (deploy.failedAt === undefined) return true;
  // Failed: the rollback is unfinished until its revert PR exists and the commander was told.
  return deploy.rollback === undefined || deploy.rollback.status === "failed" || !deploy.escalated;
}

const FINAL = new Set(["success", "failure", "error"]);

/**
 * Deploy and rollback: a hotfix whose deploy started but whose timeline records neither "deployed" nor a finished
 * rollback — the `deployment_status` delivery was lost, or the run died mid-rollback — is judged from the
 * deployment's latest final status, exactly as the delivery would have been (success: "deployed"; failure:
 * revert PR, label, escalation). A deploy whose Resolution record failed is retried the same way. Two reads per pending deploy: the deployment (ours, or the newest of the tag)
 * and its statuses.
 */
export const recordDeployOutcome: SweepTask = {
  name: "deploy",
  async run(ctx, swept) {
    const results: SweepResult[] = [];
    const { octokit, repo } = ctx;
    for (const pr of swept.mergedHotfixes) {
      const target = `#${pr.number}`;
      try {
        const { state, incident } = await timelineOfMergedHotfix(swept, pr);
        const pipeline = state?.pipelines[String(pr.number)];
        if (!pipeline?.tag || !state) continue;
        // A deploy recorded whose Resolution record failed is judged again from its success status too.
        const retryResolution = resolutionRetryDue(state, pipeline);
        if (!deployOutcomePending(pipeline) && !retryResolution) continue;
        const environment = pipeline.deploy?.environment;
        const deployment = environment
          ? (await octokit.rest.repos.getDeployment({ ...repo, deployment_id: environment.deployment })).data
          : (await octokit.rest.repos.listDeployments({ ...repo, ref: pipeline.tag, per_page: 1 })).data[0];
        if (!deployment) continue;
        const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
          ...repo,
          deployment_id: deployment.id,
          per_page: 30,
        });
        // GitHub lists a deployment's statuses newest first.
        const final = statuses.find((status) => FINAL.has(status.state));
        if (!final) continue;
        const status: DeploymentStatus = {
          deployment: deployment.id,
          state: final.state as DeploymentStatus["state"],
          ref: pipeline.tag,
          sha: deployment.sha,
          environment: final.environment ?? deployment.environment,
          at: final.created_at,
          description: final.description ?? "",
          url: final.log_url || final.target_url || null,
          marker: { incident, pr: pr.number, tag: pipeline.tag },
        };
        ctx.log.info(
          `sweep: deployment ${deployment.id} of ${pipeline.tag} ended ${final.state}; recording it`,
        );
        const { handled } = await handleDeploymentStatus(ctx, swept.config, status);
        if (retryResolution && handled === "done") {
          // The timeline says how the attempt went (the sweep's timelines are read once per sweep).
          results.push({ task: this.name, target, outcome: "finished", detail: "resolution record retried" });
        } else if (handled === "deployed" || handled === "rolled-back")
          results.push({
            task: this.name,
            target,
            outcome: "finished",
            detail: `${pipeline.tag} ${handled}`,
          });
      } catch (error) {
        results.push(failedResult(this.name, target, error));
      }
    }
    return results;
  },
};
