import { reevaluatePull } from "../../gate/gate-route.js";
import type { TimelineState } from "../../incident/timeline-state.js";
import { type DueItem, dueNow, failedResult, type SweepResult, type SweepTask } from "../sweep-task.js";

/** A fast-track clock that has not fired yet, due at its start plus its timeout. */
interface DueFastTrack extends DueItem {
  pr: number;
  head: string;
}

/** The unfired fast-track clocks of an incident's timeline (pure); `dueNow` keeps those whose time has come. */
export function pendingFastTracks(state: TimelineState | null): DueFastTrack[] {
  return Object.entries(state?.fastTrack ?? {}).flatMap(([key, record]) => {
    const pr = Number(key);
    const since = Date.parse(record.since);
    if (!Number.isSafeInteger(pr) || record.firedAt !== undefined || Number.isNaN(since)) return [];
    const dueAt = new Date(since + record.minutes * 60_000).toISOString();
    return [{ key: `fast-track-${pr}`, dueAt, pr, head: record.head }];
  });
}

/**
 * Fast-track approval: when a hotfix PR's timeout has passed with no event to re-evaluate its gate, the sweep
 * does. The timeline only says when to look; the gate decides from both records of the clock and the PR as it
 * is now (a push since, a review, a draft: no fast-track), and records the firing, so the next sweep finds
 * nothing due. One PR read per due clock, and the gate's own reads.
 */
export const fireFastTrack: SweepTask = {
  name: "fast-track",
  async run(ctx, swept) {
    const results: SweepResult[] = [];
    for (const issue of swept.found) {
      if (issue.isPull || issue.state !== "open") continue;
      const { state } = await swept.timeline(issue.number);
      for (const due of dueNow(pendingFastTracks(state), swept.now)) {
        const target = `#${due.pr}`;
        try {
          const outcome = await reevaluatePull({ ...ctx, clock: () => swept.now }, swept.config, due.pr);
          if (outcome?.gate)
            results.push({
              task: this.name,
              target,
              outcome: "finished",
              detail: `gate re-evaluated after the fast-track timeout: ${outcome.gate.summary}`,
            });
        } catch (error) {
          results.push(failedResult(this.name, target, error));
        }
      }
    }
    return results;
  },
};
