import type { EngineContext } from "../context.js";
import { httpStatus } from "./http-status.js";

const WRITERS = new Set(["admin", "maintain", "write"]);

/** A GitHub account as the bot identifies it: by id (logins can be renamed and reused), with its login. */
export interface Account {
  id: number;
  login: string;
}

type PermissionContext = Pick<EngineContext, "octokit" | "repo">;

/**
 * Whether an account has write access or more to the repository, read from GitHub
 * (`GET /repos/{o}/{r}/collaborators/{user}/permission`), never from a payload's `author_association`: a triage
 * user shows as COLLABORATOR there. With an id, the answer must be about that account: a login renamed and taken
 * by someone else since the review reads as no access.
 */
async function readWriteAccess(ctx: PermissionContext, login: string, id: number | null): Promise<boolean> {
  try {
    const { data } = await ctx.octokit.rest.repos.getCollaboratorPermissionLevel({
      ...ctx.repo,
      username: login,
    });
    if (id !== null && data.user?.id !== id) return false;
    // `role_name` knows custom roles and "maintain"; `permission` is the legacy admin/write/read/none.
    return WRITERS.has(data.role_name ?? "") || WRITERS.has(data.permission);
  } catch (error) {
    if (httpStatus(error) === 404) return false;
    throw error;
  }
}

/** Whether a user may give the bot commands (`/hotfix`, `/backport`) or act on its behalf: write access or more. */
export function hasWritePermission(ctx: PermissionContext, login: string): Promise<boolean> {
  return readWriteAccess(ctx, login, null);
}

/**
 * Write access of accounts, each read at most once: make one per evaluation (a gate evaluation, an after-merge
 * run), so that a PR with many reviews costs one request per reviewer and a permission change is seen next time.
 */
export class WriteAccessCache {
  private readonly answers = new Map<number, Promise<boolean>>();

  constructor(private readonly ctx: PermissionContext) {}

  hasWrite(account: Account): Promise<boolean> {
    let answer = this.answers.get(account.id);
    if (!answer) {
      answer = readWriteAccess(this.ctx, account.login, account.id);
      this.answers.set(account.id, answer);
      answer.catch(() => this.answers.delete(account.id));
    }
    return answer;
  }
}
