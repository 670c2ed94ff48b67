import { resolutionDue } from "../../src/deploy/record-resolution.js";
import {
  backportStateText,
  type ResolutionFacts,
  resolutionBranchName,
  resolutionEntryText,
  resolutionFacts,
  resolutionSection,
  withResolutionSection,
} from "../../src/deploy/resolution-section.js";
import type { PipelineState, TimelineState } from "../../src/incident/timeline-state.js";
import { incidentReport } from "../../src/intake/incident-report.js";

const facts: ResolutionFacts = {
  incident: 7,
  fix: { number: 12, title: "[SPF-1] Fix *auth* @team\n<img src=x>", url: "https://example.test/pull/12" },
  tag: "v1.2.4",
  environment: "production",
  deployedAt: "2026-11-27T07:01:30.000Z",
  recovery: "detection → PR 4 min, → merge 23 min, → deploy 31 min",
  backports: [
    { branch: "release/1.x", state: "merged", pr: 15 },
    { branch: "release/2.x", state: "waived by bob: EOL _soon_" },
  ],
  followUps: [
    { kind: "post-mortem", issue: 20 },
    { kind: "proper-fix", issue: 21 },
  ],
};

test("the section lists the fix, tag, deploy time, recovery, backports and follow-ups, people's words escaped", () => {
  expect(resolutionSection(facts)).toBe(
    [
      "## Resolution",
      "",
      "- Fixed by: [#12](https://example.test/pull/12) \\[SPF\\-1\\] Fix \\*auth\\* @&#8203;team &lt;img src=x\\>",
      "- Tag: `v1.2.4`",
      "- Deployed: 2026-11-27 07:01 UTC to `production`",
      "- Time to recovery: detection → PR 4 min, → merge 23 min, → deploy 31 min",
      "- Backports:",
      "  - `release/1.x`: #15, merged",
      "  - `release/2.x`: waived by bob: EOL \\_soon\\_",
      "- Follow-ups: #20 (post-mortem), #21 (proper-fix)",
      "",
    ].join("\n"),
  );
});

test("no backports, no follow-ups, no detection time: said so, and a backtick cannot leave the tag's code span", () => {
  const text = resolutionSection({ ...facts, tag: "v1`x", backports: [], followUps: [], recovery: null });
  expect(text).toContain("- Tag: `v1'x`");
  expect(text).toContain("- Backports: none");
  expect(text).toContain("- Follow-ups: none");
  expect(text).toContain("- Time to recovery: unknown (the timeline lacks the detection time)");
});

test("the section is appended to the intake report once; a Resolution already there is replaced, later sections kept", () => {
  const report = incidentReport({
    incident: 7,
    title: "Logins fail",
    url: "https://example.test/issues/7",
    severity: "P1",
    detectedAt: "2026-11-27T06:30:00Z",
    commander: "alice",
    branch: "hotfix/incident-7",
    previousTag: "v1.2.3",
  });
  const section = resolutionSection(facts);
  const once = withResolutionSection(report, section);
  expect(once.startsWith(report.trimEnd())).toBe(true);
  expect(once.endsWith(`## Follow-ups\n\n${section}`)).toBe(true);
  expect(withResolutionSection(once, section)).toBe(once);
  const newer = resolutionSection({ ...facts, tag: "v1.2.5" });
  const replaced = withResolutionSection(`${once}\n## Lessons\n\nMore tests.\n`, newer);
  expect(replaced.match(/^## Resolution$/gm)).toHaveLength(1);
  expect(replaced).toContain("- Tag: `v1.2.5`");
  expect(replaced).not.toContain("- Tag: `v1.2.4`");
  expect(replaced.endsWith("## Lessons\n\nMore tests.\n")).toBe(true);
});

test("the timeline's line holds the same facts on one line", () => {
  expect(resolutionEntryText(facts)).toBe(
    'Resolution: fixed by #12 "[SPF-1] Fix *auth* @team <img src=x>"; tag v1.2.4; deployed 2026-11-27 07:01 UTC to production; recovery: detection → PR 4 min, → merge 23 min, → deploy 31 min; backports: release/1.x #15 merged; release/2.x waived by bob: EOL _soon_; follow-ups: #20 (post-mortem), #21 (proper-fix)',
  );
});

const pipeline: PipelineState = {
  pr: 12,
  mergeSha: "a".repeat(40),
  mergedAt: "2026-11-27T06:53:00Z",
  tag: "v1.2.4",
  backports: {
    "release/2.x": { status: "conflict", pr: 16 },
    "release/1.x": {
      status: "open",
      pr: 15,
      end: { state: "merged", sha: "b".repeat(40), at: "x", by: null },
    },
  },
  followUps: { "proper-fix": { issue: 21, url: "u" }, "post-mortem": { issue: 20, url: "u" } },
  deploy: { deployedAt: "2026-11-27T07:01:00Z" },
  done: true,
  heartbeatAt: "2026-11-27T07:01:00Z",
};
const state: TimelineState = {
  v: 1,
  incident: 7,
  detectedAt: "2026-11-27T06:30:00Z",
  entries: [],
  pipelines: { "12": pipeline },
};

test("facts come from the timeline state: backports by branch with their end, follow-ups by number, recovery", () => {
  const read = resolutionFacts(state, pipeline, { number: 12, title: "Fix", url: "u" }, "production");
  expect(read.backports).toEqual([
    { branch: "release/1.x", state: "merged", pr: 15 },
    { branch: "release/2.x", state: "draft with conflicts", pr: 16 },
  ]);
  expect(read.followUps).toEqual([
    { kind: "post-mortem", issue: 20 },
    { kind: "proper-fix", issue: 21 },
  ]);
  expect(read.recovery).toBe("detection → merge 23 min, → deploy 31 min");
  expect(read.deployedAt).toBe("2026-11-27T07:01:00Z");
  expect(backportStateText({ status: "failed", error: "boom" })).toBe("failed: boom");
  expect(backportStateText({ status: "open", end: { state: "closed", at: "x", by: null } })).toBe(
    "closed without merging",
  );
});

test("a Resolution is owed once per incident, after a deploy, never for a fix being rolled back; a failure is retried", () => {
  expect(resolutionDue(state, pipeline)).toBe(true);
  expect(
    resolutionDue({ ...state, resolution: { status: "proposed", fix: 12, at: "x", pr: 30 } }, pipeline),
  ).toBe(false);
  expect(resolutionDue({ ...state, resolution: { status: "timeline", fix: 12, at: "x" } }, pipeline)).toBe(
    false,
  );
  expect(resolutionDue({ ...state, resolution: { status: "failed", fix: 12, at: "x" } }, pipeline)).toBe(
    true,
  );
  expect(resolutionDue(state, { ...pipeline, deploy: {} })).toBe(false);
  expect(
    resolutionDue(state, { ...pipeline, deploy: { ...pipeline.deploy, rollback: { status: "open" } } }),
  ).toBe(false);
  const rollbackBy = { kind: "command" as const, at: "x", by: "bob", reason: "" };
  expect(resolutionDue(state, { ...pipeline, rollbackBy })).toBe(false);
  expect(resolutionBranchName(7)).toBe("hotfix-bot/resolution-7");
  expect(() => resolutionBranchName(0)).toThrow(RangeError);
});
