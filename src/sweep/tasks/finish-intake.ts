import type { Severity } from "../../config/schema.js";
import { withIncidentLock } from "../../incident/incident-lock.js";
import type { TimelineState } from "../../incident/timeline-state.js";
import { notifyDeclared } from "../../intake/notify-intake.js";
import { type IntakeRequest, runIntake } from "../../intake/run-intake.js";
import { type FoundIssue, failedResult, type SweepResult, type SweepTask } from "../sweep-task.js";

/** Whether a declared incident's intake is unfinished: no branch, no checklist, or a missing report (pure). */
export function intakeUnfinished(state: TimelineState, incidentReport: boolean): boolean {
  if (state.detectedAt === undefined || state.commander === undefined) return false;
  const intake = state.intake;
  return !intake?.checklist || (incidentReport && !intake.report);
}

/**
 * The intake request a declared incident's timeline stands for (pure): who declared it, when, how, at what
 * severity — all recorded by intake's first write, so the sweep acts on the declaration intake accepted.
 */
export function recordedIntakeRequest(
  issue: FoundIssue,
  state: TimelineState,
  defaultSeverity: Severity,
): IntakeRequest {
  const declared = state.entries.find((entry) => entry.key === "declared");
  const severity = state.severity;
  return {
    issue: {
      number: issue.number,
      title: issue.title,
      state: issue.state,
      labels: issue.labels,
      url: issue.url,
    },
    trigger: state.intake?.trigger ?? (declared?.text.includes("(/hotfix)") ? "command" : "label"),
    severity: severity === "P0" || severity === "P1" || severity === "P2" ? severity : defaultSeverity,
    actor: state.commander ?? "",
    at: state.detectedAt ?? "",
    // The line intake accepted (`/hotfix release/1.x`), re-checked against the configuration when it cuts.
    line: state.intake?.line ?? null,
  };
}

/**
 * Intake: an open incident whose timeline records the declaration but not every intake step (a crash between
 * intake's writes) gets the rest — severity label, branch, report, checklist — from the recorded declaration.
 * An incident with no timeline at all was never accepted by intake (a lost delivery): the sweep cannot tell who
 * labelled it, so it does not declare it on anyone's behalf (a writer's `/hotfix` or a new label does).
 */
export const finishIntake: SweepTask = {
  name: "intake",
  async run(ctx, swept) {
    const results: SweepResult[] = [];
    for (const issue of swept.found) {
      if (issue.isPull || issue.state !== "open") continue;
      const target = `#${issue.number}`;
      try {
        const { state } = await swept.timeline(issue.number);
        if (!state || !intakeUnfinished(state, swept.config.intake.incidentReport)) continue;
        ctx.log.info(`sweep: finishing the intake of incident ${target}`);
        const request = recordedIntakeRequest(issue, state, swept.config.severity.default);
        await withIncidentLock(ctx, issue.number, () => runIntake(ctx, swept.config, request));
        await notifyDeclared(ctx, swept.config, issue.number);
        results.push({ task: this.name, target, outcome: "finished", detail: "intake finished" });
      } catch (error) {
        results.push(failedResult(this.name, target, error));
      }
    }
    return results;
  },
};
