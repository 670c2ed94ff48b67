import { emptyTimeline, type PipelineState, type TimelineState } from "../../src/incident/timeline-state.js";
import {
  computeMetrics,
  followUpDeadlines,
  type IncidentRecord,
  POLICY,
} from "../../src/metrics/compute-metrics.js";

const MIN = 60_000;
const T0 = Date.parse("2026-03-01T12:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * MIN).toISOString();

function pipeline(
  pr: number,
  merged: number,
  deploy?: PipelineState["deploy"],
  followUps: number[] = [],
): PipelineState {
  const kinds = ["post-mortem", "proper-fix", "regression-tests", "post-deploy-review"] as const;
  return {
    pr,
    mergeSha: "a".repeat(40),
    mergedAt: at(merged),
    tag: `v1.0.${pr}`,
    backports: {},
    followUps: Object.fromEntries(followUps.map((issue, i) => [kinds[i], { issue, url: "u" }])),
    done: true,
    heartbeatAt: at(merged),
    ...(deploy ? { deploy } : {}),
  };
}

function incident(
  number: number,
  timeline: Partial<TimelineState> | null,
  state: "open" | "closed" = "closed",
): IncidentRecord {
  return {
    number,
    title: `Incident ${number}`,
    url: `https://example/${number}`,
    severity: "P1",
    state,
    createdAt: at(0),
    timeline: timeline === null ? null : { ...emptyTimeline(number), detectedAt: at(0), ...timeline },
  };
}

const now = new Date(T0 + 10 * 24 * 60 * MIN);

test("medians, maxima and the policy verdicts over several incidents", () => {
  const records = [
    incident(1, { pipelines: { "10": pipeline(10, 20, { deployedAt: at(30) }, [100, 101]) } }),
    incident(2, { pipelines: { "11": pipeline(11, 40, { deployedAt: at(90) }, [102]) } }),
    incident(3, {
      pipelines: { "12": pipeline(12, 10, { failedAt: at(15), rollback: { status: "open", pr: 13 } }) },
    }),
    incident(4, { pipelines: { "14": pipeline(14, 50) } }),
  ];
  const followUps = new Map<number, "open" | "closed">([
    [100, "closed"],
    [101, "open"],
    [102, "closed"],
  ]);
  const m = computeMetrics(records, followUps, { now });
  expect(m.incidents).toBe(4);
  expect(m.detectionToMerge).toEqual({ count: 4, medianMs: 30 * MIN, maxMs: 50 * MIN });
  expect(m.mergeToDeploy).toEqual({ count: 2, medianMs: 30 * MIN, maxMs: 50 * MIN });
  expect(m.detectionToDeploy).toEqual({ count: 2, medianMs: 60 * MIN, maxMs: 90 * MIN });
  // Resolution: 30 (deploy), 90 (deploy), 10 and 50 (merge: no deploy recorded).
  expect(m.resolution).toMatchObject({
    count: 4,
    within: 3,
    met: false,
    unresolvedOverdue: 0,
    targetMs: POLICY.resolutionMs,
  });
  expect(m.rollback).toEqual({ shipped: 4, rolledBack: 1, rate: 0.25, target: 0.05, met: false });
  expect(m.followUps).toEqual({
    opened: 3,
    closed: 2,
    completion: 2 / 3,
    target: 1,
    met: false,
    overdue: 1,
    onTime: 0,
    late: 0,
  });
  expect(m.perIncident.map((r) => r.followUpsOverdue)).toEqual([[101], [], [], []]);
  expect(m.perIncident.map((r) => [r.number, r.resolutionMs, r.followUpsClosed, r.followUpsOpened])).toEqual([
    [1, 30 * MIN, 1, 2],
    [2, 90 * MIN, 1, 1],
    [3, 10 * MIN, 0, 0],
    [4, 50 * MIN, 0, 0],
  ]);
});

test("all targets met; nothing to measure counts as met", () => {
  const m = computeMetrics(
    [incident(1, { pipelines: { "10": pipeline(10, 20, { deployedAt: at(30) }, [100]) } })],
    new Map([[100, "closed"]]),
    { now },
  );
  expect([m.resolution.met, m.rollback.met, m.followUps.met]).toEqual([true, true, true]);
  const empty = computeMetrics([], new Map(), { now });
  expect(empty).toMatchObject({
    incidents: 0,
    rollback: { rate: null, met: true },
    followUps: { completion: null, met: true },
  });
  expect(empty.resolution).toMatchObject({ count: 0, medianMs: null, met: true });
});

test("an open incident without a fix for longer than the target misses it; a fresh one does not yet", () => {
  const overdue = computeMetrics([incident(1, {}, "open")], new Map(), { now: new Date(T0 + 61 * MIN) });
  expect(overdue.resolution).toMatchObject({ count: 0, unresolvedOverdue: 1, met: false });
  const fresh = computeMetrics([incident(1, {}, "open")], new Map(), { now: new Date(T0 + 59 * MIN) });
  expect(fresh.resolution).toMatchObject({ unresolvedOverdue: 0, met: true });
  // A closed one without a fix (a false alarm) is not overdue.
  expect(computeMetrics([incident(1, {}, "closed")], new Map(), { now }).resolution.met).toBe(true);
});

test("--since keeps incidents detected from then on; without a timeline the issue's creation counts", () => {
  const records = [
    incident(1, { detectedAt: at(-60 * 24) }),
    incident(2, null),
    incident(3, { detectedAt: at(60) }),
  ];
  const m = computeMetrics(records, new Map(), { since: new Date(at(0)), now });
  expect(m.perIncident.map((r) => r.number)).toEqual([2, 3]);
  expect(m.since).toBe(at(0));
});

test("a follow-up whose state is unknown counts as open", () => {
  const m = computeMetrics(
    [incident(1, { pipelines: { "10": pipeline(10, 5, undefined, [100]) } })],
    new Map(),
    { now },
  );
  expect(m.followUps).toMatchObject({ opened: 1, closed: 0, met: false });
});

test("an open follow-up is overdue only a week after its fix merged", () => {
  const records = [incident(1, { pipelines: { "10": pipeline(10, 5, undefined, [100, 101]) } })];
  const states = new Map<number, "open" | "closed">([[101, "closed"]]);
  const merged = T0 + 5 * MIN;
  const before = computeMetrics(records, states, { now: new Date(merged + POLICY.followUpDueMs - 1) });
  const after = computeMetrics(records, states, { now: new Date(merged + POLICY.followUpDueMs + 1) });
  expect([before.followUps.overdue, before.perIncident[0]?.followUpsOverdue]).toEqual([0, []]);
  expect([after.followUps.overdue, after.perIncident[0]?.followUpsOverdue]).toEqual([1, [100]]);
});

test("follow-ups against their own due times: overdue when open past it, on time or late by closed_at", () => {
  const timeline = {
    v: 1 as const,
    incident: 1,
    entries: [],
    pipelines: {
      "12": {
        pr: 12,
        mergeSha: "m",
        mergedAt: "2026-11-20T09:00:00Z",
        backports: {},
        followUps: {
          "post-mortem": { issue: 21, url: "u", dueAt: "2026-11-27T09:00:00Z" },
          "post-deploy-review": { issue: 22, url: "u", dueAt: "2026-11-21T09:00:00Z" },
          "security-review": { issue: 23, url: "u", dueAt: "2026-11-21T09:00:00Z" },
          // Written before deadlines: due a week after the merge.
          "proper-fix": { issue: 24, url: "u" },
        },
        done: true,
        heartbeatAt: "2026-11-20T09:00:00Z",
      },
    },
  };
  const states = new Map<number, "open" | "closed">([
    [21, "closed"],
    [22, "closed"],
    [23, "open"],
    [24, "open"],
  ]);
  const closedAt = new Map([
    [21, "2026-11-27T09:00:00Z"],
    [22, "2026-11-21T09:00:01Z"],
  ]);
  const at = (iso: string) => followUpDeadlines(timeline, states, closedAt, Date.parse(iso));
  expect(at("2026-11-21T10:00:00Z")).toEqual({
    overdue: [23],
    overdueSince: { 23: "2026-11-21T09:00:00.000Z" },
    onTime: 1,
    late: 1,
  });
  expect(at("2026-11-27T09:00:01Z").overdue).toEqual([23, 24]);
});
