import type { HotfixConfig } from "../config/schema.js";
import { branchPatternProblems, matchingBranchPattern } from "../patterns/branch-pattern.js";
import { isProductionLine } from "../patterns/production-lines.js";
import type { RuleResult } from "./rule-result.js";

/** Commits listed by one compare; `complete` is false when the list was cut short (too many commits). */
export interface CommitList {
  shas: string[];
  complete: boolean;
}

/**
 * Where the head came from, from two compares: `production...head` lists the head's commits that production lacks,
 * `develop...head` those that develop lacks. A commit in the first list but not the second is on develop and not
 * on production: the branch was cut from (or merged) develop.
 */
export interface BranchLineage {
  /** "unrelated" when head and production share no history. */
  notInProduction: CommitList | "unrelated";
  /** "no-develop" when the develop branch does not exist (nothing can then come from it). */
  notInDevelop: CommitList | "no-develop" | "unrelated";
}

export interface BranchFacts {
  headRef: string;
  baseRef: string;
  lineage: BranchLineage;
}

type BranchConfig = Pick<
  HotfixConfig,
  "branches" | "productionBranch" | "productionBranches" | "developBranch"
>;

const short = (sha: string) => sha.slice(0, 7);

/** Commits of the head that are on develop but not on production. */
export function developOnlyCommits(lineage: BranchLineage): string[] {
  if (lineage.notInProduction === "unrelated") return [];
  const notInDevelop = lineage.notInDevelop;
  if (notInDevelop === "no-develop") return [];
  // A head unrelated to develop has none of develop's commits.
  if (notInDevelop === "unrelated") return [];
  const lacking = new Set(notInDevelop.shas);
  return lineage.notInProduction.shas.filter((sha) => !lacking.has(sha));
}

export function checkBranch(facts: BranchFacts, config: BranchConfig): RuleResult {
  const { headRef, baseRef, lineage } = facts;
  // The lineage was read against the PR's base; when that is no production line, the message names the main line.
  const onLine = isProductionLine(config, baseRef);
  const production = onLine ? baseRef : config.productionBranch;
  const develop = config.developBranch;
  const problems: string[] = [];
  const details: string[] = [];

  const pattern = matchingBranchPattern(headRef, config.branches.patterns);
  if (pattern === null) {
    problems.push(`head branch "${headRef}" matches none of ${config.branches.patterns.join(", ")}`);
    for (const p of config.branches.patterns) {
      const problem = branchPatternProblems(p);
      if (problem) details.push(`pattern "${p}" is unusable: ${problem}`);
    }
  }
  if (!onLine) {
    const lines = config.productionBranches.join(", ");
    problems.push(`targets ${baseRef}, not a production branch (${lines})`);
  }

  const notInProduction = lineage.notInProduction;
  if (notInProduction === "unrelated") {
    problems.push(`shares no history with ${production}`);
  } else if (!notInProduction.complete) {
    problems.push(
      `carries more than ${notInProduction.shas.length} commits that ${production} lacks; cut it from ${production}`,
    );
  } else {
    const developOnly = developOnlyCommits(lineage);
    const notInDevelop = lineage.notInDevelop;
    if (developOnly.length > 0 && typeof notInDevelop === "object" && !notInDevelop.complete) {
      problems.push(`could not verify it carries nothing from ${develop}: too many commits to compare`);
    } else if (developOnly.length > 0) {
      const listed = developOnly.slice(0, 3).map(short).join(", ");
      const more = developOnly.length > 3 ? `, … (${developOnly.length})` : "";
      problems.push(
        `carries ${developOnly.length === 1 ? "a commit" : `${developOnly.length} commits`} from ${develop} that ${production} lacks (${listed}${more}); cut it from ${production}`,
      );
      for (const sha of developOnly) details.push(`commit ${sha} is on ${develop}, not on ${production}`);
    }
  }

  if (problems.length > 0) {
    return { rule: "branch", label: "Branch", state: "fail", reason: problems.join("; "), details };
  }
  const developNote = lineage.notInDevelop === "no-develop" ? ` (no ${develop} branch to compare with)` : "";
  return {
    rule: "branch",
    label: "Branch",
    state: "pass",
    reason: `${headRef} matches ${pattern}, cut from ${production}${developNote}`,
  };
}
