import { z } from "zod";
import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { ensureBotComment } from "../incident/bot-comment.js";
import { withIncidentLock } from "../incident/incident-lock.js";
import type { MergedPullRequest } from "../incident/merged-pull-request.js";
import { readMergedHotfix } from "../incident/read-merged-hotfix.js";
import { refusalMarker } from "../incident/refusal-marker.js";
import { addEntry, type RollbackTrigger, type TimelineState } from "../incident/timeline-state.js";
import { readTimeline, writeTimeline } from "../incident/upsert-timeline.js";
import { type Route, writtenBefore } from "../route.js";
import { escapeMarkdown } from "../text/escape-markdown.js";
import { WriteAccessCache } from "../util/permission.js";
import { endMonitoringUnderLock } from "./end-monitoring.js";
import { withMergedHotfixRecord } from "./merged-hotfix-record.js";
import { notifyRollbackAsked } from "./notify-monitoring-outcome.js";
import { triggerText } from "./revert-pr-text.js";
import { type RollbackOrigin, rollBack, rollbackComplete } from "./roll-back.js";

/** `/rollback [reason]` on an incident or a merged hotfix PR, from a person. */
export interface RollbackCommand {
  /** The issue or pull request the comment is on. */
  issue: number;
  onPull: boolean;
  reason: string;
  commenter: string;
  commenterId: number;
  commentId: number;
  at: string | null;
}

/** A reason is a sentence for the timeline and the revert PR, not an essay. */
export const ROLLBACK_REASON_MAX = 300;

const commentShape = z.object({
  action: z.literal("created"),
  issue: z.object({ number: z.number().int().positive(), pull_request: z.unknown().optional() }),
  comment: z.object({
    id: z.number().int().positive(),
    body: z.string().max(65_536),
    created_at: z.string().optional(),
    user: z.object({ id: z.number().int().positive(), login: z.string(), type: z.string() }),
  }),
});

/** The command alone on the first line of a new comment, from a person (never a bot); the reason is the rest. */
export function parseRollbackCommand(payload: unknown): RollbackCommand | null {
  const parsed = commentShape.safeParse(payload);
  if (!parsed.success || parsed.data.comment.user.type === "Bot") return null;
  const first = (parsed.data.comment.body.split(/\r?\n/, 1)[0] ?? "").trim();
  const match = /^\/rollback(?:[ \t]+(.*))?$/.exec(first);
  if (!match) return null;
  return {
    issue: parsed.data.issue.number,
    onPull: parsed.data.issue.pull_request !== undefined && parsed.data.issue.pull_request !== null,
    reason: (match[1] ?? "").trim(),
    commenter: parsed.data.comment.user.login,
    commenterId: parsed.data.comment.user.id,
    commentId: parsed.data.comment.id,
    at: parsed.data.comment.created_at ?? null,
  };
}

/** The hidden first line of the reply to one `/rollback` comment: a redelivery finds it and posts no other. */
export function rollbackReplyMarker(commentId: number): string {
  return `<!-- hotfix-bot:rollback-reply ${JSON.stringify({ comment: commentId })} -->`;
}

/** What a `/rollback` came to, for the logs and (later) a notification. */
export type RollbackCommandOutcome =
  | { kind: "refused" }
  | { kind: "rejected"; why: string }
  | { kind: "already"; pr: number; incident: number | null }
  | { kind: "rolled-back"; pr: number; incident: number | null; state: TimelineState; timeline: string };

/**
 * The hotfix a command rolls back: the PR it is said on, or, on an incident, its most recently merged fix. An
 * incident is one whose timeline records intake; a PR it names is followed only through the PR's own checks.
 */
async function targetOf(
  ctx: EngineContext,
  config: HotfixConfig,
  command: RollbackCommand,
): Promise<MergedPullRequest | null> {
  if (command.onPull) return readMergedHotfix(ctx, config, command.issue);
  const { state } = await readTimeline(ctx, command.issue);
  if (!state?.detectedAt) return null;
  const latest = Object.values(state.pipelines).sort(
    (a, b) => Date.parse(b.mergedAt) - Date.parse(a.mergedAt),
  )[0];
  return latest ? readMergedHotfix(ctx, config, latest.pr) : null;
}

/**
 * `/rollback [reason]`: the same revert PR, label and escalation as a failed deployment (rollBack), at any time
 * after the merge, from a writer (write permission read through the API for the commenter's id); a reader gets one
 * refusal per issue. Idempotent: the pipeline's record says whether the rollback is done, so a redelivery, a
 * second `/rollback` or one after a failed deployment's rollback makes no second revert, label or escalation.
 */
export async function runRollbackCommand(
  command: RollbackCommand,
  ctx: EngineContext,
): Promise<RollbackCommandOutcome> {
  const marker = rollbackReplyMarker(command.commentId);
  const reply = (issue: number, body: string) => ensureBotComment(ctx, issue, marker, `${marker}\n${body}`);
  const account = { id: command.commenterId, login: command.commenter };
  if (!(await new WriteAccessCache(ctx).hasWrite(account))) {
    // One refusal per reader and issue, however many commands she types; her commands are answered one after the
    // other (under the issue's lock), so that two at once cost one comment, not a comment and its deleted twin.
    const refused = refusalMarker(command.commenterId);
    await withIncidentLock(ctx, command.issue, () =>
      ensureBotComment(
        ctx,
        command.issue,
        refused,
        `${refused}\n@${command.commenter} only people with write access can ask for a rollback; nothing was done.`,
      ),
    );
    return { kind: "refused" };
  }
  const reject = async (why: string): Promise<RollbackCommandOutcome> => {
    await reply(command.issue, why);
    return { kind: "rejected", why };
  };
  if (command.reason.length > ROLLBACK_REASON_MAX)
    return reject(
      `\`/rollback\`: keep the reason within ${ROLLBACK_REASON_MAX} characters; nothing was done.`,
    );
  const loaded = await ctx.config();
  if (!loaded.ok) return reject(`\`/rollback\` cannot run: ${escapeMarkdown(loaded.error.message)}`);
  const config = loaded.config;
  const pr = await targetOf(ctx, config, command);
  if (!pr)
    return reject(
      "`/rollback` works on a merged hotfix pull request into a production branch, or on its incident; nothing was done.",
    );
  return withMergedHotfixRecord(ctx, pr, async (origin) => {
    const timeline = await readTimeline(ctx, origin.issue);
    const pipeline = timeline.state?.pipelines[String(pr.number)];
    if (!timeline.state || !pipeline)
      return reject(
        `\`/rollback\`: #${pr.number} merged, but its after-merge record is not written yet; say it again in a minute.`,
      );
    if (rollbackComplete(pipeline.deploy)) {
      // A redelivery of the command that rolled it back: done, nothing to say twice.
      if (pipeline.rollbackBy?.commentId === command.commentId)
        return { kind: "already", pr: pr.number, incident: origin.incident };
      const revert = pipeline.deploy?.rollback;
      const where = revert?.pr ? `: revert PR #${revert.pr}` : "";
      const why = pipeline.rollbackBy ? triggerText(pipeline.rollbackBy) : "its deployment failed";
      await reply(
        command.issue,
        `#${pr.number} is already being rolled back (${escapeMarkdown(why)})${where}.`,
      );
      return { kind: "already", pr: pr.number, incident: origin.incident };
    }
    const state = await rollBackOnCommand(ctx, config, command, origin, timeline.state);
    const written = await writeTimeline(ctx, origin.issue, timeline.commentId, state);
    // Said on the PR while the incident holds the record: point the PR's thread at the revert.
    const revert = state.pipelines[String(pr.number)]?.deploy?.rollback;
    if (command.issue !== origin.issue && revert?.pr)
      await reply(
        command.issue,
        `Rolling back #${pr.number}: revert PR #${revert.pr}; incident #${origin.issue} is escalated.`,
      ).catch((error: unknown) => {
        throw writtenBefore(error, { timeline: written.markdown });
      });
    return {
      kind: "rolled-back",
      pr: pr.number,
      incident: origin.incident,
      state,
      timeline: written.markdown,
    };
  });
}

/**
 * "Rolled back by /rollback": records who asked and why, then rolls back. The window (if any) ends here; one that
 * was already due is recorded as stable first, as it would have been had the sweep run. Returns the state to write.
 */
export async function rollBackOnCommand(
  ctx: EngineContext,
  config: HotfixConfig,
  command: RollbackCommand,
  origin: RollbackOrigin,
  read: TimelineState,
): Promise<TimelineState> {
  const n = origin.pr.number;
  let state = await endMonitoringUnderLock(ctx, config, origin, read);
  const pipeline = state.pipelines[String(n)];
  if (!pipeline) return state;
  const at = validTime(command.at) ?? ctx.clock().toISOString();
  const trigger: RollbackTrigger = pipeline.rollbackBy ?? {
    kind: "command",
    at,
    by: command.commenter,
    byId: command.commenterId,
    reason: command.reason,
    commentId: command.commentId,
  };
  state = {
    ...state,
    pipelines: { ...state.pipelines, [String(n)]: { ...pipeline, rollbackBy: trigger } },
  };
  state = addEntry(state, {
    key: `rollback-asked-${n}`,
    at: trigger.at,
    text: `Rollback of #${n}: ${triggerText(trigger)}`,
  });
  const tag = pipeline.tag ?? origin.pr.mergeSha.slice(0, 7);
  return rollBack(ctx, config, state, origin, state.pipelines[String(n)] ?? pipeline, {
    tag,
    environment: pipeline.deploy?.environment?.name ?? "",
    state: "rollback",
    description: command.reason,
    logUrl: null,
    trigger,
  });
}

function validTime(value: string | null): string | null {
  const t = Date.parse(value ?? "");
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** `/rollback [reason]` on an incident or a merged hotfix PR. Long: a revert is several writes, paced. */
export const rollbackCommandRoute: Route<RollbackCommand> = {
  step: "rollback-command",
  long: true,
  triggers: [{ event: "issue_comment", actions: ["created"] }],
  match(event) {
    return event.name === "issue_comment" ? parseRollbackCommand(event.payload) : null;
  },
  async run(command, ctx) {
    const outcome = await runRollbackCommand(command, ctx);
    ctx.log.info(`/rollback by ${command.commenter} on #${command.issue}: ${outcome.kind}`);
    let timeline = outcome.kind === "rolled-back" ? outcome.timeline : undefined;
    // "already" too: a redelivery after a run that died between its record and its message sends it now.
    if (outcome.kind === "rolled-back" || outcome.kind === "already") {
      const loaded = await ctx.config();
      if (loaded.ok)
        timeline = (await notifyRollbackAsked(ctx, loaded.config, outcome.incident, outcome.pr)) ?? timeline;
    }
    return timeline === undefined ? undefined : { timeline };
  },
};
