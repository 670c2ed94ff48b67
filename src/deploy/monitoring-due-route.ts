import { withIncidentLock } from "../incident/incident-lock.js";
import { readTimeline, writeTimeline } from "../incident/upsert-timeline.js";
import type { Route } from "../route.js";
import { severityFromLabels } from "../rules/severity.js";
import { recordStable } from "./end-monitoring.js";
import { monitoringPhase } from "./monitoring-window.js";
import { parseRollbackCommand } from "./rollback-command.js";

/** An event on an issue that may be an incident: its number and labels, and that a person caused it. */
export interface IncidentActivity {
  issue: number;
  labels: string[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;

/**
 * A person's comment on an issue, or a change to it, that carries labels (pure). The bot's own comments and a
 * `/rollback` (which ends the window itself) are left out.
 */
export function incidentActivityFrom(event: { name: string; payload: unknown }): IncidentActivity | null {
  const payload = event.payload;
  if (!isObject(payload) || !isObject(payload.issue) || !isObject(payload.sender)) return null;
  if (payload.sender.type === "Bot") return null;
  if (event.name === "issue_comment") {
    if (payload.action !== "created" || parseRollbackCommand(payload) !== null) return null;
  } else if (
    event.name !== "issues" ||
    !["labeled", "unlabeled", "reopened"].includes(String(payload.action))
  ) {
    return null;
  }
  const { number, labels } = payload.issue;
  if (typeof number !== "number" || !Array.isArray(labels) || labels.length === 0) return null;
  const names = labels.flatMap((label) =>
    isObject(label) && typeof label.name === "string" ? [label.name] : [],
  );
  return { issue: number, labels: names };
}

/**
 * Without a sweep, a monitoring window's end is found on the next event about its incident: a person's comment
 * or a change to the issue. Incidents only (a severity label): another issue costs the cached configuration.
 */
export const monitoringDueRoute: Route<IncidentActivity> = {
  step: "monitoring-due",
  triggers: [
    { event: "issue_comment", actions: ["created"] },
    { event: "issues", actions: ["labeled", "unlabeled", "reopened"] },
  ],
  match: incidentActivityFrom,
  async run(activity, ctx) {
    const loaded = await ctx.config();
    if (!loaded.ok || !loaded.config.monitoring.enabled) return undefined;
    if (severityFromLabels(activity.labels, loaded.config) === null) return undefined;
    const config = loaded.config;
    return withIncidentLock(ctx, activity.issue, async () => {
      const timeline = await readTimeline(ctx, activity.issue);
      if (!timeline.state?.detectedAt) return undefined;
      let state = timeline.state;
      for (const pipeline of Object.values(timeline.state.pipelines)) {
        if (monitoringPhase(pipeline, ctx.clock()) === "due")
          state = await recordStable(ctx, config, state, pipeline, activity.issue);
      }
      if (state === timeline.state) return undefined;
      const written = await writeTimeline(ctx, activity.issue, timeline.commentId, state);
      return { timeline: written.markdown };
    });
  },
};
