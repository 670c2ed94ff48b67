import type { HotfixConfig } from "../config/schema.js";
import type { RuleResult } from "./rule-result.js";

export interface DiffSize {
  files: number;
  additions: number;
  deletions: number;
}

type BudgetConfig = Pick<HotfixConfig, "diffBudget">;

/** A hotfix should be small: files changed and lines changed (additions + deletions) against the budget. */
export function checkDiffBudget(size: DiffSize, config: BudgetConfig): RuleResult {
  const { maxFiles, maxLines, mode } = config.diffBudget;
  const lines = size.additions + size.deletions;
  const measured = `${size.files} file${size.files === 1 ? "" : "s"}, ${lines} line${lines === 1 ? "" : "s"} changed`;
  const over: string[] = [];
  if (size.files > maxFiles) over.push(`more than ${maxFiles} files`);
  if (lines > maxLines) over.push(`more than ${maxLines} lines`);
  if (over.length === 0) {
    return {
      rule: "diff-budget",
      label: "Diff budget",
      state: "pass",
      reason: `${measured} (budget ${maxFiles} files, ${maxLines} lines)`,
    };
  }
  return {
    rule: "diff-budget",
    label: "Diff budget",
    state: mode === "fail" ? "fail" : "warn",
    reason: `${measured}: ${over.join(" and ")} (diffBudget.mode is ${mode})`,
  };
}
