import { isFullSha } from "../git/git-store.js";
import type { Repository } from "../state/model.js";

/**
 * Resolves what GitHub accepts as `{ref}`/`?ref=`/`sha`: a branch, a tag, `heads/x`, `tags/x`, `refs/...`, a full
 * or abbreviated commit SHA. Returns the commit it names (tags peeled), or null.
 */
export async function resolveCommit(repo: Repository, name: string): Promise<string | null> {
  if (name === "" || name.startsWith("-")) return null;
  const candidates = name.startsWith("refs/")
    ? [name]
    : [`refs/heads/${name}`, `refs/tags/${name}`, `refs/${name}`];
  for (const ref of candidates) {
    const sha = repo.refs.get(ref);
    if (sha) return repo.store.peelToCommit(sha);
  }
  if (isFullSha(name)) return repo.store.peelToCommit(name);
  if (/^[0-9a-f]{4,39}$/.test(name)) {
    const { stdout, code } = await repo.store.git(["rev-parse", "--verify", "--quiet", `${name}^{commit}`], {
      okCodes: [1, 128],
    });
    return code === 0 ? stdout.toString("utf8").trim() : null;
  }
  return null;
}

/** The branch a `refs/heads/…` name stands for, or null. */
export function branchOf(ref: string): string | null {
  return ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : null;
}
