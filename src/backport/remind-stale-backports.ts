import { durationMs, type HotfixConfig } from "../config/schema.js";
import type { EngineContext, RepoRef } from "../context.js";
import { isOpenedByAnApp } from "../identity/bot-identity.js";
import { ensureBotComment } from "../incident/bot-comment.js";
import { formatDuration } from "../incident/incident-durations.js";
import { withIncidentLock } from "../incident/incident-lock.js";
import { backportLanded } from "../incident/incident-resolution.js";
import { withPipelineLock } from "../incident/pipeline-lock.js";
import { incidentOfPull } from "../incident/pull-incident.js";
import { readMergedHotfix } from "../incident/read-merged-hotfix.js";
import { addEntry, type TimelineState } from "../incident/timeline-state.js";
import { readTimeline, writeTimeline } from "../incident/upsert-timeline.js";
import { escapeMarkdown } from "../text/escape-markdown.js";
import { collectPages, PER_PAGE } from "../util/collect-pages.js";
import { httpStatus } from "../util/http-status.js";
import { withLogFields } from "../util/log-with.js";
import { backportPrEventFrom } from "./backport-pr-event.js";
import { type OpenBackportPr, reminderKey, type StaleBackport, staleBackports } from "./stale-backports.js";

/** The hidden first line of the reminder on one backport PR (one per PR, found again by this marker). */
export function reminderMarker(pr: number): string {
  return `<!-- hotfix-bot:backport-reminder ${JSON.stringify({ pr })} -->`;
}

/** Open PRs read per repository sweep: backport PRs older than that are rare; the cap bounds the cost. */
const MAX_OPEN_PR_PAGES = 3;

function reminderText(stale: StaleBackport, commander: string | undefined): string {
  const who = commander ? `@${commander}` : "The incident's commander";
  return (
    `${reminderMarker(stale.pr)}\n${who}: this backport of #${stale.hotfixPr} to ${escapeMarkdown(stale.target)} ` +
    `has been open for ${formatDuration(stale.openFor)}. The incident is resolved only once the fix lands here ` +
    `too: merge it, or close it and waive it on the incident with ` +
    `\`/backport skip ${escapeMarkdown(stale.target)} <reason>\`.`
  );
}

/**
 * Posts the reminders `staleBackports` decided on, one comment per backport PR (the marker finds an earlier one,
 * the timeline line keeps later runs from even looking), and returns the state with a line for each.
 */
async function remind(
  ctx: EngineContext,
  state: TimelineState,
  stale: readonly StaleBackport[],
  now: Date,
): Promise<TimelineState> {
  let next = state;
  for (const item of stale) {
    await ensureBotComment(ctx, item.pr, reminderMarker(item.pr), reminderText(item, state.commander));
    next = addEntry(next, {
      key: reminderKey(item.pr),
      at: now.toISOString(),
      text: `Reminded ${state.commander ? `@${state.commander}` : "the commander"}: the backport to ${item.target} (#${item.pr}) has been open for ${formatDuration(item.openFor)}`,
    });
  }
  return next;
}

/**
 * The reminder on the next event of an incident (a backport merged or closed, a waiver, a deployment): reads only
 * the backports that may be due — a backport PR is opened after its hotfix merged, so one whose hotfix merged less
 * than `backport.remindAfter` ago cannot be — and returns the state with the reminders made.
 */
export async function remindOnIncident(
  ctx: EngineContext,
  config: Pick<HotfixConfig, "backport">,
  state: TimelineState,
): Promise<TimelineState> {
  const now = ctx.clock();
  const after = durationMs(config.backport.remindAfter);
  const candidates = Object.values(state.pipelines)
    .filter((p) => now.getTime() - Date.parse(p.mergedAt) >= after)
    .flatMap((p) => Object.values(p.backports))
    .filter((b) => b.pr !== undefined && !backportLanded(b) && b.end === undefined)
    .map((b) => b.pr as number)
    .filter((pr) => !state.entries.some((e) => e.key === reminderKey(pr)));
  const open: OpenBackportPr[] = [];
  for (const number of candidates) {
    try {
      const { data } = await ctx.octokit.rest.pulls.get({ ...ctx.repo, pull_number: number });
      if (data.state === "open") open.push({ number, createdAt: data.created_at });
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
    }
  }
  return remind(ctx, state, staleBackports(state, open, now, after), now);
}

/**
 * The periodic reminder for one repository, for a sweep to call: lists the repository's open PRs once, keeps the
 * backport PRs an App opened that are older than `backport.remindAfter`, and for each hotfix they carry reads the
 * incident's trusted timeline, which decides (staleBackports); one comment per stale PR, mentioning the
 * commander, never twice. Returns how many reminders were posted.
 */
export async function remindStaleBackports(ctx: EngineContext, repo: RepoRef, now: Date): Promise<number> {
  const here = withLogFields({ ...ctx, repo }, { repo: `${repo.owner}/${repo.repo}` });
  const loaded = await here.config();
  if (!loaded.ok) {
    here.log.warn(`backport reminders skipped: ${loaded.error.message}`);
    return 0;
  }
  const config = loaded.config;
  const after = durationMs(config.backport.remindAfter);
  const { items } = await collectPages(
    here.octokit.paginate.iterator(here.octokit.rest.pulls.list, {
      ...repo,
      state: "open",
      sort: "created",
      direction: "asc",
      per_page: PER_PAGE,
    }),
    MAX_OPEN_PR_PAGES,
  );
  const byHotfix = new Map<number, OpenBackportPr[]>();
  for (const pr of items) {
    // The branch name only says which hotfix to look up; the incident's timeline decides whether the PR is ours.
    const event = backportPrEventFrom({ action: "reopened", pull_request: pr, sender: null });
    if (!event || !isOpenedByAnApp(pr) || now.getTime() - Date.parse(pr.created_at) < after) continue;
    byHotfix.set(event.hotfixPr, [
      ...(byHotfix.get(event.hotfixPr) ?? []),
      { number: pr.number, createdAt: pr.created_at },
    ]);
  }
  let reminded = 0;
  for (const [number, open] of byHotfix) {
    const hotfix = await readMergedHotfix(here, config, number);
    if (!hotfix) continue;
    const { incident } = await incidentOfPull(here, hotfix);
    const issue = incident ?? hotfix.number;
    await withPipelineLock(here, hotfix.number, () =>
      withIncidentLock(here, issue, async () => {
        const timeline = await readTimeline(here, issue);
        if (!timeline.state) return;
        const stale = staleBackports(timeline.state, open, now, after);
        if (stale.length === 0) return;
        const state = await remind(here, timeline.state, stale, now);
        await writeTimeline(here, issue, timeline.commentId, state);
        reminded += stale.length;
      }),
    );
  }
  return reminded;
}
