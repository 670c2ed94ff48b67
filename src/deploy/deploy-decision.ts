import type { PipelineState, TimelineState } from "../incident/timeline-state.js";
import type { DeploymentStatus } from "./deployment-status-event.js";

/**
 * What a final deployment status means for a merged hotfix (pure):
 * - `not-ours`: no pipeline of the incident released this tag;
 * - `deployed`: the first success, to record (and maybe close the incident);
 * - `rollback`: a failure whose revert, label or escalation is still missing;
 * - `done`: nothing left to do (a redelivery, a second failure after the rollback, a second success).
 */
export type DeployDecision =
  | { kind: "not-ours" }
  | { kind: "deployed"; pipeline: PipelineState }
  | { kind: "rollback"; pipeline: PipelineState }
  | { kind: "done"; pipeline: PipelineState };

/**
 * The pipeline of the merged PR `pr` when it released `ref`. The tag is what makes a deployment ours: hotfix-bot
 * names the tags it creates and records them, whoever (our deployment, the deploy workflow, a person) deploys it.
 */
export function pipelineForTag(state: TimelineState | null, pr: number, ref: string): PipelineState | null {
  const pipeline = state?.pipelines[String(pr)];
  return pipeline?.tag === ref ? pipeline : null;
}

export function decideDeploy(pipeline: PipelineState | null, status: DeploymentStatus): DeployDecision {
  if (!pipeline) return { kind: "not-ours" };
  const deploy = pipeline.deploy ?? {};
  if (status.state === "success") {
    return deploy.deployedAt === undefined ? { kind: "deployed", pipeline } : { kind: "done", pipeline };
  }
  const complete = deploy.rollback !== undefined && deploy.rollback.status !== "failed" && deploy.escalated;
  return complete ? { kind: "done", pipeline } : { kind: "rollback", pipeline };
}
