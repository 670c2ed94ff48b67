import { ApiError, notFound } from "../http/api-error.js";
import type { Handler } from "../http/handler.js";
import type { RouteTable } from "../http/route-table.js";
import { resolveCommit } from "../services/resolve.js";
import { commitShape } from "../shapes/git-shapes.js";
import { repositoryShape } from "../shapes/repository-shape.js";
import { userShape } from "../shapes/user-shape.js";
import { fullName, type Permission } from "../state/model.js";
import { bodyOf, json, paginated, permissionOf, repoOf, requiredString, requireWrite } from "./common.js";

export function registerRepoRoutes(table: RouteTable<Handler>): void {
  table.add("GET", "/repos/{owner}/{repo}", async (req, world) => {
    const repo = repoOf(world, req);
    const shape = repositoryShape(world, repo);
    if (req.identity.kind === "user" || req.identity.kind === "installation") {
      const permission =
        req.identity.kind === "installation" ? "admin" : permissionOf(repo, req.identity.user);
      const rank = ["none", "read", "triage", "write", "maintain", "admin"].indexOf(permission);
      shape.permissions = {
        admin: rank >= 5,
        maintain: rank >= 4,
        push: rank >= 3,
        triage: rank >= 2,
        pull: rank >= 1,
      };
    }
    return json(200, shape);
  });

  table.add("GET", "/repos/{owner}/{repo}/branches", async (req, world) => {
    const repo = repoOf(world, req);
    const branches = repo.refs.list("refs/heads/");
    const protectedOnly = req.query.get("protected") === "true";
    return paginated(world, req, protectedOnly ? [] : branches, ({ ref, sha }) => ({
      name: ref.slice("refs/heads/".length),
      commit: { sha, url: world.apiUrl(`/repos/${fullName(repo)}/commits/${sha}`) },
      protected: false,
    }));
  });

  table.add("GET", "/repos/{owner}/{repo}/branches/{branch+}", async (req, world) => {
    const repo = repoOf(world, req);
    const name = req.params.branch ?? "";
    const sha = repo.refs.get(`refs/heads/${name}`);
    if (!sha) throw new ApiError(404, "Branch not found");
    const commit = await repo.store.readCommit(sha);
    if (!commit) throw notFound();
    const url = world.apiUrl(`/repos/${fullName(repo)}/branches/${encodeURIComponent(name)}`);
    return json(200, {
      name,
      commit: commitShape(world, repo, commit),
      _links: { self: url, html: world.htmlUrl(`/${fullName(repo)}/tree/${name}`) },
      protected: false,
      protection: {
        enabled: false,
        required_status_checks: { enforcement_level: "off", contexts: [], checks: [] },
      },
      protection_url: `${url}/protection`,
    });
  });

  table.add("GET", "/repos/{owner}/{repo}/tags", async (req, world) => {
    const repo = repoOf(world, req);
    const tags = repo.refs.list("refs/tags/").reverse();
    const rendered = await Promise.all(
      tags.map(async ({ ref, sha }) => {
        const name = ref.slice("refs/tags/".length);
        const commit = (await repo.store.peelToCommit(sha)) ?? sha;
        return {
          name,
          commit: { sha: commit, url: world.apiUrl(`/repos/${fullName(repo)}/commits/${commit}`) },
          zipball_url: world.apiUrl(`/repos/${fullName(repo)}/zipball/refs/tags/${encodeURIComponent(name)}`),
          tarball_url: world.apiUrl(`/repos/${fullName(repo)}/tarball/refs/tags/${encodeURIComponent(name)}`),
          node_id: Buffer.from(`0:Tag${repo.id}:${name}`).toString("base64"),
        };
      }),
    );
    return paginated(world, req, rendered, (tag) => tag);
  });

  table.add("GET", "/repos/{owner}/{repo}/collaborators/{username}/permission", async (req, world) => {
    const repo = repoOf(world, req);
    const user = world.user(req.params.username ?? "");
    if (!user) throw new ApiError(404, `${req.params.username} is not a user`);
    const permission = permissionOf(repo, user);
    // GitHub reports the legacy four levels in `permission` and the fine-grained one in `role_name`.
    const legacy: Record<Permission, string> = {
      admin: "admin",
      maintain: "write",
      write: "write",
      triage: "read",
      read: "read",
      none: "none",
    };
    const shape = userShape(world, user);
    return json(200, {
      permission: legacy[permission],
      role_name: permission,
      user: {
        ...shape,
        permissions: {
          admin: permission === "admin",
          maintain: false,
          push: legacy[permission] !== "read" && permission !== "none",
          triage: false,
          pull: permission !== "none",
        },
        role_name: permission,
      },
    });
  });

  table.add("PUT", "/repos/{owner}/{repo}/collaborators/{username}", async (req, world) => {
    const repo = repoOf(world, req);
    requireWrite(req, repo);
    const body = bodyOf(req);
    const user = world.ensureUser(req.params.username ?? "");
    const permission = (typeof body.permission === "string" ? body.permission : "write") as Permission;
    if (!["admin", "maintain", "write", "triage", "read", "pull", "push"].includes(permission)) {
      throw new ApiError(422, `Invalid permission ${permission}`);
    }
    const normalized: Permission =
      (permission as string) === "push" ? "write" : (permission as string) === "pull" ? "read" : permission;
    repo.collaborators.set(user.login.toLowerCase(), normalized);
    return { status: 204 };
  });

  table.add(
    "POST",
    "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
    async (req, world) => {
      const repo = repoOf(world, req);
      const user = requireWrite(req, repo);
      const body = bodyOf(req);
      const ref = requiredString(body, "ref", "WorkflowDispatch");
      const inputs = (body.inputs ?? {}) as Record<string, unknown>;
      if (typeof inputs !== "object" || Array.isArray(inputs))
        throw new ApiError(422, "inputs must be an object");
      if (!(await resolveCommit(repo, ref))) throw new ApiError(422, `No ref found for: ${ref}`);
      repo.dispatches.push({
        workflowId: req.params.workflow_id ?? "",
        ref,
        inputs,
        by: user.login,
        at: world.now(),
      });
      return { status: 204 };
    },
  );
}
