import {
  type CommentRecord,
  fullName,
  type IssueRecord,
  type LabelRecord,
  type Repository,
} from "../state/model.js";
import type { World } from "../state/world.js";
import { appShape, authorAssociation, nodeId, userShape } from "./user-shape.js";

const NO_REACTIONS = {
  url: "",
  total_count: 0,
  "+1": 0,
  "-1": 0,
  laugh: 0,
  confused: 0,
  heart: 0,
  hooray: 0,
  eyes: 0,
  rocket: 0,
};

export function reactionsOf(url: string): Record<string, unknown> {
  return { ...NO_REACTIONS, url: `${url}/reactions` };
}

export function labelShape(world: World, repo: Repository, label: LabelRecord): Record<string, unknown> {
  return {
    id: label.id,
    node_id: nodeId("Label", label.id),
    url: world.apiUrl(`/repos/${fullName(repo)}/labels/${encodeURIComponent(label.name)}`),
    name: label.name,
    color: label.color,
    default: label.isDefault,
    description: label.description,
  };
}

export function labelsOf(
  world: World,
  repo: Repository,
  names: readonly string[],
): Record<string, unknown>[] {
  return names.flatMap((name) => {
    const label = repo.labels.get(name.toLowerCase());
    return label ? [labelShape(world, repo, label)] : [];
  });
}

export function issueShape(world: World, repo: Repository, issue: IssueRecord): Record<string, unknown> {
  const base = `/repos/${fullName(repo)}`;
  const url = world.apiUrl(`${base}/issues/${issue.number}`);
  const assignees = issue.assignees.flatMap((login) => {
    const user = world.user(login);
    return user ? [userShape(world, user)] : [];
  });
  const comments = [...repo.comments.values()].filter(
    (comment) => comment.issueNumber === issue.number,
  ).length;
  const shape: Record<string, unknown> = {
    url,
    repository_url: world.apiUrl(base),
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: world.htmlUrl(`/${fullName(repo)}/${issue.isPull ? "pull" : "issues"}/${issue.number}`),
    id: issue.id,
    node_id: nodeId(issue.isPull ? "PullRequest" : "Issue", issue.id),
    number: issue.number,
    title: issue.title,
    user: userShape(world, issue.user),
    labels: labelsOf(world, repo, issue.labels),
    state: issue.state,
    locked: issue.locked,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    comments,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: authorAssociation(repo, issue.user),
    active_lock_reason: null,
    body: issue.body,
    closed_by: issue.closedBy ? userShape(world, issue.closedBy) : null,
    reactions: reactionsOf(url),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: issue.app ? appShape(world, issue.app) : null,
    state_reason: issue.stateReason,
  };
  if (issue.isPull) {
    const pull = repo.pulls.get(issue.number);
    const html = world.htmlUrl(`/${fullName(repo)}/pull/${issue.number}`);
    shape.draft = pull?.draft ?? false;
    shape.pull_request = {
      url: world.apiUrl(`${base}/pulls/${issue.number}`),
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: pull?.mergedAt ?? null,
    };
  }
  return shape;
}

export function commentShape(
  world: World,
  repo: Repository,
  comment: CommentRecord,
): Record<string, unknown> {
  const url = world.apiUrl(`/repos/${fullName(repo)}/issues/comments/${comment.id}`);
  const issue = repo.issues.get(comment.issueNumber);
  return {
    url,
    html_url: world.htmlUrl(
      `/${fullName(repo)}/${issue?.isPull ? "pull" : "issues"}/${comment.issueNumber}#issuecomment-${comment.id}`,
    ),
    issue_url: world.apiUrl(`/repos/${fullName(repo)}/issues/${comment.issueNumber}`),
    id: comment.id,
    node_id: nodeId("IssueComment", comment.id),
    user: userShape(world, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: authorAssociation(repo, comment.user),
    body: comment.body,
    reactions: reactionsOf(url),
    performed_via_github_app: comment.app ? appShape(world, comment.app) : null,
  };
}
