import fc from "fast-check";
import {
  closestProductionTag,
  hotfixTagsDescending,
  productionTagCandidates,
} from "../../src/intake/production-tag.js";

test("hotfix tags are ordered by date, time, then suffix", () => {
  expect(
    hotfixTagsDescending([
      "hotfix-20260301-1200",
      "hotfix-20260301-1200-2",
      "hotfix-20260301-1200-10",
      "hotfix-20251231-2359",
      "hotfix-20260302-0001",
      "v1.0.0",
      "hotfix-2026-03-01",
    ]),
  ).toEqual([
    "hotfix-20260302-0001",
    "hotfix-20260301-1200-10",
    "hotfix-20260301-1200-2",
    "hotfix-20260301-1200",
    "hotfix-20251231-2359",
  ]);
});

test("candidates: the newest of each kind, the configured scheme's kind first", () => {
  const names = ["v1.2.0", "v1.10.0", "v1.9.9", "hotfix-20260301-1200", "hotfix-20260201-1200", "release-3"];
  expect(productionTagCandidates(names, "hotfix-date", 2)).toEqual([
    "hotfix-20260301-1200",
    "v1.10.0",
    "hotfix-20260201-1200",
    "v1.9.9",
  ]);
  expect(productionTagCandidates(names, "semver-patch", 1)).toEqual(["v1.10.0", "hotfix-20260301-1200"]);
  expect(productionTagCandidates(["release-3"], "semver-patch")).toEqual([]);
});

test("the closest reachable tag wins; a tag production does not contain never does", () => {
  expect(
    closestProductionTag([
      { name: "hotfix-20260301-1200", aheadBy: 4, behindBy: 0 },
      { name: "v2.0.0", aheadBy: 1, behindBy: 3 },
      { name: "v1.9.0", aheadBy: 2, behindBy: 0 },
    ]),
  ).toBe("v1.9.0");
  expect(closestProductionTag([{ name: "v2.0.0", aheadBy: 0, behindBy: 1 }])).toBeNull();
  expect(closestProductionTag([])).toBeNull();
  // Ties go to the earlier candidate.
  expect(
    closestProductionTag([
      { name: "a", aheadBy: 0, behindBy: 0 },
      { name: "b", aheadBy: 0, behindBy: 0 },
    ]),
  ).toBe("a");
});

test("the pick is a reachable tag with the least distance (property)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ name: fc.string(), aheadBy: fc.nat(50), behindBy: fc.nat(3) })),
      (distances) => {
        const name = closestProductionTag(distances);
        const reachable = distances.filter((d) => d.behindBy === 0);
        if (reachable.length === 0) return name === null;
        const min = Math.min(...reachable.map((d) => d.aheadBy));
        return reachable.find((d) => d.aheadBy === min)?.name === name;
      },
    ),
  );
});
