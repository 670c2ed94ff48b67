import type { EngineContext } from "../context.js";
import { withIncidentLock } from "../incident/incident-lock.js";
import { notifyMilestone } from "../incident/notify/notify-milestone.js";
import { resolvedDetails } from "../incident/notify/resolved-details.js";
import { withPipelineLock } from "../incident/pipeline-lock.js";
import { incidentOfPull } from "../incident/pull-incident.js";
import { readMergedHotfix } from "../incident/read-merged-hotfix.js";
import { settleIncident } from "../incident/settle-incident.js";
import { readTimeline, writeTimeline } from "../incident/upsert-timeline.js";
import type { Route } from "../route.js";
import { logWith } from "../util/log-with.js";
import {
  BACKPORT_PR_ACTIONS,
  type BackportPrEvent,
  backportPrEventFrom,
  recordBackportEvent,
} from "./backport-pr-event.js";
import { remindOnIncident } from "./remind-stale-backports.js";

/**
 * A backport PR merged, closed, reopened or marked ready: its end state and one line on the incident's timeline,
 * then the incident's progress (resolved once every backport landed; see settleIncident). The PR counts only when
 * the incident's trusted timeline records it as the backport of that hotfix to that branch.
 */
export async function handleBackportPrEvent(
  ctx: EngineContext,
  event: BackportPrEvent,
): Promise<"recorded" | "unchanged" | "not-ours"> {
  const log = logWith(ctx.log, { pr: event.hotfixPr, backportPr: event.number });
  const loaded = await ctx.config();
  if (!loaded.ok) {
    log.error(`backport PR not recorded: ${loaded.error.message}`);
    return "not-ours";
  }
  const config = loaded.config;
  const hotfix = await readMergedHotfix(ctx, config, event.hotfixPr);
  if (!hotfix) return "not-ours";
  const { incident } = await incidentOfPull(ctx, hotfix);
  const issue = incident ?? hotfix.number;
  // After any after-merge run of the same hotfix in this process, which writes the backports' records.
  const handled = await withPipelineLock(ctx, hotfix.number, () =>
    withIncidentLock(ctx, issue, async () => {
      const timeline = await readTimeline(ctx, issue);
      if (!timeline.state) return "not-ours";
      const recorded = recordBackportEvent(timeline.state, event, ctx.clock().toISOString());
      if (!recorded) {
        logWith(log, { incident: issue }).info("not a backport the incident's timeline records: ignored");
        return "not-ours";
      }
      if (!recorded.changed) return "unchanged";
      let state = await settleIncident(ctx, config, recorded.state, incident);
      state = await remindOnIncident(ctx, config, state);
      await writeTimeline(ctx, issue, timeline.commentId, state);
      return "recorded" as const;
    }),
  );
  // The last backport landing resolves the incident.
  if (handled === "recorded") await notifyMilestone(ctx, config, incident, "resolved", resolvedDetails);
  return handled;
}

/** `pull_request` closed / reopened / ready_for_review of a backport PR the bot opened. */
export const backportEndRoute: Route<BackportPrEvent> = {
  step: "backport-end",
  triggers: [{ event: "pull_request", actions: BACKPORT_PR_ACTIONS }],
  match(event) {
    return event.name === "pull_request" ? backportPrEventFrom(event.payload) : null;
  },
  async run(event, ctx) {
    await handleBackportPrEvent(ctx, event);
    return undefined;
  },
};
