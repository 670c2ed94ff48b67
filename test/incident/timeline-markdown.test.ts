import fc from "fast-check";
import {
  hasTimelineMarker,
  parseTimeline,
  renderTimeline,
  STORED_ERROR_MAX,
  TIMELINE_BODY_MAX,
  TIMELINE_MARKER,
  TimelineTooLargeError,
} from "../../src/incident/timeline-markdown.js";
import { addEntry, emptyTimeline, type TimelineState } from "../../src/incident/timeline-state.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";

function sample(): TimelineState {
  let s: TimelineState = {
    ...emptyTimeline(5),
    detectedAt: "2026-11-21T13:50:00Z",
    severity: "P1",
    commander: "octocat",
  };
  s = addEntry(s, { key: "detected", at: "2026-11-21T13:50:00Z", text: "Incident opened" });
  s = addEntry(s, {
    key: "merged-12",
    at: "2026-11-21T14:05:00Z",
    text: "PR #12 merged",
    url: "https://github.com/acme/shop/pull/12",
  });
  s.pipelines["12"] = {
    pr: 12,
    mergeSha: SHA,
    mergedAt: "2026-11-21T14:05:00Z",
    tag: "hotfix-20261121-1405",
    release: { id: 7, url: "https://github.com/acme/shop/releases/tag/hotfix-20261121-1405" },
    backports: {
      develop: { status: "open", pr: 13, url: "https://github.com/acme/shop/pull/13" },
      "release/1.x": { status: "conflict", error: "conflict in src/a.ts" },
    },
    followUps: { "post-mortem": { issue: 14, url: "https://github.com/acme/shop/issues/14" } },
    branchDeleted: true,
    done: false,
    heartbeatAt: "2026-11-21T14:06:00Z",
  };
  return s;
}

describe("renderTimeline / parseTimeline", () => {
  it("round-trips the state", () => {
    const state = sample();
    const body = renderTimeline(state);
    expect(body.startsWith(TIMELINE_MARKER)).toBe(true);
    expect(parseTimeline(body)).toEqual(state);
  });

  it("shows every step with its time and link, and the pipelines", () => {
    const body = renderTimeline(sample());
    expect(body).toContain(
      "Incident #5 · severity P1 · commander @&#8203;octocat · detected 2026-11-21 13:50 UTC",
    );
    expect(body).toContain("| 2026-11-21 13:50 | Incident opened |");
    expect(body).toContain("| 2026-11-21 14:05 | [PR \\#12 merged](https://github.com/acme/shop/pull/12) |");
    expect(body).toContain(
      "tag [hotfix\\-20261121\\-1405](https://github.com/acme/shop/releases/tag/hotfix-20261121-1405)",
    );
    expect(body).toContain("develop: open [#13](https://github.com/acme/shop/pull/13)");
    expect(body).toContain("release/1\\.x: conflict (conflict in src/a\\.ts)");
    expect(body).toContain("post-mortem [#14](https://github.com/acme/shop/issues/14)");
  });

  it("round-trips arbitrary text, keys and URLs (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.string({ minLength: 1, maxLength: 30 }),
            text: fc.string({ maxLength: 200 }),
            url: fc.option(
              fc.string({ maxLength: 60 }).map((path) => `https://github.com/acme/shop/${path}`),
              { nil: undefined },
            ),
          }),
          {
            maxLength: 20,
          },
        ),
        fc.string({ maxLength: 40 }),
        (entries, commander) => {
          let s: TimelineState = { ...emptyTimeline(1), commander };
          entries.forEach((e, i) => {
            s = addEntry(s, {
              ...e,
              at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
              ...(e.url ? { url: e.url } : {}),
            });
          });
          const body = renderTimeline(s);
          expect(parseTimeline(body)).toEqual(s);
          // Exactly one state line: nothing the user wrote adds a second marker.
          expect(body.split(TIMELINE_MARKER).length).toBe(2);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("does not let user text forge the state: a marker in an entry or the commander stays text", () => {
    const forged = `${TIMELINE_MARKER}{"v":1,"incident":666,"entries":[],"pipelines":{}} -->`;
    let s: TimelineState = { ...emptyTimeline(5), commander: `x -->\n${forged}` };
    s = addEntry(s, {
      key: "k",
      at: "2026-11-21T14:05:00Z",
      text: `--> ${forged}`,
      url: `https://x.test/${forged}`,
    });
    const body = renderTimeline(s);
    expect(body.split(TIMELINE_MARKER).length).toBe(2);
    expect(body).not.toMatch(/-->[^\n]*-->/);
    expect(parseTimeline(body)?.incident).toBe(5);
    // A user comment that starts with text and quotes a marker later is not state either.
    expect(parseTimeline(`thanks!\n${forged}`)).toBeNull();
  });

  it.each([
    ["no marker", "just a comment"],
    ["corrupt JSON", `${TIMELINE_MARKER}{"v":1, -->\nrest`],
    ["wrong version", `${TIMELINE_MARKER}{"v":2,"incident":1,"entries":[],"pipelines":{}} -->`],
    ["wrong shape", `${TIMELINE_MARKER}{"v":1,"incident":"five","entries":[],"pipelines":{}} -->`],
    ["bad pipeline", `${TIMELINE_MARKER}{"v":1,"incident":1,"entries":[],"pipelines":{"1":{"pr":1}}} -->`],
    ["JSON null", `${TIMELINE_MARKER}null -->`],
    ["unterminated", `${TIMELINE_MARKER}{"v":1,"incident":1,"entries":[],"pipelines":{}}`],
    ["empty", ""],
  ])("reads %s as no state, without throwing", (_name, body) => {
    expect(parseTimeline(body)).toBeNull();
  });

  it("ignores unknown keys and a __proto__ key in the hidden JSON", () => {
    const body = `${TIMELINE_MARKER}{"v":1,"incident":1,"entries":[],"pipelines":{},"extra":1,"__proto__":{"polluted":true}} -->`;
    const state = parseTimeline(body);
    expect(state).toEqual({ v: 1, incident: 1, entries: [], pipelines: {} });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((state as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reads back anything the types allow, so a write never turns into a lost state", () => {
    const odd: TimelineState = {
      v: 1,
      incident: null,
      entries: [{ key: "", at: "not a time", text: "" }],
      pipelines: {
        "": {
          pr: 1,
          mergeSha: "",
          mergedAt: "",
          tag: "",
          backports: { "": { status: "failed" }, __proto__x: { status: "already" } },
          followUps: {},
          done: true,
          heartbeatAt: "",
        },
      },
    };
    expect(parseTimeline(renderTimeline(odd))).toEqual(odd);
  });

  it("cuts a huge backport error in the stored state instead of failing the write", () => {
    const state = sample();
    const pipeline = state.pipelines["12"];
    if (!pipeline) throw new Error("sample has pipeline 12");
    pipeline.backports.develop = { status: "failed", error: "e".repeat(200_000) };
    const body = renderTimeline(state);
    expect(body.length).toBeLessThanOrEqual(TIMELINE_BODY_MAX);
    expect(parseTimeline(body)?.pipelines["12"]?.backports.develop?.error).toHaveLength(STORED_ERROR_MAX);
  });

  it("throws a typed error naming the incident when even the pipelines alone cannot fit", () => {
    const state = sample();
    const template = state.pipelines["12"];
    if (!template) throw new Error("sample has pipeline 12");
    for (let i = 0; i < 1000; i++) state.pipelines[String(1000 + i)] = { ...template, pr: 1000 + i };
    expect(() => renderTimeline(state)).toThrow(TimelineTooLargeError);
    expect(() => renderTimeline(state)).toThrow(/incident #5/);
  });

  it("recognises the marker even on a damaged comment (so it is repaired, not duplicated)", () => {
    expect(hasTimelineMarker(`${TIMELINE_MARKER}{broken`)).toBe(true);
    expect(hasTimelineMarker("hello")).toBe(false);
    expect(hasTimelineMarker(null)).toBe(false);
  });
});

describe("the 65,536 character limit", () => {
  const many = (count: number, textLength: number) => {
    let s = sample();
    for (let i = 0; i < count; i++) {
      s = addEntry(s, {
        key: `step-${i}`,
        at: new Date(Date.UTC(2026, 10, 22, 0, i)).toISOString(),
        text: `step ${i} ${"x".repeat(textLength)}`,
        url: `https://github.com/acme/shop/pull/${i}`,
      });
    }
    return s;
  };

  it("hides the oldest rows from the table first and keeps them in the state", () => {
    const state = many(300, 40);
    const body = renderTimeline(state);
    expect(body.length).toBeLessThanOrEqual(TIMELINE_BODY_MAX);
    expect(body.length).toBeLessThan(65_536);
    expect(parseTimeline(body)).toEqual(state);
    expect(body).toMatch(/_\d+ earlier entries are not shown\._/);
    // The newest step is visible; the oldest is not.
    expect(body).toContain("step 299 ");
    expect(body).not.toContain("| Incident opened |");
  });

  it("drops the oldest entries from the state only when the state itself is too big, never the pipelines", () => {
    const state = many(200, 900);
    const body = renderTimeline(state);
    expect(body.length).toBeLessThanOrEqual(TIMELINE_BODY_MAX);
    const parsed = parseTimeline(body);
    expect(parsed).not.toBeNull();
    if (!parsed) return;
    expect(parsed.collapsed).toBeGreaterThan(0);
    expect(parsed.entries.length + (parsed.collapsed ?? 0)).toBe(state.entries.length);
    expect(parsed.entries.at(-1)).toEqual(state.entries.at(-1));
    expect(parsed.pipelines).toEqual(state.pipelines);
    // Rendering the trimmed state again is stable.
    expect(renderTimeline(parsed).length).toBeLessThanOrEqual(TIMELINE_BODY_MAX);
  });

  it("leaves a small timeline untouched", () => {
    const state = many(5, 10);
    const body = renderTimeline(state);
    expect(body).not.toContain("earlier");
    expect(parseTimeline(body)).toEqual(state);
  });
});

test("the header shows the incident's own recovery figures once there are any", () => {
  const state: TimelineState = {
    ...emptyTimeline(5),
    detectedAt: "2026-11-21T13:50:00Z",
    pipelines: {
      "9": {
        pr: 9,
        mergeSha: SHA,
        mergedAt: "2026-11-21T14:12:00Z",
        backports: {},
        followUps: {},
        done: true,
        heartbeatAt: "2026-11-21T14:13:00Z",
        deploy: { deployedAt: "2026-11-21T14:20:00Z" },
      },
    },
  };
  expect(renderTimeline(state)).toContain("\nRecovery: detection → merge 22 min, → deploy 30 min\n");
  expect(renderTimeline({ ...state, pipelines: {} })).not.toContain("Recovery:");
});
