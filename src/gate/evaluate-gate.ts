import type { ConfigError } from "../config/config-error.js";
import type { HotfixConfig, Severity } from "../config/schema.js";
import { isHotfixFamilyBranch } from "../patterns/branch-pattern.js";
import { checkApprovals } from "../rules/approvals.js";
import { checkBranch } from "../rules/branch.js";
import { checkConflictMarkers } from "../rules/conflict-markers.js";
import { checkDiffBudget } from "../rules/diff-budget.js";
import { decideFastTrack, type FastTrackClock, type FastTrackInput } from "../rules/fast-track.js";
import { checkRequiredChecks } from "../rules/required-checks.js";
import type { RuleResult } from "../rules/rule-result.js";
import { resolveSeverity, severityFromLabels, severityRow } from "../rules/severity.js";
import { checkTitle, jiraKeyOf } from "../rules/title.js";
import { GATE_CHECK_NAME } from "./gate-check-name.js";
import type { GateFacts, GatePullRequest } from "./gate-facts.js";

export const GATE_CONCLUSIONS = ["success", "failure", "neutral"] as const;
export type GateConclusion = (typeof GATE_CONCLUSIONS)[number];

/** The verdict, before rendering: what the check run's status, conclusion and rows will be. */
export interface GateEvaluation {
  status: "in_progress" | "completed";
  /** Null while in progress. */
  conclusion: GateConclusion | null;
  /** One line: the check run's output title. */
  title: string;
  /** An opening sentence for the summary, above the table. */
  headline: string;
  rows: RuleResult[];
  severity: Severity | null;
  jiraKey: string | null;
  approvedBy: string[];
  /** The fast-track clock of the head, while one runs (see rules/fast-track.ts); absent otherwise. */
  fastTrack?: FastTrackClock & { head: string };
}

/** Where the fast-track clock of the PR's head is recorded, read by the gate when the clock may run. */
export type FastTrackFacts = Pick<FastTrackInput, "recorded" | "timelineAvailable" | "now">;

/**
 * Whether the gate applies: a PR into production whose head is in the hotfix branch family (it matches a
 * pattern or starts like one, `hotfix/`) or that carries a severity label. Anything else into production gets a
 * neutral "not a hotfix PR" run, so that a required `hotfix-gate` never blocks ordinary releases.
 */
export function isHotfixPullRequest(pr: GatePullRequest, config: HotfixConfig): boolean {
  return (
    isHotfixFamilyBranch(pr.headRef, config.branches.patterns) ||
    severityFromLabels(pr.labels, config) !== null
  );
}

const lower = (rows: RuleResult[]) => rows.map((row) => row.label.toLowerCase()).join(", ");

/** all pass (warnings included) -> success; any fail -> failure; otherwise in progress. */
function verdict(rows: RuleResult[]): Pick<GateEvaluation, "status" | "conclusion" | "title" | "headline"> {
  const failed = rows.filter((row) => row.state === "fail");
  const pending = rows.filter((row) => row.state === "pending");
  const warned = rows.filter((row) => row.state === "warn");
  if (failed.length > 0) {
    return {
      status: "completed",
      conclusion: "failure",
      title: `Failed: ${lower(failed)}`,
      headline: `The hotfix gate failed on ${failed.length} of ${rows.length} criteria.`,
    };
  }
  if (pending.length > 0) {
    return {
      status: "in_progress",
      conclusion: null,
      title: `Waiting for ${lower(pending)}`,
      headline: `The hotfix gate is waiting on ${pending.length} of ${rows.length} criteria.`,
    };
  }
  return {
    status: "completed",
    conclusion: "success",
    title:
      warned.length > 0
        ? `Passed with ${warned.length} warning${warned.length === 1 ? "" : "s"}: ${lower(warned)}`
        : `Passed: all ${rows.length} criteria met`,
    headline: `The hotfix gate passed${warned.length > 0 ? "; look at the warnings below" : ""}.`,
  };
}

/**
 * The gate's verdict. `fastTrack` is given once the gate has read where the head's clock is recorded (see
 * `mayFastTrack`); without it an approvals row that waits just waits.
 */
export function evaluateGate(
  facts: GateFacts,
  config: HotfixConfig,
  fastTrack: FastTrackFacts | null = null,
): GateEvaluation {
  const { pr } = facts;
  const resolved = resolveSeverity({ prLabels: pr.labels, incident: facts.incident }, config);
  const approvals = checkApprovals(facts.approvals, resolved.severity, config);
  const [critical, security] = checkRequiredChecks(facts.checkRuns, config, GATE_CHECK_NAME);
  const listed = facts.files.list;
  // The PR's own counts are exact even when the file list was cut short.
  const size = pr.size ?? {
    files: listed.length,
    additions: listed.reduce((sum, f) => sum + f.additions, 0),
    deletions: listed.reduce((sum, f) => sum + f.deletions, 0),
  };
  const { approvedBy, ...approvalRow } = approvals;
  const otherRows: RuleResult[] = [
    checkTitle(pr.title, config),
    checkBranch({ headRef: pr.headRef, baseRef: pr.baseRef, lineage: facts.lineage }, config),
    severityRow(resolved, config),
    critical,
    security,
    checkDiffBudget(size, config),
    checkConflictMarkers(listed, facts.files.complete),
  ];
  const decided = fastTrack
    ? decideFastTrack({
        timeoutMinutes: config.approvals[resolved.severity].timeoutMinutes,
        approvals: approvalRow,
        otherRows,
        draft: pr.draft,
        ...fastTrack,
      })
    : { approvals: approvalRow, clock: null };
  const rows = [...otherRows.slice(0, 3), decided.approvals, ...otherRows.slice(3)];
  return {
    ...verdict(rows),
    rows,
    severity: resolved.severity,
    jiraKey: jiraKeyOf(pr.title, config),
    approvedBy,
    ...(decided.clock ? { fastTrack: { ...decided.clock, head: pr.headSha } } : {}),
  };
}

/**
 * Whether the fast-track clock may run on this evaluation (pure), so that the gate reads the incident's timeline
 * only then: the severity has a timeout, the PR is ready for review, the approvals row waits and every other row
 * passes. Any other time the clock is off, and its records no longer hold.
 */
export function mayFastTrack(evaluation: GateEvaluation, pr: GatePullRequest, config: HotfixConfig): boolean {
  if (evaluation.severity === null || config.approvals[evaluation.severity].timeoutMinutes === null)
    return false;
  if (pr.draft) return false;
  const approvals = evaluation.rows.find((row) => row.rule === "approvals");
  const others = evaluation.rows.filter((row) => row.rule !== "approvals");
  return (
    approvals?.state === "pending" && others.every((row) => row.state === "pass" || row.state === "warn")
  );
}

export function notHotfixEvaluation(pr: GatePullRequest, config: HotfixConfig): GateEvaluation {
  return {
    status: "completed",
    conclusion: "neutral",
    title: "Not a hotfix PR",
    headline: `Head branch "${pr.headRef}" is not a hotfix branch (${config.branches.patterns.join(", ")}) and the PR has no severity label, so the hotfix gate does not apply.`,
    rows: [],
    severity: null,
    jiraKey: null,
    approvedBy: [],
  };
}

/**
 * A PR from a fork is never a hotfix PR: its branch is not ours (the after-merge pipeline would tag, backport,
 * delete and link by a name someone else chose) and its author cannot be held to the hotfix workflow. When it
 * looks like one (a hotfix branch name or a severity label) the run fails and says why, so that nobody merges it
 * believing the gate checked it; a fork PR that does not look like a hotfix stays "not a hotfix PR" (neutral).
 */
export function forkEvaluation(pr: GatePullRequest): GateEvaluation {
  const where = pr.headRepoName ? `the fork ${pr.headRepoName}` : "a fork (since deleted)";
  return {
    status: "completed",
    conclusion: "failure",
    title: "Hotfix PRs cannot come from a fork",
    headline: `This PR's head branch "${pr.headRef}" lives in ${where}, not in this repository, so it cannot be a hotfix PR.`,
    rows: [
      {
        rule: "branch",
        label: "Branch",
        state: "fail",
        reason: `${pr.headRef} is from ${where}: push the change to a branch of this repository and open the hotfix PR from there`,
      },
    ],
    severity: null,
    jiraKey: null,
    approvedBy: [],
  };
}

/** A configuration that cannot be read never passes the gate: the run fails and says what to fix where. */
export function configErrorEvaluation(error: ConfigError): GateEvaluation {
  return {
    status: "completed",
    conclusion: "failure",
    title: `Invalid configuration: ${error.file}`,
    headline: `${error.file} cannot be used, so no hotfix can pass the gate until it is fixed.`,
    rows: [
      {
        rule: "config",
        label: "Configuration",
        state: "fail",
        reason: error.message,
        details: error.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)),
      },
    ],
    severity: null,
    jiraKey: null,
    approvedBy: [],
  };
}
