import type { RuleResult } from "./rule-result.js";

/**
 * Fast-track approval (`approvals.<P>.timeoutMinutes`): a hotfix PR that is ready for review, passes every other
 * gate row and still waits for an approval passes its approvals row once the timeout has run without a qualifying
 * review. Pure: the gate gathers where the clock's start is recorded and applies the verdict.
 *
 * The start is recorded twice, both bound to the head commit: in the incident's timeline (which a writer can edit
 * where no state secret seals it) and in the gate's own check run on that head (which only our App can write).
 * The clock runs from the LATER of the two, and a missing record counts as "now": editing, deleting or forging
 * either record can only restart or delay the clock, never move it back. A new head has neither record, so new
 * code starts a new clock; a draft, a change request or any other row that stops passing clears it.
 */

export interface FastTrackInput {
  /** `approvals.<P>.timeoutMinutes`; null = fast-track off for the severity. */
  timeoutMinutes: number | null;
  approvals: RuleResult;
  /** Every other row of the gate. */
  otherRows: readonly RuleResult[];
  draft: boolean;
  /** The start in our gate run on the head, and in the incident's timeline for this PR and head (ISO 8601). */
  recorded: { run: string | null; timeline: string | null };
  /** False when the PR has no incident whose timeline can hold the clock. */
  timelineAvailable: boolean;
  now: Date;
}

export interface FastTrackClock {
  /** When the clock started (ISO 8601): the later of the records, or now. */
  since: string;
  dueAt: string;
  minutes: number;
  fired: boolean;
}

export interface FastTrackVerdict {
  /** The approvals row, unchanged unless the clock runs or fired. */
  approvals: RuleResult;
  /** Null when no clock runs: nothing to record, and whatever was recorded no longer holds. */
  clock: FastTrackClock | null;
}

const hhmm = (iso: string) => `${iso.slice(11, 16)} UTC`;

/** A recorded start, or now when it is missing or unreadable: a record nobody can read cannot move the clock back. */
function startOrNow(recorded: string | null, now: Date): number {
  const t = recorded === null ? Number.NaN : Date.parse(recorded);
  return Number.isNaN(t) ? now.getTime() : t;
}

export function decideFastTrack(input: FastTrackInput): FastTrackVerdict {
  const { approvals, timeoutMinutes } = input;
  const unchanged = { approvals, clock: null };
  // Only a row that waits for approvals can be fast-tracked: a change request, unattributable commits or an
  // unreadable team fail the row, and fast-track never overrides a failure.
  if (timeoutMinutes === null || approvals.state !== "pending") return unchanged;
  if (input.draft) return unchanged;
  if (input.otherRows.some((row) => row.state === "fail" || row.state === "pending")) return unchanged;
  if (!input.timelineAvailable) {
    return {
      approvals: {
        ...approvals,
        reason: `${approvals.reason}; no fast-track: the PR is not linked to an incident whose timeline can hold its clock`,
      },
      clock: null,
    };
  }
  const sinceMs = Math.max(
    startOrNow(input.recorded.run, input.now),
    startOrNow(input.recorded.timeline, input.now),
  );
  const since = new Date(sinceMs).toISOString();
  const dueMs = sinceMs + timeoutMinutes * 60_000;
  const dueAt = new Date(dueMs).toISOString();
  const fired = input.now.getTime() >= dueMs;
  const clock = { since, dueAt, minutes: timeoutMinutes, fired };
  if (fired) {
    return {
      approvals: {
        ...approvals,
        state: "pass",
        reason: `fast-tracked after ${timeoutMinutes} min without review (ready with every other row passing since ${hhmm(since)}); a post-deploy review follow-up will be opened`,
      },
      clock,
    };
  }
  return {
    approvals: {
      ...approvals,
      reason: `${approvals.reason}; fast-track at ${hhmm(dueAt)} (${timeoutMinutes} min without review) unless someone reviews or pushes`,
    },
    clock,
  };
}
