import { withIncidentLock } from "../incident/incident-lock.js";
import { CLOSED_AT_RESOLUTION_KEY } from "../incident/settle-incident.js";
import { addEntry } from "../incident/timeline-state.js";
import { readTimeline, writeTimeline } from "../incident/upsert-timeline.js";
import type { Route } from "../route.js";
import { severityFromLabels } from "../rules/severity.js";
import { type IncidentChange, incidentChangeFrom } from "./incident-change.js";

/** The timeline entry for a change to an incident (pure). */
export function changeEntry(
  change: IncidentChange,
  merged: boolean,
  at: string,
): { key: string; at: string; text: string } {
  switch (change.kind) {
    case "unlabeled":
      return {
        key: `unlabeled-${change.label}-${at}`,
        at,
        text: `Label ${change.label} removed by @${change.actor}`,
      };
    case "closed":
      return {
        key: `closed-${at}`,
        at,
        text: merged
          ? `Incident closed by @${change.actor}`
          : `Incident closed by @${change.actor} before a fix was merged`,
      };
    case "reopened":
      return { key: `reopened-${at}`, at, text: `Incident reopened by @${change.actor}` };
  }
}

/**
 * A severity label removed from an incident, or the incident closed (early or not) or reopened: the timeline says
 * so. Nothing is deleted: the branch, the PR and the record stay for the people who decide what happens next.
 */
export const incidentChangeRoute: Route<IncidentChange> = {
  step: "incident-change",
  triggers: [{ event: "issues", actions: ["unlabeled", "closed", "reopened"] }],
  match: incidentChangeFrom,
  async run(change, ctx) {
    const n = change.issue.number;
    // Incidents carry a severity label (intake adds it): other issues cost no more than the cached configuration.
    const loaded = await ctx.config();
    if (!loaded.ok) return undefined;
    const labels = change.kind === "unlabeled" ? [change.label] : change.issue.labels;
    if (severityFromLabels(labels, loaded.config) === null) return undefined;
    return withIncidentLock(ctx, n, async () => {
      const timeline = await readTimeline(ctx, n);
      const state = timeline.state;
      // Only an incident (intake recorded a detection) has a timeline worth adding to.
      if (!state?.detectedAt) return undefined;
      const t = Date.parse(change.at ?? "");
      const at = Number.isNaN(t) ? ctx.clock().toISOString() : new Date(t).toISOString();
      // hotfix-bot's own close at resolution (or, on older timelines, after the deploy) is on the timeline already.
      const closedByDeploy = state.entries.some(
        (e) => e.key === CLOSED_AT_RESOLUTION_KEY || e.key.startsWith("closed-by-deploy-"),
      );
      if (change.kind === "closed" && closedByDeploy && change.actor.endsWith("[bot]")) return undefined;
      const merged = Object.keys(state.pipelines).length > 0;
      const next = addEntry(state, changeEntry(change, merged, at));
      if (JSON.stringify(next) === JSON.stringify(state)) return undefined;
      const written = await writeTimeline(ctx, n, timeline.commentId, next);
      return { timeline: written.markdown };
    });
  },
};
