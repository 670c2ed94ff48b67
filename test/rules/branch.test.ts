import { type BranchLineage, checkBranch, developOnlyCommits } from "../../src/rules/branch.js";
import { configOf } from "../support/config-of.js";

const config = configOf();
const A = "a".repeat(40);
const B = "b".repeat(40);
const D = "d".repeat(40);
const clean: BranchLineage = {
  notInProduction: { shas: [A], complete: true },
  notInDevelop: { shas: [A, B], complete: true },
};

describe("developOnlyCommits", () => {
  it.each<[string, BranchLineage, string[]]>([
    ["cut from production", clean, []],
    [
      "cut from develop",
      { notInProduction: { shas: [D, A], complete: true }, notInDevelop: { shas: [A], complete: true } },
      [D],
    ],
    ["no develop branch", { notInProduction: { shas: [A], complete: true }, notInDevelop: "no-develop" }, []],
    [
      "unrelated to develop",
      { notInProduction: { shas: [A], complete: true }, notInDevelop: "unrelated" },
      [],
    ],
    [
      "unrelated to production",
      { notInProduction: "unrelated", notInDevelop: { shas: [], complete: true } },
      [],
    ],
  ])("%s", (_name, lineage, expected) => {
    expect(developOnlyCommits(lineage)).toEqual(expected);
  });
});

describe("checkBranch", () => {
  it.each<[string, { headRef: string; baseRef: string; lineage: BranchLineage }, string, RegExp]>([
    [
      "a clean hotfix",
      { headRef: "hotfix/incident-7", baseRef: "main", lineage: clean },
      "pass",
      /hotfix\/incident-7 matches hotfix\/incident-\{n\}, cut from main/,
    ],
    [
      "a name outside the patterns",
      { headRef: "hotfix/oops", baseRef: "main", lineage: clean },
      "fail",
      /head branch "hotfix\/oops" matches none of hotfix\/\{date\}-\{slug\}, hotfix\/incident-\{n\}/,
    ],
    [
      "another base",
      { headRef: "hotfix/incident-7", baseRef: "develop", lineage: clean },
      "fail",
      /targets develop, not a production branch \(main\)/,
    ],
    [
      "develop commits",
      {
        headRef: "hotfix/incident-7",
        baseRef: "main",
        lineage: {
          notInProduction: { shas: [D, A], complete: true },
          notInDevelop: { shas: [A], complete: true },
        },
      },
      "fail",
      /carries a commit from develop that main lacks \(ddddddd\); cut it from main/,
    ],
    [
      "no shared history",
      {
        headRef: "hotfix/incident-7",
        baseRef: "main",
        lineage: { notInProduction: "unrelated", notInDevelop: "unrelated" },
      },
      "fail",
      /shares no history with main/,
    ],
    [
      "too many commits to list",
      {
        headRef: "hotfix/incident-7",
        baseRef: "main",
        lineage: { notInProduction: { shas: [A], complete: false }, notInDevelop: "no-develop" },
      },
      "fail",
      /more than 1 commits that main lacks/,
    ],
    [
      "a develop comparison cut short with a commit unaccounted for",
      {
        headRef: "hotfix/incident-7",
        baseRef: "main",
        lineage: {
          notInProduction: { shas: [D, A], complete: true },
          notInDevelop: { shas: [A], complete: false },
        },
      },
      "fail",
      /could not verify/,
    ],
    [
      "a develop comparison cut short that still shows every head commit",
      {
        headRef: "hotfix/incident-7",
        baseRef: "main",
        lineage: {
          notInProduction: { shas: [A], complete: true },
          notInDevelop: { shas: [A], complete: false },
        },
      },
      "pass",
      /cut from main/,
    ],
    [
      "no develop branch",
      {
        headRef: "hotfix/incident-7",
        baseRef: "main",
        lineage: { notInProduction: { shas: [A], complete: true }, notInDevelop: "no-develop" },
      },
      "pass",
      /no develop branch to compare with/,
    ],
  ])("%s", (_name, facts, state, reason) => {
    const result = checkBranch(facts, config);
    expect(result.state).toBe(state);
    expect(result.reason).toMatch(reason);
  });

  it("reports every problem at once and lists develop commits in full", () => {
    const result = checkBranch(
      {
        headRef: "feature/x",
        baseRef: "develop",
        lineage: {
          notInProduction: { shas: [D, B, A], complete: true },
          notInDevelop: { shas: [A], complete: true },
        },
      },
      config,
    );
    expect(result.reason.split("; ").length).toBe(4);
    expect(result.reason).toMatch(/2 commits from develop/);
    expect(result.details).toEqual([
      `commit ${D} is on develop, not on main`,
      `commit ${B} is on develop, not on main`,
    ]);
  });

  it("names a configured pattern that cannot be used", () => {
    const result = checkBranch(
      { headRef: "hotfix/x", baseRef: "main", lineage: clean },
      { ...config, branches: { patterns: ["hotfix/{name}"] } },
    );
    expect(result.state).toBe("fail");
    expect(result.details).toEqual([
      expect.stringMatching(/pattern "hotfix\/\{name\}" is unusable: unknown placeholder/),
    ]);
  });

  it("uses the configured production and develop branch names", () => {
    const custom = configOf({ productionBranch: "prod", developBranch: "dev" });
    const result = checkBranch(
      {
        headRef: "hotfix/incident-1",
        baseRef: "prod",
        lineage: {
          notInProduction: { shas: [D], complete: true },
          notInDevelop: { shas: [], complete: true },
        },
      },
      custom,
    );
    expect(result.reason).toMatch(/from dev that prod lacks/);
  });
});
