import type { MergedPullRequest } from "../../incident/merged-pull-request.js";
import { incidentLinkHolds } from "../../incident/pull-incident.js";
import type { TimelineState } from "../../incident/timeline-state.js";
import { linkedIncidentNumber } from "../../rules/incident-link.js";
import type { SweptRepository } from "../sweep-task.js";

/**
 * Where a merged hotfix's pipeline is recorded: its incident's timeline when the incident records the PR's
 * branch (as incidentOfPull decides), else the PR's own. Read through the sweep's once-per-sweep timelines.
 */
export async function timelineOfMergedHotfix(
  swept: SweptRepository,
  pr: MergedPullRequest,
): Promise<{ issue: number; incident: number | null; state: TimelineState | null }> {
  const linked = pr.fromFork ? null : linkedIncidentNumber({ body: pr.body, headRef: pr.headRef });
  if (linked !== null) {
    const { state } = await swept.timeline(linked).catch(() => ({ state: null }));
    if (incidentLinkHolds(state, pr.headRef)) return { issue: linked, incident: linked, state };
  }
  return { issue: pr.number, incident: null, state: (await swept.timeline(pr.number)).state };
}
