import { incidentDurations, recoveryLine } from "../incident-durations.js";
import type { TimelineState } from "../timeline-state.js";
import type { MilestoneDetails } from "./milestone-message.js";

/**
 * The "resolved" message from the incident's state, or null while it is not resolved. Every step that can
 * resolve an incident (a deployment, the last backport landing or waived, a merge without deploy step) passes
 * this, so whichever resolves it announces it.
 */
export function resolvedDetails(state: TimelineState): MilestoneDetails | null {
  if (state.resolvedAt === undefined) return null;
  const figures = recoveryLine(incidentDurations(state));
  return {
    summary: `The fix is out and has landed on every backport target${figures ? ` — ${figures}` : ""}`,
    at: state.resolvedAt,
  };
}
