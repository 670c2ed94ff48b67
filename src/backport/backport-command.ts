import { branchNameProblem } from "../cherry-pick/backport-branch.js";
import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { ensureBotComment } from "../incident/bot-comment.js";
import {
  isMergedHotfix,
  type MergedPullRequest,
  mergedPullRequestFrom,
} from "../incident/merged-pull-request.js";
import { refusalMarker } from "../incident/refusal-marker.js";
import type { Route, StepOutcome } from "../route.js";
import { escapeMarkdown } from "../text/escape-markdown.js";
import { httpStatus } from "../util/http-status.js";
import { hasWritePermission } from "../util/permission.js";
import { backportReplyMarker } from "./backport-reply-marker.js";
import { personsPullRequestComment } from "./pull-request-comment.js";

export interface BackportCommand {
  pull: number;
  target: string;
  commenter: string;
  /** The commenter's user id: a refusal is answered once per user, found again by this id. */
  commenterId: number;
  /** The command's comment: a reply names it, so that a redelivery finds the reply instead of posting another. */
  commentId: number;
}

/** `/backport <branch>` alone on the first line of a new comment on a pull request, from a person. */
export function parseBackportCommand(payload: unknown): BackportCommand | null {
  const posted = personsPullRequestComment(payload);
  if (!posted) return null;
  const match = /^\/backport[ \t]+(\S+)[ \t]*$/.exec(posted.comment.body.split(/\r?\n/, 1)[0] ?? "");
  // `/backport confirm …` confirms a backport draft (backport-confirm.ts) and `/backport skip …` waives a
  // backport (backport-skip-command.ts): neither names a branch.
  if (!match?.[1] || match[1] === "confirm" || match[1] === "skip") return null;
  return {
    pull: posted.issue.number,
    target: match[1],
    commenter: posted.comment.user.login,
    commenterId: posted.comment.user.id,
    commentId: posted.comment.id,
  };
}

/**
 * The after-merge pipeline of a merged hotfix, run again with one more backport target. The engine hands it in
 * (the pipeline is another feature's, src/after-merge/): the command decides whether to run it, never how.
 */
export type RunPipelineWithTarget = (
  ctx: EngineContext,
  config: HotfixConfig,
  pr: MergedPullRequest,
  target: string,
) => Promise<StepOutcome>;

/** The `/backport <branch>` command on a merged hotfix PR: one more backport target, from a writer only. */
export const backportCommandRoute = (runPipeline: RunPipelineWithTarget): Route<BackportCommand> => ({
  step: "backport-command",
  long: true,
  triggers: [{ event: "issue_comment", actions: ["created"] }],
  match(event) {
    return event.name === "issue_comment" ? parseBackportCommand(event.payload) : null;
  },
  async run(command, ctx) {
    const { octokit, repo } = ctx;
    // One reply per command comment, however often its event is delivered.
    const marker = backportReplyMarker(command.commentId);
    const reply = (body: string) => ensureBotComment(ctx, command.pull, marker, `${marker}\n${body}`);
    if (!(await hasWritePermission(ctx, command.commenter))) {
      // One refusal per reader and pull request, however many commands she types.
      const refused = refusalMarker(command.commenterId);
      await ensureBotComment(
        ctx,
        command.pull,
        refused,
        `${refused}\n@${command.commenter} only people with write access can ask for a backport; nothing was done.`,
      );
      return undefined;
    }
    const target = command.target;
    const problem = branchNameProblem(target);
    if (problem) {
      await reply(`\`/backport\`: that is not a branch name I can use (${problem}); nothing was done.`);
      return undefined;
    }
    const loaded = await ctx.config();
    if (!loaded.ok) {
      await reply(`\`/backport\` cannot run: ${escapeMarkdown(loaded.error.message)}`);
      return undefined;
    }
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: command.pull });
    const pr = mergedPullRequestFrom(data);
    if (!pr || !isMergedHotfix(pr, loaded.config)) {
      await reply(
        "`/backport` works on merged hotfix pull requests into a production branch; nothing was done.",
      );
      return undefined;
    }
    if (target === pr.baseRef) {
      await reply(
        `\`/backport\`: the fix is already on \`${escapeMarkdown(pr.baseRef)}\`; nothing was done.`,
      );
      return undefined;
    }
    try {
      await octokit.rest.repos.getBranch({ ...repo, branch: target });
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
      await reply(`\`/backport\`: there is no branch \`${escapeMarkdown(target)}\`; nothing was done.`);
      return undefined;
    }
    return runPipeline(ctx, loaded.config, pr, target);
  },
});
