import { issueShape } from "../shapes/issue-shapes.js";
import { pullShape } from "../shapes/pull-shapes.js";
import type { IssueRecord, PullRecord, Repository, User } from "../state/model.js";
import type { World } from "../state/world.js";
import { announce } from "./announce.js";
import { pullFacts } from "./pull-facts.js";

/** The full pull request JSON (GET /pulls/{n}, webhook payloads). */
export async function renderPull(
  world: World,
  repo: Repository,
  pull: PullRecord,
): Promise<Record<string, unknown>> {
  const issue = repo.issues.get(pull.number) as IssueRecord;
  return pullShape(world, repo, pull, issue, await pullFacts(repo, pull));
}

export async function announcePull(
  world: World,
  repo: Repository,
  pull: PullRecord,
  action: string,
  sender: User,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const body = { action, number: pull.number, ...extra, pull_request: await renderPull(world, repo, pull) };
  announce(world, repo, "pull_request", sender, body);
}

/** An `issues` event, or `pull_request` for a PR (GitHub announces label/assign changes under the PR event). */
export async function announceIssueOrPull(
  world: World,
  repo: Repository,
  issue: IssueRecord,
  action: string,
  sender: User,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const pull = repo.pulls.get(issue.number);
  if (issue.isPull && pull) {
    await announcePull(world, repo, pull, action, sender, extra);
    return;
  }
  announce(world, repo, "issues", sender, { action, ...extra, issue: issueShape(world, repo, issue) });
}
