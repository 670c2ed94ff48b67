import type { Route } from "../route.js";
import { type DeploymentStatus, deploymentStatusFrom } from "./deployment-status-event.js";
import { handleDeploymentStatus } from "./handle-deployment-status.js";

/**
 * `deployment_status` success, failure or error for a deployment of a hotfix tag: "deployed", or the rollback
 * (revert PR, label, escalation). Long: a revert is several writes, paced a second apart.
 */
export const deploymentStatusRoute: Route<DeploymentStatus> = {
  step: "deployment-status",
  long: true,
  triggers: [{ event: "deployment_status" }],
  match: deploymentStatusFrom,
  async run(status, ctx) {
    const loaded = await ctx.config();
    if (!loaded.ok) {
      ctx.log.error(`deployment ${status.deployment} of ${status.ref} not handled: ${loaded.error.message}`);
      return undefined;
    }
    const { handled, timeline } = await handleDeploymentStatus(ctx, loaded.config, status);
    ctx.log.info(`deployment ${status.deployment} of ${status.ref} (${status.state}): ${handled}`);
    return timeline === undefined ? undefined : { timeline };
  },
};
