import { formatDuration, incidentDurations, recoveryLine } from "../../src/incident/incident-durations.js";
import { emptyTimeline, type PipelineState, type TimelineState } from "../../src/incident/timeline-state.js";

const pipeline = (
  pr: number,
  mergedAt: string,
  deploy?: PipelineState["deploy"],
  followUp?: number,
): PipelineState => ({
  pr,
  mergeSha: "a".repeat(40),
  mergedAt,
  tag: `v1.0.${pr}`,
  backports: {},
  followUps: followUp ? { "post-mortem": { issue: followUp, url: "u" } } : {},
  done: true,
  heartbeatAt: mergedAt,
  ...(deploy ? { deploy } : {}),
});

function incident(extra: Partial<TimelineState> = {}): TimelineState {
  return {
    ...emptyTimeline(1),
    detectedAt: "2026-03-01T12:00:00Z",
    intake: {
      trigger: "label",
      branch: "hotfix/incident-1",
      cutFrom: "main",
      baseSha: "b",
      productionSha: "b",
      pr: { number: 2, url: "u", openedAt: "2026-03-01T12:04:00Z", byBot: true },
    },
    ...extra,
  };
}

test("every duration of a fix that merged and deployed", () => {
  const d = incidentDurations(
    incident({
      pipelines: { "2": pipeline(2, "2026-03-01T12:23:00Z", { deployedAt: "2026-03-01T12:31:30Z" }, 7) },
    }),
  );
  expect(d).toEqual({
    detectedAt: "2026-03-01T12:00:00.000Z",
    prOpenedAt: "2026-03-01T12:04:00.000Z",
    mergedAt: "2026-03-01T12:23:00.000Z",
    deployedAt: "2026-03-01T12:31:30.000Z",
    detectionToPr: 4 * 60_000,
    detectionToMerge: 23 * 60_000,
    mergeToDeploy: 8.5 * 60_000,
    detectionToDeploy: 31.5 * 60_000,
    rolledBack: false,
    followUps: [7],
  });
  expect(recoveryLine(d)).toBe("detection → PR 4 min, → merge 23 min, → deploy 32 min");
});

test("a first fix that failed to deploy and a second that did: the first merge, the successful deploy", () => {
  const d = incidentDurations(
    incident({
      pipelines: {
        "2": pipeline(
          2,
          "2026-03-01T12:20:00Z",
          { failedAt: "2026-03-01T12:25:00Z", rollback: { status: "open", pr: 3 } },
          8,
        ),
        "4": pipeline(4, "2026-03-01T13:00:00Z", { deployedAt: "2026-03-01T13:10:00Z" }, 8),
      },
    }),
  );
  expect(d.detectionToMerge).toBe(20 * 60_000);
  expect(d.mergeToDeploy).toBe(10 * 60_000);
  expect(d.detectionToDeploy).toBe(70 * 60_000);
  expect(d.rolledBack).toBe(true);
  expect(d.followUps).toEqual([8]);
});

test("unknown or impossible spans are null, never negative", () => {
  expect(incidentDurations(emptyTimeline(1))).toMatchObject({
    detectionToPr: null,
    detectionToMerge: null,
    detectionToDeploy: null,
    rolledBack: false,
  });
  const late = incidentDurations(
    incident({ detectedAt: "2026-03-01T14:00:00Z", pipelines: { "2": pipeline(2, "2026-03-01T12:23:00Z") } }),
  );
  expect(late.detectionToMerge).toBeNull();
  expect(recoveryLine(incidentDurations(emptyTimeline(1)))).toBeNull();
  expect(incidentDurations(incident({ detectedAt: "not a date" })).detectionToPr).toBeNull();
});

test.each([
  [0, "0 s"],
  [59_400, "59 s"],
  [60_000, "1 min"],
  [59 * 60_000, "59 min"],
  [65 * 60_000, "1 h 05 min"],
  [26 * 3_600_000, "1 d 2 h"],
])("%d ms is %s", (ms, text) => {
  expect(formatDuration(ms)).toBe(text);
});
