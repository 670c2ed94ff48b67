import type { GateEvaluation } from "../../src/gate/evaluate-gate.js";
import { OUTPUT_LIMIT, renderGate } from "../../src/gate/render-gate.js";
import type { RuleResult } from "../../src/rules/rule-result.js";

function evaluation(rows: RuleResult[], extra: Partial<GateEvaluation> = {}): GateEvaluation {
  return {
    status: "completed",
    conclusion: "failure",
    title: "Failed: title",
    headline: "The hotfix gate failed on 1 of 2 criteria.",
    rows,
    severity: "P1",
    jiraKey: null,
    approvedBy: [],
    ...extra,
  };
}

describe("renderGate", () => {
  it("renders a table with one row and icon per criterion", () => {
    const output = renderGate(
      evaluation([
        { rule: "title", label: "Title", state: "fail", reason: "bad" },
        { rule: "branch", label: "Branch", state: "pass", reason: "ok" },
        { rule: "approvals", label: "Approvals", state: "warn", reason: "none" },
        { rule: "critical-tests", label: "Critical tests", state: "pending", reason: "running" },
      ]),
    );
    expect(output.title).toBe("Failed: title");
    expect(output.summary.split("\n")).toEqual([
      "The hotfix gate failed on 1 of 2 criteria\\.",
      "",
      "| | Criterion | Result |",
      "| :-: | --- | --- |",
      "| ❌ | Title | bad |",
      "| ✅ | Branch | ok |",
      "| ⚠️ | Approvals | none |",
      "| ⏳ | Critical tests | running |",
    ]);
    expect(output.text).toBe("");
  });

  it("escapes user text: no broken table, no mention, no HTML, no line break", () => {
    const reason = 'title "a | b @octocat <!-- x --> **bold**\nnext" does not match';
    const output = renderGate(
      evaluation([{ rule: "title", label: "Title", state: "fail", reason, details: ["@team/x <b>"] }]),
    );
    const row = output.summary.split("\n").at(-1) ?? "";
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(4);
    expect(output.summary).not.toMatch(/@octocat/);
    expect(output.summary).not.toContain("<!--");
    expect(output.summary).not.toContain("**bold**");
    expect(output.text).not.toMatch(/@team/);
    expect(output.text).not.toContain("<b>");
  });

  it("lists details under the table, at most 50 per criterion", () => {
    const details = Array.from({ length: 60 }, (_, i) => `file-${i}.ts:1: =======`);
    const output = renderGate(
      evaluation([
        { rule: "conflict-markers", label: "Conflict markers", state: "fail", reason: "x", details },
      ]),
    );
    const lines = output.text.split("\n");
    expect(lines[0]).toBe("**Conflict markers**");
    expect(lines.filter((l) => l.startsWith("- file"))).toHaveLength(50);
    expect(output.text).toContain("- … and 10 more");
  });

  it("stays within GitHub's output limit, cutting between lines", () => {
    const rows: RuleResult[] = Array.from({ length: 400 }, (_, i) => ({
      rule: "conflict-markers",
      label: `Row ${i}`,
      state: "fail",
      reason: "r".repeat(5000),
      details: Array.from({ length: 50 }, () => "d".repeat(1000)),
    }));
    const output = renderGate(evaluation(rows));
    expect(output.summary.length).toBeLessThanOrEqual(OUTPUT_LIMIT);
    expect(output.text.length).toBeLessThanOrEqual(OUTPUT_LIMIT);
    expect(output.summary.endsWith("_… cut to fit GitHub's output limit._")).toBe(true);
    expect(output.text.endsWith("_… cut to fit GitHub's output limit._")).toBe(true);
    // Every table line is whole.
    for (const line of output.summary.split("\n").filter((l) => l.startsWith("| ❌")))
      expect(line.endsWith(" |")).toBe(true);
  });

  it("keeps the title on one short line", () => {
    const output = renderGate(evaluation([], { title: `Failed: ${"x ".repeat(300)}\nsecond` }));
    expect(output.title).not.toContain("\n");
    expect(output.title.length).toBeLessThanOrEqual(200);
  });

  it("is deterministic, so an unchanged verdict is recognised and not written again", () => {
    const rows: RuleResult[] = [
      { rule: "title", label: "Title", state: "pass", reason: "ok", details: ["a"] },
    ];
    expect(renderGate(evaluation(rows))).toEqual(renderGate(evaluation(rows)));
  });
});
