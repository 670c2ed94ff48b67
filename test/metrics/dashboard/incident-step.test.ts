import {
  emptyTimeline,
  type PipelineState,
  type TimelineState,
} from "../../../src/incident/timeline-state.js";
import { incidentStep } from "../../../src/metrics/dashboard/incident-step.js";

const intake: TimelineState["intake"] = {
  trigger: "label",
  branch: "hotfix/incident-1",
  cutFrom: "main",
  baseSha: "b",
  productionSha: "b",
};
const pipeline = (extra: Partial<PipelineState>): PipelineState => ({
  pr: 2,
  mergeSha: "m",
  mergedAt: "2026-03-01T12:20:00Z",
  backports: {},
  followUps: {},
  done: true,
  heartbeatAt: "2026-03-01T12:20:00Z",
  ...extra,
});

test("each stage of an incident names its step and links where it can", () => {
  const state = (extra: Partial<TimelineState>) => ({ ...emptyTimeline(1), ...extra });
  expect(incidentStep(null).step).toBe("intake: waiting for the hotfix branch");
  expect(incidentStep(state({ intake })).step).toBe("fixing: branch hotfix/incident-1 cut, no PR yet");
  const withPr = { ...intake, pr: { number: 2, url: "https://x/pull/2", openedAt: "t", byBot: true } };
  expect(incidentStep(state({ intake: withPr }))).toEqual({
    step: "gate: hotfix PR #2 under review",
    stepUrl: "https://x/pull/2",
  });
  expect(incidentStep(state({ intake: withPr, pipelines: { "2": pipeline({ done: false }) } })).step).toBe(
    "after merge of #2: tag, backports, follow-ups",
  );
  expect(incidentStep(state({ intake: withPr, pipelines: { "2": pipeline({}) } })).step).toBe(
    "merged (#2); waiting for the deploy",
  );
  expect(
    incidentStep(
      state({ intake, pipelines: { "2": pipeline({ tag: "v1.2.1", deploy: { deployedAt: "t" } }) } }),
    ).step,
  ).toBe("deployed (v1.2.1); follow-ups open");
  expect(
    incidentStep(
      state({
        intake,
        pipelines: {
          "2": pipeline({
            deploy: { failedAt: "t", rollback: { status: "open", pr: 9, url: "https://x/pull/9" } },
          }),
        },
      }),
    ),
  ).toEqual({ step: "rollback: deploy of #2 failed, revert PR #9", stepUrl: "https://x/pull/9" });
});
