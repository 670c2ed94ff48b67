import type { TimelineState } from "../incident/timeline-state.js";

/** How an incident's backports landed, from its timeline state alone (pure). */
export interface BackportLanding {
  /** Backports that must land: every recorded backport but the waived ones. */
  total: number;
  /** Merged, or found already on the target. */
  landed: number;
  /** Waived by a writer (`/backport skip`): not counted in `total`. */
  waived: number;
  /** Hotfix merge → backport merge, per merged backport, in milliseconds. */
  landMs: number[];
}

export function backportLanding(state: TimelineState | null): BackportLanding {
  const landing: BackportLanding = { total: 0, landed: 0, waived: 0, landMs: [] };
  for (const pipeline of Object.values(state?.pipelines ?? {})) {
    const merged = Date.parse(pipeline.mergedAt);
    for (const backport of Object.values(pipeline.backports)) {
      const end = backport.end;
      if (end?.state === "merged") {
        landing.total += 1;
        landing.landed += 1;
        const at = Date.parse(end.at);
        if (!Number.isNaN(at) && !Number.isNaN(merged) && at >= merged) landing.landMs.push(at - merged);
      } else if (backport.status === "already") {
        landing.total += 1;
        landing.landed += 1;
      } else if (backport.waived) {
        landing.waived += 1;
      } else {
        landing.total += 1;
      }
    }
  }
  return landing;
}
