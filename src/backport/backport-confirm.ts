import { z } from "zod";
import { isOpenedByAnApp } from "../identity/bot-identity.js";
import { ensureBotComment } from "../incident/bot-comment.js";
import { refusalMarker } from "../incident/refusal-marker.js";
import type { Route } from "../route.js";
import { WriteAccessCache } from "../util/permission.js";
import {
  backportCheckOutput,
  backportCheckTitle,
  findBackportRun,
  openBackportCheck,
  passBackportCheck,
} from "./backport-check.js";
import { backportReplyMarker } from "./backport-reply-marker.js";
import { personsPullRequestComment } from "./pull-request-comment.js";

export interface BackportConfirmation {
  pull: number;
  /** The head the person confirms: 7 to 40 hex digits, compared with the PR's head when the command runs. */
  sha: string | null;
  commenter: { id: number; login: string };
  commentId: number;
}

/** `/backport confirm <sha>` alone on the first line of a new comment on a pull request, from a person. */
export function parseBackportConfirmation(payload: unknown): BackportConfirmation | null {
  const posted = personsPullRequestComment(payload);
  if (!posted) return null;
  const line = posted.comment.body.split(/\r?\n/, 1)[0] ?? "";
  const match = /^\/backport[ \t]+confirm(?:[ \t]+([0-9a-fA-F]{7,40}))?[ \t]*$/.exec(line);
  if (!match) return null;
  const { user } = posted.comment;
  return {
    pull: posted.issue.number,
    sha: match[1]?.toLowerCase() ?? null,
    commenter: { id: user.id, login: user.login },
    commentId: posted.comment.id,
  };
}

/**
 * `/backport confirm <sha>` on a backport PR whose draft needed a person: a writer (checked through the API, by
 * user id) passes the `hotfix-backport` check of that head. A confirmation naming another commit than the current
 * head passes nothing: a push after the person looked needs a new look.
 */
export const backportConfirmRoute: Route<BackportConfirmation> = {
  step: "backport-confirm",
  triggers: [{ event: "issue_comment", actions: ["created"] }],
  match(event) {
    return event.name === "issue_comment" ? parseBackportConfirmation(event.payload) : null;
  },
  async run(command, ctx) {
    const marker = backportReplyMarker(command.commentId);
    const reply = (body: string) => ensureBotComment(ctx, command.pull, marker, `${marker}\n${body}`);
    if (!(await new WriteAccessCache(ctx).hasWrite(command.commenter))) {
      const refused = refusalMarker(command.commenter.id);
      await ensureBotComment(
        ctx,
        command.pull,
        refused,
        `${refused}\n@${command.commenter.login} only people with write access can confirm a backport; nothing was done.`,
      );
      return undefined;
    }
    const { data: pr } = await ctx.octokit.rest.pulls.get({ ...ctx.repo, pull_number: command.pull });
    const head = pr.head.sha;
    const run = isOpenedByAnApp(pr) ? await findBackportRun(ctx, head) : null;
    if (!run) {
      await reply(
        "`/backport confirm`: this pull request has no backport check waiting for a person; nothing was done.",
      );
      return undefined;
    }
    if (command.sha === null || !head.startsWith(command.sha)) {
      await reply(
        `\`/backport confirm\` must name the head you checked: \`/backport confirm ${head.slice(0, 12)}\`` +
          (command.sha === null ? "" : ` (the head is no longer \`${command.sha}\`)`) +
          "; nothing was confirmed.",
      );
      return undefined;
    }
    if (run.conclusion !== "success") await passBackportCheck(ctx, run, command.commenter.login, head);
    return undefined;
  },
};

const pushShape = z.object({
  action: z.literal("synchronize"),
  before: z.string().regex(/^[0-9a-f]{40}$/),
  after: z.string().regex(/^[0-9a-f]{40}$/),
  pull_request: z.object({
    number: z.number().int().positive(),
    head: z.object({ ref: z.string().startsWith("hotfix-bot/backport-") }),
    user: z.object({ type: z.literal("Bot") }),
  }),
});

/**
 * A push to a backport branch whose previous head carried our `hotfix-backport` run: the new head gets a failing
 * run listing the same files, so that a confirmation never carries over to commits nobody confirmed.
 */
export const backportCheckFollowsRoute: Route<{ before: string; after: string }> = {
  step: "backport-check-follows",
  triggers: [{ event: "pull_request", actions: ["synchronize"] }],
  match(event) {
    if (event.name !== "pull_request") return null;
    const parsed = pushShape.safeParse(event.payload);
    return parsed.success ? { before: parsed.data.before, after: parsed.data.after } : null;
  },
  async run({ before, after }, ctx) {
    const previous = await findBackportRun(ctx, before);
    if (!previous) return undefined;
    const files = previous.text.split("\n").filter((line) => line.startsWith("- `")).length;
    const output = backportCheckOutput(after, []);
    await openBackportCheck(ctx, after, { ...output, title: backportCheckTitle(files), text: previous.text });
    return undefined;
  },
};
