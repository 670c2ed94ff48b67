import { ApiError } from "../http/api-error.js";
import type { Repository } from "../state/model.js";
import type { World } from "../state/world.js";
import { verificationOf } from "./web-flow.js";

/**
 * A protected branch with `required_signatures` takes a PR only when every commit it brings (head, not base) has
 * a signature GitHub verifies; otherwise GitHub refuses the merge with this 405.
 */
export async function requireVerifiedCommits(
  world: World,
  repo: Repository,
  base: { branch: string; sha: string },
  head: string,
): Promise<void> {
  if (!repo.protections.get(base.branch)?.requiredSignatures) return;
  for (const sha of await repo.store.revList([head], [base.sha])) {
    const commit = await repo.store.readCommit(sha);
    if (!commit || verificationOf(world, commit).verified !== true) {
      throw new ApiError(405, "Commits must have verified signatures.");
    }
  }
}
