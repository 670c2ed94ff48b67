import type { GitIdentity } from "../git/git-objects.js";
import type { MergeTreeResult } from "../git/git-store.js";
import type { Repository } from "../state/model.js";

/** The identity of the throw-away commits that carry a cherry-pick's base; never reachable from a ref. */
const SIBLING_IDENTITY: GitIdentity = {
  name: "sandbox",
  email: "sandbox@127.0.0.1",
  date: "2000-01-01T00:00:00Z",
};

/**
 * Replays one commit onto another tree the way `git cherry-pick` does, with nothing but `merge-tree`: a sibling
 * commit S (onto's tree, the picked commit's parent as parent) merged with the picked commit has exactly the
 * picked commit's parent as merge base, so the merge applies the commit's own change to onto's tree.
 * (git 2.38 and 2.39 have no `merge-tree --merge-base`.)
 */
export async function cherryPickTree(
  repo: Repository,
  ontoSha: string,
  commitSha: string,
): Promise<MergeTreeResult> {
  const store = repo.store;
  const [onto, commit] = await Promise.all([store.readCommit(ontoSha), store.readCommit(commitSha)]);
  if (!onto || !commit) throw new Error(`cherry-pick of ${commitSha} onto ${ontoSha}: commit missing`);
  const sibling = await store.writeCommit({
    tree: onto.tree,
    parents: commit.parents.slice(0, 1),
    message: `sibling of ${ontoSha} for ${commitSha}\n`,
    author: SIBLING_IDENTITY,
    committer: SIBLING_IDENTITY,
  });
  return store.mergeTree(sibling, commitSha);
}
