import { incidentChangeFrom } from "../../src/intake/incident-change.js";
import { changeEntry } from "../../src/intake/incident-change-route.js";
import { example } from "../support/webhook-examples.js";

type Json = Record<string, unknown>;

describe("incidentChangeFrom", () => {
  it("reads unlabeled, closed and reopened issues from GitHub's examples", () => {
    const unlabeled = example("issues", "unlabeled");
    expect(incidentChangeFrom({ name: "issues", id: "1", payload: unlabeled })).toMatchObject({
      kind: "unlabeled",
      label: (unlabeled.label as Json).name,
      actor: (unlabeled.sender as Json).login,
    });
    const closed = example("issues", "opened");
    closed.action = "closed";
    (closed.issue as Json).closed_at = "2026-03-01T12:00:00Z";
    (closed.issue as Json).state = "closed";
    expect(incidentChangeFrom({ name: "issues", id: "1", payload: closed })).toMatchObject({
      kind: "closed",
      at: "2026-03-01T12:00:00Z",
    });
    const reopened = example("issues", "reopened");
    expect(incidentChangeFrom({ name: "issues", id: "1", payload: reopened })).toMatchObject({
      kind: "reopened",
    });
  });

  it("ignores other actions, other events and pull requests", () => {
    expect(incidentChangeFrom({ name: "issues", id: "1", payload: example("issues", "labeled") })).toBeNull();
    expect(incidentChangeFrom({ name: "push", id: "1", payload: example("issues", "unlabeled") })).toBeNull();
    const pull = example("issues", "unlabeled");
    (pull.issue as Json).pull_request = {};
    expect(incidentChangeFrom({ name: "issues", id: "1", payload: pull })).toBeNull();
  });
});

describe("changeEntry", () => {
  const issue = { number: 7, title: "t", state: "closed" as const, labels: [], url: "u" };
  const at = "2026-03-01T12:00:00.000Z";

  it("says whether an incident was closed before its fix merged", () => {
    const closed = { kind: "closed" as const, issue, actor: "alice", at, reason: null };
    expect(changeEntry(closed, false, at).text).toBe("Incident closed by @alice before a fix was merged");
    expect(changeEntry(closed, true, at).text).toBe("Incident closed by @alice");
  });

  it("keys entries by time, so a redelivery replaces its own entry and a later change adds one", () => {
    const removed = { kind: "unlabeled" as const, issue, label: "P1-hotfix", actor: "bob", at };
    expect(changeEntry(removed, false, at)).toEqual({
      key: `unlabeled-P1-hotfix-${at}`,
      at,
      text: "Label P1-hotfix removed by @bob",
    });
    expect(changeEntry(removed, false, "2026-03-01T13:00:00.000Z").key).not.toBe(
      changeEntry(removed, false, at).key,
    );
  });
});
