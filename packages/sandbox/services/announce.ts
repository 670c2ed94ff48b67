import { repositoryShape } from "../shapes/repository-shape.js";
import { nodeId, userShape } from "../shapes/user-shape.js";
import type { Repository, User } from "../state/model.js";
import type { World } from "../state/world.js";

function organizationShape(world: World, org: User): Record<string, unknown> {
  const url = world.apiUrl(`/orgs/${org.login}`);
  return {
    login: org.login,
    id: org.id,
    node_id: nodeId("Organization", org.id),
    url,
    repos_url: `${url}/repos`,
    events_url: `${url}/events`,
    hooks_url: `${url}/hooks`,
    issues_url: `${url}/issues`,
    members_url: `${url}/members{/member}`,
    public_members_url: `${url}/public_members{/member}`,
    avatar_url: `${world.baseUrl}/avatars/u/${org.id}`,
    description: null,
  };
}

/**
 * Publishes a repository event the way GitHub delivers it to an installed App: the event's own fields plus
 * `repository`, `sender`, `installation` (and `organization` for organization-owned repositories).
 */
export function announce(
  world: World,
  repo: Repository,
  event: string,
  sender: User,
  body: Record<string, unknown>,
  options: { repositoryStyle?: "rest" | "push" } = {},
): void {
  // The App is installed on the base repository, not on people's forks of it.
  if (repo.forkOf) return;
  const payload: Record<string, unknown> = {
    ...body,
    repository: repositoryShape(world, repo, options.repositoryStyle),
    sender: userShape(world, sender),
    installation: { id: world.app.installationId, node_id: nodeId("Installation", world.app.installationId) },
  };
  if (repo.owner.type === "Organization") payload.organization = organizationShape(world, repo.owner);
  world.announce({ event, payload });
}
