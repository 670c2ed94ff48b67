import { backportPrEventFrom, recordBackportEvent } from "../../src/backport/backport-pr-event.js";
import { parseBackportSkip, waiveBackports } from "../../src/backport/backport-skip-command.js";
import { reminderKey, staleBackports } from "../../src/backport/stale-backports.js";
import { durationMs } from "../../src/config/schema.js";
import { incidentProgress } from "../../src/incident/incident-resolution.js";
import { emptyTimeline, type PipelineState, type TimelineState } from "../../src/incident/timeline-state.js";

const SHA = "a".repeat(40);

function stateWith(backports: PipelineState["backports"], deployedAt?: string): TimelineState {
  return {
    ...emptyTimeline(7),
    commander: "alice",
    pipelines: {
      "12": {
        pr: 12,
        mergeSha: SHA,
        mergedAt: "2026-03-01T10:00:00Z",
        backports,
        followUps: {},
        done: true,
        heartbeatAt: "2026-03-01T10:01:00Z",
        ...(deployedAt ? { deploy: { deployedAt } } : {}),
      },
    },
  };
}

function closedEvent(fields: Record<string, unknown>, action = "closed") {
  return {
    action,
    pull_request: {
      number: 20,
      html_url: "https://github.com/acme/webshop/pull/20",
      head: { ref: "hotfix-bot/backport-12-to-develop" },
      base: { ref: "develop" },
      merged: true,
      merge_commit_sha: "b".repeat(40),
      merged_at: "2026-03-02T09:00:00Z",
      closed_at: "2026-03-02T09:00:00Z",
      merged_by: { login: "bob" },
      ...fields,
    },
    sender: { login: "carol" },
  };
}

describe("incidentProgress", () => {
  it("is recovered at the deploy and resolved only once every backport landed or was waived", () => {
    const open = stateWith(
      { develop: { status: "open", pr: 20 }, "release/1.x": { status: "already" } },
      "2026-03-01T11:00:00Z",
    );
    expect(incidentProgress(open, true)).toMatchObject({ recovered: true, resolved: false });
    expect(incidentProgress(open, true).pending).toEqual([
      { hotfixPr: 12, target: "develop", pr: 20, why: "open" },
    ]);
    const notDeployed = stateWith({ develop: { status: "already" } });
    expect(incidentProgress(notDeployed, true)).toMatchObject({ recovered: false, resolved: false });
    // Without a deploy step, the merge is the recovery.
    expect(incidentProgress(notDeployed, false)).toMatchObject({ recovered: true, resolved: true });
    const closed = stateWith(
      {
        develop: {
          status: "open",
          pr: 20,
          end: { state: "closed", at: "2026-03-02T09:00:00Z", by: "carol" },
        },
      },
      "2026-03-01T11:00:00Z",
    );
    expect(incidentProgress(closed, true).pending[0]?.why).toBe("closed");
    const failed = stateWith({ develop: { status: "failed", error: "x" } }, "2026-03-01T11:00:00Z");
    expect(incidentProgress(failed, true).resolved).toBe(false);
    const waived = waiveBackports(
      failed,
      { target: "develop", reason: "not needed", commenter: "bob" },
      "2026-03-02T00:00:00Z",
    );
    expect(waived && incidentProgress(waived, true).resolved).toBe(true);
  });
});

describe("backport PR events", () => {
  it("records a merge of the PR the state knows, once, with the merge SHA and who merged it", () => {
    const state = stateWith({ develop: { status: "conflict", pr: 20 } });
    const event = backportPrEventFrom(closedEvent({}));
    expect(event).toMatchObject({ hotfixPr: 12, number: 20, merged: true, actor: "bob" });
    const first = event && recordBackportEvent(state, event, "2026-03-02T10:00:00Z");
    expect(first?.changed).toBe(true);
    expect(first?.state.pipelines["12"]?.backports.develop?.end).toEqual({
      state: "merged",
      sha: "b".repeat(40),
      at: "2026-03-02T09:00:00.000Z",
      by: "bob",
      conflict: true,
    });
    expect(first?.state.entries.map((e) => e.text)).toEqual([
      `Backport to develop merged (conflicts resolved): #20 as bbbbbbb by @bob`,
    ]);
    // Redelivered: nothing changes, so nothing is written.
    const again = event && first && recordBackportEvent(first.state, event, "2026-03-02T11:00:00Z");
    expect(again?.changed).toBe(false);
  });

  it("ignores a PR the state does not record, whatever its branch is called, and a PR into another base", () => {
    const state = stateWith({ develop: { status: "open", pr: 21 } });
    const event = backportPrEventFrom(closedEvent({}));
    expect(event && recordBackportEvent(state, event, "2026-03-02T10:00:00Z")).toBeNull();
    const retargeted = backportPrEventFrom(closedEvent({ number: 21, base: { ref: "main" } }));
    expect(retargeted && recordBackportEvent(state, retargeted, "2026-03-02T10:00:00Z")).toBeNull();
    expect(backportPrEventFrom(closedEvent({ head: { ref: "feature/backport-12-to-develop" } }))).toBeNull();
  });

  it("records a close without merge by whoever closed it; a reopen clears it", () => {
    const state = stateWith({ develop: { status: "open", pr: 20 } });
    const closed = backportPrEventFrom(
      closedEvent({ merged: false, merge_commit_sha: null, merged_at: null, merged_by: null }),
    );
    const after = closed && recordBackportEvent(state, closed, "2026-03-02T10:00:00Z");
    expect(after?.state.pipelines["12"]?.backports.develop?.end).toEqual({
      state: "closed",
      at: "2026-03-02T09:00:00.000Z",
      by: "carol",
    });
    const reopened = backportPrEventFrom(
      closedEvent({ merged: false, updated_at: "2026-03-02T12:00:00Z" }, "reopened"),
    );
    const back = reopened && after && recordBackportEvent(after.state, reopened, "2026-03-02T12:00:00Z");
    expect(back?.state.pipelines["12"]?.backports.develop?.end).toBeUndefined();
    expect(back?.state.entries.map((e) => e.text)).toEqual(["Backport to develop reopened by @carol: #20"]);
  });
});

describe("/backport skip", () => {
  const comment = (body: string, extra: Record<string, unknown> = {}) => ({
    action: "created",
    issue: { number: 7, ...extra },
    comment: { id: 99, body, user: { id: 5, login: "bob", type: "User" } },
  });

  it("reads the branch and the rest of the first line as the reason, on an issue only", () => {
    expect(
      parseBackportSkip(comment("/backport skip release/1.x superseded by 1.x EOL\nmore")),
    ).toMatchObject({
      incident: 7,
      target: "release/1.x",
      reason: "superseded by 1.x EOL",
      commenterId: 5,
    });
    expect(parseBackportSkip(comment("/backport skip develop"))?.reason).toBe("");
    expect(parseBackportSkip(comment("/backport skip develop x", { pull_request: {} }))).toBeNull();
    expect(parseBackportSkip(comment("please /backport skip develop x"))).toBeNull();
  });
});

describe("staleBackports", () => {
  const now = new Date("2026-03-04T10:00:00Z");
  const after = durationMs("2d");

  it("reminds about an open backport PR older than remindAfter, once", () => {
    const state = stateWith({
      develop: { status: "open", pr: 20 },
      "release/1.x": { status: "open", pr: 21 },
    });
    const open = [
      { number: 20, createdAt: "2026-03-01T10:05:00Z" },
      { number: 21, createdAt: "2026-03-03T10:05:00Z" },
    ];
    expect(staleBackports(state, open, now, after)).toEqual([
      {
        hotfixPr: 12,
        target: "develop",
        pr: 20,
        openFor: now.getTime() - Date.parse("2026-03-01T10:05:00Z"),
      },
    ]);
    const reminded = { ...state, entries: [{ key: reminderKey(20), at: "2026-03-04T09:00:00Z", text: "x" }] };
    expect(staleBackports(reminded, open, now, after)).toEqual([]);
  });

  it("never reminds about a PR the state does not record, a landed, closed or waived backport", () => {
    const state = stateWith({
      develop: { status: "open", pr: 20, end: { state: "closed", at: "2026-03-02T00:00:00Z", by: "bob" } },
      "release/1.x": {
        status: "open",
        pr: 21,
        waived: { by: "bob", reason: "x", at: "2026-03-02T00:00:00Z" },
      },
    });
    const open = [20, 21, 22].map((number) => ({ number, createdAt: "2026-03-01T10:05:00Z" }));
    expect(staleBackports(state, open, now, after)).toEqual([]);
  });

  it("reads durations in minutes, hours and days", () => {
    expect(["30m", "12h", "2d"].map(durationMs)).toEqual([1_800_000, 43_200_000, 172_800_000]);
  });
});
