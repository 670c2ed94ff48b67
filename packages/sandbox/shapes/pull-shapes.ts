import {
  fullName,
  type IssueRecord,
  type PullRecord,
  type Repository,
  type ReviewRecord,
} from "../state/model.js";
import type { World } from "../state/world.js";
import { labelsOf } from "./issue-shapes.js";
import { repositoryShape } from "./repository-shape.js";
import { authorAssociation, nodeId, userShape } from "./user-shape.js";

/** What a pull request's JSON needs from git (counted on demand, cached by base and head). */
export interface PullFacts {
  baseSha: string;
  commits: number;
  additions: number;
  deletions: number;
  changedFiles: number;
  mergeable: boolean | null;
}

function link(href: string) {
  return { href };
}

/** GitHub's `pull-request` (full, with counts) or `pull-request-simple` (lists) when facts are absent. */
export function pullShape(
  world: World,
  repo: Repository,
  pull: PullRecord,
  issue: IssueRecord,
  facts: PullFacts | null,
): Record<string, unknown> {
  const base = `/repos/${fullName(repo)}`;
  const url = world.apiUrl(`${base}/pulls/${pull.number}`);
  const issueUrl = world.apiUrl(`${base}/issues/${pull.number}`);
  const html = world.htmlUrl(`/${fullName(repo)}/pull/${pull.number}`);
  const statusesUrl = world.apiUrl(`${base}/statuses/${pull.headSha}`);
  const repoShape = repositoryShape(world, repo);
  const owner = userShape(world, repo.owner);
  const assignees = issue.assignees.flatMap((login) => {
    const user = world.user(login);
    return user ? [userShape(world, user)] : [];
  });
  const requested = pull.requestedReviewers.flatMap((login) => {
    const user = world.user(login);
    return user ? [userShape(world, user)] : [];
  });
  const shape: Record<string, unknown> = {
    url,
    id: pull.id,
    node_id: nodeId("PullRequest", pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueUrl,
    number: pull.number,
    state: issue.state,
    locked: issue.locked,
    title: issue.title,
    user: userShape(world, issue.user),
    body: issue.body,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: assignees[0] ?? null,
    assignees,
    requested_reviewers: requested,
    requested_teams: (pull.requestedTeams ?? []).map((slug) => teamShape(world, repo.owner.login, slug)),
    labels: labelsOf(world, repo, issue.labels),
    milestone: null,
    draft: pull.draft,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: world.apiUrl(`${base}/pulls/comments{/number}`),
    comments_url: `${issueUrl}/comments`,
    statuses_url: statusesUrl,
    head: {
      label: `${(pull.headRepo ?? repo).owner.login}:${pull.headRef}`,
      ref: pull.headRef,
      sha: pull.headSha,
      user: pull.headRepo ? userShape(world, pull.headRepo.owner) : owner,
      repo: pull.headRepo ? repositoryShape(world, pull.headRepo) : repoShape,
    },
    base: {
      label: `${repo.owner.login}:${pull.baseRef}`,
      ref: pull.baseRef,
      sha: facts?.baseSha ?? pull.baseSha,
      user: owner,
      repo: repoShape,
    },
    _links: {
      self: link(url),
      html: link(html),
      issue: link(issueUrl),
      comments: link(`${issueUrl}/comments`),
      review_comments: link(`${url}/comments`),
      review_comment: link(world.apiUrl(`${base}/pulls/comments{/number}`)),
      commits: link(`${url}/commits`),
      statuses: link(statusesUrl),
    },
    author_association: authorAssociation(repo, issue.user),
    auto_merge: pull.autoMerge
      ? {
          enabled_by: userShape(world, pull.autoMerge.enabledBy),
          merge_method: pull.autoMerge.method,
          commit_title: "",
          commit_message: "",
        }
      : null,
    active_lock_reason: null,
  };
  if (facts) {
    const comments = [...repo.comments.values()].filter(
      (comment) => comment.issueNumber === pull.number,
    ).length;
    Object.assign(shape, {
      merged: pull.merged,
      mergeable: pull.merged || issue.state === "closed" ? null : facts.mergeable,
      rebaseable: pull.merged || issue.state === "closed" ? null : facts.mergeable,
      mergeable_state: pull.merged
        ? "unknown"
        : facts.mergeable === null
          ? "unknown"
          : facts.mergeable
            ? pull.draft
              ? "draft"
              : "clean"
            : "dirty",
      merged_by: pull.mergedBy ? userShape(world, pull.mergedBy) : null,
      comments,
      review_comments: 0,
      maintainer_can_modify: pull.maintainerCanModify,
      commits: facts.commits,
      additions: facts.additions,
      deletions: facts.deletions,
      changed_files: facts.changedFiles,
    });
  }
  return shape;
}

export function reviewShape(world: World, repo: Repository, review: ReviewRecord): Record<string, unknown> {
  const pullUrl = world.apiUrl(`/repos/${fullName(repo)}/pulls/${review.pullNumber}`);
  const html = world.htmlUrl(`/${fullName(repo)}/pull/${review.pullNumber}#pullrequestreview-${review.id}`);
  const shape: Record<string, unknown> = {
    id: review.id,
    node_id: nodeId("PullRequestReview", review.id),
    user: userShape(world, review.user),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pullUrl,
    author_association: authorAssociation(repo, review.user),
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    commit_id: review.commitId,
  };
  if (review.submittedAt) shape.submitted_at = review.submittedAt;
  return shape;
}

/** A team of an organization as GitHub shows it in `requested_teams` (the sandbox knows its slug and members). */
export function teamShape(world: World, org: string, slug: string): Record<string, unknown> {
  // A stable id from the name: the sandbox keeps teams as names and members only.
  const id =
    [...`${org}/${slug}`.toLowerCase()].reduce((sum, c) => (sum * 31 + c.charCodeAt(0)) % 1_000_000, 7) + 1;
  const api = world.apiUrl(`/orgs/${org}/teams/${slug}`);
  return {
    id,
    node_id: nodeId("Team", id),
    url: api,
    html_url: world.htmlUrl(`/orgs/${org}/teams/${slug}`),
    name: slug,
    slug,
    description: null,
    privacy: "closed",
    notification_setting: "notifications_enabled",
    permission: "push",
    members_url: `${api}/members{/member}`,
    repositories_url: `${api}/repos`,
    parent: null,
  };
}
