import type { HotfixConfig, Severity } from "../config/schema.js";
import type { RepoRef } from "../context.js";
import { matchingBranchPattern } from "../patterns/branch-pattern.js";
import { rollbackPlan } from "./rollback-plan.js";
import { codeSpan } from "./shell-word.js";

/** The hidden first line that makes the checklist findable again (only in a comment an app wrote). */
export function checklistMarker(incident: number): string {
  return `<!-- hotfix-bot:checklist ${JSON.stringify({ incident })} -->`;
}

export interface ChecklistInput {
  repo: RepoRef;
  incident: number;
  severity: Severity;
  branch: string;
  cutFrom: string;
  baseSha: string;
  previousTag: { name: string; sha: string } | null;
  productionSha: string;
  config: Pick<HotfixConfig, "productionBranch" | "checks" | "deploy" | "branches">;
}

/** The required checks, named, for "critical tests only". */
function checksLine(config: ChecklistInput["config"]): string {
  const names = [...config.checks.criticalTests, ...config.checks.securityScan].map((check) => check.name);
  const named = names.length > 0 ? `: ${names.map(codeSpan).join(", ")}` : "";
  return `- [ ] **Critical tests only**: run the critical tests and the security scan${named}; the ${codeSpan("hotfix-gate")} check waits for them, the full suite can follow the merge.`;
}

/** The checklist comment posted when an issue becomes an incident (pure). */
export function checklistComment(input: ChecklistInput): string {
  const { config } = input;
  const lines = [
    checklistMarker(input.incident),
    `### Hotfix checklist (${input.severity})`,
    "",
    `Branch ${codeSpan(input.branch)} was cut from ${codeSpan(input.cutFrom)} (${codeSpan(input.baseSha.slice(0, 7))}). Push the fix there: on the first push hotfix-bot opens a draft pull request into ${codeSpan(config.productionBranch)}.`,
  ];
  if (matchingBranchPattern(input.branch, config.branches.patterns) === null) {
    lines.push(
      "",
      `> [!WARNING]\n> ${codeSpan(input.branch)} matches none of ${codeSpan("branches.patterns")}: the branch rule of ${codeSpan("hotfix-gate")} will fail until the patterns include ${codeSpan("hotfix/incident-{n}")}.`,
    );
  }
  lines.push(
    "",
    "- [ ] **Confirm the impact**: who and what is affected, since when; write it on this issue.",
    "- [ ] **Minimal fix**: the smallest change that stops the damage; the lasting fix is a follow-up.",
    checksLine(config),
    "- [ ] **Rollback plan**: read it below before the merge, so that nobody has to work it out during a failed deploy.",
    "",
    ...rollbackPlan({
      repo: input.repo,
      incident: input.incident,
      productionBranch: config.productionBranch,
      previousTag: input.previousTag,
      productionSha: input.productionSha,
      deploy: config.deploy,
    }),
  );
  return lines.join("\n");
}
