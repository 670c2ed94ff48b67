import {
  isWrite,
  lastGateWrite,
  lastTimelineWrite,
  type RecordedWrite,
  requestPath,
} from "../../src/action/write-ledger.js";

const checkRun = (path: string, body: unknown, result: RecordedWrite["result"] = "sent"): RecordedWrite => ({
  method: path.endsWith("check-runs") ? "POST" : "PATCH",
  path,
  body,
  result,
});
const output = (summary: string, text = "") => ({ title: `t:${summary}`, summary, text });

describe("write ledger", () => {
  it("tells writes from reads", () => {
    expect(["POST", "PATCH", "PUT", "DELETE", "post"].map(isWrite)).toEqual([true, true, true, true, true]);
    expect(["GET", "HEAD", "get"].map(isWrite)).toEqual([false, false, false]);
  });

  it("keeps the path of absolute and relative URLs", () => {
    expect(requestPath("http://127.0.0.1:5/repos/a/b/check-runs?x=1")).toBe("/repos/a/b/check-runs");
    expect(requestPath("/repos/a/b/pulls")).toBe("/repos/a/b/pulls");
  });

  it("finds the last hotfix-gate check run written, created or updated, and joins summary and text", () => {
    const writes = [
      checkRun("/repos/a/b/check-runs", {
        name: "hotfix-gate",
        status: "in_progress",
        output: output("first"),
      }),
      checkRun("/repos/a/b/issues/1/comments", { body: "hi" }),
      checkRun("/repos/a/b/check-runs/7", {
        status: "completed",
        conclusion: "failure",
        output: output("| row |", "**details**"),
      }),
    ];
    expect(lastGateWrite(writes)).toEqual({
      status: "completed",
      conclusion: "failure",
      title: "t:| row |",
      markdown: "| row |\n\n**details**",
    });
  });

  it("skips failed writes, other check names and bodies without output", () => {
    expect(
      lastGateWrite([
        checkRun("/repos/a/b/check-runs", {
          name: "hotfix-gate",
          status: "in_progress",
          output: output("kept"),
        }),
        checkRun("/repos/a/b/check-runs", { name: "other", output: output("other") }),
        checkRun("/repos/a/b/check-runs/9", { status: "completed" }),
        checkRun("/repos/a/b/check-runs/9", { output: output("lost") }, "failed"),
      ])?.markdown,
    ).toBe("kept");
    expect(lastGateWrite([])).toBeNull();
  });

  it("counts a refused write: the dry run shows what would have been written", () => {
    const refused = checkRun(
      "/repos/a/b/check-runs",
      { name: "hotfix-gate", output: output("would") },
      "refused",
    );
    expect(lastGateWrite([refused])?.markdown).toBe("would");
  });

  it("finds the timeline comment by its marker, created or edited, and drops its hidden state line", () => {
    const timeline = '<!-- hotfix-bot:timeline {"v":1} -->\n### Hotfix timeline';
    expect(
      lastTimelineWrite([
        { method: "POST", path: "/repos/a/b/issues/3/comments", body: { body: timeline }, result: "sent" },
        {
          method: "POST",
          path: "/repos/a/b/issues/3/comments",
          body: { body: "a user-looking comment" },
          result: "sent",
        },
      ]),
    ).toBe("### Hotfix timeline");
    expect(
      lastTimelineWrite([
        {
          method: "PATCH",
          path: "/repos/a/b/issues/comments/55",
          body: { body: `${timeline}!` },
          result: "sent",
        },
      ]),
    ).toBe("### Hotfix timeline!");
    expect(
      lastTimelineWrite([
        { method: "POST", path: "/repos/a/b/issues", body: { body: timeline }, result: "sent" },
        {
          method: "PATCH",
          path: "/repos/a/b/issues/comments/55",
          body: { body: timeline },
          result: "failed",
        },
      ]),
    ).toBeNull();
  });
});
