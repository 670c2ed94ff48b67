import { emptyTimeline } from "../../src/incident/timeline-state.js";
import { computeMetrics } from "../../src/metrics/compute-metrics.js";
import { renderHtmlReport } from "../../src/metrics/html/render-html-report.js";
import { HOSTILE_TITLE } from "../support/hostile-text.js";

// Anyone who can open an issue writes its title; the report, the dashboard and the sandbox's pages put titles
// (and comment bodies) into HTML. Each must come out as text, never as markup.

test("an issue title with script and attribute breakouts is text in the HTML report", () => {
  const m = computeMetrics(
    [
      {
        number: 7,
        title: HOSTILE_TITLE,
        url: `javascript:alert(4)//"><b>`,
        severity: `P1"><i>`,
        state: "open",
        createdAt: "2026-03-01T12:00:00Z",
        timeline: { ...emptyTimeline(7), detectedAt: "2026-03-01T12:00:00Z" },
      },
    ],
    new Map(),
    { now: new Date("2026-03-02T00:00:00Z") },
  );
  const html = renderHtmlReport(`acme/<b>webshop`, m);
  expect(html).not.toMatch(/<script|<img|<svg onload|<b>|<i>|javascript:/i);
  expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
  expect(html).toContain('<a href="#">#7</a>');
});
