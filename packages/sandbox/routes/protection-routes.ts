import { ApiError } from "../http/api-error.js";
import type { Handler, SandboxRequest } from "../http/handler.js";
import type { RouteTable } from "../http/route-table.js";
import { fullName, type Repository } from "../state/model.js";
import type { World } from "../state/world.js";
import { actorOf, bodyOf, json, permissionOf, repoOf } from "./common.js";

/**
 * Branch protection, as far as the sandbox enforces it: `required_signatures` (see services/signed-commits.ts).
 * The whole protection is set with PUT (the four required fields are checked, their rules are not modelled);
 * signatures are switched with the `required_signatures` sub-resource, as on GitHub. Admins only.
 */
export function registerProtectionRoutes(table: RouteTable<Handler>): void {
  table.add("PUT", "/repos/{owner}/{repo}/branches/{branch+}/protection", async (req, world) => {
    const { repo, branch } = protectedBranchOf(world, req);
    const body = bodyOf(req);
    for (const field of [
      "required_status_checks",
      "enforce_admins",
      "required_pull_request_reviews",
      "restrictions",
    ]) {
      if (!(field in body)) throw new ApiError(422, `Invalid request.\n\n"${field}" wasn't supplied.`);
    }
    const protection = repo.protections.get(branch) ?? { requiredSignatures: false };
    repo.protections.set(branch, protection);
    return json(200, protectionShape(world, repo, branch, protection.requiredSignatures));
  });

  table.add("GET", SIGNATURES, signaturesHandler(null));
  table.add("POST", SIGNATURES, signaturesHandler(true));
  table.add("DELETE", SIGNATURES, signaturesHandler(false));
}

const SIGNATURES = "/repos/{owner}/{repo}/branches/{branch+}/protection/required_signatures";

/** The `required_signatures` sub-resource: read it (null), switch it on (true, 200) or off (false, 204). */
function signaturesHandler(enable: boolean | null): Handler {
  return async (req, world) => {
    const { repo, branch } = protectedBranchOf(world, req);
    const protection = repo.protections.get(branch);
    if (!protection) throw new ApiError(404, "Branch not protected");
    if (enable !== null) protection.requiredSignatures = enable;
    if (enable === false) return { status: 204 };
    return json(200, signaturesShape(world, repo, branch, protection.requiredSignatures));
  };
}

function protectedBranchOf(world: World, req: SandboxRequest): { repo: Repository; branch: string } {
  const repo = repoOf(world, req);
  const user = actorOf(req);
  if (req.identity.kind !== "installation" && permissionOf(repo, user) !== "admin") {
    throw new ApiError(404, "Not Found");
  }
  const branch = req.params.branch ?? "";
  if (!repo.refs.get(`refs/heads/${branch}`)) throw new ApiError(404, "Branch not found");
  return { repo, branch };
}

function protectionUrl(world: World, repo: Repository, branch: string): string {
  return world.apiUrl(`/repos/${fullName(repo)}/branches/${encodeURIComponent(branch)}/protection`);
}

function signaturesShape(world: World, repo: Repository, branch: string, enabled: boolean) {
  return { url: `${protectionUrl(world, repo, branch)}/required_signatures`, enabled };
}

function protectionShape(world: World, repo: Repository, branch: string, signatures: boolean) {
  const url = protectionUrl(world, repo, branch);
  return {
    url,
    required_signatures: signaturesShape(world, repo, branch, signatures),
    enforce_admins: { url: `${url}/enforce_admins`, enabled: false },
    required_linear_history: { enabled: false },
    allow_force_pushes: { enabled: false },
    allow_deletions: { enabled: false },
    block_creations: { enabled: false },
    required_conversation_resolution: { enabled: false },
    lock_branch: { enabled: false },
    allow_fork_syncing: { enabled: false },
  };
}
