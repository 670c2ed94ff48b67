/**
 * Whether the step runs with the workflow's own token. GitHub does not start workflows for events that token
 * causes, so backport PRs it opens get no CI; an App token (actions/create-github-app-token) does not have
 * that limit.
 *
 * Decided by equality, never by prefix: the workflow token and an App installation token both start with
 * `ghs_`. action.yml fills the hidden `workflow-token` input with `github.token`; a workflow may also export
 * it as `GITHUB_TOKEN`. When neither is known the answer is "unknown" and no warning is shown.
 */
export type TokenKind = "workflow" | "other" | "unknown";

export function tokenKind(token: string, known: { workflowToken?: string; envToken?: string }): TokenKind {
  const references = [known.workflowToken, known.envToken].filter((t): t is string => !!t);
  if (references.length === 0) return "unknown";
  return references.includes(token) ? "workflow" : "other";
}
