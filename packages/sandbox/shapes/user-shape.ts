import type { AppInfo, Repository, User } from "../state/model.js";
import type { World } from "../state/world.js";

export function nodeId(kind: string, id: number): string {
  return Buffer.from(`0:${kind}${id}`).toString("base64").replace(/=+$/, "");
}

/** GitHub's `simple-user`. */
export function userShape(world: World, user: User): Record<string, unknown> {
  const url = world.apiUrl(`/users/${encodeURIComponent(user.login)}`);
  // A bot's page is its App's page, as on GitHub.
  const html =
    user.type === "Bot"
      ? world.htmlUrl(`/apps/${user.login.replace(/\[bot\]$/, "")}`)
      : world.htmlUrl(`/${user.login}`);
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type, user.id),
    avatar_url: `${world.baseUrl}/avatars/u/${user.id}`,
    gravatar_id: "",
    url,
    html_url: html,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** The git identity GitHub uses for a user's commits made through the API. */
export function gitIdentityOf(user: User, date: string): { name: string; email: string; date: string } {
  return { name: user.name, email: user.email, date };
}

/** GitHub's `author_association` of a user towards a repository. */
export function authorAssociation(repo: Repository, user: User): string {
  if (user.login.toLowerCase() === repo.owner.login.toLowerCase()) return "OWNER";
  const permission = repo.collaborators.get(user.login.toLowerCase());
  if (permission && permission !== "none" && permission !== "read") return "COLLABORATOR";
  return "NONE";
}

/** GitHub's `integration` (a GitHub App) as the REST API and webhooks show it. */
export function appShape(world: World, app: AppInfo): Record<string, unknown> {
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId("App", app.id),
    client_id: `Iv1.${app.slug}`,
    owner: userShape(world, app.owner),
    name: app.name,
    description: `${app.name} (sandbox)`,
    external_url: world.htmlUrl(`/apps/${app.slug}`),
    html_url: world.htmlUrl(`/apps/${app.slug}`),
    created_at: app.createdAt,
    updated_at: app.createdAt,
    permissions: {
      metadata: "read",
      checks: "write",
      contents: "write",
      issues: "write",
      pull_requests: "write",
      statuses: "write",
      deployments: "write",
      actions: "write",
    },
    events: [
      "check_run",
      "check_suite",
      "create",
      "delete",
      "deployment",
      "deployment_status",
      "issue_comment",
      "issues",
      "pull_request",
      "pull_request_review",
      "push",
      "release",
    ],
    installations_count: 1,
  };
}
