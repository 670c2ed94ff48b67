import type { HotfixConfig } from "../config/schema.js";
import { matchesCheckName } from "./check-name-glob.js";
import { type RuleResult, type RuleState, worstState } from "./rule-result.js";

/** A check run on the head SHA, as the check-runs listing gives it. */
export interface CheckRunFact {
  id: number;
  name: string;
  /** queued, in_progress, completed (or requested, waiting, pending for Actions). */
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
}

type ChecksConfig = Pick<HotfixConfig, "checks">;

const time = (iso: string | null) => {
  // Not started (or not finished) yet means newer than anything that has.
  if (iso === null) return Number.POSITIVE_INFINITY;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
};

/** Whether run `a` is newer than run `b`: later start, then later completion, then higher id. */
function newer(a: CheckRunFact, b: CheckRunFact): boolean {
  const started = time(a.startedAt) - time(b.startedAt);
  if (started !== 0 && !Number.isNaN(started)) return started > 0;
  const completed = time(a.completedAt) - time(b.completedAt);
  if (completed !== 0 && !Number.isNaN(completed)) return completed > 0;
  return a.id > b.id;
}

/** The latest run of each name: a re-run replaces the run it re-runs, whatever that one concluded. */
export function latestRunPerName(runs: readonly CheckRunFact[]): CheckRunFact[] {
  const latest = new Map<string, CheckRunFact>();
  for (const run of runs) {
    const current = latest.get(run.name);
    if (!current || newer(run, current)) latest.set(run.name, run);
  }
  return [...latest.values()];
}

export function runState(run: CheckRunFact, config: ChecksConfig): RuleState {
  if (run.status !== "completed") return "pending";
  switch (run.conclusion) {
    case "success":
      return "pass";
    case "neutral":
      return config.checks.neutralPasses ? "pass" : "fail";
    case "skipped":
      return config.checks.skippedPasses ? "pass" : "fail";
    default:
      // failure, cancelled, timed_out, action_required, stale, startup_failure and anything new.
      return "fail";
  }
}

function describe(run: CheckRunFact): string {
  return run.status === "completed" ? (run.conclusion ?? "completed") : run.status;
}

function listNames(items: string[]): string {
  return items.length > 5 ? `${items.slice(0, 5).join(", ")}, … (${items.length})` : items.join(", ");
}

function category(
  rule: "critical-tests" | "security-scan",
  label: string,
  field: string,
  patterns: readonly string[],
  runs: readonly CheckRunFact[],
  config: ChecksConfig,
): RuleResult {
  if (patterns.length === 0) {
    return {
      rule,
      label,
      state: "warn",
      reason: `none configured (${field} is empty): no ${label.toLowerCase()} result is required`,
    };
  }
  const passed: string[] = [];
  const waiting: string[] = [];
  const failed: string[] = [];
  const details: string[] = [];
  const matched = new Map<number, CheckRunFact>();
  for (const pattern of patterns) {
    const runsOfPattern = runs.filter((run) => matchesCheckName(pattern, run.name));
    if (runsOfPattern.length === 0) {
      waiting.push(`${pattern} (not reported yet)`);
      details.push(`${pattern}: not reported yet`);
    }
    for (const run of runsOfPattern) matched.set(run.id, run);
  }
  for (const run of matched.values()) {
    const state = runState(run, config);
    const shown = `${run.name} (${describe(run)})`;
    details.push(`${run.name}: ${describe(run)}`);
    if (state === "pass") passed.push(run.name);
    else if (state === "pending") waiting.push(shown);
    else failed.push(shown);
  }
  const state = worstState([
    ...failed.map(() => "fail" as const),
    ...waiting.map(() => "pending" as const),
    "pass",
  ]);
  let reason: string;
  if (state === "fail") {
    const hint = failed.some((f) => /\((neutral|skipped)\)$/.test(f))
      ? " (neutral/skipped count as passing only with checks.neutralPasses/skippedPasses)"
      : "";
    reason = `failed: ${listNames(failed)}${hint}`;
  } else if (state === "pending") reason = `waiting for ${listNames(waiting)}`;
  else reason = `passed: ${listNames(passed)}`;
  return { rule, label, state, reason, details };
}

/**
 * The configured critical-test and security-scan checks on the head SHA. Only the latest run per name counts;
 * a missing or unfinished run is pending; failure, cancelled, timed_out, action_required, stale and
 * startup_failure fail; neutral and skipped follow the config. `ownName` (the gate's own check run) is never one of the checks it waits for.
 */
export function checkRequiredChecks(
  runs: readonly CheckRunFact[],
  config: ChecksConfig,
  ownName: string,
): [RuleResult, RuleResult] {
  const latest = latestRunPerName(runs.filter((run) => run.name !== ownName));
  return [
    category(
      "critical-tests",
      "Critical tests",
      "checks.criticalTests",
      config.checks.criticalTests,
      latest,
      config,
    ),
    category(
      "security-scan",
      "Security scan",
      "checks.securityScan",
      config.checks.securityScan,
      latest,
      config,
    ),
  ];
}

/** Whether a check run name is one the gate waits for, so that other completions need no re-evaluation. */
export function isRequiredCheckName(name: string, config: ChecksConfig): boolean {
  return [...config.checks.criticalTests, ...config.checks.securityScan].some((p) =>
    matchesCheckName(p, name),
  );
}
