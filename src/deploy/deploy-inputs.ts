/**
 * Inputs of the deploy workflow's `workflow_dispatch`, from `deploy.workflow.inputs`. Placeholders come from a fixed
 * set and are replaced textually in one pass (no expressions, no second round), like the follow-up templates.
 * Unknown placeholders are rejected when the configuration is validated.
 */

/** `{line}`: the production line the hotfix merged into (main, release/1.x). */
export const DEPLOY_PLACEHOLDERS = ["tag", "incident", "pr", "sha", "severity", "line"] as const;

export type DeployPlaceholder = (typeof DEPLOY_PLACEHOLDERS)[number];

const KNOWN: ReadonlySet<string> = new Set(DEPLOY_PLACEHOLDERS);
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** What a workflow gets when the configuration names no inputs: the tag to deploy and the incident. */
export const DEFAULT_DEPLOY_INPUTS: Readonly<Record<string, string>> = {
  tag: "{tag}",
  incident: "{incident}",
};

/** The placeholder `deploy.environment` may hold, so each production line deploys to its own environment. */
export const ENVIRONMENT_PLACEHOLDERS = ["line"] as const;

export function unknownEnvironmentPlaceholders(text: string): string[] {
  const known: ReadonlySet<string> = new Set(ENVIRONMENT_PLACEHOLDERS);
  return [...text.matchAll(PLACEHOLDER)]
    .map((match) => match[1] as string)
    .filter((name) => !known.has(name));
}

/** `deploy.environment` for a merge into `line`: `production-{line}` → `production-release/1.x`. */
export function renderEnvironment(template: string, line: string): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => (key === "line" ? line : whole));
}

export function unknownDeployPlaceholders(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] as string;
    if (!KNOWN.has(name)) unknown.add(name);
  }
  return [...unknown];
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
    rendered[name] = template.replace(PLACEHOLDER, (whole, key: string) =>
      KNOWN.has(key) ? values[key as DeployPlaceholder] : whole,
    );
  }
  return rendered;
}
