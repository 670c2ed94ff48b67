import { RECONCILE_EVENTS, reconcileFailure, renderReconcile } from "../../src/action/reconcile-summary.js";
import type { SweepResult } from "../../src/sweep/sweep-task.js";

const report = {
  repo: "acme/webshop",
  checked: 3,
  finished: [] as number[],
  failed: [] as { pr: number; error: string }[],
  results: [] as SweepResult[],
};

describe("reconcile in the Action", () => {
  it("runs on schedule and workflow_dispatch only", () => {
    expect([...RECONCILE_EVENTS].sort()).toEqual(["schedule", "workflow_dispatch"]);
  });

  it("says what it finished, or that nothing was left", () => {
    expect(renderReconcile(report)).toContain("Nothing was left half done.");
    expect(renderReconcile({ ...report, finished: [4, 9] })).toContain("Finished the pipeline of #4, #9.");
    expect(renderReconcile({ ...report, checked: 1 })).toContain("Checked 1 merged hotfix pull request ");
  });

  it("tabulates failures, escaped, and fails the step for them", () => {
    const failing = { ...report, failed: [{ pr: 7, error: "boom | @here" }] };
    expect(renderReconcile(failing)).toContain("| #7 | boom \\| @&#8203;here |");
    expect(reconcileFailure(failing)).toBe("reconcile could not finish #7 (boom | @here)");
    expect(reconcileFailure(report)).toBeNull();
  });

  it("tabulates what the sweep did in the other workflows, and fails the step for their failures", () => {
    const results: SweepResult[] = [
      { task: "intake", target: "#3", outcome: "finished", detail: "intake finished" },
      { task: "deploy", target: "#5", outcome: "failed", detail: "boom | @here" },
    ];
    const swept = { ...report, results };
    expect(renderReconcile(swept)).toContain("| intake | \\#3 | intake finished |");
    expect(renderReconcile(swept)).toContain("| deploy | \\#5 | failed: boom \\| @&#8203;here |");
    expect(renderReconcile(swept)).not.toContain("Nothing was left half done.");
    expect(reconcileFailure(swept)).toBe("reconcile could not finish deploy #5 (boom | @here)");
  });

  it("reports a skipped run (broken configuration)", () => {
    expect(renderReconcile({ ...report, skipped: "x.yml is invalid" })).toBe("Skipped: x\\.yml is invalid");
  });
});
