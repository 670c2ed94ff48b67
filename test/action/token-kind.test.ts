import { tokenKind } from "../../src/action/token-kind.js";

describe("tokenKind", () => {
  it.each([
    ["ghs_workflow", { workflowToken: "ghs_workflow" }, "workflow"],
    ["ghs_workflow", { envToken: "ghs_workflow" }, "workflow"],
    // An App installation token has the same prefix; only equality tells them apart.
    ["ghs_app", { workflowToken: "ghs_workflow" }, "other"],
    ["ghp_personal", { workflowToken: "ghs_workflow", envToken: "ghs_workflow" }, "other"],
    ["ghs_anything", {}, "unknown"],
    ["ghs_anything", { workflowToken: "", envToken: "" }, "unknown"],
  ] as const)("%s with %j is %s", (token, known, expected) => {
    expect(tokenKind(token, known)).toBe(expected);
  });
});
