import type { EngineContext, RepoRef } from "../context.js";
import { type AppAuthored, isWrittenByUs } from "./bot-identity.js";
import { hasValidSeal, sealBody } from "./state-seal.js";

/**
 * The one rule for hidden state (the timeline, follow-up, reply, escalation and notice markers): it counts only
 * when our App wrote it (by id) and, where a state secret is set, it carries a valid seal. Every reader of hidden
 * state filters through `isTrustedState`; every writer of a body with hidden state passes it through `sealState`.
 */

/** Where a body lives: a comment on an issue, or an issue of the repository (follow-ups). */
export type StateScope = { repo: RepoRef; issue: number } | { repo: RepoRef; issue: null };

function scopeText(scope: StateScope): string {
  const repo = `${scope.repo.owner}/${scope.repo.repo}`.toLowerCase();
  return scope.issue === null ? repo : `${repo}#${scope.issue}`;
}

export type StateContext = Pick<EngineContext, "identity">;

export async function isTrustedState(
  ctx: StateContext,
  item: AppAuthored & { body?: string | null | undefined },
  scope: StateScope,
): Promise<boolean> {
  const identity = await ctx.identity();
  if (!isWrittenByUs(item, identity)) return false;
  if (identity.stateSecret === null) return true;
  return hasValidSeal(item.body ?? "", identity.stateSecret, scopeText(scope));
}

/** The body as it is written: sealed when a state secret is set. */
export async function sealState(ctx: StateContext, body: string, scope: StateScope): Promise<string> {
  const identity = await ctx.identity();
  return identity.stateSecret === null ? body : sealBody(body, identity.stateSecret, scopeText(scope));
}
