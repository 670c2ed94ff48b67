import { diffFiles, type FileChange } from "../git/diff-files.js";
import type { PullFacts } from "../shapes/pull-shapes.js";
import type { PullRecord, Repository } from "../state/model.js";

const cache = new WeakMap<Repository, Map<string, Promise<PullFacts & { files: FileChange[] }>>>();

/** The base commit a pull request is compared against: the live branch tip while open, frozen once closed. */
export function currentBaseSha(repo: Repository, pull: PullRecord): string {
  const open = repo.issues.get(pull.number)?.state === "open";
  return (open ? repo.refs.get(`refs/heads/${pull.baseRef}`) : null) ?? pull.baseSha;
}

/**
 * Commits, line counts, files and mergeability of a pull request, computed with git. Cached per (base, head):
 * objects never change, so the same pair always gives the same answer.
 */
export function pullFacts(repo: Repository, pull: PullRecord): Promise<PullFacts & { files: FileChange[] }> {
  const baseSha = currentBaseSha(repo, pull);
  const key = `${baseSha}:${pull.headSha}`;
  let perRepo = cache.get(repo);
  if (!perRepo) {
    perRepo = new Map();
    cache.set(repo, perRepo);
  }
  const hit = perRepo.get(key);
  if (hit) return hit;
  const computed = (async () => {
    const store = repo.store;
    const mergeBase = (await store.mergeBase(baseSha, pull.headSha)) ?? baseSha;
    const [commits, files, merge] = await Promise.all([
      store.revList([pull.headSha], [baseSha]),
      diffFiles(store, mergeBase, pull.headSha),
      store.mergeTree(baseSha, pull.headSha),
    ]);
    return {
      baseSha,
      commits: commits.length,
      additions: files.reduce((sum, file) => sum + file.additions, 0),
      deletions: files.reduce((sum, file) => sum + file.deletions, 0),
      changedFiles: files.length,
      mergeable: merge.clean,
      files,
    };
  })();
  perRepo.set(key, computed);
  computed.catch(() => perRepo.delete(key));
  return computed;
}
