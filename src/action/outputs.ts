import type { StepOutcome } from "../route.js";
import type { CheckRunWrite } from "./write-ledger.js";

/** The step outputs declared in action.yml, always all set ("" or "[]" when the event did not produce them). */
export interface ActionOutputs {
  gate: string;
  tag: string;
  "release-url": string;
  backports: string;
  "follow-ups": string;
}

/**
 * The gate's conclusion: the engine's own word when the step finished; in a dry run the step stops at its
 * refused write, so the check run it would have written says it (`pending` while in progress, as the engine
 * says).
 */
export function gateConclusion(outcome: StepOutcome, gateWrite: CheckRunWrite | null): string {
  if (outcome.gate) return outcome.gate.conclusion;
  if (!gateWrite) return "";
  return gateWrite.conclusion ?? (gateWrite.status === "completed" ? "" : "pending");
}

export function actionOutputs(outcome: StepOutcome, gateWrite: CheckRunWrite | null = null): ActionOutputs {
  return {
    gate: gateConclusion(outcome, gateWrite),
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
