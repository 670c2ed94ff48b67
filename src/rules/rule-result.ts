/**
 * The shared result of every gate rule: one row of the `hotfix-gate` table.
 *
 * `warn` never blocks (the gate still passes, the row says why it deserves a look); `pending` waits for
 * something that has not happened yet (a check still running, an approval still missing); `fail` blocks.
 */
export type RuleState = "pass" | "warn" | "pending" | "fail";

export type RuleId =
  | "config"
  | "title"
  | "branch"
  | "severity"
  | "approvals"
  | "diff-budget"
  | "conflict-markers"
  | "critical-tests"
  | "security-scan";

export interface RuleResult {
  rule: RuleId;
  /** The criterion as the table shows it. */
  label: string;
  state: RuleState;
  /** One line of plain text; it may quote user text, so renderers escape it. */
  reason: string;
  /** Further plain-text lines (file:line of a conflict marker, one line per check run), shown below the table. */
  details?: string[];
}

const SEVERITY: Record<RuleState, number> = { pass: 0, warn: 1, pending: 2, fail: 3 };

/** The state that dominates: fail over pending over warn over pass. */
export function worstState(states: readonly RuleState[]): RuleState {
  let worst: RuleState = "pass";
  for (const state of states) if (SEVERITY[state] > SEVERITY[worst]) worst = state;
  return worst;
}
