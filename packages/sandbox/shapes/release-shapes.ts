import {
  type DeploymentRecord,
  type DeploymentStatusRecord,
  fullName,
  type ReleaseRecord,
  type Repository,
  type StatusRecord,
} from "../state/model.js";
import type { World } from "../state/world.js";
import { appShape, nodeId, userShape } from "./user-shape.js";

export function releaseShape(
  world: World,
  repo: Repository,
  release: ReleaseRecord,
): Record<string, unknown> {
  const url = world.apiUrl(`/repos/${fullName(repo)}/releases/${release.id}`);
  const tag = encodeURIComponent(release.tagName);
  return {
    url,
    assets_url: `${url}/assets`,
    upload_url: `${world.baseUrl}/uploads/repos/${fullName(repo)}/releases/${release.id}/assets{?name,label}`,
    html_url: world.htmlUrl(`/${fullName(repo)}/releases/tag/${tag}`),
    id: release.id,
    author: userShape(world, release.author),
    node_id: nodeId("Release", release.id),
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    draft: release.draft,
    immutable: false,
    prerelease: release.prerelease,
    created_at: release.createdAt,
    updated_at: release.createdAt,
    published_at: release.publishedAt,
    assets: [],
    tarball_url: release.draft ? null : world.apiUrl(`/repos/${fullName(repo)}/tarball/${tag}`),
    zipball_url: release.draft ? null : world.apiUrl(`/repos/${fullName(repo)}/zipball/${tag}`),
    body: release.body,
  };
}

export function statusShape(world: World, repo: Repository, status: StatusRecord): Record<string, unknown> {
  return {
    url: world.apiUrl(`/repos/${fullName(repo)}/statuses/${status.sha}`),
    avatar_url: null,
    id: status.id,
    node_id: nodeId("StatusContext", status.id),
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    context: status.context,
    created_at: status.createdAt,
    updated_at: status.updatedAt,
    creator: userShape(world, status.creator),
  };
}

export function deploymentShape(
  world: World,
  repo: Repository,
  deployment: DeploymentRecord,
): Record<string, unknown> {
  const url = world.apiUrl(`/repos/${fullName(repo)}/deployments/${deployment.id}`);
  return {
    url,
    id: deployment.id,
    node_id: nodeId("Deployment", deployment.id),
    sha: deployment.sha,
    ref: deployment.ref,
    task: deployment.task,
    payload: deployment.payload,
    original_environment: deployment.originalEnvironment,
    environment: deployment.environment,
    description: deployment.description,
    creator: userShape(world, deployment.creator),
    created_at: deployment.createdAt,
    updated_at: deployment.updatedAt,
    statuses_url: `${url}/statuses`,
    repository_url: world.apiUrl(`/repos/${fullName(repo)}`),
    transient_environment: deployment.transientEnvironment,
    production_environment: deployment.productionEnvironment,
    performed_via_github_app: deployment.app ? appShape(world, deployment.app) : null,
  };
}

export function deploymentStatusShape(
  world: World,
  repo: Repository,
  status: DeploymentStatusRecord,
): Record<string, unknown> {
  const deploymentUrl = world.apiUrl(`/repos/${fullName(repo)}/deployments/${status.deploymentId}`);
  const shape: Record<string, unknown> = {
    url: `${deploymentUrl}/statuses/${status.id}`,
    id: status.id,
    node_id: nodeId("DeploymentStatus", status.id),
    state: status.state,
    creator: userShape(world, status.creator),
    description: status.description,
    environment: status.environment,
    target_url: status.targetUrl,
    created_at: status.createdAt,
    updated_at: status.updatedAt,
    deployment_url: deploymentUrl,
    repository_url: world.apiUrl(`/repos/${fullName(repo)}`),
    performed_via_github_app: status.app ? appShape(world, status.app) : null,
  };
  // GitHub leaves unset URLs out rather than sending empty strings that are not URLs.
  if (status.logUrl) shape.log_url = status.logUrl;
  if (status.environmentUrl) shape.environment_url = status.environmentUrl;
  return shape;
}
