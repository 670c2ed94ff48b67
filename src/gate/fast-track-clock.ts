import type { EngineContext } from "../context.js";
import { withIncidentLock } from "../incident/incident-lock.js";
import { incidentOfPull } from "../incident/pull-incident.js";
import { addEntry, type FastTrackState, type TimelineState } from "../incident/timeline-state.js";
import { readTimeline, writeTimeline } from "../incident/upsert-timeline.js";
import type { FastTrackClock } from "../rules/fast-track.js";
import type { FastTrackFacts } from "./evaluate-gate.js";
import { fastTrackStartInRun } from "./fast-track-marker.js";
import type { GatePullRequest, GateRunFact } from "./gate-facts.js";

/** Where a PR's fast-track clock is recorded: the incident it belongs to (null: none) and the facts to judge. */
export interface FastTrackRecords {
  incident: number | null;
  facts: FastTrackFacts;
}

/**
 * Reads both records of the clock of the PR's head: our gate run's marker, and the fast-track record on the
 * timeline of the incident the PR belongs to (trusted only as incidentOfPull trusts it: bound to this branch, our
 * comment, sealed where a state secret is set). One timeline read, only when the clock may run.
 */
export async function readFastTrackRecords(
  ctx: EngineContext,
  pr: GatePullRequest,
  headRun: GateRunFact | null,
): Promise<FastTrackRecords> {
  const { incident, timeline } = await incidentOfPull(ctx, pr);
  const record = timeline?.state?.fastTrack?.[String(pr.number)];
  return {
    incident,
    facts: {
      recorded: {
        run: fastTrackStartInRun(headRun?.text, pr.headSha),
        timeline: record?.head === pr.headSha ? record.since : null,
      },
      timelineAvailable: incident !== null && timeline?.state != null,
      now: ctx.clock(),
    },
  };
}

const short = (sha: string) => sha.slice(0, 7);
const hhmm = (iso: string) => `${iso.slice(11, 16)} UTC`;

/** Whether the timeline's record already says what the clock says (pure): then nothing is written. */
export function fastTrackRecorded(
  record: FastTrackState | undefined,
  head: string,
  clock: FastTrackClock,
): boolean {
  return (
    record?.head === head &&
    record.since === clock.since &&
    record.minutes === clock.minutes &&
    (!clock.fired || record.firedAt !== undefined)
  );
}

/**
 * Records the clock on the incident's timeline: its start (with a line saying when the approval requirement
 * lapses) and, once, that it fired. Re-read under the incident's lock so that no other step's update is lost; a
 * record that already says the same costs no write, so redeliveries and the sweep write nothing twice. Returns
 * the timeline as written (a person's view of it), or undefined when nothing was written.
 */
export async function recordFastTrack(
  ctx: EngineContext,
  incident: number,
  pr: GatePullRequest,
  clock: FastTrackClock,
): Promise<string | undefined> {
  return withIncidentLock(ctx, incident, async () => {
    const timeline = await readTimeline(ctx, incident);
    // The incident's binding was read a moment ago from this same comment; without state nothing can be kept.
    if (!timeline.state) return undefined;
    const key = String(pr.number);
    const previous = timeline.state.fastTrack?.[key];
    if (fastTrackRecorded(previous, pr.headSha, clock)) return undefined;
    const sameStart = previous?.head === pr.headSha && previous.since === clock.since;
    const firedBefore = sameStart ? previous.firedAt : undefined;
    const firedAt = firedBefore ?? (clock.fired ? ctx.clock().toISOString() : undefined);
    const record: FastTrackState = {
      head: pr.headSha,
      since: clock.since,
      minutes: clock.minutes,
      ...(firedAt ? { firedAt } : {}),
    };
    let state: TimelineState = {
      ...timeline.state,
      fastTrack: { ...timeline.state.fastTrack, [key]: record },
    };
    if (!sameStart) {
      state = addEntry(state, {
        key: `fast-track-${pr.number}-${short(pr.headSha)}`,
        at: clock.since,
        text: `Fast-track clock started for #${pr.number} at ${short(pr.headSha)} (ready for review, every other gate row passing): the approval requirement lapses at ${hhmm(clock.dueAt)} (${clock.minutes} min) unless someone reviews or pushes`,
      });
    }
    if (firedAt && !firedBefore) {
      state = addEntry(state, {
        key: `fast-tracked-${pr.number}-${short(pr.headSha)}`,
        at: firedAt,
        text: `#${pr.number} fast-tracked after ${clock.minutes} min without review: its approvals row passed, and a post-deploy review follow-up opens at merge`,
      });
    }
    return (await writeTimeline(ctx, incident, timeline.commentId, state)).markdown;
  });
}
