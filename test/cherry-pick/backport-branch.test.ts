import {
  backportBranchName,
  branchNameProblem,
  expandTargets,
  UnsafeBranchNameError,
} from "../../src/cherry-pick/backport-branch.js";

describe("backportBranchName", () => {
  test.each([
    [12, "develop", "hotfix-bot/backport-12-to-develop"],
    [7, "release/1.4", "hotfix-bot/backport-7-to-release/1.4"],
    [1, "feature_x-2", "hotfix-bot/backport-1-to-feature_x-2"],
  ])("PR %i to %s", (pr, target, expected) => {
    expect(backportBranchName(pr, target)).toBe(expected);
  });

  test.each([
    "",
    "-rf",
    "release/../main",
    "a..b",
    "release/",
    "/release",
    "release//1",
    "name.lock",
    "dir/x.lock/y",
    ".hidden",
    "release/.x",
    "trailing.",
    "has space",
    "semi;colon",
    "dollar$(x)",
    "back`tick`",
    "at@{1}",
    "tilde~1",
    "caret^",
    "colon:x",
    "star*",
    "question?",
    "HEAD",
    "ünïcode",
    "x".repeat(201),
  ])("rejects the unsafe target %j", (target) => {
    expect(() => backportBranchName(3, target)).toThrow(UnsafeBranchNameError);
    expect(branchNameProblem(target)).not.toBeNull();
  });

  test.each([0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])(
    "rejects the pull request number %d",
    (pr) => {
      expect(() => backportBranchName(pr, "develop")).toThrow(UnsafeBranchNameError);
    },
  );
});

describe("expandTargets", () => {
  const branches = [
    "main",
    "develop",
    "release/1.3",
    "release/1.4",
    "release/1.4/hotfix",
    "hotfix/incident-9",
    "hotfix-bot/backport-3-to-develop",
    "feature/x",
  ];

  test.each([
    { patterns: ["{develop}"], expected: ["develop"] },
    { patterns: ["{develop}", "release/*"], expected: ["develop", "release/1.3", "release/1.4"] },
    {
      patterns: ["release/*", "{develop}", "release/1.4"],
      expected: ["release/1.3", "release/1.4", "develop"],
    },
    { patterns: ["release/**"], expected: ["release/1.3", "release/1.4", "release/1.4/hotfix"] },
    { patterns: ["main", "{develop}"], expected: ["develop"] },
    { patterns: ["*"], expected: ["develop"] },
    {
      patterns: ["**"],
      expected: [
        "develop",
        "release/1.3",
        "release/1.4",
        "release/1.4/hotfix",
        "hotfix/incident-9",
        "feature/x",
      ],
    },
    { patterns: ["staging"], expected: [] },
    { patterns: ["release/1.[34]"], expected: ["release/1.3", "release/1.4"] },
  ])("$patterns", ({ patterns, expected }) => {
    expect(expandTargets(patterns, branches, "develop", "main")).toEqual(expected);
  });

  test("never the production branch, whatever it is called", () => {
    expect(expandTargets(["{develop}", "trunk", "*"], ["trunk", "dev"], "dev", "trunk")).toEqual(["dev"]);
  });

  test("newer-lines stands for the lines it is given, in their order, never the branch merged into", () => {
    const newer = ["release/1.4", "main"];
    expect(expandTargets(["{develop}", "newer-lines"], branches, "develop", "release/1.3", newer)).toEqual([
      "develop",
      "release/1.4",
      "main",
    ]);
    // An explicit list keeps working beside it, without duplicates; the line merged into is never a target.
    expect(
      expandTargets(["release/*", "newer-lines", "{develop}"], branches, "develop", "release/1.3", newer),
    ).toEqual(["release/1.4", "main", "develop"]);
    expect(expandTargets(["newer-lines"], branches, "develop", "main", [])).toEqual([]);
  });

  test("an existing branch with an unsafe name is skipped, not built on", () => {
    expect(expandTargets(["release/*"], ["release/a;b", "release/ok"], "develop", "main")).toEqual([
      "release/ok",
    ]);
  });
});
