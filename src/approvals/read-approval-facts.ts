import type { HotfixConfig, Severity } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import {
  type ApprovalFacts,
  accountsToCheck,
  approvalTeams,
  type ContributorRole,
  type Contributors,
  needsContributors,
  type ReviewFact,
} from "../rules/approvals.js";
import { collectPages, PER_PAGE } from "../util/collect-pages.js";
import { httpStatus } from "../util/http-status.js";
import { type Account, WriteAccessCache } from "../util/permission.js";

/**
 * The reads behind "who approved this PR", in one place for the gate and the after-merge pipeline: reviews,
 * the PR's commits (their GitHub authors and committers), who pushed to the head branch (GitHub's activity
 * record), the write access of each reviewer that matters (read once per evaluation), and team members.
 */

const MAX_REVIEW_PAGES = 5;
/** GitHub lists at most 250 commits of a PR. */
const MAX_COMMIT_PAGES = 3;
const MAX_ACTIVITY_PAGES = 5;
const MAX_TEAM_PAGES = 3;

export interface ApprovalSubject {
  number: number;
  headSha: string;
  headRef: string;
  author: Account | null;
  /** The PR's commit count when known: a commit listing shorter than it was cut short. */
  commitCount: number | null;
}

const accountOf = (user: { id?: number; login?: string } | null | undefined): Account | null =>
  user && typeof user.id === "number" && typeof user.login === "string"
    ? { id: user.id, login: user.login }
    : null;

async function readReviews(ctx: EngineContext, number: number) {
  const { items, complete } = await collectPages(
    ctx.octokit.paginate.iterator("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
      ...ctx.repo,
      pull_number: number,
      per_page: PER_PAGE,
    }),
    MAX_REVIEW_PAGES,
  );
  const reviews: ReviewFact[] = items.map((review) => ({
    id: Number(review.id),
    reviewer: accountOf(review.user),
    state: review.state,
    submittedAt: review.submitted_at ?? null,
    commitId: review.commit_id ?? null,
  }));
  return { reviews, complete };
}

async function readContributors(ctx: EngineContext, subject: ApprovalSubject): Promise<Contributors> {
  const roles = new Map<number, ContributorRole[]>();
  const add = (account: Account | null, role: ContributorRole) => {
    if (!account) return;
    const list = roles.get(account.id) ?? [];
    if (!list.includes(role)) list.push(role);
    roles.set(account.id, list);
  };
  add(subject.author, "author");

  const [commits, pushes] = await Promise.all([
    collectPages(
      ctx.octokit.paginate.iterator("GET /repos/{owner}/{repo}/pulls/{pull_number}/commits", {
        ...ctx.repo,
        pull_number: subject.number,
        per_page: PER_PAGE,
      }),
      MAX_COMMIT_PAGES,
    ),
    readPushes(ctx, subject.headRef),
  ]);
  const unattributable: string[] = [];
  for (const commit of commits.items) {
    const author = accountOf(commit.author);
    const committer = accountOf(commit.committer);
    add(author, "committer");
    add(committer, "committer");
    if (!author || !committer) unattributable.push(commit.sha);
  }
  let incomplete: string | null = null;
  const listed = commits.items.length;
  if (!commits.complete || (subject.commitCount !== null && listed < subject.commitCount)) {
    incomplete = `GitHub lists ${listed} of the PR's ${subject.commitCount ?? "more"} commits, so who wrote the rest cannot be checked; split the hotfix into smaller PRs`;
  }
  if (pushes === "unreadable") {
    incomplete ??= `who pushed to ${subject.headRef} cannot be read (the repository activity listing is unavailable)`;
  } else {
    for (const pusher of pushes.pushers) add(pusher, "pusher");
    if (!pushes.complete) incomplete ??= `${subject.headRef} has too many pushes to read who made them all`;
    if (pushes.anonymous) incomplete ??= `a push to ${subject.headRef} has no GitHub user behind it`;
  }
  return { roles, unattributable, incomplete };
}

/**
 * Who moved the head branch, from GitHub's own record of ref updates: it needs no webhook to have arrived and no
 * state of ours, and a commit's git author (which anyone can write) plays no part in it. Every push to a branch
 * of that name counts, earlier branches of the same name included: excluding too many people is the safe side.
 */
async function readPushes(
  ctx: EngineContext,
  branch: string,
): Promise<{ pushers: Account[]; complete: boolean; anonymous: boolean } | "unreadable"> {
  try {
    const { items, complete } = await collectPages(
      ctx.octokit.paginate.iterator("GET /repos/{owner}/{repo}/activity", {
        ...ctx.repo,
        ref: `refs/heads/${branch}`,
        per_page: PER_PAGE,
      }),
      MAX_ACTIVITY_PAGES,
    );
    const pushers = items.flatMap((activity) => {
      const actor = accountOf(activity.actor);
      return actor ? [actor] : [];
    });
    return { pushers, complete, anonymous: pushers.length < items.length };
  } catch (error) {
    const status = httpStatus(error);
    if (status === 404 || status === 403) return "unreadable";
    throw error;
  }
}

async function teamMemberIds(ctx: EngineContext, team: string): Promise<number[] | null> {
  const [org, slug] = team.split("/", 2);
  if (!org || !slug) return null;
  try {
    const { items } = await collectPages(
      ctx.octokit.paginate.iterator("GET /orgs/{org}/teams/{team_slug}/members", {
        org,
        team_slug: slug,
        per_page: PER_PAGE,
      }),
      MAX_TEAM_PAGES,
    );
    return items.map((member) => member.id);
  } catch (error) {
    // Without the organization Members permission GitHub answers 403 or 404: the rule then says so.
    const status = httpStatus(error);
    if (status === 403 || status === 404) return null;
    throw error;
  }
}

/** Everything `countedApprovals` needs for one PR under one severity, read once per evaluation. */
export async function readApprovalFacts(
  ctx: EngineContext,
  subject: ApprovalSubject,
  severity: Severity,
  config: HotfixConfig,
): Promise<ApprovalFacts> {
  const [{ reviews, complete }, teams] = await Promise.all([
    readReviews(ctx, subject.number),
    (async () => {
      const entries = await Promise.all(
        approvalTeams(severity, config).map(async (team) => [team, await teamMemberIds(ctx, team)] as const),
      );
      return Object.fromEntries(entries);
    })(),
  ]);
  const contributors = needsContributors(reviews, config.approvals[severity].required)
    ? await readContributors(ctx, subject)
    : null;
  const access = new WriteAccessCache(ctx);
  const writers = new Map<number, boolean>();
  await Promise.all(
    accountsToCheck(reviews, subject.headSha, contributors).map(async (account) => {
      writers.set(account.id, await access.hasWrite(account));
    }),
  );
  return { headSha: subject.headSha, reviews, reviewsComplete: complete, contributors, writers, teams };
}
