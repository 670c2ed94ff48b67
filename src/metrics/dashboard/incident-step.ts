import type { TimelineState } from "../../incident/timeline-state.js";

/** Where an open incident stands, in the words of the workflow, and the page that shows it. */
export interface IncidentStep {
  step: string;
  stepUrl: string | null;
}

/** The current step of an incident, from its timeline state alone (pure). */
export function incidentStep(state: TimelineState | null): IncidentStep {
  if (!state?.intake) return { step: "intake: waiting for the hotfix branch", stepUrl: null };
  const pipelines = Object.values(state.pipelines);
  const rollback = pipelines.find((p) => p.deploy?.rollback || p.deploy?.failedAt);
  if (rollback)
    return {
      step: `rollback: deploy of #${rollback.pr} failed${rollback.deploy?.rollback?.pr ? `, revert PR #${rollback.deploy.rollback.pr}` : ""}`,
      stepUrl: rollback.deploy?.rollback?.url ?? null,
    };
  const deployed = pipelines.find((p) => p.deploy?.deployedAt);
  if (deployed)
    return {
      step: `deployed (${deployed.tag ?? `#${deployed.pr}`}); follow-ups open`,
      stepUrl: deployed.deploy?.url ?? null,
    };
  const running = pipelines.find((p) => !p.done);
  if (running) return { step: `after merge of #${running.pr}: tag, backports, follow-ups`, stepUrl: null };
  const merged = pipelines[0];
  if (merged)
    return { step: `merged (#${merged.pr}); waiting for the deploy`, stepUrl: merged.release?.url ?? null };
  const pr = state.intake.pr;
  if (pr) return { step: `gate: hotfix PR #${pr.number} under review`, stepUrl: pr.url };
  return { step: `fixing: branch ${state.intake.branch} cut, no PR yet`, stepUrl: null };
}
