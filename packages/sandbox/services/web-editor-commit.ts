import { ApiError } from "../http/api-error.js";
import { gitIdentityOf } from "../shapes/user-shape.js";
import type { Repository, User } from "../state/model.js";
import type { World } from "../state/world.js";
import { moveRef } from "./ref-effects.js";
import { WEB_FLOW, webFlowSigner } from "./web-flow.js";

/**
 * A person commits text files on a branch in GitHub's web editor (editing a file, "Resolve conflicts"): GitHub
 * writes the commit with the person as author and itself as committer, signs it, and moves the branch (a push).
 * The REST API has no route for this; the sandbox offers it as a human action.
 */
export async function commitInWebEditor(
  world: World,
  repo: Repository,
  person: User,
  input: { branch: string; files: Record<string, string>; message: string },
): Promise<string> {
  const ref = `refs/heads/${input.branch}`;
  const tip = repo.refs.get(ref);
  if (!tip) throw new ApiError(404, `Branch ${input.branch} not found`);
  const tipTree = await repo.store.treeOf(tip);
  const edits = await Promise.all(
    Object.entries(input.files).map(async ([path, text]) => ({
      path,
      entry: {
        mode: "100644",
        type: "blob" as const,
        sha: await repo.store.writeBlob(Buffer.from(text, "utf8")),
      },
    })),
  );
  const tree = await repo.store.editTree(tipTree, edits);
  const now = world.now();
  const sha = await repo.store.writeCommit(
    {
      tree,
      parents: [tip],
      message: input.message,
      author: gitIdentityOf(person, now),
      committer: { ...WEB_FLOW, date: now },
    },
    webFlowSigner(world),
  );
  await moveRef(world, repo, ref, sha, person, { expected: tip });
  return sha;
}
