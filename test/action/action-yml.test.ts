import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { actionOutputs } from "../../src/action/outputs.js";
import { GATE_CONCLUSIONS } from "../../src/gate/evaluate-gate.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const action = parse(readFileSync(`${root}action.yml`, "utf8")) as {
  runs: { using: string; main: string };
  branding: { icon: string; color: string };
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { description: string }>;
};
const reusable = parse(readFileSync(`${root}.github/workflows/hotfix.yml`, "utf8")) as {
  on: { workflow_call: { outputs: Record<string, { description: string }> } };
};

/** A workflow expression as text: `${{ inner }}`. */
const expression = (inner: string) => `$\{{ ${inner} }}`;

describe("action.yml", () => {
  it("runs the committed bundle on node24", () => {
    expect(action.runs).toEqual({ using: "node24", main: "dist/index.js" });
    expect(action.branding.icon).toBeTruthy();
  });

  it("defaults the token to the workflow token and the config to .github/hotfix.yml", () => {
    expect(action.inputs["github-token"]?.default).toBe(expression("github.token"));
    expect(action.inputs["workflow-token"]?.default).toBe(expression("github.token"));
    expect(action.inputs["config-path"]?.default).toBe(".github/hotfix.yml");
    expect(action.inputs["dry-run"]?.default).toBe("false");
  });

  it("declares exactly the outputs the adapter sets", () => {
    const declared = Object.keys(action.outputs).sort();
    expect(declared).toEqual(["backports", "follow-ups", "gate", "release-url", "report-path", "tag"]);
    // report-path is set by the step itself when report-html is given (test/action/report-html.test.ts).
    expect([...Object.keys(actionOutputs({})), "report-path"].sort()).toEqual(declared);
  });

  it("lists every value of the gate output, pending included", () => {
    // pending: the engine's word for a gate still waiting (see gateConclusion).
    expect(actionOutputs({ gate: { conclusion: "pending", summary: "" } }).gate).toBe("pending");
    for (const value of [...GATE_CONCLUSIONS, "pending"]) {
      expect(action.outputs.gate?.description).toContain(value);
      expect(reusable.on.workflow_call.outputs.gate?.description).toContain(value);
    }
  });
});
