import { MILESTONE_TITLE, type Milestone } from "../../config/notify-milestones.js";
import type { NotifyChannel } from "../../context.js";
import { closestWord } from "../../text/closest-word.js";
import { addEntry, type NotificationRecord, type TimelineState } from "../timeline-state.js";
import type { ChannelResult } from "./send-notification.js";

/** The timeline key of a milestone's notification line. */
export function notificationKey(milestone: Milestone): string {
  return `notified-${milestone}`;
}

export type NotificationPlan =
  | { kind: "skip"; why: "off" | "already-sent" }
  | { kind: "send"; channels: NotifyChannel[]; unknown: ChannelResult[] };

/**
 * What to do for a milestone (pure): nothing when the repository asks for no notification of it or it was sent
 * already (the record in the timeline is the ledger), else the channels to post to and, for every name the App
 * does not define, a failed result that says so.
 */
export function planNotification(input: {
  state: TimelineState;
  milestone: Milestone;
  wanted: { channels: readonly string[]; milestones: readonly Milestone[] };
  defined: ReadonlyMap<string, NotifyChannel>;
}): NotificationPlan {
  const { wanted, defined } = input;
  if (wanted.channels.length === 0 || !wanted.milestones.includes(input.milestone))
    return { kind: "skip", why: "off" };
  if (input.state.notifications?.[input.milestone]) return { kind: "skip", why: "already-sent" };
  const channels: NotifyChannel[] = [];
  const unknown: ChannelResult[] = [];
  for (const name of new Set(wanted.channels)) {
    const channel = defined.get(name);
    if (channel) {
      channels.push(channel);
      continue;
    }
    // Other installations' channel names are not listed: only a near miss is offered as the likely typo.
    const guess = closestWord(name, [...defined.keys()]);
    unknown.push({
      channel: name,
      kind: "webhook",
      ok: false,
      error:
        `unknown channel "${name}" (notify.channels in .github/hotfix.yml): hotfix-bot defines no channel of ` +
        `that name${guess ? `; did you mean "${guess}"?` : ""}`,
    });
  }
  return { kind: "send", channels, unknown };
}

function resultText(result: ChannelResult): string {
  if (result.ok) return `${result.channel} (${result.kind})`;
  if (result.error?.startsWith("unknown channel")) return result.error;
  return `${result.channel} (${result.kind}) failed: ${result.error ?? "unknown error"}`;
}

/** The state with the milestone's notification recorded, and a line that says how each channel took it (pure). */
export function recordNotification(
  state: TimelineState,
  milestone: Milestone,
  at: string,
  results: readonly ChannelResult[],
): TimelineState {
  const record: NotificationRecord = {
    at,
    channels: results.map((r) => ({
      channel: r.channel,
      ...(r.error?.startsWith("unknown channel") ? {} : { kind: r.kind }),
      ok: r.ok,
      ...(r.status !== undefined ? { status: r.status } : {}),
      ...(r.error !== undefined ? { error: r.error } : {}),
    })),
  };
  const sent = results.filter((r) => r.ok);
  const failed = results.filter((r) => !r.ok);
  const parts = [
    ...(sent.length > 0 ? [`sent to ${sent.map(resultText).join(", ")}`] : []),
    ...(failed.length > 0 ? [`not sent: ${failed.map(resultText).join("; ")}`] : []),
  ];
  const next: TimelineState = {
    ...state,
    notifications: { ...(state.notifications ?? {}), [milestone]: record },
  };
  return addEntry(next, {
    key: notificationKey(milestone),
    at,
    text: `Notification "${MILESTONE_TITLE[milestone]}" ${parts.join("; ")}`,
  });
}
