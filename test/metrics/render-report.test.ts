import { emptyTimeline } from "../../src/incident/timeline-state.js";
import { computeMetrics } from "../../src/metrics/compute-metrics.js";
import { renderReport } from "../../src/metrics/render-report.js";

const now = new Date("2026-03-10T00:00:00Z");

test("the table sets each figure against its target, then lists the incidents", () => {
  const timeline = {
    ...emptyTimeline(7),
    detectedAt: "2026-03-01T12:00:00Z",
    pipelines: {
      "8": {
        pr: 8,
        mergeSha: "a".repeat(40),
        mergedAt: "2026-03-01T12:20:00Z",
        tag: "v1.0.1",
        backports: {
          develop: {
            status: "open" as const,
            pr: 10,
            end: { state: "merged" as const, sha: "b".repeat(40), at: "2026-03-01T14:20:00Z", by: "bob" },
          },
          "release/1.x": { status: "already" as const },
          "release/2.x": { status: "open" as const, pr: 11 },
          "release/0.x": {
            status: "failed" as const,
            waived: { by: "bob", reason: "end of life", at: "2026-03-02T00:00:00Z" },
          },
        },
        followUps: { "post-mortem": { issue: 9, url: "u" } },
        done: true,
        heartbeatAt: "x",
        deploy: { deployedAt: "2026-03-01T12:30:00Z" },
      },
    },
  };
  const metrics = computeMetrics(
    [
      {
        number: 7,
        title: "Checkout\n| down",
        url: "u",
        severity: "P1",
        state: "closed",
        createdAt: "2026-03-01T12:00:00Z",
        timeline,
      },
    ],
    new Map([[9, "open"]]),
    { now, since: new Date("2026-03-01T00:00:00Z") },
  );
  const text = renderReport("acme/webshop", metrics);
  const lines = text.split("\n");
  expect(lines[0]).toBe("Recovery report for acme/webshop: 1 incident detected since 2026-03-01");
  const row = (name: string) => lines.find((l) => l.startsWith(name))?.split(/\s{2,}/);
  expect(row("detection → merge")).toEqual(["detection → merge", "1", "20 min", "20 min"]);
  expect(row("resolution")).toEqual([
    "resolution",
    "1",
    "30 min",
    "30 min",
    "< 1 h",
    "met (1 of 1 within 1 h)",
  ]);
  expect(row("rollback rate")).toEqual(["rollback rate", "0 of 1", "0 %", "< 5 %", "met"]);
  expect(row("follow-up completion")).toEqual(["follow-up completion", "0 of 1", "0 %", "100 %", "MISSED"]);
  expect(row("backports landed")).toEqual(["backports landed", "2 of 3", "66.7 %", "100 %", "MISSED"]);
  expect(row("merge → backport merged")).toEqual([
    "merge → backport merged",
    "1",
    "2 h 00 min",
    "2 h 00 min",
  ]);
  expect(lines).toContain(
    "Backports landed: merged or already on the target; 1 waived with /backport skip, not counted.",
  );
  expect(row("#7")).toEqual(["#7", "P1", "–", "20 min", "30 min", "no", "0/1", "2/3", "Checkout | down"]);
  expect(metrics.backports).toMatchObject({ total: 3, landed: 2, waived: 1, met: false });
  expect(metrics.backports.timeToLand).toEqual({ count: 1, medianMs: 7_200_000, maxMs: 7_200_000 });
  expect(text.endsWith("\n")).toBe(true);
});

test("with no incidents there is nothing to judge", () => {
  const text = renderReport("acme/webshop", computeMetrics([], new Map(), { now }));
  expect(text).toContain("Recovery report for acme/webshop: 0 incidents");
  expect(text).toMatch(/rollback rate\s+0 of 0\s+–\s+< 5 %\s+–/);
  expect(text).not.toContain("Incident  ");
});
