import {
  isMaintenanceLine,
  isNewerLine,
  isProductionLine,
  lineTagPrefix,
  lineVersion,
  newerLines,
} from "../../src/patterns/production-lines.js";
import { configOf } from "../support/config-of.js";

const lines = configOf({ productionBranches: ["main", "release/*", "support-*"] });

describe("isProductionLine", () => {
  it.each([
    ["main", true],
    ["release/1.x", true],
    ["release/legacy", true],
    ["support-2.3", true],
    // `*` stays within one path segment: a writer cannot make a nested name a production line, or escape one.
    ["release/1.x/evil", false],
    ["release", false],
    ["develop", false],
    ["hotfix/incident-7", false],
    ["mainline", false],
  ])("%s → %s", (branch, expected) => {
    expect(isProductionLine(lines, branch)).toBe(expected);
  });

  it("counts a base as production when any one entry matches it, whatever the others say", () => {
    const overlapping = configOf({ productionBranches: ["main", "release/1.x", "release/[!1]*"] });
    expect(isProductionLine(overlapping, "release/1.x")).toBe(true);
    expect(isProductionLine(overlapping, "release/2.x")).toBe(true);
    expect(isMaintenanceLine(overlapping, "main")).toBe(false);
  });

  it("with productionBranch alone, only that branch is production", () => {
    const single = configOf({ productionBranch: "trunk" });
    expect(isProductionLine(single, "trunk")).toBe(true);
    expect(isProductionLine(single, "main")).toBe(false);
    expect(isProductionLine(single, "release/1.x")).toBe(false);
  });
});

describe("lineVersion", () => {
  it.each<[string, number[] | null]>([
    ["release/1.x", [1]],
    ["release/v2.3", [2, 3]],
    ["release/10.4.x", [10, 4]],
    ["support-2023.10", [2023, 10]],
    ["release/1.2.3.4", [1, 2, 3]],
    ["release/1.", [1]],
    ["release/legacy", null],
    ["main", null],
    ["release/12345678901234567890.x", null],
  ])("%s → %j", (branch, expected) => {
    expect(lineVersion(branch)).toEqual(expected);
  });
});

describe("isNewerLine and newerLines", () => {
  it("orders lines by the version in their names, numerically, and the main line last", () => {
    expect(isNewerLine(lines, "release/2.x", "release/1.x")).toBe(true);
    expect(isNewerLine(lines, "release/10.x", "release/9.x")).toBe(true);
    expect(isNewerLine(lines, "release/1.x", "release/2.x")).toBe(false);
    expect(isNewerLine(lines, "main", "release/9.x")).toBe(true);
    expect(isNewerLine(lines, "release/9.x", "main")).toBe(false);
    expect(isNewerLine(lines, "release/1.10", "release/1.9")).toBe(true);
  });

  it("never orders a line without a version, or two lines of the same version", () => {
    expect(isNewerLine(lines, "release/legacy", "release/1.x")).toBe(false);
    expect(isNewerLine(lines, "release/2.x", "release/legacy")).toBe(false);
    expect(isNewerLine(lines, "release/1.0", "release/1.x")).toBe(false);
    expect(isNewerLine(lines, "main", "release/legacy")).toBe(true);
  });

  it("lists newer production lines oldest first, then main, ignoring other branches", () => {
    const branches = [
      "main",
      "develop",
      "release/10.x",
      "release/2.x",
      "release/1.x",
      "release/0.9",
      "release/legacy",
      "release/3.x/nested",
      "feature/5.x",
    ];
    expect(newerLines(lines, "release/1.x", branches)).toEqual(["release/2.x", "release/10.x", "main"]);
    expect(newerLines(lines, "release/legacy", branches)).toEqual(["main"]);
    expect(newerLines(lines, "main", branches)).toEqual([]);
  });

  it("carries forward to main even when the branch list does not name it", () => {
    expect(newerLines(lines, "release/1.x", ["release/1.x"])).toEqual(["main"]);
  });
});

describe("lineTagPrefix", () => {
  it.each<[string, string | null]>([
    ["release/1.x", "v1."],
    ["release/1.4", "v1.4."],
    ["release/1.4.2", "v1.4."],
    ["release/legacy", null],
    ["main", null],
  ])("%s → %j", (line, expected) => {
    expect(lineTagPrefix(lines, line)).toBe(expected);
  });
});
