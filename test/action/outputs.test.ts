import { actionOutputs } from "../../src/action/outputs.js";

describe("actionOutputs", () => {
  it("sets every output, empty when the event produced nothing", () => {
    expect(actionOutputs({})).toEqual({
      gate: "",
      tag: "",
      "release-url": "",
      backports: "[]",
      "follow-ups": "[]",
    });
  });

  it("maps the engine's outcome: gate conclusion, tag, release, backports and follow-ups as JSON", () => {
    const outputs = actionOutputs({
      gate: { conclusion: "success", summary: "Passed" },
      tag: "hotfix-20261121-1405",
      releaseUrl: "https://example.test/releases/1",
      backports: [
        { target: "develop", pr: 12, url: "https://example.test/pull/12", conflict: false, status: "open" },
        { target: "release/1.x", conflict: true, status: "failed" },
      ],
      followUps: [{ kind: "post-mortem", issue: 13, url: "https://example.test/issues/13" }],
    });
    expect(outputs.gate).toBe("success");
    expect(outputs.tag).toBe("hotfix-20261121-1405");
    expect(outputs["release-url"]).toBe("https://example.test/releases/1");
    expect(JSON.parse(outputs.backports)).toEqual([
      { target: "develop", pr: 12, url: "https://example.test/pull/12", conflict: false, status: "open" },
      { target: "release/1.x", pr: null, url: null, conflict: true, status: "failed" },
    ]);
    expect(JSON.parse(outputs["follow-ups"])).toEqual([
      { kind: "post-mortem", issue: 13, url: "https://example.test/issues/13" },
    ]);
  });

  it("in a dry run, takes the gate's conclusion from the check run it would have written", () => {
    const would = (status: string, conclusion: string | null) => ({
      status,
      conclusion,
      title: "",
      markdown: "",
    });
    expect(actionOutputs({}, would("completed", "failure")).gate).toBe("failure");
    expect(actionOutputs({}, would("in_progress", null)).gate).toBe("pending");
    // The engine's own word wins when the step finished.
    expect(
      actionOutputs({ gate: { conclusion: "success", summary: "" } }, would("completed", "failure")).gate,
    ).toBe("success");
  });
});
