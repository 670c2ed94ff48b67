import type { PipelineState } from "../../src/incident/timeline-state.js";
import { dueFollowUps } from "../../src/sweep/tasks/notice-overdue-follow-ups.js";

const pipeline = (followUps: PipelineState["followUps"]): PipelineState => ({
  pr: 12,
  mergeSha: "a".repeat(40),
  mergedAt: "2026-11-20T09:00:00Z",
  backports: {},
  followUps,
  done: true,
  heartbeatAt: "2026-11-20T09:01:00Z",
});

test("due: past its time, neither reminded about nor recorded closed; earliest first", () => {
  const p = pipeline({
    "post-mortem": { issue: 1, url: "u1", dueAt: "2026-11-27T09:00:00Z" },
    "post-deploy-review": { issue: 2, url: "u2", dueAt: "2026-11-21T09:00:00Z" },
    "security-review": {
      issue: 3,
      url: "u3",
      dueAt: "2026-11-21T08:00:00Z",
      overdueNoticeAt: "2026-11-21T09:00:00Z",
    },
    "regression-tests": {
      issue: 4,
      url: "u4",
      dueAt: "2026-11-21T07:00:00Z",
      closedAt: "2026-11-21T06:00:00Z",
    },
    "proper-fix": { issue: 5, url: "u5" },
  });
  expect(dueFollowUps(p, new Date("2026-11-21T08:59:59Z"))).toEqual([]);
  expect(dueFollowUps(p, new Date("2026-11-21T09:00:00Z")).map((d) => d.issue)).toEqual([2]);
  expect(dueFollowUps(p, new Date("2026-11-28T00:00:00Z")).map((d) => d.issue)).toEqual([2, 1]);
  expect(dueFollowUps(undefined, new Date())).toEqual([]);
  // A follow-up from before deadlines existed (no dueAt) is never reminded about.
  expect(dueFollowUps(p, new Date("2030-01-01T00:00:00Z")).map((d) => d.issue)).not.toContain(5);
});
