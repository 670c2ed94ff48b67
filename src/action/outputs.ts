import type { StepOutcome } from "../route.js";

/** The step outputs declared in action.yml, always all set ("" or "[]" when the event did not produce them). */
export interface ActionOutputs {
  gate: string;
  tag: string;
  "release-url": string;
  backports: string;
  "follow-ups": string;
}

/**
 * The outputs from the engine's outcome alone. In a dry run the gate step stops at its refused write, and the
 * outcome carries the gate it would have written (`pending` while in progress, as the engine says).
 */
export function actionOutputs(outcome: StepOutcome): ActionOutputs {
  return {
    gate: outcome.gate?.conclusion ?? "",
    tag: outcome.tag ?? "",
    "release-url": outcome.releaseUrl ?? "",
    backports: JSON.stringify(
      (outcome.backports ?? []).map((b) => ({
        target: b.target,
        pr: b.pr ?? null,
        url: b.url ?? null,
        conflict: b.conflict,
        status: b.status,
      })),
    ),
    "follow-ups": JSON.stringify(
      (outcome.followUps ?? []).map((f) => ({ kind: f.kind, issue: f.issue, url: f.url })),
    ),
  };
}
