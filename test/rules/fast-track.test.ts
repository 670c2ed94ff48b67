import { describe, expect, test } from "@jest/globals";
import { configSchema } from "../../src/config/schema.js";
import { fastTrackRecorded } from "../../src/gate/fast-track-clock.js";
import {
  fastTrackMarkerLine,
  fastTrackRunMarker,
  fastTrackStartInRun,
} from "../../src/gate/fast-track-marker.js";
import { decideFastTrack, type FastTrackInput } from "../../src/rules/fast-track.js";
import type { RuleResult } from "../../src/rules/rule-result.js";
import { pendingFastTracks } from "../../src/sweep/tasks/fire-fast-track.js";

const HEAD = "a".repeat(40);
const NOW = new Date("2026-11-27T06:10:00.000Z");
const waiting: RuleResult = {
  rule: "approvals",
  label: "Approvals",
  state: "pending",
  reason: "1 more approval needed for P1 (1 required; no approval yet)",
};
const green: RuleResult[] = [
  { rule: "title", label: "Title", state: "pass", reason: "ok" },
  { rule: "diff-budget", label: "Diff budget", state: "warn", reason: "large" },
];
const input = (over: Partial<FastTrackInput> = {}): FastTrackInput => ({
  timeoutMinutes: 5,
  approvals: waiting,
  otherRows: green,
  draft: false,
  recorded: { run: null, timeline: null },
  timelineAvailable: true,
  now: NOW,
  ...over,
});
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

describe("decideFastTrack", () => {
  test("a clock with no record starts now and the row keeps waiting, saying when it lapses", () => {
    const verdict = decideFastTrack(input());
    expect(verdict.clock).toEqual({
      since: NOW.toISOString(),
      dueAt: "2026-11-27T06:15:00.000Z",
      minutes: 5,
      fired: false,
    });
    expect(verdict.approvals.state).toBe("pending");
    expect(verdict.approvals.reason).toContain("fast-track at 06:15 UTC (5 min without review)");
  });

  test("both records agreeing past the timeout fire: the row passes as fast-tracked", () => {
    const since = minutesAgo(5);
    const verdict = decideFastTrack(input({ recorded: { run: since, timeline: since } }));
    expect(verdict.clock?.fired).toBe(true);
    expect(verdict.approvals.state).toBe("pass");
    expect(verdict.approvals.reason).toMatch(/^fast-tracked after 5 min without review/);
  });

  test("the later record wins: a backdated timeline (or run) cannot advance the clock", () => {
    for (const recorded of [
      { run: minutesAgo(2), timeline: minutesAgo(90) },
      { run: minutesAgo(90), timeline: minutesAgo(2) },
    ]) {
      const verdict = decideFastTrack(input({ recorded }));
      expect(verdict.clock).toMatchObject({ since: minutesAgo(2), fired: false });
      expect(verdict.approvals.state).toBe("pending");
    }
  });

  test("a missing or unreadable record counts as now: deleting one restarts the clock", () => {
    for (const recorded of [
      { run: minutesAgo(90), timeline: null },
      { run: null, timeline: minutesAgo(90) },
      { run: "yesterday", timeline: minutesAgo(90) },
    ]) {
      const verdict = decideFastTrack(input({ recorded }));
      expect(verdict.clock?.fired).toBe(false);
    }
  });

  test("no clock while a draft, off, failing, waiting on another row, or without a timeline", () => {
    const fired = { recorded: { run: minutesAgo(60), timeline: minutesAgo(60) } };
    const cases: Partial<FastTrackInput>[] = [
      { draft: true },
      { timeoutMinutes: null },
      { approvals: { ...waiting, state: "fail", reason: "changes requested by bob" } },
      {
        otherRows: [
          ...green,
          { rule: "critical-tests", label: "Critical tests", state: "pending", reason: "running" },
        ],
      },
      { otherRows: [...green, { rule: "title", label: "Title", state: "fail", reason: "no key" }] },
      { timelineAvailable: false },
    ];
    for (const over of cases) {
      const verdict = decideFastTrack(input({ ...fired, ...over }));
      expect(verdict.clock).toBeNull();
      expect(verdict.approvals.state).toBe(over.approvals?.state ?? "pending");
    }
    expect(decideFastTrack(input({ timelineAvailable: false })).approvals.reason).toContain(
      "not linked to an incident",
    );
  });
});

describe("the check run's copy of the start", () => {
  test("is read only for its head, only at the start of the text, and only when well-formed", () => {
    const marker = fastTrackRunMarker(HEAD, minutesAgo(3));
    expect(fastTrackStartInRun(`${marker}\n**Approvals**`, HEAD)).toBe(minutesAgo(3));
    expect(fastTrackStartInRun(marker, "b".repeat(40))).toBeNull();
    expect(fastTrackStartInRun(`details\n${marker}`, HEAD)).toBeNull();
    expect(fastTrackStartInRun(fastTrackRunMarker(HEAD, "soon"), HEAD)).toBeNull();
    expect(fastTrackMarkerLine(`${marker}\nrest`)).toBe(marker);
    expect(fastTrackMarkerLine("rest")).toBeNull();
  });
});

describe("the timeline's record", () => {
  const clock = { since: minutesAgo(6), dueAt: minutesAgo(1), minutes: 5, fired: true };
  test("is rewritten only when the head, start, timeout or firing changed", () => {
    expect(
      fastTrackRecorded({ head: HEAD, since: clock.since, minutes: 5, firedAt: minutesAgo(1) }, HEAD, clock),
    ).toBe(true);
    expect(fastTrackRecorded({ head: HEAD, since: clock.since, minutes: 5 }, HEAD, clock)).toBe(false);
    expect(fastTrackRecorded({ head: "b".repeat(40), since: clock.since, minutes: 5 }, HEAD, clock)).toBe(
      false,
    );
    expect(fastTrackRecorded(undefined, HEAD, clock)).toBe(false);
  });

  test("the sweep finds unfired clocks with their due time, and skips fired or damaged ones", () => {
    const found = pendingFastTracks({
      v: 1,
      incident: 7,
      entries: [],
      pipelines: {},
      fastTrack: {
        "12": { head: HEAD, since: "2026-11-27T06:00:00.000Z", minutes: 5 },
        "13": {
          head: HEAD,
          since: "2026-11-27T06:00:00.000Z",
          minutes: 5,
          firedAt: "2026-11-27T06:05:00.000Z",
        },
        "14": { head: HEAD, since: "not a time", minutes: 5 },
      },
    });
    expect(found).toEqual([{ key: "fast-track-12", dueAt: "2026-11-27T06:05:00.000Z", pr: 12, head: HEAD }]);
  });
});

test("fast-track defaults: 5 min for P0, 15 min for P1, off for P2", () => {
  const config = configSchema.parse({});
  expect(config.approvals.P0.timeoutMinutes).toBe(5);
  expect(config.approvals.P1.timeoutMinutes).toBe(15);
  expect(config.approvals.P2.timeoutMinutes).toBeNull();
  expect(configSchema.safeParse({ approvals: { P1: { timeoutMinutes: 0 } } }).success).toBe(false);
  expect(configSchema.parse({ approvals: { P2: { timeoutMinutes: 60 } } }).approvals.P2).toMatchObject({
    required: 1,
    timeoutMinutes: 60,
  });
});
