import { ApiError, invalidField, notFound } from "../http/api-error.js";
import type { SandboxRequest, SandboxResponse } from "../http/handler.js";
import type { Permission, Repository, User } from "../state/model.js";
import type { World } from "../state/world.js";

export function repoOf(world: World, req: SandboxRequest): Repository {
  const repo = world.repo(req.params.owner ?? "", req.params.repo ?? "");
  if (!repo) throw notFound();
  return repo;
}

/** The user on whose behalf a request acts (an installation acts as its `[bot]` user). */
export function actorOf(req: SandboxRequest): User {
  const identity = req.identity;
  if (identity.kind === "user" || identity.kind === "installation") return identity.user;
  throw new ApiError(401, "Requires authentication");
}

const RANK: Record<Permission, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

export function permissionOf(repo: Repository, user: User): Permission {
  if (user.login.toLowerCase() === repo.owner.login.toLowerCase()) return "admin";
  return repo.collaborators.get(user.login.toLowerCase()) ?? (repo.private ? "none" : "read");
}

/**
 * Writes to contents, refs and repository settings need push access. Installations are granted write to
 * everything the App asks for (the sandbox does not model App permissions per resource).
 */
export function requireWrite(req: SandboxRequest, repo: Repository): User {
  const user = actorOf(req);
  if (req.identity.kind === "installation") return user;
  if (RANK[permissionOf(repo, user)] < RANK.write) {
    throw new ApiError(403, `Must have push access to ${repo.owner.login}/${repo.name}.`);
  }
  return user;
}

/** Labelling issues and pull requests needs triage access (GitHub's triage role exists for this). */
export function requireTriage(req: SandboxRequest, repo: Repository): User {
  const user = actorOf(req);
  if (req.identity.kind === "installation") return user;
  if (RANK[permissionOf(repo, user)] < RANK.triage) {
    throw new ApiError(403, `Must have triage access to ${repo.owner.login}/${repo.name}.`);
  }
  return user;
}

export function hasWrite(repo: Repository, user: User): boolean {
  return RANK[permissionOf(repo, user)] >= RANK.write;
}

/** The JSON body as an object; a non-object body is GitHub's 400 "Problems parsing JSON". */
export function bodyOf(req: SandboxRequest): Record<string, unknown> {
  if (req.body === undefined || req.body === null) return {};
  if (typeof req.body !== "object" || Array.isArray(req.body))
    throw new ApiError(400, "Problems parsing JSON");
  return req.body as Record<string, unknown>;
}

export function requiredString(body: Record<string, unknown>, field: string, resource: string): string {
  const value = body[field];
  if (typeof value !== "string" || value === "") throw invalidField(resource, field);
  return value;
}

export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    throw new ApiError(422, `Invalid request.\n\nFor '${field}', ${JSON.stringify(value)} is not a string.`);
  }
  return value;
}

export function optionalBoolean(body: Record<string, unknown>, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") {
    throw new ApiError(422, `Invalid request.\n\nFor '${field}', ${JSON.stringify(value)} is not a boolean.`);
  }
  return value;
}

export function optionalStringArray(body: Record<string, unknown>, field: string): string[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    throw new ApiError(
      422,
      `Invalid request.\n\nFor '${field}', ${JSON.stringify(value)} is not an array of strings.`,
    );
  }
  return value as string[];
}

export function numberParam(req: SandboxRequest, name: string): number {
  const raw = req.params[name] ?? "";
  if (!/^\d+$/.test(raw)) throw notFound();
  return Number(raw);
}

export function json(status: number, body?: unknown, headers?: Record<string, string>): SandboxResponse {
  return headers ? { status, body, headers } : { status, body };
}

/**
 * GitHub's pagination: `per_page` (default 30, at most 100) and `page`, with a Link header naming next, last,
 * first and prev pages.
 */
export function paginate<T>(
  world: World,
  req: SandboxRequest,
  items: readonly T[],
): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(req.query.get("per_page") ?? 30) || 30));
  const pageNumber = Math.max(1, Number(req.query.get("page") ?? 1) || 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const page = items.slice((pageNumber - 1) * perPage, pageNumber * perPage);
  const link = (n: number) => {
    const query = new URLSearchParams(req.query);
    query.set("per_page", String(perPage));
    query.set("page", String(n));
    return `<${world.apiUrl(req.path)}?${query.toString()}>`;
  };
  const parts: string[] = [];
  if (pageNumber > 1) parts.push(`${link(pageNumber - 1)}; rel="prev"`);
  if (pageNumber < lastPage)
    parts.push(`${link(pageNumber + 1)}; rel="next"`, `${link(lastPage)}; rel="last"`);
  if (pageNumber > 1) parts.push(`${link(1)}; rel="first"`);
  return { page, headers: parts.length > 0 ? { link: parts.join(", ") } : {} };
}

export function paginated<T>(
  world: World,
  req: SandboxRequest,
  items: readonly T[],
  render: (item: T) => unknown,
): SandboxResponse {
  const { page, headers } = paginate(world, req, items);
  return { status: 200, body: page.map(render), headers };
}
