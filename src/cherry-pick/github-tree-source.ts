import type { Octokit, RepoRef } from "../context.js";
import type { CommitFacts, CommitSource, TreeItem } from "./git-tree.js";

/**
 * Trees, blobs and commits read through the Git Data API, each object at most once (objects never change), with
 * the number of requests made.
 */
export class GitHubTreeSource implements CommitSource {
  reads = 0;
  private readonly trees = new Map<string, Promise<TreeItem[]>>();
  private readonly blobs = new Map<string, Promise<Uint8Array>>();
  private readonly commits = new Map<string, Promise<CommitFacts>>();

  constructor(
    private readonly octokit: Octokit,
    private readonly repo: RepoRef,
  ) {}

  tree(sha: string): Promise<TreeItem[]> {
    return once(this.trees, sha, async () => {
      this.reads++;
      const { data } = await this.octokit.rest.git.getTree({ ...this.repo, tree_sha: sha });
      if (data.truncated) throw new Error(`tree ${sha} is too large to list`);
      return data.tree.flatMap(toItem);
    });
  }

  async files(sha: string): Promise<TreeItem[] | null> {
    this.reads++;
    const { data } = await this.octokit.rest.git.getTree({ ...this.repo, tree_sha: sha, recursive: "1" });
    if (data.truncated) return null;
    return data.tree.flatMap(toItem).filter((item) => item.type !== "tree");
  }

  blob(sha: string): Promise<Uint8Array> {
    return once(this.blobs, sha, async () => {
      this.reads++;
      const { data } = await this.octokit.rest.git.getBlob({ ...this.repo, file_sha: sha });
      const encoding = data.encoding === "base64" ? "base64" : "utf8";
      return new Uint8Array(Buffer.from(data.content, encoding));
    });
  }

  commit(sha: string): Promise<CommitFacts> {
    return once(this.commits, sha, async () => {
      this.reads++;
      const { data } = await this.octokit.rest.git.getCommit({ ...this.repo, commit_sha: sha });
      return {
        sha: data.sha,
        tree: data.tree.sha,
        parents: data.parents.map((p) => p.sha),
        message: data.message,
        author: { name: data.author.name, email: data.author.email, date: data.author.date },
        verified: data.verification?.verified === true,
      };
    });
  }
}

function once<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    value = load();
    cache.set(key, value);
    // A failed read is not remembered: the next call asks again.
    value.catch(() => cache.delete(key));
  }
  return value;
}

function toItem(entry: {
  path?: string;
  mode?: string;
  type?: string;
  sha?: string;
  size?: number;
}): TreeItem[] {
  const { path, mode, type, sha, size } = entry;
  if (!path || !mode || !sha || (type !== "blob" && type !== "tree" && type !== "commit")) return [];
  return [
    {
      path,
      mode: mode === "40000" ? "040000" : mode,
      type,
      sha,
      ...(typeof size === "number" ? { size } : {}),
    },
  ];
}
