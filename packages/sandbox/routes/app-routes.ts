import { ApiError, notFound } from "../http/api-error.js";
import type { Handler, SandboxRequest } from "../http/handler.js";
import type { RouteTable } from "../http/route-table.js";
import { repositoryShape } from "../shapes/repository-shape.js";
import { appShape, nodeId, userShape } from "../shapes/user-shape.js";
import type { AppInfo } from "../state/model.js";
import type { World } from "../state/world.js";
import { json, numberParam, repoOf } from "./common.js";

/** `/app…` routes authenticate with the App's JWT; the sandbox accepts any well-formed JWT. */
function jwtApp(req: SandboxRequest): AppInfo {
  if (req.identity.kind !== "app") {
    throw new ApiError(401, "A JSON web token could not be decoded");
  }
  return req.identity.app;
}

function installationShape(world: World, app: AppInfo): Record<string, unknown> {
  const permissions = appShape(world, app).permissions;
  return {
    id: app.installationId,
    // GitHub's description of GET /app/installations requires the account to be a user AND an enterprise
    // (allOf); the extra fields make one object that satisfies both and lose nothing.
    account: {
      ...userShape(world, app.owner),
      name: app.owner.login,
      slug: app.owner.login,
      created_at: app.createdAt,
      updated_at: app.createdAt,
    },
    repository_selection: "all",
    access_tokens_url: world.apiUrl(`/app/installations/${app.installationId}/access_tokens`),
    repositories_url: world.apiUrl("/installation/repositories"),
    html_url: world.htmlUrl(`/organizations/${app.owner.login}/settings/installations/${app.installationId}`),
    app_id: app.id,
    app_slug: app.slug,
    client_id: `Iv1.${app.slug}`,
    target_id: app.owner.id,
    target_type: app.owner.type === "Organization" ? "Organization" : "User",
    permissions,
    events: appShape(world, app).events,
    created_at: app.createdAt,
    updated_at: app.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
    node_id: nodeId("Installation", app.installationId),
  };
}

export function registerAppRoutes(table: RouteTable<Handler>): void {
  table.add("GET", "/app", async (req, world) => json(200, appShape(world, jwtApp(req))));

  table.add("GET", "/app/installations", async (req, world) =>
    json(200, [installationShape(world, jwtApp(req))]),
  );

  table.add("GET", "/app/installations/{installation_id}", async (req, world) => {
    const app = jwtApp(req);
    if (numberParam(req, "installation_id") !== app.installationId) throw notFound();
    return json(200, installationShape(world, app));
  });

  table.add("POST", "/app/installations/{installation_id}/access_tokens", async (req, world) => {
    const app = jwtApp(req);
    const installation = world.appByInstallation(numberParam(req, "installation_id"));
    if (!installation || installation.id !== app.id) throw notFound();
    const token = world.issueInstallationToken(installation);
    const expires = new Date(world.options.clock().getTime() + 60 * 60 * 1000)
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
    return json(201, {
      token,
      expires_at: expires,
      permissions: appShape(world, installation).permissions,
      repository_selection: "all",
    });
  });

  table.add("GET", "/repos/{owner}/{repo}/installation", async (req, world) => {
    repoOf(world, req);
    if (req.identity.kind !== "app") throw new ApiError(401, "A JSON web token could not be decoded");
    return json(200, installationShape(world, world.app));
  });

  table.add("GET", "/installation/repositories", async (req, world) => {
    if (req.identity.kind !== "installation")
      throw new ApiError(403, "Resource not accessible by integration");
    const repositories = [...world.repos.values()].map((repo) => repositoryShape(world, repo));
    return json(200, { total_count: repositories.length, repository_selection: "all", repositories });
  });
}
