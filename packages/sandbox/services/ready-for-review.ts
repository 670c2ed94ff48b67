import { ApiError, notFound } from "../http/api-error.js";
import type { Repository, User } from "../state/model.js";
import type { World } from "../state/world.js";
import { announcePull } from "./pull-events.js";

/**
 * What "Ready for review" does to a draft PR (on GitHub a GraphQL mutation, not a REST route): it stops being a
 * draft and `pull_request.ready_for_review` is sent. A PR that is not a draft is left alone, as GitHub does.
 */
export async function markReadyForReview(
  world: World,
  repo: Repository,
  number: number,
  actor: User,
): Promise<void> {
  const pull = repo.pulls.get(number);
  const issue = repo.issues.get(number);
  if (!pull || !issue) throw notFound();
  if (issue.state !== "open") throw new ApiError(422, "Pull request is closed");
  if (!pull.draft) return;
  pull.draft = false;
  issue.updatedAt = world.now();
  await announcePull(world, repo, pull, "ready_for_review", actor);
}
