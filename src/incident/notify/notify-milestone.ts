import type { Milestone } from "../../config/notify-milestones.js";
import type { HotfixConfig } from "../../config/schema.js";
import type { EngineContext } from "../../context.js";
import { isDeliberateStop } from "../../route.js";
import { errorMessage } from "../../util/errors.js";
import { withIncidentLock } from "../incident-lock.js";
import type { TimelineState } from "../timeline-state.js";
import { readTimeline, writeTimeline } from "../upsert-timeline.js";
import { type MilestoneDetails, milestoneMessage } from "./milestone-message.js";
import { planNotification, recordNotification } from "./notification-record.js";
import { type Fetch, sendNotification } from "./send-notification.js";

export type NotifyOutcome = "off" | "no-incident" | "not-reached" | "already-sent" | "sent" | "failed";

/** What notifying did, and the timeline its record wrote (or, stopped in a dry run, would have written). */
export interface Notified {
  outcome: NotifyOutcome;
  timeline?: string;
}

/**
 * The message's details, or a function that derives them from the incident's state as read under the lock (a
 * revert PR's link, the resolution time); it returns null when the state shows the milestone not reached.
 */
export type DetailsSource = MilestoneDetails | ((state: TimelineState) => MilestoneDetails | null);

/** Whether the repository wants any notification of this milestone: when not, nothing is read or sent. */
export function notificationsWanted(config: HotfixConfig, milestone: Milestone): boolean {
  return config.notify.channels.length > 0 && config.notify.milestones.includes(milestone);
}

/** Tests swap the transport; everything else posts with the platform's fetch. */
export interface NotifyOptions {
  fetch?: Fetch;
}

/**
 * Tells the incident's channels that it reached a milestone, once per milestone per incident.
 *
 * Exactly once, how: the incident's timeline state is the ledger. Under the incident's lock (the one intake, the
 * draft PR and the deploy steps take, so no other step of this process rewrites the timeline meanwhile) and, with
 * several App instances, the instances' lock, the state is read; a milestone it records is never sent again, and
 * one it does not is sent and then recorded in one timeline write. So a redelivery, or a second delivery waiting
 * on the lock, finds the record and sends nothing. The one window left is a process dying between the post and
 * the write: the next event or the sweep posts again. A repeated message was preferred to a lost one, and to a
 * second write per milestone (a claim written before the post), since writes are what the hotfix waits on.
 *
 * Never throws and never blocks the workflow for long: each post is bounded by notify.timeoutSeconds, a failing
 * receiver is recorded on the timeline (channel, kind, status) and the step goes on. Costs nothing, not even a
 * read, when the repository names no channel. Call it after the step's own locked section: the lock is not
 * re-entrant.
 */
export async function notifyMilestone(
  ctx: EngineContext,
  config: HotfixConfig,
  incident: number | null,
  milestone: Milestone,
  details: DetailsSource,
  options: NotifyOptions = {},
): Promise<Notified> {
  if (!notificationsWanted(config, milestone)) return { outcome: "off" };
  if (incident === null) return { outcome: "no-incident" };
  const key = `notify:${ctx.repo.owner}/${ctx.repo.repo}#${incident}`;
  const acrossInstances = <T>(task: () => Promise<T>) =>
    ctx.instancesLock ? ctx.instancesLock.run(key, task) : task();
  try {
    return await withIncidentLock(ctx, incident, () =>
      acrossInstances(() => notifyLocked(ctx, config, incident, milestone, details, options)),
    );
  } catch (error) {
    // Reading or writing the timeline failed: the notification is not the hotfix, so it is logged and dropped.
    ctx.log.warn(`notification "${milestone}" of incident #${incident} not recorded: ${errorMessage(error)}`);
    const timeline = isDeliberateStop(error) ? error.partial?.timeline : undefined;
    return timeline === undefined ? { outcome: "failed" } : { outcome: "failed", timeline };
  }
}

async function notifyLocked(
  ctx: EngineContext,
  config: HotfixConfig,
  incident: number,
  milestone: Milestone,
  source: DetailsSource,
  options: NotifyOptions,
): Promise<Notified> {
  const timeline = await readTimeline(ctx, incident);
  // Only an incident hotfix-bot declared (its timeline holds the state) is announced.
  if (!timeline.state) return { outcome: "no-incident" };
  const plan = planNotification({
    state: timeline.state,
    milestone,
    wanted: config.notify,
    defined: ctx.notifyChannels ?? new Map(),
  });
  if (plan.kind === "skip") return { outcome: plan.why === "already-sent" ? "already-sent" : "off" };
  const details = typeof source === "function" ? source(timeline.state) : source;
  if (details === null) return { outcome: "not-reached" };
  const now = ctx.clock().toISOString();
  const message = milestoneMessage({
    repo: ctx.repo,
    incident,
    state: timeline.state,
    milestone,
    details,
    now,
  });
  const timeoutMs = config.notify.timeoutSeconds * 1000;
  const sent = await Promise.all(
    plan.channels.map((channel) =>
      sendNotification(channel, message, { timeoutMs, ...(options.fetch ? { fetch: options.fetch } : {}) }),
    ),
  );
  const results = [...sent, ...plan.unknown];
  for (const r of results) {
    if (r.ok) ctx.log.info(`incident #${incident}: "${milestone}" sent to ${r.channel} (${r.kind})`);
    else ctx.log.warn(`incident #${incident}: "${milestone}" not sent to ${r.channel}: ${r.error}`);
  }
  const state = recordNotification(timeline.state, milestone, ctx.clock().toISOString(), results);
  const { markdown } = await writeTimeline(ctx, incident, timeline.commentId, state);
  return { outcome: results.every((r) => r.ok) ? "sent" : "failed", timeline: markdown };
}
