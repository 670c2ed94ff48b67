import { ActionInputError } from "../../src/action/inputs.js";
import { tokenApp } from "../../src/action/token-app.js";

describe("tokenApp", () => {
  it("is github-actions for the workflow token, unless the app input says otherwise", () => {
    expect(tokenApp({ app: "", kind: "workflow" })).toEqual({ slug: "github-actions" });
    expect(tokenApp({ app: "4242", kind: "workflow" })).toEqual({ id: 4242 });
  });

  it("takes the app input as an id (digits) or a slug", () => {
    expect(tokenApp({ app: "123", kind: "other" })).toEqual({ id: 123 });
    expect(tokenApp({ app: "acme-hotfix", kind: "other" })).toEqual({ slug: "acme-hotfix" });
  });

  it.each(["other", "unknown"] as const)("refuses a %s token without the app input, naming it", (kind) => {
    expect(() => tokenApp({ app: "", kind })).toThrow(ActionInputError);
    expect(() => tokenApp({ app: "", kind })).toThrow(/input "app": github-token is not the workflow token/);
  });
});
