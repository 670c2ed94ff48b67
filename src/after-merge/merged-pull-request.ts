import { z } from "zod";

/** The facts of a merged pull request that the after-merge pipeline needs, read from a webhook or the API. */
export interface MergedPullRequest {
  number: number;
  title: string;
  body: string;
  url: string;
  author: string;
  labels: string[];
  headRef: string;
  baseRef: string;
  mergeSha: string;
  mergedAt: string;
}

const pullRequestShape = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string().nullable().optional(),
  html_url: z.string(),
  user: z.object({ login: z.string() }).nullable(),
  labels: z.array(z.object({ name: z.string() })).default([]),
  head: z.object({ ref: z.string() }),
  base: z.object({ ref: z.string() }),
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
    labels: pr.labels.map((label) => label.name),
    headRef: pr.head.ref,
    baseRef: pr.base.ref,
    mergeSha: pr.merge_commit_sha,
    mergedAt: pr.merged_at,
  };
}
