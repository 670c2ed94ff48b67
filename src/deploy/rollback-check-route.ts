import type { HotfixConfig, RequiredCheck } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { isMergedHotfix, mergedPullRequestFrom } from "../incident/merged-pull-request.js";
import { addEntry, type RollbackTrigger } from "../incident/timeline-state.js";
import { readTimeline, writeTimeline } from "../incident/upsert-timeline.js";
import { matchesCheckName } from "../patterns/check-name-glob.js";
import type { EngineEvent, Route } from "../route.js";
import { type CheckRunFact, createdBy, reportedBy } from "../rules/required-checks.js";
import { endMonitoringUnderLock } from "./end-monitoring.js";
import { withMergedHotfixRecord } from "./merged-hotfix-record.js";
import { monitoringPhase, utcClock } from "./monitoring-window.js";
import { notifyMonitoringDone, notifyRollbackAsked } from "./notify-monitoring-outcome.js";
import { triggerText } from "./revert-pr-text.js";
import { rollBack } from "./roll-back.js";

/** A failed check run or commit status on some commit, as the event says who reported it. */
export interface FailedCheck {
  sha: string;
  name: string;
  /** failure, timed_out, cancelled, … for a check run; failure or error for a status. */
  conclusion: string;
  /** The check run's App, or null for a status. */
  app: { id: number; slug: string } | null;
  /** The status's creator (the event's sender), or null for a check run. */
  creator: { id: number; login: string } | null;
}

// A neutral or skipped check says nothing about production; a success none. Anything else is a failure.
const NOT_FAILING = new Set(["success", "neutral", "skipped"]);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;
const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const account = (value: unknown): { id: number; login: string } | null =>
  isObject(value) && typeof value.id === "number" && typeof value.login === "string"
    ? { id: value.id, login: value.login }
    : null;

/** A completed, failed check run or a failure/error status (pure; most check events are not, and cost nothing). */
export function failedCheckFrom(event: EngineEvent): FailedCheck | null {
  const payload = event.payload;
  if (!isObject(payload)) return null;
  if (event.name === "check_run") {
    const run = payload.check_run;
    if (payload.action !== "completed" || !isObject(run)) return null;
    const conclusion = str(run.conclusion);
    const sha = str(run.head_sha);
    const name = str(run.name);
    if (!conclusion || NOT_FAILING.has(conclusion) || !sha || !name) return null;
    const app = isObject(run.app) && typeof run.app.id === "number" ? run.app : null;
    return {
      sha,
      name,
      conclusion,
      app: app ? { id: app.id as number, slug: str(app.slug) ?? "" } : null,
      creator: null,
    };
  }
  if (event.name === "status") {
    const state = str(payload.state);
    const sha = str(payload.sha);
    const name = str(payload.context);
    if ((state !== "failure" && state !== "error") || !sha || !name) return null;
    return { sha, name, conclusion: state, app: null, creator: account(payload.sender) };
  }
  return null;
}

/**
 * The `monitoring.rollbackOn` entry a failed check answers to (pure): its name matches (exactly or by glob), and
 * when the entry is pinned, the reporter is the pinned App (a check run) or creator (a status). An unpinned entry
 * takes any reporter: only writers and installed Apps can report on a commit, and a writer can say `/rollback`.
 */
export function rollbackCheckFor(
  check: FailedCheck,
  rollbackOn: readonly RequiredCheck[],
): RequiredCheck | null {
  const run: CheckRunFact = {
    id: 0,
    name: check.name,
    status: "completed",
    conclusion: check.conclusion,
    startedAt: null,
    completedAt: null,
    app: check.app,
    creator: check.creator,
  };
  return (
    rollbackOn.find((entry) => {
      if (!matchesCheckName(entry.name, check.name)) return false;
      if (entry.app !== null) return reportedBy(run, entry.app);
      if (entry.creator !== null) return createdBy(run, entry.creator);
      return true;
    }) ?? null
  );
}

/** The merged hotfix PR whose merge commit is `sha` (the commit its tag names, the one deployed), if any. */
async function mergedHotfixAt(ctx: EngineContext, config: HotfixConfig, sha: string) {
  const { data } = await ctx.octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    ...ctx.repo,
    commit_sha: sha,
    per_page: 10,
  });
  for (const raw of data) {
    const pr = mergedPullRequestFrom(raw);
    if (pr && pr.mergeSha === sha && isMergedHotfix(pr, config)) return pr;
  }
  return null;
}

export type FailedCheckOutcome =
  | { kind: "not-watched" }
  | {
      kind: "rolled-back" | "window-over";
      pr: number;
      incident: number | null;
      /** The timeline as written; absent when nothing was. */
      timeline?: string;
    };

/**
 * A configured check (`monitoring.rollbackOn`) failed on a commit: when that commit is a deployed fix inside its
 * monitoring window, the fix is rolled back (rollBack: revert PR, label, escalation); after the window, the
 * failure changes nothing (a window that was due is recorded as stable, as the sweep would have).
 */
export async function handleFailedCheck(
  ctx: EngineContext,
  config: HotfixConfig,
  check: FailedCheck,
): Promise<FailedCheckOutcome> {
  if (!rollbackCheckFor(check, config.monitoring.rollbackOn)) return { kind: "not-watched" };
  const pr = await mergedHotfixAt(ctx, config, check.sha);
  if (!pr) return { kind: "not-watched" };
  return withMergedHotfixRecord(ctx, pr, async (origin) => {
    const timeline = await readTimeline(ctx, origin.issue);
    const pipeline = timeline.state?.pipelines[String(pr.number)];
    if (!timeline.state || !pipeline || pipeline.monitor?.sha !== check.sha) return { kind: "not-watched" };
    const phase = monitoringPhase(pipeline, ctx.clock());
    if (phase !== "open") {
      const next = await endMonitoringUnderLock(ctx, config, origin, timeline.state);
      const over = { kind: "window-over" as const, pr: pr.number, incident: origin.incident };
      if (next === timeline.state) return over;
      const written = await writeTimeline(ctx, origin.issue, timeline.commentId, next);
      return { ...over, timeline: written.markdown };
    }
    const at = ctx.clock().toISOString();
    const trigger: RollbackTrigger = { kind: "check", at, by: check.name, reason: check.conclusion };
    let state = {
      ...timeline.state,
      pipelines: { ...timeline.state.pipelines, [String(pr.number)]: { ...pipeline, rollbackBy: trigger } },
    };
    state = addEntry(state, {
      key: `rollback-asked-${pr.number}`,
      at,
      text: `Rollback of #${pr.number} at ${utcClock(at)} (UTC): ${triggerText(trigger)}`,
    });
    state = await rollBack(ctx, config, state, origin, state.pipelines[String(pr.number)] ?? pipeline, {
      tag: pipeline.tag ?? pr.mergeSha.slice(0, 7),
      environment: pipeline.deploy?.environment?.name ?? "",
      state: check.conclusion,
      description: "",
      logUrl: null,
      trigger,
    });
    const written = await writeTimeline(ctx, origin.issue, timeline.commentId, state);
    return { kind: "rolled-back", pr: pr.number, incident: origin.incident, timeline: written.markdown };
  });
}

/** A failed check run or status on a deployed fix inside its monitoring window rolls it back. Long: a revert. */
export const rollbackCheckRoute: Route<FailedCheck> = {
  step: "rollback-check",
  long: true,
  triggers: [{ event: "check_run", actions: ["completed"] }, { event: "status" }],
  match: failedCheckFrom,
  async run(check, ctx) {
    const loaded = await ctx.config();
    // A broken configuration is reported by the gate's check; nothing is watched without one.
    if (!loaded.ok || loaded.config.monitoring.rollbackOn.length === 0) return undefined;
    const outcome = await handleFailedCheck(ctx, loaded.config, check);
    if (outcome.kind === "not-watched") return undefined;
    ctx.log.info(`${check.name} ${check.conclusion} on ${check.sha}: ${outcome.kind}`);
    const notified =
      outcome.kind === "rolled-back"
        ? await notifyRollbackAsked(ctx, loaded.config, outcome.incident, outcome.pr)
        : await notifyMonitoringDone(ctx, loaded.config, outcome.incident, outcome.pr);
    const timeline = notified ?? outcome.timeline;
    return timeline === undefined ? undefined : { timeline };
  },
};
