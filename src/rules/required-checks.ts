import type { HotfixConfig, RequiredCheck } from "../config/schema.js";
import { matchesCheckName } from "../patterns/check-name-glob.js";
import { type RuleResult, type RuleState, worstState } from "./rule-result.js";

/**
 * A check run on the head SHA, as the check-runs listing gives it, or a commit status read as one (see
 * statusAsCheckRun): a status has no App but a `creator`, the user who created it.
 */
export interface CheckRunFact {
  id: number;
  name: string;
  /** queued, in_progress, completed (or requested, waiting, pending for Actions). */
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  /** The App that reported it (GitHub always says; null only for a listing that did not). */
  app: { id: number; slug: string } | null;
  /** For a commit status: the user (or App bot user) that created it; absent for a check run. */
  creator?: { id: number; login: string } | null;
}

/** A check run as GitHub's check-run listings give it, as far as the rules read it. */
export interface ListedCheckRun {
  id: number;
  name: string;
  status: string;
  conclusion?: string | null;
  started_at?: string | null;
  completed_at?: string | null;
  app?: { id: number; slug?: string } | null;
}

/** A listed check run as a fact (pure): an App without a slug is named by its id. */
export function checkRunFactOf(run: ListedCheckRun): CheckRunFact {
  return {
    id: Number(run.id),
    name: run.name,
    status: run.status,
    conclusion: run.conclusion ?? null,
    startedAt: run.started_at ?? null,
    completedAt: run.completed_at ?? null,
    app: run.app ? { id: run.app.id, slug: run.app.slug ?? String(run.app.id) } : null,
  };
}

/** A commit status as the statuses listing gives it. */
export interface CommitStatusFact {
  id: number;
  context: string;
  state: string;
  createdAt: string | null;
  creator: { id: number; login: string } | null;
}

/**
 * A commit status in the shape of a check run, so that one set of rules judges both: `pending` is a run still in
 * progress; `success` succeeded; `failure`, `error` and any state GitHub may add fail.
 */
export function statusAsCheckRun(status: CommitStatusFact): CheckRunFact {
  const pending = status.state === "pending";
  return {
    id: status.id,
    name: status.context,
    status: pending ? "pending" : "completed",
    conclusion: pending ? null : status.state,
    startedAt: status.createdAt,
    completedAt: pending ? null : status.createdAt,
    app: null,
    creator: status.creator,
  };
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
  // Two commit statuses of the same second (GitHub's times have whole seconds): a status is one moment, never
  // "still running", so a pending one is not newer than the success after it; the later id is.
  if (isStatus(a) && isStatus(b)) return a.id > b.id;
  const completed = time(a.completedAt) - time(b.completedAt);
  if (completed !== 0 && !Number.isNaN(completed)) return completed > 0;
  return a.id > b.id;
}

/** A commit status in check-run shape (statusAsCheckRun): no App, a creator. */
function isStatus(run: CheckRunFact): boolean {
  return run.app === null && run.creator !== null && run.creator !== undefined;
}

/** Who reported a run: its App, or for a status its creator (never comparable with each other). */
function reporterKey(run: CheckRunFact): string {
  if (run.app) return `app:${run.app.id}`;
  if (run.creator) return `user:${run.creator.id}`;
  return "?";
}

/**
 * The latest run of each name from each App (or status creator): a re-run replaces the run it re-runs, whatever
 * that one concluded. Runs of one name from different reporters never replace each other: times are set by
 * whoever reports the run, so comparing them across reporters would let any of them supersede another's failure.
 */
export function latestRunPerName(runs: readonly CheckRunFact[]): CheckRunFact[] {
  const latest = new Map<string, CheckRunFact>();
  for (const run of runs) {
    const key = `${reporterKey(run)}\u0000${run.name}`;
    const current = latest.get(key);
    if (!current || newer(run, current)) latest.set(key, run);
  }
  return [...latest.values()];
}

/** Whether the run was reported by the App a required check is pinned to (by id, or by slug). */
export function reportedBy(run: CheckRunFact, app: number | string): boolean {
  if (!run.app) return false;
  // YAML may quote an id ("15368"): digits are read as an id either way (the Action's app input reads alike).
  if (typeof app === "number" || /^[0-9]+$/.test(app)) return run.app.id === Number(app);
  return run.app.slug.toLowerCase() === app.toLowerCase();
}

/** Whether a commit status was created by the user a required check is pinned to (by id, or by login). */
export function createdBy(run: CheckRunFact, creator: number | string): boolean {
  if (!run.creator) return false;
  if (typeof creator === "number" || /^[0-9]+$/.test(creator)) return run.creator.id === Number(creator);
  return run.creator.login.toLowerCase() === creator.toLowerCase();
}

/**
 * Whether a run counts towards a required check: any run when the check is not pinned; else only a check run of
 * the pinned App, or only a status of the pinned creator. Anything else fails closed: it may fail the check, never
 * pass it.
 */
function counts(check: RequiredCheck, run: CheckRunFact): boolean {
  if (check.app !== null) return reportedBy(run, check.app);
  if (check.creator !== null) return createdBy(run, check.creator);
  return true;
}

function pinOf(check: RequiredCheck): string | null {
  if (check.app !== null) return String(check.app);
  if (check.creator !== null) return String(check.creator);
  return null;
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

const appName = (run: CheckRunFact) => run.app?.slug ?? run.creator?.login ?? "an unknown app";

function describe(run: CheckRunFact): string {
  return run.status === "completed" ? (run.conclusion ?? "completed") : run.status;
}

function listNames(items: string[]): string {
  return items.length > 5 ? `${items.slice(0, 5).join(", ")}, … (${items.length})` : items.join(", ");
}

/** "unit, e2e (1) (github-actions); codeql (scanner)": what passed, grouped by the App that reported it. */
function passedByApp(items: string[]): string {
  const byApp = new Map<string, string[]>();
  for (const item of items) {
    const [app = "", name = ""] = item.split("\u0000");
    byApp.set(app, [...(byApp.get(app) ?? []), name]);
  }
  return [...byApp].map(([app, names]) => `${listNames(names)} (${app})`).join("; ");
}

/** How one required entry stands: what passed, what is awaited, what failed, each naming the reporting App. */
function entryVerdict(
  check: RequiredCheck,
  latest: readonly CheckRunFact[],
  config: ChecksConfig,
): { passed: string[]; waiting: string[]; failed: string[]; missing: string | null } {
  const passed: string[] = [];
  const waiting: string[] = [];
  const failed: string[] = [];
  const runs = latest.filter((run) => matchesCheckName(check.name, run.name));
  const pin = pinOf(check);
  const counted = runs.filter((run) => counts(check, run));
  const missing = counted.length === 0 ? `${check.name}${pin === null ? "" : ` from ${pin}`}` : null;
  if (missing !== null) waiting.push(`${missing} (not reported yet)`);
  for (const run of runs) {
    const state = runState(run, config);
    const shown = `${run.name} (${describe(run)}, ${appName(run)})`;
    // A pinned check waits only for its App (or status creator); any other reporter's run can still fail it (fail
    // closed), never pass it.
    if (state === "fail") failed.push(shown);
    else if (!counted.includes(run)) continue;
    else if (state === "pending") waiting.push(shown);
    else passed.push(`${appName(run)}\u0000${run.name}`);
  }
  return { passed, waiting, failed, missing };
}

function category(
  rule: "critical-tests" | "security-scan",
  label: string,
  field: string,
  checks: readonly RequiredCheck[],
  runs: readonly CheckRunFact[],
  config: ChecksConfig,
): RuleResult {
  if (checks.length === 0) {
    return {
      rule,
      label,
      state: "warn",
      reason: `none configured (${field} is empty): no ${label.toLowerCase()} result is required`,
    };
  }
  const passed = new Set<string>();
  const waiting = new Set<string>();
  const failed = new Set<string>();
  const missing = new Set<string>();
  for (const check of checks) {
    const verdict = entryVerdict(check, runs, config);
    for (const item of verdict.passed) passed.add(item);
    for (const item of verdict.waiting) waiting.add(item);
    for (const item of verdict.failed) failed.add(item);
    if (verdict.missing !== null) missing.add(verdict.missing);
  }
  // Who reported what, every run of a required name: the evidence behind the verdict.
  const reported = runs.filter((run) => checks.some((check) => matchesCheckName(check.name, run.name)));
  const details = [
    ...[...missing].map((name) => `${name}: not reported yet`),
    ...reported.map((run) => `${run.name}: ${describe(run)} (${appName(run)})`),
  ];
  const state = worstState([
    ...[...failed].map(() => "fail" as const),
    ...[...waiting].map(() => "pending" as const),
    "pass",
  ]);
  let reason: string;
  if (state === "fail") {
    const hint = [...failed].some((f) => /\((neutral|skipped),/.test(f))
      ? " (neutral/skipped count as passing only with checks.neutralPasses/skippedPasses)"
      : "";
    reason = `failed: ${listNames([...failed])}${hint}`;
  } else if (state === "pending") reason = `waiting for ${listNames([...waiting])}`;
  else reason = `passed: ${passedByApp([...passed])}`;
  return { rule, label, state, reason, details };
}

/**
 * The configured critical-test and security-scan checks on the head SHA, from check runs and commit statuses
 * alike (a status's context is its name). Each App's (or status creator's) latest run of a name counts (a re-run
 * replaces the run it re-runs); a check pinned to an App (`{ name, app }`) passes only on that App's check run,
 * one pinned to a creator (`{ name, creator }`) only on that user's status, and any reporter's failed latest run
 * fails it; an unpinned check passes when every App and creator that reported it succeeded. A missing or unfinished run is pending; failure, cancelled, timed_out, action_required, stale and
 * startup_failure fail; neutral and skipped follow the config. `ownName` (the gate's own check run) is never
 * one of the checks it waits for.
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

/**
 * The latest runs that count towards any of `checks` (pure): matching a name, and for a pinned check only the
 * pinned App's (or creator's). What the gate judged, for a step that reads more of those runs (their warnings).
 */
export function countedRuns(checks: readonly RequiredCheck[], runs: readonly CheckRunFact[]): CheckRunFact[] {
  return latestRunPerName(runs).filter((run) =>
    checks.some((check) => matchesCheckName(check.name, run.name) && counts(check, run)),
  );
}

/** Whether a check run name is one the gate waits for, so that other completions need no re-evaluation. */
export function isRequiredCheckName(name: string, config: ChecksConfig): boolean {
  return [...config.checks.criticalTests, ...config.checks.securityScan].some((check) =>
    matchesCheckName(check.name, name),
  );
}
