import type { GateEvaluation } from "../../src/gate/evaluate-gate.js";
import type { GateRunFact } from "../../src/gate/gate-facts.js";
import type { GateOutput } from "../../src/gate/render-gate.js";
import { planGateWrite } from "../../src/gate/upsert-gate-check.js";

const output: GateOutput = { title: "Passed", summary: "table", text: "" };

function evaluation(
  status: GateEvaluation["status"],
  conclusion: GateEvaluation["conclusion"],
): GateEvaluation {
  return {
    status,
    conclusion,
    title: "t",
    headline: "h",
    rows: [],
    severity: null,
    jiraKey: null,
    approvedBy: [],
  };
}

function run(overrides: Partial<GateRunFact> = {}): GateRunFact {
  return {
    id: 7,
    status: "completed",
    conclusion: "success",
    title: "Passed",
    summary: "table",
    text: null,
    url: null,
    ...overrides,
  };
}

describe("planGateWrite", () => {
  it.each<[string, GateRunFact | null, GateEvaluation, string]>([
    ["no run yet", null, evaluation("completed", "success"), "create"],
    ["the same verdict and output", run(), evaluation("completed", "success"), "none"],
    ["empty text read back as null", run({ text: null }), evaluation("completed", "success"), "none"],
    ["another conclusion", run(), evaluation("completed", "failure"), "update"],
    ["another output", run({ summary: "old table" }), evaluation("completed", "success"), "update"],
    [
      "in progress to completed",
      run({ status: "in_progress", conclusion: null }),
      evaluation("completed", "success"),
      "update",
    ],
    [
      "in progress, still in progress",
      run({ status: "in_progress", conclusion: null }),
      evaluation("in_progress", null),
      "none",
    ],
    [
      "in progress, waiting for the same criteria, other details",
      run({ status: "in_progress", conclusion: null, summary: "x" }),
      evaluation("in_progress", null),
      "none",
    ],
    [
      "in progress, waiting for something else",
      run({ status: "in_progress", conclusion: null, title: "Waiting for approvals", summary: "x" }),
      evaluation("in_progress", null),
      "update",
    ],
    ["completed back to in progress", run(), evaluation("in_progress", null), "create"],
  ])("%s -> %s", (_name, existing, wanted, kind) => {
    const plan = planGateWrite(existing, wanted, output);
    expect(plan.kind).toBe(kind);
    if (plan.kind !== "create") expect(plan.id).toBe(7);
  });
});
