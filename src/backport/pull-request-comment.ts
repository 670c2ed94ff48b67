import { z } from "zod";

const commentShape = z.object({
  action: z.literal("created"),
  issue: z.object({ number: z.number().int().positive(), pull_request: z.object({}).passthrough() }),
  comment: z.object({
    id: z.number().int().positive(),
    body: z.string().max(65_536),
    user: z.object({ id: z.number().int().positive(), login: z.string(), type: z.string() }),
  }),
});

export type PullRequestComment = z.infer<typeof commentShape>;

/**
 * A new comment on a pull request, written by a person (a bot's comment is never a command): what the
 * `/backport …` commands on a pull request read. Null for anything else.
 */
export function personsPullRequestComment(payload: unknown): PullRequestComment | null {
  const parsed = commentShape.safeParse(payload);
  if (!parsed.success || parsed.data.comment.user.type === "Bot") return null;
  return parsed.data;
}
