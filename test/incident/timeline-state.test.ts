import {
  addEntry,
  ENTRY_TEXT_MAX,
  emptyTimeline,
  type TimelineState,
} from "../../src/incident/timeline-state.js";

describe("emptyTimeline", () => {
  it("is version 1 with no entries and no pipelines", () => {
    expect(emptyTimeline(5)).toEqual({ v: 1, incident: 5, entries: [], pipelines: {} });
    expect(emptyTimeline(null).incident).toBeNull();
  });
});

describe("addEntry", () => {
  const base = emptyTimeline(5);

  it("keeps entries sorted by time, whatever the order they arrive in", () => {
    let s = addEntry(base, { key: "b", at: "2026-11-21T14:10:00Z", text: "b" });
    s = addEntry(s, { key: "a", at: "2026-11-21T14:05:00Z", text: "a" });
    s = addEntry(s, { key: "c", at: "2026-11-21T15:00:00+01:00", text: "c (14:00 UTC)" });
    expect(s.entries.map((e) => e.key)).toEqual(["c", "a", "b"]);
  });

  it("replaces an entry with the same key instead of adding a second one", () => {
    let s = addEntry(base, { key: "merged-12", at: "2026-11-21T14:05:00Z", text: "merged" });
    s = addEntry(s, { key: "tag-12", at: "2026-11-21T14:06:00Z", text: "tagged" });
    s = addEntry(s, {
      key: "merged-12",
      at: "2026-11-21T14:05:00Z",
      text: "merged (again)",
      url: "https://x.test",
    });
    expect(s.entries).toEqual([
      { key: "merged-12", at: "2026-11-21T14:05:00Z", text: "merged (again)", url: "https://x.test" },
      { key: "tag-12", at: "2026-11-21T14:06:00Z", text: "tagged" },
    ]);
  });

  it("keeps insertion order for equal times and puts unparseable times last", () => {
    let s = addEntry(base, { key: "x", at: "garbage", text: "x" });
    s = addEntry(s, { key: "1", at: "2026-11-21T14:05:00Z", text: "1" });
    s = addEntry(s, { key: "2", at: "2026-11-21T14:05:00Z", text: "2" });
    s = addEntry(s, { key: "y", at: "also garbage", text: "y" });
    expect(s.entries.map((e) => e.key)).toEqual(["1", "2", "x", "y"]);
  });

  it("does not modify the state it is given", () => {
    const before: TimelineState = addEntry(base, { key: "a", at: "2026-11-21T14:05:00Z", text: "a" });
    const snapshot = structuredClone(before);
    addEntry(before, { key: "b", at: "2026-11-21T14:00:00Z", text: "b" });
    addEntry(before, { key: "a", at: "2026-11-21T14:00:00Z", text: "changed" });
    expect(before).toEqual(snapshot);
  });

  it("cuts very long texts", () => {
    const s = addEntry(base, { key: "a", at: "2026-11-21T14:05:00Z", text: "x".repeat(5000) });
    expect(s.entries[0]?.text.length).toBe(ENTRY_TEXT_MAX);
  });
});
