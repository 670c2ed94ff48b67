import { ApiError, notFound, validationFailed } from "../http/api-error.js";
import type { Handler, SandboxRequest } from "../http/handler.js";
import type { RouteTable } from "../http/route-table.js";
import { announce } from "../services/announce.js";
import { resolveCommit } from "../services/resolve.js";
import { deploymentShape, deploymentStatusShape } from "../shapes/release-shapes.js";
import type { DeploymentRecord, DeploymentStatusRecord, Repository } from "../state/model.js";
import {
  bodyOf,
  json,
  numberParam,
  optionalBoolean,
  optionalString,
  paginate,
  repoOf,
  requireWrite,
} from "./common.js";

const STATES = ["error", "failure", "inactive", "in_progress", "queued", "pending", "success"];

function deploymentOf(repo: Repository, req: SandboxRequest): DeploymentRecord {
  const deployment = repo.deployments.get(numberParam(req, "deployment_id"));
  if (!deployment) throw notFound();
  return deployment;
}

export function registerDeploymentRoutes(table: RouteTable<Handler>): void {
  // `auto_merge` and `required_contexts` are accepted but not enforced: the sandbox never merges on its own.
  table.add("POST", "/repos/{owner}/{repo}/deployments", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const body = bodyOf(req);
    const ref = optionalString(body, "ref");
    if (!ref) throw validationFailed([{ resource: "Deployment", field: "ref", code: "missing_field" }]);
    const sha = await resolveCommit(repo, ref);
    if (!sha) throw new ApiError(422, `No ref found for: ${ref}`);
    const environment = optionalString(body, "environment") ?? "production";
    let payload: unknown = body.payload ?? {};
    if (typeof payload === "string") {
      try {
        payload = JSON.parse(payload);
      } catch {
        throw validationFailed([{ resource: "Deployment", field: "payload", code: "invalid" }]);
      }
    }
    const now = world.now();
    const deployment: DeploymentRecord = {
      id: world.nextId(),
      sha,
      ref,
      task: optionalString(body, "task") ?? "deploy",
      payload,
      environment,
      originalEnvironment: environment,
      description: optionalString(body, "description") ?? "",
      creator: actor,
      createdAt: now,
      updatedAt: now,
      transientEnvironment: optionalBoolean(body, "transient_environment") ?? false,
      productionEnvironment: optionalBoolean(body, "production_environment") ?? environment === "production",
      app: req.identity.kind === "installation" ? req.identity.app : null,
    };
    repo.deployments.set(deployment.id, deployment);
    announce(world, repo, "deployment", actor, {
      action: "created",
      deployment: deploymentShape(world, repo, deployment),
      workflow: null,
      workflow_run: null,
    });
    return json(201, deploymentShape(world, repo, deployment));
  });

  table.add("GET", "/repos/{owner}/{repo}/deployments", async (req, world) => {
    const repo = repoOf(world, req);
    let deployments = [...repo.deployments.values()].sort((a, b) => b.id - a.id);
    for (const field of ["sha", "ref", "task", "environment"] as const) {
      const value = req.query.get(field);
      if (value !== null) deployments = deployments.filter((deployment) => deployment[field] === value);
    }
    const { page, headers } = paginate(world, req, deployments);
    return json(
      200,
      page.map((deployment) => deploymentShape(world, repo, deployment)),
      headers,
    );
  });

  table.add("GET", "/repos/{owner}/{repo}/deployments/{deployment_id}", async (req, world) => {
    const repo = repoOf(world, req);
    return json(200, deploymentShape(world, repo, deploymentOf(repo, req)));
  });

  table.add("POST", "/repos/{owner}/{repo}/deployments/{deployment_id}/statuses", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const deployment = deploymentOf(repo, req);
    const body = bodyOf(req);
    const state = optionalString(body, "state");
    if (!state || !STATES.includes(state)) {
      throw validationFailed([
        { resource: "DeploymentStatus", field: "state", code: "invalid", value: state },
      ]);
    }
    const now = world.now();
    const targetUrl =
      optionalString(body, "target_url") ??
      world.htmlUrl(`/${repo.owner.login}/${repo.name}/deployments/${deployment.id}`);
    const status: DeploymentStatusRecord = {
      id: world.nextId(),
      deploymentId: deployment.id,
      state: state as DeploymentStatusRecord["state"],
      description: optionalString(body, "description") ?? "",
      environment: optionalString(body, "environment") ?? deployment.environment,
      targetUrl,
      logUrl: optionalString(body, "log_url") ?? "",
      environmentUrl: optionalString(body, "environment_url") ?? "",
      creator: actor,
      createdAt: now,
      updatedAt: now,
      app: req.identity.kind === "installation" ? req.identity.app : null,
    };
    repo.deploymentStatuses.push(status);
    deployment.updatedAt = now;
    announce(world, repo, "deployment_status", actor, {
      action: "created",
      deployment_status: deploymentStatusShape(world, repo, status),
      deployment: deploymentShape(world, repo, deployment),
      check_run: null,
      workflow: null,
      workflow_run: null,
    });
    return json(201, deploymentStatusShape(world, repo, status));
  });

  table.add("GET", "/repos/{owner}/{repo}/deployments/{deployment_id}/statuses", async (req, world) => {
    const repo = repoOf(world, req);
    const deployment = deploymentOf(repo, req);
    const statuses = repo.deploymentStatuses
      .filter((status) => status.deploymentId === deployment.id)
      .sort((a, b) => b.id - a.id);
    const { page, headers } = paginate(world, req, statuses);
    return json(
      200,
      page.map((status) => deploymentStatusShape(world, repo, status)),
      headers,
    );
  });
}
