import { PickListError } from "../cherry-pick/pick-list.js";
import type { BackportStep } from "../incident/pipeline-steps.js";
import { refusedBranchEntries } from "../incident/refused-branch-entries.js";
import type { BackportState, TimelineEntry } from "../incident/timeline-state.js";
import { errorMessage } from "../util/errors.js";
import { backportToTarget } from "./backport-to-target.js";
import { autoMergeEntry, enableAutoMerge } from "./enable-auto-merge.js";

/**
 * The after-merge pipeline's backport step, for one target: the backport PR (or the finding that the fix is
 * there already), auto-merge on a clean one where configured, and the timeline lines. A failure is recorded in
 * the result, not thrown: each target is independent of the others.
 */
export const backportStep: BackportStep = async (ctx, config, { pr, target, plan, incident }) => {
  const now = () => ctx.clock().toISOString();
  let backport: BackportState;
  try {
    // The pick list cannot be trusted (a cut commit list, a broken history): no target gets a guess.
    if (plan instanceof PickListError) throw plan;
    backport = await backportToTarget(ctx, {
      pr,
      target,
      picks: plan.picks,
      method: plan.method,
      labels: config.backport.labels,
      incident,
      verified: config.commits.verified,
    });
  } catch (error) {
    ctx.log.error(`backport to ${target} failed: ${String(error)}`);
    backport = { status: "failed", error: errorMessage(error) };
  }
  const entries: TimelineEntry[] = [
    ...refusedBranchEntries(backport.refused, backport.branch, now()),
    backportEntry(pr.number, target, backport, now()),
  ];
  // A clean backport lands by itself once its checks pass (backport.autoMerge); a conflict waits for a person.
  if (config.backport.autoMerge && backport.status === "open" && backport.pr !== undefined) {
    backport = { ...backport, autoMerge: await enableAutoMerge(ctx, config, backport.pr) };
    const entry = autoMergeEntry(pr.number, target, backport);
    if (entry) entries.push(entry);
  }
  return { backport, entries };
};

/** The timeline line of one target's backport. */
function backportEntry(pr: number, target: string, state: BackportState, at: string): TimelineEntry {
  const key = `backport-${pr}-${target}`;
  switch (state.status) {
    case "open":
      return { key, at, text: `Backport to ${target}: PR #${state.pr}`, url: state.url };
    case "conflict":
      return {
        key,
        at,
        text: `Backport to ${target}: draft PR #${state.pr} with conflicts to resolve`,
        url: state.url,
      };
    case "already":
      return { key, at, text: `Backport to ${target}: already there, no PR needed` };
    default:
      return { key, at, text: `Backport to ${target} failed: ${state.error ?? "unknown error"}` };
  }
}
