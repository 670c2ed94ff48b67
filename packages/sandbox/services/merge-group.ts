import { ApiError, notFound } from "../http/api-error.js";
import { simpleCommitShape } from "../shapes/check-shapes.js";
import type { Repository, User } from "../state/model.js";
import type { World } from "../state/world.js";
import { announce } from "./announce.js";
import { createRef } from "./ref-effects.js";

/**
 * What a merge queue does when a PR enters it: a temporary branch `gh-readonly-queue/<base>/pr-<n>-<head sha>`
 * holding the merge of the PR into the base tip, and a `merge_group checks_requested` event for its head.
 */
export async function enqueueMergeGroup(
  world: World,
  repo: Repository,
  number: number,
  actor: User,
): Promise<{ headSha: string; headRef: string }> {
  const pull = repo.pulls.get(number);
  if (!pull) throw notFound();
  const baseSha = repo.refs.get(`refs/heads/${pull.baseRef}`);
  if (!baseSha) throw new ApiError(422, `base branch ${pull.baseRef} is gone`);
  const merge = await repo.store.mergeTree(baseSha, pull.headSha);
  if (!merge.clean) throw new ApiError(405, "Pull Request is not mergeable");
  const now = world.now();
  const identity = { name: "GitHub", email: "noreply@github.com", date: now };
  const headSha = await repo.store.writeCommit({
    tree: merge.tree,
    parents: [baseSha, pull.headSha],
    message: `Merge pull request #${number} from ${repo.owner.login}/${pull.headRef}\n\n${repo.issues.get(number)?.title ?? ""}`,
    author: identity,
    committer: identity,
  });
  const headRef = `refs/heads/gh-readonly-queue/${pull.baseRef}/pr-${number}-${pull.headSha}`;
  await createRef(world, repo, headRef, headSha, actor);
  const commit = await repo.store.readCommit(headSha);
  if (!commit) throw new Error(`merge group commit ${headSha} vanished`);
  announce(world, repo, "merge_group", actor, {
    action: "checks_requested",
    merge_group: {
      head_sha: headSha,
      head_ref: headRef,
      base_sha: baseSha,
      base_ref: `refs/heads/${pull.baseRef}`,
      head_commit: simpleCommitShape(commit),
    },
  });
  return { headSha, headRef };
}
