import { intakeTriggerFrom, parseHotfixCommand } from "../../src/intake/intake-trigger.js";
import { example } from "../support/webhook-examples.js";

type Json = Record<string, unknown>;

describe("parseHotfixCommand", () => {
  it.each([
    ["/hotfix", null],
    ["/hotfix  ", null],
    ["/hotfix P0", "P0"],
    ["/HOTFIX p2", "P2"],
    ["/hotfix\nlogins are failing since 14:02", null],
  ])("%j is a command (severity %j)", (body, severity) => {
    expect(parseHotfixCommand(body)).toEqual({ severity, line: null });
  });

  it.each([
    ["/hotfix release/1.x", null, "release/1.x"],
    ["/hotfix P0 release/1.x", "P0", "release/1.x"],
    ["/hotfix release/1.x p1", "P1", "release/1.x"],
    ["/hotfix support-2\nCheckout is down on 2.x", null, "support-2"],
  ])("%j names a line (severity %j, line %j)", (body, severity, line) => {
    expect(parseHotfixCommand(body)).toEqual({ severity, line });
  });

  it.each([
    "please run /hotfix",
    "/hotfixes are great",
    "/hotfix P3",
    "/hotfix now",
    "> /hotfix",
    "",
    "text\n/hotfix",
    "/hotfix release/1.x release/2.x",
    "/hotfix P0 P1",
    "/hotfix release/1.x; rm -rf /",
    "/hotfix $(id)/1",
    `/hotfix release/${"1".repeat(300)}`,
  ])("%j is not a command", (body) => {
    expect(parseHotfixCommand(body)).toBeNull();
  });
});

describe("intakeTriggerFrom", () => {
  it("reads a label added to an issue (GitHub's example payload)", () => {
    const payload = example("issues", "labeled");
    const issue = payload.issue as Json;
    const trigger = intakeTriggerFrom({ name: "issues", id: "1", payload });
    expect(trigger).toEqual({
      kind: "label",
      issue: {
        number: issue.number,
        title: issue.title,
        state: issue.state,
        labels: (issue.labels as { name: string }[]).map((l) => l.name),
        url: issue.html_url,
      },
      label: (payload.label as Json).name,
      actor: (payload.sender as Json).login,
      actorId: (payload.sender as Json).id,
      at: issue.updated_at,
    });
  });

  it("reads /hotfix from a person's new comment", () => {
    const payload = example("issue_comment", "created");
    const comment = payload.comment as Json;
    comment.body = "/hotfix P0\nCheckout is down";
    const trigger = intakeTriggerFrom({ name: "issue_comment", id: "1", payload });
    expect(trigger).toMatchObject({
      kind: "command",
      actor: (comment.user as Json).login,
      commentId: comment.id,
      at: comment.created_at,
      severity: "P0",
    });
  });

  it("ignores comments that are not the command, bots' comments, pull requests and other actions", () => {
    const plain = example("issue_comment", "created");
    expect(intakeTriggerFrom({ name: "issue_comment", id: "1", payload: plain })).toBeNull();

    const byBot = example("issue_comment", "created");
    (byBot.comment as Json).body = "/hotfix";
    ((byBot.comment as Json).user as Json).type = "Bot";
    expect(intakeTriggerFrom({ name: "issue_comment", id: "1", payload: byBot })).toBeNull();

    const onPull = example("issue_comment", "created");
    (onPull.comment as Json).body = "/hotfix";
    (onPull.issue as Json).pull_request = { url: "x" };
    expect(intakeTriggerFrom({ name: "issue_comment", id: "1", payload: onPull })).toBeNull();

    const edited = example("issue_comment", "edited");
    (edited.comment as Json).body = "/hotfix";
    expect(intakeTriggerFrom({ name: "issue_comment", id: "1", payload: edited })).toBeNull();

    const opened = example("issues", "opened");
    expect(intakeTriggerFrom({ name: "issues", id: "1", payload: opened })).toBeNull();
    expect(
      intakeTriggerFrom({ name: "pull_request", id: "1", payload: example("issues", "labeled") }),
    ).toBeNull();
  });

  it("returns null for a payload that is not shaped like GitHub's", () => {
    expect(intakeTriggerFrom({ name: "issues", id: "1", payload: null })).toBeNull();
    expect(
      intakeTriggerFrom({ name: "issues", id: "1", payload: { action: "labeled", issue: {} } }),
    ).toBeNull();
  });
});
