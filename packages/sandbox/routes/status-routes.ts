import { isFullSha } from "../git/git-store.js";
import { ApiError, validationFailed } from "../http/api-error.js";
import type { Handler } from "../http/handler.js";
import type { RouteTable } from "../http/route-table.js";
import { announce } from "../services/announce.js";
import { resolveCommit } from "../services/resolve.js";
import { commitShape } from "../shapes/git-shapes.js";
import { statusShape } from "../shapes/release-shapes.js";
import { repositoryShape } from "../shapes/repository-shape.js";
import { fullName, type StatusRecord } from "../state/model.js";
import { bodyOf, json, optionalString, paginate, repoOf, requireWrite } from "./common.js";

const STATES = ["error", "failure", "pending", "success"];

/** The newest status per context; combined state as GitHub computes it. */
export function combineStatuses(statuses: StatusRecord[]): { state: string; latest: StatusRecord[] } {
  const latest: StatusRecord[] = [];
  const seen = new Set<string>();
  for (const status of [...statuses].sort((a, b) => b.id - a.id)) {
    if (seen.has(status.context)) continue;
    seen.add(status.context);
    latest.push(status);
  }
  const state = latest.some((status) => status.state === "error" || status.state === "failure")
    ? "failure"
    : latest.length === 0 || latest.some((status) => status.state === "pending")
      ? "pending"
      : "success";
  return { state, latest };
}

export function registerStatusRoutes(table: RouteTable<Handler>): void {
  table.add("POST", "/repos/{owner}/{repo}/statuses/{sha}", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const sha = req.params.sha ?? "";
    const commit = isFullSha(sha) ? await repo.store.readCommit(sha) : null;
    if (!commit) throw new ApiError(422, `No commit found for SHA: ${sha}`);
    const body = bodyOf(req);
    const state = optionalString(body, "state");
    if (!state || !STATES.includes(state))
      throw validationFailed([
        { resource: "Status", field: "state", code: "custom", message: "state is not included in the list" },
      ]);
    const now = world.now();
    const status: StatusRecord = {
      id: world.nextId(),
      sha,
      state: state as StatusRecord["state"],
      targetUrl: optionalString(body, "target_url") ?? null,
      description: optionalString(body, "description") ?? null,
      context: optionalString(body, "context") ?? "default",
      creator: actor,
      createdAt: now,
      updatedAt: now,
    };
    repo.statuses.push(status);
    announce(world, repo, "status", actor, {
      id: status.id,
      sha,
      name: fullName(repo),
      target_url: status.targetUrl,
      context: status.context,
      description: status.description,
      state: status.state,
      commit: commitShape(world, repo, commit),
      branches: repo.refs
        .list("refs/heads/")
        .filter((entry) => entry.sha === sha)
        .map((entry) => ({
          name: entry.ref.slice("refs/heads/".length),
          commit: { sha, url: world.apiUrl(`/repos/${fullName(repo)}/commits/${sha}`) },
          protected: false,
        })),
      created_at: now,
      updated_at: now,
      avatar_url: null,
    });
    return json(201, statusShape(world, repo, status));
  });

  table.add("GET", "/repos/{owner}/{repo}/commits/{ref+}/statuses", async (req, world) => {
    const repo = repoOf(world, req);
    const sha = await resolveCommit(repo, req.params.ref ?? "");
    if (!sha) throw new ApiError(404, `No commit found for SHA: ${req.params.ref}`);
    const statuses = repo.statuses.filter((status) => status.sha === sha).sort((a, b) => b.id - a.id);
    const { page, headers } = paginate(world, req, statuses);
    return json(
      200,
      page.map((status) => statusShape(world, repo, status)),
      headers,
    );
  });

  table.add("GET", "/repos/{owner}/{repo}/commits/{ref+}/status", async (req, world) => {
    const repo = repoOf(world, req);
    const sha = await resolveCommit(repo, req.params.ref ?? "");
    if (!sha) throw new ApiError(404, `No commit found for SHA: ${req.params.ref}`);
    const { state, latest } = combineStatuses(repo.statuses.filter((status) => status.sha === sha));
    return json(200, {
      state,
      statuses: latest.map((status) => statusShape(world, repo, status)),
      sha,
      total_count: latest.length,
      repository: repositoryShape(world, repo),
      commit_url: world.apiUrl(`/repos/${fullName(repo)}/commits/${sha}`),
      url: world.apiUrl(`/repos/${fullName(repo)}/commits/${sha}/status`),
    });
  });
}
