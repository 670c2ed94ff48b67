import type { BackportState, TimelineState } from "./timeline-state.js";

/**
 * Where an incident stands once its fix merged: "recovered" when the fix is deployed, "resolved" only when, on top
 * of that, the fix has reached every place it must — each backport merged, found already there, or waived by a
 * writer. The classic hotfix regression is a fix that never reached the next release, so an open, closed or failed
 * backport keeps an incident from being resolved.
 */
export interface IncidentProgress {
  recovered: boolean;
  resolved: boolean;
  /** Backports that have not landed, in the order of the pipelines and their targets. */
  pending: PendingBackport[];
}

export interface PendingBackport {
  /** The merged hotfix PR the backport carries. */
  hotfixPr: number;
  target: string;
  /** The backport PR, when there is one (a failed backport has none). */
  pr: number | null;
  /** open, conflict, failed, or closed (without merging). */
  why: "open" | "conflict" | "failed" | "closed";
}

/** Whether a backport needs nothing more: merged, already on the target, or waived. */
export function backportLanded(backport: BackportState): boolean {
  return backport.status === "already" || backport.end?.state === "merged" || backport.waived !== undefined;
}

/**
 * The incident's progress from its timeline state (pure). `deployConfigured` says whether the repository deploys
 * the tag (deploy.workflow / deploy.environment); without a deploy step the merge itself is the recovery.
 */
export function incidentProgress(state: TimelineState, deployConfigured: boolean): IncidentProgress {
  const pipelines = Object.values(state.pipelines).sort((a, b) => a.pr - b.pr);
  const recovered =
    pipelines.length > 0 &&
    (deployConfigured ? pipelines.some((p) => p.deploy?.deployedAt !== undefined) : true);
  const pending: PendingBackport[] = [];
  for (const pipeline of pipelines) {
    for (const [target, backport] of Object.entries(pipeline.backports).sort(([a], [b]) =>
      a.localeCompare(b),
    )) {
      if (backportLanded(backport)) continue;
      // Not landed, so not "already": the PR is open, a conflict draft, closed unmerged, or there is none.
      const why = backport.end?.state === "closed" ? "closed" : (backport.status as PendingBackport["why"]);
      pending.push({ hotfixPr: pipeline.pr, target, pr: backport.pr ?? null, why });
    }
  }
  // The after-merge pipeline writes its record once, with every backport in it: a recorded pipeline is complete.
  return { recovered, resolved: recovered && pending.length === 0, pending };
}

/** "develop (#12, open), release/1.x (closed unmerged)": the backports an incident waits for, for its timeline. */
export function describePending(pending: readonly PendingBackport[]): string {
  return pending
    .map((p) => {
      const what = p.why === "closed" ? "closed unmerged" : p.why === "failed" ? "failed" : p.why;
      return `${p.target} (${p.pr === null ? "" : `#${p.pr}, `}${what})`;
    })
    .join(", ");
}
