import { isWrite, requestPath } from "../../src/action/record-writes.js";

describe("the Action's record of its writes", () => {
  it("tells writes from reads", () => {
    expect(["POST", "PATCH", "PUT", "DELETE", "post"].map(isWrite)).toEqual([true, true, true, true, true]);
    expect(["GET", "HEAD", "get"].map(isWrite)).toEqual([false, false, false]);
  });

  it("keeps the path of absolute and relative URLs", () => {
    expect(requestPath("http://127.0.0.1:5/repos/a/b/check-runs?x=1")).toBe("/repos/a/b/check-runs");
    expect(requestPath("/repos/a/b/pulls")).toBe("/repos/a/b/pulls");
  });
});
