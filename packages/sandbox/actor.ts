import type { SandboxClient } from "./sandbox-client.js";

/** A file in a scripted commit: text, bytes, null (delete), or content with an explicit mode. */
export type FileSpec =
  | string
  | Buffer
  | null
  | { content: string | Buffer; mode: "100644" | "100755" | "120000" };

export interface PushOptions {
  message?: string;
  /** When the branch does not exist yet, start it from this branch or SHA (default: the default branch). */
  from?: string;
  /** Move the branch even when the new commit does not descend from it. */
  force?: boolean;
  /** Build on this commit instead of the branch tip (with `force`, rewrites the branch). */
  parent?: string;
}

function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

/**
 * A scripted person acting on one repository through the API with their own token. Every action triggers
 * the webhooks GitHub would send, and is counted under `user:<login>`, never as the App's.
 */
export class Person {
  constructor(
    readonly login: string,
    readonly repo: string,
    private readonly client: SandboxClient,
  ) {}

  request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    return this.client.request<T>(method, path, body).then((response) => response.data);
  }

  private repoPath(path: string): string {
    return `/repos/${this.repo}${path}`;
  }

  async branchSha(branch: string): Promise<string | null> {
    try {
      const ref = await this.request<{ object: { sha: string } }>(
        "GET",
        this.repoPath(`/git/ref/heads/${encodePath(branch)}`),
      );
      return ref.object.sha;
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null;
      throw error;
    }
  }

  /** Writes a commit (blobs, tree on the parent's tree, commit) without moving any branch; returns its SHA. */
  async commit(
    files: Record<string, FileSpec>,
    options: { parent: string | null; message?: string },
  ): Promise<string> {
    const tree = [];
    for (const [path, spec] of Object.entries(files)) {
      if (spec === null) {
        tree.push({ path, mode: "100644", type: "blob", sha: null });
        continue;
      }
      const content = typeof spec === "string" || Buffer.isBuffer(spec) ? spec : spec.content;
      const mode = typeof spec === "string" || Buffer.isBuffer(spec) ? "100644" : spec.mode;
      if (typeof content === "string") {
        tree.push({ path, mode, type: "blob", content });
      } else {
        const blob = await this.request<{ sha: string }>("POST", this.repoPath("/git/blobs"), {
          content: content.toString("base64"),
          encoding: "base64",
        });
        tree.push({ path, mode, type: "blob", sha: blob.sha });
      }
    }
    let baseTree: string | undefined;
    if (options.parent) {
      const parent = await this.request<{ tree: { sha: string } }>(
        "GET",
        this.repoPath(`/git/commits/${options.parent}`),
      );
      baseTree = parent.tree.sha;
    }
    const written = await this.request<{ sha: string }>("POST", this.repoPath("/git/trees"), {
      ...(baseTree ? { base_tree: baseTree } : {}),
      tree,
    });
    const commit = await this.request<{ sha: string }>("POST", this.repoPath("/git/commits"), {
      message: options.message ?? `Update ${Object.keys(files).join(", ")}`,
      tree: written.sha,
      parents: options.parent ? [options.parent] : [],
    });
    return commit.sha;
  }

  /** Commits files onto a branch (creating it when missing) and moves the branch: one `push` event. */
  async push(branch: string, files: Record<string, FileSpec>, options: PushOptions = {}): Promise<string> {
    const tip = await this.branchSha(branch);
    let parent = options.parent ?? tip;
    if (parent === null) parent = await this.resolve(options.from ?? (await this.defaultBranch()));
    const sha = await this.commit(files, {
      parent,
      ...(options.message ? { message: options.message } : {}),
    });
    if (tip === null) {
      await this.request("POST", this.repoPath("/git/refs"), { ref: `refs/heads/${branch}`, sha });
    } else {
      await this.request("PATCH", this.repoPath(`/git/refs/heads/${encodePath(branch)}`), {
        sha,
        force: options.force ?? false,
      });
    }
    return sha;
  }

  /** Points a branch at a commit (creating it when missing); `force` allows a non-fast-forward move. */
  async setBranch(branch: string, sha: string, options: { force?: boolean } = {}): Promise<void> {
    const tip = await this.branchSha(branch);
    if (tip === null)
      await this.request("POST", this.repoPath("/git/refs"), { ref: `refs/heads/${branch}`, sha });
    else
      await this.request("PATCH", this.repoPath(`/git/refs/heads/${encodePath(branch)}`), {
        sha,
        force: options.force ?? false,
      });
  }

  async createBranch(branch: string, from?: string): Promise<string> {
    const sha = await this.resolve(from ?? (await this.defaultBranch()));
    await this.request("POST", this.repoPath("/git/refs"), { ref: `refs/heads/${branch}`, sha });
    return sha;
  }

  async deleteBranch(branch: string): Promise<void> {
    await this.request("DELETE", this.repoPath(`/git/refs/heads/${encodePath(branch)}`));
  }

  async openPullRequest(input: {
    head: string;
    base?: string;
    title: string;
    body?: string;
    draft?: boolean;
  }): Promise<{
    number: number;
    headSha: string;
  }> {
    const pull = await this.request<{ number: number; head: { sha: string } }>(
      "POST",
      this.repoPath("/pulls"),
      {
        head: input.head,
        base: input.base ?? (await this.defaultBranch()),
        title: input.title,
        ...(input.body !== undefined ? { body: input.body } : {}),
        ...(input.draft !== undefined ? { draft: input.draft } : {}),
      },
    );
    return { number: pull.number, headSha: pull.head.sha };
  }

  async updatePullRequest(number: number, fields: Record<string, unknown>): Promise<void> {
    await this.request("PATCH", this.repoPath(`/pulls/${number}`), fields);
  }

  async createIssue(input: {
    title: string;
    body?: string;
    labels?: string[];
    assignees?: string[];
  }): Promise<number> {
    const issue = await this.request<{ number: number }>("POST", this.repoPath("/issues"), input);
    return issue.number;
  }

  async updateIssue(number: number, fields: Record<string, unknown>): Promise<void> {
    await this.request("PATCH", this.repoPath(`/issues/${number}`), fields);
  }

  async addLabels(number: number, labels: string[]): Promise<void> {
    await this.request("POST", this.repoPath(`/issues/${number}/labels`), { labels });
  }

  async removeLabel(number: number, label: string): Promise<void> {
    await this.request("DELETE", this.repoPath(`/issues/${number}/labels/${encodeURIComponent(label)}`));
  }

  async comment(number: number, body: string): Promise<number> {
    const comment = await this.request<{ id: number }>("POST", this.repoPath(`/issues/${number}/comments`), {
      body,
    });
    return comment.id;
  }

  async review(
    number: number,
    event: "APPROVE" | "REQUEST_CHANGES" | "COMMENT",
    body?: string,
  ): Promise<number> {
    const review = await this.request<{ id: number }>("POST", this.repoPath(`/pulls/${number}/reviews`), {
      event,
      ...(body !== undefined ? { body } : {}),
    });
    return review.id;
  }

  async dismissReview(number: number, reviewId: number, message = "dismissed"): Promise<void> {
    await this.request("PUT", this.repoPath(`/pulls/${number}/reviews/${reviewId}/dismissals`), { message });
  }

  async requestReviewers(number: number, reviewers: string[]): Promise<void> {
    await this.request("POST", this.repoPath(`/pulls/${number}/requested_reviewers`), { reviewers });
  }

  /** Merges a pull request by `merge`, `squash` or `rebase`; returns the new tip of the base branch. */
  async merge(
    number: number,
    method: "merge" | "squash" | "rebase" = "merge",
    options: { sha?: string; commitTitle?: string; commitMessage?: string } = {},
  ): Promise<string> {
    const result = await this.request<{ sha: string }>("PUT", this.repoPath(`/pulls/${number}/merge`), {
      merge_method: method,
      ...(options.sha ? { sha: options.sha } : {}),
      ...(options.commitTitle ? { commit_title: options.commitTitle } : {}),
      ...(options.commitMessage ? { commit_message: options.commitMessage } : {}),
    });
    return result.sha;
  }

  async createStatus(
    sha: string,
    context: string,
    state: "error" | "failure" | "pending" | "success",
  ): Promise<void> {
    await this.request("POST", this.repoPath(`/statuses/${sha}`), { context, state });
  }

  async createDeployment(ref: string, environment = "production"): Promise<number> {
    const deployment = await this.request<{ id: number }>("POST", this.repoPath("/deployments"), {
      ref,
      environment,
      auto_merge: false,
      required_contexts: [],
    });
    return deployment.id;
  }

  async setDeploymentStatus(
    id: number,
    state: "error" | "failure" | "inactive" | "in_progress" | "queued" | "pending" | "success",
  ): Promise<void> {
    await this.request("POST", this.repoPath(`/deployments/${id}/statuses`), { state });
  }

  private async resolve(name: string): Promise<string> {
    if (/^[0-9a-f]{40}$/.test(name)) return name;
    const sha = await this.branchSha(name);
    if (!sha) throw new Error(`${this.repo}: no branch ${name}`);
    return sha;
  }

  private async defaultBranch(): Promise<string> {
    const repo = await this.request<{ default_branch: string }>("GET", this.repoPath(""));
    return repo.default_branch;
  }
}

/** An annotation as a check run's App sends it in `output.annotations` (GitHub's field names). */
export interface AnnotationInput {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
  raw_details?: string;
}

/**
 * Another GitHub App (a CI system, a scanner, another workflow's `github-actions`) acting on one repository with
 * its own installation token: check runs, comments and issues, all marked as that App's.
 */
export class OtherApp {
  constructor(
    readonly slug: string,
    readonly repo: string,
    private readonly client: SandboxClient,
  ) {}

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await this.client.request<T>(method, `/repos/${this.repo}${path}`, body)).data;
  }

  async createCheckRun(input: {
    name: string;
    headSha: string;
    status?: "queued" | "in_progress" | "completed";
    conclusion?: string;
    output?: { title: string; summary: string; text?: string; annotations?: AnnotationInput[] };
    externalId?: string;
  }): Promise<number> {
    const run = await this.request<{ id: number }>("POST", "/check-runs", {
      name: input.name,
      head_sha: input.headSha,
      ...(input.externalId ? { external_id: input.externalId } : {}),
      ...(input.status ? { status: input.status } : {}),
      ...(input.conclusion ? { conclusion: input.conclusion } : {}),
      ...(input.output ? { output: input.output } : {}),
    });
    return run.id;
  }

  async updateCheckRun(id: number, fields: Record<string, unknown>): Promise<void> {
    await this.request("PATCH", `/check-runs/${id}`, fields);
  }

  async completeCheckRun(
    id: number,
    conclusion: string,
    output?: { title: string; summary: string; annotations?: AnnotationInput[] },
  ): Promise<void> {
    await this.updateCheckRun(id, { status: "completed", conclusion, ...(output ? { output } : {}) });
  }

  /** What CI does: a run starts (in_progress), then completes with a conclusion. A second call is a re-run. */
  async runCheck(name: string, headSha: string, conclusion: string): Promise<number> {
    const id = await this.createCheckRun({ name, headSha, status: "in_progress" });
    await this.completeCheckRun(id, conclusion, {
      title: `${name}: ${conclusion}`,
      summary: `${name} finished: ${conclusion}`,
    });
    return id;
  }

  /** A commit status, as CI services that report statuses do (its creator is this App's bot user). */
  async createStatus(
    sha: string,
    context: string,
    state: "error" | "failure" | "pending" | "success",
  ): Promise<number> {
    const status = await this.request<{ id: number }>("POST", `/statuses/${sha}`, { context, state });
    return status.id;
  }

  async comment(issue: number, body: string): Promise<number> {
    const comment = await this.request<{ id: number }>("POST", `/issues/${issue}/comments`, { body });
    return comment.id;
  }

  async createIssue(input: { title: string; body?: string; labels?: string[] }): Promise<number> {
    const issue = await this.request<{ number: number }>("POST", "/issues", input);
    return issue.number;
  }
}
