import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { addEntry, type IntakeState, type TimelineState } from "../incident/timeline-state.js";
import { readTimeline, writeTimeline } from "../incident/upsert-timeline.js";
import { errorMessage } from "../util/errors.js";
import { httpStatus } from "../util/http-status.js";
import { draftBase } from "./draft-base.js";
import { draftBody, draftTitle } from "./draft-pr-text.js";
import type { HotfixPush } from "./hotfix-push.js";
import { requestTeamReviews } from "./team-requests.js";

type IntakePr = NonNullable<IntakeState["pr"]>;

async function openPullFrom(ctx: EngineContext, base: string, branch: string): Promise<IntakePr | null> {
  const { data } = await ctx.octokit.rest.pulls.list({
    ...ctx.repo,
    head: `${ctx.repo.owner}:${branch}`,
    base,
    state: "open",
    per_page: 10,
  });
  const pr = data[0];
  return pr ? { number: pr.number, url: pr.html_url, openedAt: pr.created_at, byBot: false } : null;
}

/**
 * The first push of commits to an incident's hotfix branch opens a draft PR into production, its title from the
 * incident with a placeholder Jira key, its body linking the incident and the checklist. Only branches intake cut
 * and recorded are served: a hotfix branch someone made by hand gets its PR from that person. An open PR from the
 * branch (anyone's) means there is nothing to do; it is recorded for the incident's metrics.
 */
export async function openDraftPr(
  ctx: EngineContext,
  config: HotfixConfig,
  push: HotfixPush,
): Promise<{ pr: number; created: boolean; timeline?: string } | null> {
  const { octokit, repo } = ctx;
  const timeline = await readTimeline(ctx, push.incident);
  const state = timeline.state;
  const intake = state?.intake;
  if (!state || !intake || intake.branch !== push.branch) return null;
  // The incident report is hotfix-bot's own commit on the branch, not the fix.
  if (intake.report?.commit === push.after) return null;
  // The PR is recorded: a redelivered or later push has nothing to open (asking again would earn a 422 once the
  // PR is merged or closed, and the first push's PR is the incident's).
  if (intake.pr) return { pr: intake.pr.number, created: false };

  const base = draftBase(config, intake);
  let pr = await openPullFrom(ctx, base, push.branch);
  let created = false;
  if (!pr) {
    const { data: issue } = await octokit.rest.issues.get({ ...repo, issue_number: push.incident });
    if (issue.state !== "open") {
      ctx.log.info(`the incident is closed: no draft PR for ${push.branch}`);
      return null;
    }
    try {
      const { data } = await octokit.rest.pulls.create({
        ...repo,
        head: push.branch,
        base,
        title: draftTitle(issue.title, config),
        body: draftBody({
          incident: push.incident,
          branch: push.branch,
          productionBranch: base,
          config,
        }),
        draft: true,
      });
      pr = { number: data.number, url: data.html_url, openedAt: data.created_at, byBot: true };
      created = true;
    } catch (error) {
      // 422: someone opened a PR meanwhile, or the branch has no commits ahead of production after all.
      if (httpStatus(error) !== 422) throw error;
      pr = await openPullFrom(ctx, base, push.branch);
      if (!pr) {
        ctx.log.info(`no draft PR for ${push.branch}: ${errorMessage(error)}`);
        return null;
      }
    }
  }
  let next: TimelineState = { ...state, intake: { ...intake, pr } };
  // The hotfix team's reviewers; a refusal is said on the timeline and never stops the PR.
  next = await requestTeamReviews(ctx, config, { number: pr.number, author: null }, next);
  next = addEntry(next, {
    key: `pr-${pr.number}`,
    at: pr.openedAt,
    text: pr.byBot ? `Draft PR #${pr.number} opened on the first push` : `PR #${pr.number} opened`,
    url: pr.url,
  });
  const written = await writeTimeline(ctx, push.incident, timeline.commentId, next);
  return { pr: pr.number, created, timeline: written.markdown };
}
