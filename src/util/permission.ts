import type { EngineContext } from "../context.js";
import { httpStatus } from "./http-status.js";

const WRITERS = new Set(["admin", "maintain", "write"]);

/** Whether a user may give the bot commands (`/hotfix`, `/backport`): write access or more to the repository. */
export async function hasWritePermission(
  ctx: Pick<EngineContext, "octokit" | "repo">,
  login: string,
): Promise<boolean> {
  try {
    const { data } = await ctx.octokit.rest.repos.getCollaboratorPermissionLevel({
      ...ctx.repo,
      username: login,
    });
    // `role_name` knows custom roles and "maintain"; `permission` is the legacy admin/write/read/none.
    return WRITERS.has(data.role_name ?? "") || WRITERS.has(data.permission);
  } catch (error) {
    if (httpStatus(error) === 404) return false;
    throw error;
  }
}
