import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { describePending, incidentProgress } from "./incident-resolution.js";
import { addEntry, type TimelineState } from "./timeline-state.js";

/** The timeline key of the close at resolution (a redelivery finds it and does not close again). */
export const CLOSED_AT_RESOLUTION_KEY = "closed-resolved";

/** Whether the repository deploys the tag; without a deploy step the merge itself is the recovery. */
export function deployConfigured(config: Pick<HotfixConfig, "deploy">): boolean {
  return config.deploy.workflow !== undefined || config.deploy.environment !== undefined;
}

/**
 * Brings the incident's "recovered" and "resolved" lines up to date with its state, and closes the incident at
 * resolution when `deploy.closeIncidentOnSuccess` (never before: the fix must have reached every backport target
 * too). Called after every change that can move it: a deployment, a backport PR merged or closed, a waiver.
 * Returns the state to write; the only effect here is the close, made once (its timeline line is the ledger).
 */
export async function settleIncident(
  ctx: Pick<EngineContext, "octokit" | "repo" | "clock">,
  config: Pick<HotfixConfig, "deploy">,
  state: TimelineState,
  incident: number | null,
): Promise<TimelineState> {
  if (state.resolvedAt !== undefined) return state;
  const progress = incidentProgress(state, deployConfigured(config));
  if (!progress.recovered) return state;
  const now = ctx.clock().toISOString();
  if (!progress.resolved) {
    const previous = state.entries.find((e) => e.key === "recovered");
    const what = deployConfigured(config) ? "the fix is deployed" : "the fix is merged";
    return addEntry(state, {
      key: "recovered",
      at: previous?.at ?? now,
      text: `Recovered: ${what}; resolved once every backport lands — waiting for ${describePending(progress.pending)}`,
    });
  }
  let next: TimelineState = { ...state, resolvedAt: now };
  next = addEntry(next, {
    key: "resolved",
    at: now,
    text: "Resolved: the fix is deployed and has landed on every backport target",
  });
  if (
    config.deploy.closeIncidentOnSuccess &&
    incident !== null &&
    !next.entries.some((e) => e.key === CLOSED_AT_RESOLUTION_KEY)
  ) {
    await ctx.octokit.rest.issues.update({
      ...ctx.repo,
      issue_number: incident,
      state: "closed",
      state_reason: "completed",
    });
    next = addEntry(next, {
      key: CLOSED_AT_RESOLUTION_KEY,
      at: ctx.clock().toISOString(),
      text: "Incident closed: the fix is deployed and every backport has landed",
    });
  }
  return next;
}
