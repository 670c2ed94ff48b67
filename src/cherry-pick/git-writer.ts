import type { Octokit, RepoRef } from "../context.js";
import { httpStatus } from "../util/http-status.js";
import { workflowPermissionError } from "./backport-errors.js";
import type { NewEntry } from "./pick-entries.js";

type TreeItemParam = NonNullable<Parameters<Octokit["rest"]["git"]["createTree"]>[0]>["tree"][number];

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * New content larger than this is sent as a blob of its own (the blob endpoint takes large content) rather than
 * inline in the tree request, whose body would otherwise carry megabytes of JSON-escaped text.
 */
export const MAX_INLINE_CONTENT_BYTES = 1024 * 1024;

export type MergeOutcome =
  | { merged: true; sha: string; tree: string }
  | { merged: false; reason: "conflict" | "nothing" };

/** The writes a cherry-pick makes; GitWriter makes them through the API, tests make them in a local repository. */
export interface GitWrites {
  /** Writes made so far, failed attempts included. */
  readonly writes: number;
  tree(baseTree: string, entries: readonly NewEntry[]): Promise<string>;
  commit(input: {
    message: string;
    tree: string;
    parents: string[];
    author?: { name: string; email: string; date: string };
  }): Promise<string>;
  createBranch(branch: string, sha: string): Promise<void>;
  moveBranch(branch: string, sha: string): Promise<void>;
  deleteBranch(branch: string): Promise<void>;
  merge(base: string, head: string, message: string): Promise<MergeOutcome>;
}

/**
 * The Git Data API writes a cherry-pick makes, each counted (failed attempts too), with GitHub's refusal to touch
 * workflow files turned into a WorkflowPermissionError.
 */
export class GitWriter implements GitWrites {
  writes = 0;

  constructor(
    private readonly octokit: Octokit,
    private readonly repo: RepoRef,
    /** Paths being written, to name workflow files in a refusal. */
    private readonly changedPaths: () => readonly string[],
  ) {}

  private async write<T>(request: () => Promise<T>): Promise<T> {
    this.writes++;
    try {
      return await request();
    } catch (error) {
      throw workflowPermissionError(error, this.changedPaths()) ?? error;
    }
  }

  /**
   * One tree on top of `baseTree`. New content goes inline when it is UTF-8 (the API stores inline content as
   * UTF-8) and at most MAX_INLINE_CONTENT_BYTES; other content needs a blob of its own first.
   */
  async tree(baseTree: string, entries: readonly NewEntry[]): Promise<string> {
    const items: TreeItemParam[] = [];
    for (const item of entries) {
      if ("entry" in item) {
        items.push({
          path: item.path,
          mode: item.entry.mode as TreeItemParam["mode"],
          type: item.entry.type,
          sha: item.entry.sha,
        });
      } else if ("remove" in item) {
        items.push({
          path: item.path,
          mode: item.remove.mode as TreeItemParam["mode"],
          type: item.remove.type,
          sha: null,
        });
      } else {
        const text = item.content.length <= MAX_INLINE_CONTENT_BYTES ? utf8OrNull(item.content) : null;
        if (text !== null) {
          items.push({
            path: item.path,
            mode: item.mode as TreeItemParam["mode"],
            type: "blob",
            content: text,
          });
        } else {
          const sha = await this.blob(item.content);
          items.push({ path: item.path, mode: item.mode as TreeItemParam["mode"], type: "blob", sha });
        }
      }
    }
    const { data } = await this.write(() =>
      this.octokit.rest.git.createTree({
        ...this.repo,
        base_tree: baseTree,
        tree: items,
      }),
    );
    return data.sha;
  }

  async blob(content: Uint8Array): Promise<string> {
    const { data } = await this.write(() =>
      this.octokit.rest.git.createBlob({
        ...this.repo,
        content: Buffer.from(content).toString("base64"),
        encoding: "base64",
      }),
    );
    return data.sha;
  }

  async commit(input: {
    message: string;
    tree: string;
    parents: string[];
    author?: { name: string; email: string; date: string };
  }): Promise<string> {
    const { data } = await this.write(() => this.octokit.rest.git.createCommit({ ...this.repo, ...input }));
    return data.sha;
  }

  async createBranch(branch: string, sha: string): Promise<void> {
    await this.write(() =>
      this.octokit.rest.git.createRef({ ...this.repo, ref: `refs/heads/${branch}`, sha }),
    );
  }

  async moveBranch(branch: string, sha: string): Promise<void> {
    await this.write(() =>
      this.octokit.rest.git.updateRef({ ...this.repo, ref: `heads/${branch}`, sha, force: true }),
    );
  }

  async deleteBranch(branch: string): Promise<void> {
    await this.write(() => this.octokit.rest.git.deleteRef({ ...this.repo, ref: `heads/${branch}` }));
  }

  /** GitHub's merge endpoint: git's own merge of `head` into the branch `base`. */
  async merge(base: string, head: string, message: string): Promise<MergeOutcome> {
    try {
      const response = await this.write(() =>
        this.octokit.rest.repos.merge({ ...this.repo, base, head, commit_message: message }),
      );
      if ((response.status as number) === 204 || !response.data) return { merged: false, reason: "nothing" };
      return { merged: true, sha: response.data.sha, tree: response.data.commit.tree.sha };
    } catch (error) {
      if (httpStatus(error) === 409) return { merged: false, reason: "conflict" };
      throw error;
    }
  }
}

function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}
