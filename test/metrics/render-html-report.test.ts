import { emptyTimeline, type TimelineState } from "../../src/incident/timeline-state.js";
import { computeMetrics, type IncidentRecord } from "../../src/metrics/compute-metrics.js";
import { renderHtmlReport } from "../../src/metrics/html/render-html-report.js";
import { incidentsPerWeek } from "../../src/metrics/html/report-charts.js";

const MIN = 60_000;
const T0 = Date.parse("2026-03-02T12:00:00Z"); // a Monday
const at = (minutes: number) => new Date(T0 + minutes * MIN).toISOString();

function record(number: number, title: string, detected: number, mergedAfter: number | null): IncidentRecord {
  const timeline: TimelineState = { ...emptyTimeline(number), detectedAt: at(detected) };
  if (mergedAfter !== null)
    timeline.pipelines = {
      "1": {
        pr: 1,
        mergeSha: "a".repeat(40),
        mergedAt: at(detected + mergedAfter),
        backports: {},
        followUps: { "post-mortem": { issue: 900 + number, url: "u" } },
        done: true,
        heartbeatAt: at(0),
      },
    };
  return {
    number,
    title,
    url: `https://github.example/acme/webshop/issues/${number}`,
    severity: "P1",
    state: "closed",
    createdAt: at(detected),
    timeline,
  };
}

const now = new Date(T0 + 21 * 24 * 60 * MIN);

test("the page carries the figures of the metrics, each chart with a title and a description", () => {
  const m = computeMetrics(
    [record(1, "Checkout down", 0, 30), record(2, "Payments", 8 * 24 * 60, 90)],
    new Map(),
    {
      now,
    },
  );
  const html = renderHtmlReport("acme/webshop", m);
  const figure = (name: string) =>
    new RegExp(`data-figure="${name}" data-value="([^"]*)">([^<]*)`).exec(html);
  expect(figure("incidents")?.slice(1)).toEqual(["2", "2"]);
  expect(figure("resolution-within")?.slice(1)).toEqual(["1", "1 of 2"]);
  expect(figure("follow-ups-overdue")?.slice(1)).toEqual(["2", "2"]);
  expect(figure("follow-up-completion")?.slice(1)).toEqual(["0", "0 %"]);
  for (const id of ["chart-recovery", "chart-stages", "chart-targets", "chart-weekly"]) {
    expect(html).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
    expect(html).toMatch(new RegExp(`<desc id="${id}-desc">[^<]{10,}</desc>`));
  }
  // One resolved within the hour (solid), one over it (hatched).
  expect(html).toContain("<title>#1: 30 min (within 1 h)");
  expect(html).toContain("<title>#2: 1 h 30 min (over 1 h)");
  expect(html).toMatch(/<title>#2[^<]*<\/title><\/rect>/);
  expect(html).toMatch(/fill="url\(#hatch\)"><title>#2/);
});

test("self-contained: no script, no external resource, a restrictive Content-Security-Policy", () => {
  const html = renderHtmlReport("acme/webshop", computeMetrics([record(1, "x", 0, 30)], new Map(), { now }));
  expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/i);
  expect(html).toContain(
    `http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-`,
  );
  expect(html).not.toMatch(/\bsrc="/);
});

test("incidents per week: empty weeks kept, weeks from Monday, at most 26 ending this week", () => {
  const m = computeMetrics(
    [record(1, "a", 0, 30), record(2, "b", 60, 30), record(3, "c", 15 * 24 * 60, 30)],
    new Map(),
    {
      now,
    },
  );
  expect(incidentsPerWeek(m)).toEqual([
    { week: "2026-03-02", count: 2 },
    { week: "2026-03-09", count: 0 },
    { week: "2026-03-16", count: 1 },
    { week: "2026-03-23", count: 0 },
  ]);
  const old = computeMetrics([record(1, "a", -400 * 24 * 60, 30)], new Map(), { now });
  expect(incidentsPerWeek(old)).toHaveLength(26);
});
