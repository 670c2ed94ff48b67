import type { DeployStep } from "../incident/pipeline-steps.js";
import { triggerDeploy } from "./trigger-deploy.js";

/**
 * The after-merge pipeline's deploy step, right after the tag: recovery is measured to the deploy, so it does not
 * wait for backports and follow-ups. It starts the deploy and says what it started; the pipeline records it (at
 * once when `mustRecord`: a dispatched workflow is found nowhere else). Null when no deploy is configured.
 */
export const deployStep: DeployStep = (ctx, config, { pr, tag, incident, severity }) =>
  triggerDeploy(ctx, config, {
    tag,
    line: pr.baseRef,
    mergeSha: pr.mergeSha,
    pr: pr.number,
    incident,
    severity,
  });
