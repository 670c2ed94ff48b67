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

  it("in a dry run, takes the gate's conclusion from the check run the stopped step would have written", () => {
    const stopped = (conclusion: string) => ({
      gate: {
        conclusion,
        summary: "",
        rendered: { status: "completed", conclusion: "failure", title: "", markdown: "" },
      },
    });
    expect(actionOutputs(stopped("failure")).gate).toBe("failure");
    expect(actionOutputs(stopped("pending")).gate).toBe("pending");
    expect(actionOutputs({ timeline: "### Hotfix timeline" }).gate).toBe("");
  });
});
