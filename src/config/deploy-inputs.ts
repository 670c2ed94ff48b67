import {
  DEPLOY_PLACEHOLDERS,
  type DeployPlaceholder,
  ENVIRONMENT_PLACEHOLDERS,
  fillPlaceholders,
} from "./placeholders.js";

/**
 * Inputs of the deploy workflow's `workflow_dispatch`, from `deploy.workflow.inputs`, and the deployment
 * environment, from `deploy.environment`. The deploy step fills them after a merge; the intake fills them for the
 * rollback plan on the incident. Unknown placeholders are rejected when the configuration is validated.
 */

/** What a workflow gets when the configuration names no inputs: the tag to deploy and the incident. */
export const DEFAULT_DEPLOY_INPUTS: Readonly<Record<string, string>> = {
  tag: "{tag}",
  incident: "{incident}",
};

/** `deploy.environment` for a merge into `line`: `production-{line}` → `production-release/1.x`. */
export function renderEnvironment(template: string, line: string): string {
  return fillPlaceholders(template, ENVIRONMENT_PLACEHOLDERS, { line });
}

/**
 * The dispatch inputs: the configured ones (or DEFAULT_DEPLOY_INPUTS when none are configured) with placeholders
 * filled in. A value the merge does not have (no incident) becomes the empty string.
 */
export function renderDeployInputs(
  configured: Readonly<Record<string, string>>,
  values: Readonly<Record<DeployPlaceholder, string>>,
): Record<string, string> {
  const inputs = Object.keys(configured).length > 0 ? configured : DEFAULT_DEPLOY_INPUTS;
  const rendered: Record<string, string> = {};
  for (const [name, template] of Object.entries(inputs)) {
    rendered[name] = fillPlaceholders(template, DEPLOY_PLACEHOLDERS, values);
  }
  return rendered;
}
