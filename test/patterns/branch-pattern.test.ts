import { parseConfigText } from "../../src/config/parse-config.js";
import {
  branchPatternProblems,
  compileBranchPattern,
  isHotfixFamilyBranch,
  matchingBranchPattern,
} from "../../src/patterns/branch-pattern.js";

const DEFAULTS = ["hotfix/{date}-{slug}", "hotfix/incident-{n}"];

describe("matchingBranchPattern", () => {
  it.each([
    ["hotfix/20240229-fix-auth", "hotfix/{date}-{slug}"],
    ["hotfix/20231231-a", "hotfix/{date}-{slug}"],
    ["hotfix/incident-42", "hotfix/incident-{n}"],
    ["hotfix/20241301-bad-month", null],
    ["hotfix/20240132-bad-day", null],
    ["hotfix/2024011-short-date", null],
    ["hotfix/20240101-Upper-Case", null],
    ["hotfix/20240101-double--dash", null],
    ["hotfix/20240101-trailing-", null],
    ["hotfix/20240101-", null],
    ["hotfix/incident-", null],
    ["hotfix/incident-4a", null],
    ["xhotfix/incident-4", null],
    ["hotfix/incident-4/extra", null],
    ["feature/20240101-fix", null],
    ["hotfix.20240101-fix", null],
  ])("%j -> %j", (branch, pattern) => {
    expect(matchingBranchPattern(branch, DEFAULTS)).toBe(pattern);
  });

  it("treats * as anything, including slashes", () => {
    expect(matchingBranchPattern("hf/team/a.b_c", ["hf/*"])).toBe("hf/*");
    expect(matchingBranchPattern("hf/", ["hf/*"])).toBe("hf/*");
    expect(matchingBranchPattern("hotfix-x", ["hf/*"])).toBeNull();
  });

  it("treats regex syntax in a pattern as literal text, never as a regex", () => {
    expect(matchingBranchPattern("hotfix/a.b", ["hotfix/a.b"])).toBe("hotfix/a.b");
    expect(matchingBranchPattern("hotfix/axb", ["hotfix/a.b"])).toBeNull();
    expect(matchingBranchPattern("release/1", ["(release|hotfix)/{n}"])).toBeNull();
    expect(matchingBranchPattern("aaa", ["a+"])).toBeNull();
  });

  it("refuses names longer than git refs may be", () => {
    expect(matchingBranchPattern(`hf/${"a".repeat(300)}`, ["hf/*"])).toBeNull();
  });

  it("never matches with an unusable pattern", () => {
    expect(matchingBranchPattern("hotfix/x", ["hotfix/{name}"])).toBeNull();
  });

  it("stays fast on a pathological name for the most variable pattern allowed", () => {
    // Three variable parts, then a literal the name lacks: worst-case backtracking stays polynomial and small.
    const pattern = "h/*-{slug}-{n}x";
    expect(compileBranchPattern(pattern).ok).toBe(true);
    expect(matchingBranchPattern(`h/${"1-".repeat(120)}`, [pattern])).toBeNull();
  });
});

describe("compileBranchPattern", () => {
  it.each([
    ["hotfix/{date}-{slug}", null],
    ["hotfix/{name}", /unknown placeholder \{name\}; allowed: \{date\} \{slug\} \{n\} and \*/],
    ["hotfix/{}", /unknown placeholder \{\}/],
    ["*/*/*/*", /at most 3/],
    ["{slug}-{slug}-{slug}-{n}", /at most 3/],
    ["**/**/**", null],
  ])("%j -> %j", (pattern, problem) => {
    const found = branchPatternProblems(pattern);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  it("anchors both ends", () => {
    expect(compileBranchPattern("hotfix/incident-{n}").ok).toBe(true);
    expect(matchingBranchPattern("hotfix/incident-12", ["hotfix/incident-{n}"])).not.toBeNull();
    expect(matchingBranchPattern("x/hotfix/incident-12", ["hotfix/incident-{n}"])).toBeNull();
    expect(matchingBranchPattern("hotfix/incident-12x", ["hotfix/incident-{n}"])).toBeNull();
  });
});

describe("isHotfixFamilyBranch", () => {
  it.each([
    ["hotfix/20240101-fix", true],
    ["hotfix/typo", true],
    ["hotfix/incident-x", true],
    ["feature/hotfix", false],
    ["develop", false],
    ["hotfixes/x", false],
  ])("%j -> %j with the default patterns", (branch, family) => {
    expect(isHotfixFamilyBranch(branch, DEFAULTS)).toBe(family);
  });

  it("uses the literal text before the first placeholder when there is no slash", () => {
    expect(isHotfixFamilyBranch("hf-oops", ["hf-{n}"])).toBe(true);
    expect(isHotfixFamilyBranch("other", ["hf-{n}"])).toBe(false);
    // A pattern that starts with a placeholder has no prefix: only a full match counts.
    expect(isHotfixFamilyBranch("anything", ["{slug}"])).toBe(true);
    expect(isHotfixFamilyBranch("Any/Thing", ["{slug}"])).toBe(false);
  });
});

describe("configuration validation", () => {
  it("rejects an unusable pattern, naming the field", () => {
    const result = parseConfigText("branches:\n  patterns: ['hotfix/{date}-{slug}', 'hotfix/{ticket}']\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problems).toEqual([
      {
        path: "branches.patterns.1",
        message: "unknown placeholder {ticket}; allowed: {date} {slug} {n} and *",
      },
    ]);
  });
});
