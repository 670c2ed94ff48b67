import { z } from "zod";
import type { HotfixConfig } from "../config/schema.js";
import { isHotfixFamilyBranch } from "../patterns/branch-pattern.js";
import { isProductionLine } from "../patterns/production-lines.js";

/** The facts of a merged pull request that the after-merge pipeline needs, read from a webhook or the API. */
export interface MergedPullRequest {
  number: number;
  title: string;
  body: string;
  url: string;
  author: string;
  /** The author's GitHub user id; null for a deleted account. */
  authorId: number | null;
  labels: string[];
  headRef: string;
  /** The head commit that was merged: only approvals of it count. */
  headSha: string;
  /** Whether the head branch lived in another repository (a fork, or a deleted one). */
  fromFork: boolean;
  /** The number of commits GitHub reports (null when the payload lacks it). */
  commitCount: number | null;
  baseRef: string;
  mergeSha: string;
  mergedAt: string;
}

const pullRequestShape = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string().nullable().optional(),
  html_url: z.string(),
  user: z.object({ login: z.string(), id: z.number().int().optional() }).nullable(),
  labels: z.array(z.object({ name: z.string() })).default([]),
  head: z.object({
    ref: z.string(),
    sha: z.string().regex(/^[0-9a-f]{40}$/),
    repo: z.object({ id: z.number().int() }).nullable().optional(),
  }),
  base: z.object({ ref: z.string(), repo: z.object({ id: z.number().int() }) }),
  commits: z.number().int().nonnegative().optional(),
  merged: z.boolean().nullable().optional(),
  merge_commit_sha: z
    .string()
    .regex(/^[0-9a-f]{40}$/)
    .nullable(),
  merged_at: z.string().nullable(),
});

/**
 * Reads a pull request object (webhook `pull_request` or `GET /pulls/{n}`) into MergedPullRequest, or null when it
 * is not merged or not shaped as GitHub sends it. Payload text is data: nothing here interprets it.
 */
export function mergedPullRequestFrom(raw: unknown): MergedPullRequest | null {
  const parsed = pullRequestShape.safeParse(raw);
  if (!parsed.success) return null;
  const pr = parsed.data;
  if (!pr.merge_commit_sha || !pr.merged_at || pr.merged === false) return null;
  return {
    number: pr.number,
    title: pr.title,
    body: pr.body ?? "",
    url: pr.html_url,
    author: pr.user?.login ?? "ghost",
    authorId: pr.user?.id ?? null,
    labels: pr.labels.map((label) => label.name),
    headRef: pr.head.ref,
    headSha: pr.head.sha,
    // A deleted fork leaves `head.repo` null: that is still not this repository.
    fromFork: pr.head.repo?.id !== pr.base.repo.id,
    commitCount: pr.commits ?? null,
    baseRef: pr.base.ref,
    mergeSha: pr.merge_commit_sha,
    mergedAt: pr.merged_at,
  };
}

/** Whether a merged PR is a hotfix into production under this configuration (pure). A fork's PR never is. */
export function isMergedHotfix(pr: MergedPullRequest, config: HotfixConfig): boolean {
  return (
    !pr.fromFork &&
    isProductionLine(config, pr.baseRef) &&
    isHotfixFamilyBranch(pr.headRef, config.branches.patterns)
  );
}
