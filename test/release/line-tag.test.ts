import { familyTags, lineTagPlan, noLineTagNote } from "../../src/release/line-tag.js";
import { configOf } from "../support/config-of.js";

describe("lineTagPlan", () => {
  const config = configOf({ productionBranches: ["main", "release/*"] });

  it("keeps release.tagScheme on the main line", () => {
    expect(lineTagPlan(config, "main")).toEqual({
      line: "main",
      scheme: "hotfix-date",
      family: null,
      fallback: null,
    });
    const semver = configOf({
      productionBranches: ["main", "release/*"],
      release: { tagScheme: "semver-patch" },
    });
    expect(lineTagPlan(semver, "main").scheme).toBe("semver-patch");
  });

  it.each([
    ["release/1.x", "v1."],
    ["release/1.4", "v1.4."],
    ["release/legacy", null],
  ])("tags %s in the vX.Y.Z family %j, falling back to hotfix-date", (line, family) => {
    expect(lineTagPlan(config, line)).toEqual({
      line,
      scheme: "semver-patch",
      family,
      fallback: "hotfix-date",
    });
  });

  it("treats a branch that is no production line like the main line's scheme (it is never tagged as a line)", () => {
    expect(lineTagPlan(config, "feature/1.x").family).toBeNull();
    expect(lineTagPlan(config, "feature/1.x").fallback).toBeNull();
  });

  it("keeps only the family's tags; v10 is not in v1's family", () => {
    const plan = lineTagPlan(config, "release/1.x");
    expect(familyTags(plan, ["v1.4.0", "v10.0.0", "v2.0.0", "v1.0.0-rc.1", "hotfix-20261121-1405"])).toEqual([
      "v1.4.0",
      "v1.0.0-rc.1",
    ]);
  });

  it("says what to do about a line without a tag", () => {
    expect(noLineTagNote(lineTagPlan(config, "release/1.x"), "hotfix-20261121-1405")).toBe(
      "release/1.x has no v1.* tag reachable from the merge, so it was tagged hotfix-20261121-1405; tag the line's latest release (v1.*) and later hotfixes on it are tagged as its next patch",
    );
  });
});
