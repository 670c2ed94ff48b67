import { backportLanded } from "../incident/incident-resolution.js";
import type { TimelineState } from "../incident/timeline-state.js";

/** An open backport PR as GitHub lists it: when it was opened. */
export interface OpenBackportPr {
  number: number;
  createdAt: string;
}

export interface StaleBackport {
  hotfixPr: number;
  target: string;
  pr: number;
  /** How long it has been open, in milliseconds. */
  openFor: number;
}

/** The timeline key of the reminder on one backport PR: the ledger that keeps it to one. */
export function reminderKey(pr: number): string {
  return `backport-reminder-${pr}`;
}

/**
 * The backport PRs to remind about now (pure): recorded on the incident's trusted timeline as a backport that has
 * not landed, still open (`openPrs`, as GitHub lists them now), open for at least `remindAfterMs`, and not reminded
 * before. A PR that only looks like a backport is not in the state and so never reminded about.
 */
export function staleBackports(
  state: TimelineState,
  openPrs: readonly OpenBackportPr[],
  now: Date,
  remindAfterMs: number,
): StaleBackport[] {
  const opened = new Map(openPrs.map((pr) => [pr.number, Date.parse(pr.createdAt)]));
  const reminded = new Set(state.entries.map((e) => e.key));
  const stale: StaleBackport[] = [];
  for (const pipeline of Object.values(state.pipelines).sort((a, b) => a.pr - b.pr)) {
    for (const [target, backport] of Object.entries(pipeline.backports)) {
      const pr = backport.pr;
      if (pr === undefined || backportLanded(backport) || backport.end !== undefined) continue;
      const since = opened.get(pr);
      if (since === undefined || Number.isNaN(since) || reminded.has(reminderKey(pr))) continue;
      const openFor = now.getTime() - since;
      if (openFor >= remindAfterMs) stale.push({ hotfixPr: pipeline.pr, target, pr, openFor });
    }
  }
  return stale;
}
