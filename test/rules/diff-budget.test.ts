import { checkDiffBudget } from "../../src/rules/diff-budget.js";
import { configOf } from "../support/config-of.js";

describe("checkDiffBudget", () => {
  const budget = { maxFiles: 3, maxLines: 10 };
  it.each([
    [
      { files: 3, additions: 6, deletions: 4 },
      "fail",
      "pass",
      /3 files, 10 lines changed \(budget 3 files, 10 lines\)/,
    ],
    [{ files: 1, additions: 1, deletions: 0 }, "fail", "pass", /1 file, 1 line changed/],
    [
      { files: 4, additions: 1, deletions: 0 },
      "fail",
      "fail",
      /more than 3 files \(diffBudget.mode is fail\)/,
    ],
    [{ files: 1, additions: 6, deletions: 5 }, "fail", "fail", /11 lines changed: more than 10 lines/],
    [{ files: 9, additions: 60, deletions: 50 }, "fail", "fail", /more than 3 files and more than 10 lines/],
    [{ files: 9, additions: 60, deletions: 50 }, "warn", "warn", /diffBudget.mode is warn/],
    [{ files: 0, additions: 0, deletions: 0 }, "fail", "pass", /0 files, 0 lines/],
  ] as const)("%j in mode %s -> %s", (size, mode, state, reason) => {
    const result = checkDiffBudget(size, configOf({ diffBudget: { ...budget, mode } }));
    expect(result.state).toBe(state);
    expect(result.reason).toMatch(reason);
  });
});
