import type { EngineContext } from "../../context.js";
import { overdueMarker, overdueMentions, overdueNoticeText } from "../../follow-ups/overdue-notice.js";
import { formatDueTime } from "../../follow-ups/plan-follow-ups.js";
import { ensureBotComment } from "../../incident/bot-comment.js";
import type { FollowUpKind } from "../../incident/follow-up-kinds.js";
import { withIncidentLock } from "../../incident/incident-lock.js";
import { withPipelineLock } from "../../incident/pipeline-lock.js";
import { addEntry, type PipelineState, type TimelineState } from "../../incident/timeline-state.js";
import { readTimeline, writeTimeline } from "../../incident/upsert-timeline.js";
import { httpStatus } from "../../util/http-status.js";
import { type DueItem, dueNow, failedResult, type SweepResult, type SweepTask } from "../sweep-task.js";
import { timelineOfMergedHotfix } from "./timeline-of-merged-hotfix.js";

export interface DueFollowUp extends DueItem {
  kind: FollowUpKind;
  issue: number;
}

/**
 * The follow-ups of a pipeline whose due time has passed and whose end the timeline does not record yet — neither
 * the overdue comment nor the closing (pure). The timeline is the ledger: once either is recorded, later sweeps
 * skip the follow-up without a request.
 */
export function dueFollowUps(pipeline: PipelineState | undefined, now: Date): DueFollowUp[] {
  if (!pipeline) return [];
  const items = Object.entries(pipeline.followUps).flatMap(([kind, f]) =>
    f?.dueAt && !f.overdueNoticeAt && !f.closedAt
      ? [{ key: `follow-up-overdue-${f.issue}`, dueAt: f.dueAt, kind: kind as FollowUpKind, issue: f.issue }]
      : [],
  );
  return dueNow(items, now);
}

/** The follow-up issue as GitHub has it now: open or closed (and when), and who is assigned. */
interface IssueNow {
  open: boolean;
  closedAt: string | null;
  assignees: string[];
}

async function readIssue(ctx: EngineContext, issue: number): Promise<IssueNow | null> {
  try {
    const { data } = await ctx.octokit.rest.issues.get({ ...ctx.repo, issue_number: issue });
    return {
      open: data.state === "open",
      closedAt: data.closed_at ?? null,
      assignees: (data.assignees ?? []).map((a) => a.login),
    };
  } catch (error) {
    // Deleted or transferred: nothing to remind about, and no closing time to record.
    if (httpStatus(error) === 404 || httpStatus(error) === 410) return null;
    throw error;
  }
}

/**
 * One due follow-up, under the incident's lock: a closed one is recorded as closed (on time or late, by its
 * closed_at), an open one gets the overdue comment. The comment starts with a marker and `ensureBotComment` looks
 * for it before writing and deletes a concurrent twin, so a crash between the comment and the timeline write, a
 * concurrent sweep or a restart never leaves two; the timeline's `overdueNoticeAt` then spares later sweeps the
 * look.
 */
async function settleDue(
  ctx: EngineContext,
  state: TimelineState,
  pipeline: PipelineState,
  due: DueFollowUp,
  now: Date,
): Promise<{ state: TimelineState; detail: string } | null> {
  const record = pipeline.followUps[due.kind];
  if (!record) return null;
  const issue = await readIssue(ctx, due.issue);
  if (!issue) return null;
  if (!issue.open) {
    const closedAt = issue.closedAt ?? now.toISOString();
    const late = Date.parse(closedAt) > Date.parse(due.dueAt);
    pipeline.followUps[due.kind] = { ...record, closedAt };
    const text = `Follow-up #${due.issue} (${due.kind}) closed ${late ? `late, after its due time ${formatDueTime(due.dueAt)}` : "on time"}`;
    return {
      state: addEntry(state, { key: `follow-up-closed-${due.issue}`, at: closedAt, text, url: record.url }),
      detail: late ? "closed late" : "closed on time",
    };
  }
  const mentions = overdueMentions(issue.assignees, state.commander);
  await ensureBotComment(
    ctx,
    due.issue,
    overdueMarker(due.issue),
    overdueNoticeText({
      issue: due.issue,
      kind: due.kind,
      pr: pipeline.pr,
      incident: state.incident,
      dueAt: due.dueAt,
      mentions,
    }),
  );
  pipeline.followUps[due.kind] = { ...record, overdueNoticeAt: now.toISOString() };
  const who = mentions.length > 0 ? mentions.map((m) => `@${m}`).join(" ") : "nobody to mention";
  return {
    state: addEntry(state, {
      key: due.key,
      at: now.toISOString(),
      text: `Follow-up #${due.issue} (${due.kind}) overdue since ${formatDueTime(due.dueAt)}: reminded ${who}`,
      url: record.url,
    }),
    detail: `overdue, reminded ${who}`,
  };
}

/**
 * Follow-up deadlines: for every merged hotfix of the lookback, its follow-ups past their due time whose end the
 * timeline does not record get one read each (the issue); a closed one is recorded on time or late, an open one
 * gets one comment mentioning its assignee or, without one, the commander. One timeline write per hotfix with
 * anything to record; nothing at all before a due time.
 */
export const noticeOverdueFollowUps: SweepTask = {
  name: "follow-up-deadlines",
  async run(ctx, swept) {
    const results: SweepResult[] = [];
    for (const pr of swept.mergedHotfixes) {
      try {
        const { issue, state } = await timelineOfMergedHotfix(swept, pr);
        if (dueFollowUps(state?.pipelines[String(pr.number)], swept.now).length === 0) continue;
        await withPipelineLock(ctx, pr.number, () =>
          withIncidentLock(ctx, issue, async () => {
            // Read again under the lock: the cached read may predate another run's write.
            const timeline = await readTimeline(ctx, issue);
            let next = timeline.state;
            const pipeline = next?.pipelines[String(pr.number)];
            if (!next || !pipeline) return;
            let changed = false;
            for (const due of dueFollowUps(pipeline, swept.now)) {
              const target = `#${due.issue}`;
              try {
                const settled = await settleDue(ctx, next, pipeline, due, swept.now);
                if (!settled) continue;
                next = settled.state;
                changed = true;
                results.push({ task: this.name, target, outcome: "finished", detail: settled.detail });
              } catch (error) {
                results.push(failedResult(this.name, target, error));
              }
            }
            if (!changed) return;
            next = { ...next, pipelines: { ...next.pipelines, [String(pr.number)]: pipeline } };
            await writeTimeline(ctx, issue, timeline.commentId, next);
          }),
        );
      } catch (error) {
        results.push(failedResult(this.name, `#${pr.number}`, error));
      }
    }
    return results;
  },
};
