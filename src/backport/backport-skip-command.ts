import { z } from "zod";
import { branchNameProblem } from "../cherry-pick/backport-branch.js";
import type { EngineContext } from "../context.js";
import { ensureBotComment } from "../incident/bot-comment.js";
import { withIncidentLock } from "../incident/incident-lock.js";
import { backportLanded } from "../incident/incident-resolution.js";
import { notifyMilestone } from "../incident/notify/notify-milestone.js";
import { resolvedDetails } from "../incident/notify/resolved-details.js";
import { refusalMarker } from "../incident/refusal-marker.js";
import { settleIncident } from "../incident/settle-incident.js";
import { addEntry, type TimelineState } from "../incident/timeline-state.js";
import { readTimeline, writeTimeline } from "../incident/upsert-timeline.js";
import type { Route } from "../route.js";
import { escapeMarkdown } from "../text/escape-markdown.js";
import { WriteAccessCache } from "../util/permission.js";
import { backportReplyMarker } from "./backport-reply-marker.js";

/** `/backport skip <branch> <reason>` on an incident: a writer waives one backport, saying why. */
export interface BackportSkipCommand {
  incident: number;
  target: string;
  reason: string;
  commenter: string;
  commenterId: number;
  commentId: number;
  at: string | null;
}

/** A reason is a sentence for the timeline, not an essay. */
export const SKIP_REASON_MAX = 300;

const commentShape = z.object({
  action: z.literal("created"),
  // On the incident, an issue: a pull request's comment (`issue.pull_request`) is `/backport <branch>`'s place.
  issue: z.object({ number: z.number().int().positive(), pull_request: z.undefined().optional() }),
  comment: z.object({
    id: z.number().int().positive(),
    body: z.string().max(65_536),
    created_at: z.string().optional(),
    user: z.object({ id: z.number().int().positive(), login: z.string(), type: z.string() }),
  }),
});

/** The command alone on the first line of a new comment, from a person; the reason is the rest of that line. */
export function parseBackportSkip(payload: unknown): BackportSkipCommand | null {
  const parsed = commentShape.safeParse(payload);
  if (!parsed.success || parsed.data.comment.user.type === "Bot") return null;
  const first = parsed.data.comment.body.split(/\r?\n/, 1)[0] ?? "";
  const match = /^\/backport[ \t]+skip[ \t]+(\S+)(?:[ \t]+(.*))?$/.exec(first.trim());
  if (!match?.[1]) return null;
  return {
    incident: parsed.data.issue.number,
    target: match[1],
    reason: (match[2] ?? "").trim(),
    commenter: parsed.data.comment.user.login,
    commenterId: parsed.data.comment.user.id,
    commentId: parsed.data.comment.id,
    at: parsed.data.comment.created_at ?? null,
  };
}

/**
 * Waives the backports to `target` that have not landed, in every pipeline of the incident (pure): each records
 * who and why, with one timeline line. Null when there is no such backport.
 */
export function waiveBackports(
  state: TimelineState,
  command: Pick<BackportSkipCommand, "target" | "reason" | "commenter">,
  at: string,
): TimelineState | null {
  let next = state;
  let waived = false;
  for (const pipeline of Object.values(state.pipelines)) {
    const backport = pipeline.backports[command.target];
    if (!backport) continue;
    // Already waived (a redelivery, or a second command): found, and left as first recorded.
    if (backport.waived) waived = true;
    if (backportLanded(backport)) continue;
    waived = true;
    const record = { by: command.commenter, reason: command.reason, at };
    next = {
      ...next,
      pipelines: {
        ...next.pipelines,
        [String(pipeline.pr)]: {
          ...pipeline,
          backports: { ...pipeline.backports, [command.target]: { ...backport, waived: record } },
        },
      },
    };
    next = addEntry(next, {
      key: `backport-waived-${pipeline.pr}-${command.target}`,
      at,
      text: `Backport of #${pipeline.pr} to ${command.target} waived by @${command.commenter}: ${command.reason}`,
    });
  }
  return waived ? next : null;
}

async function runSkip(command: BackportSkipCommand, ctx: EngineContext): Promise<void> {
  const marker = backportReplyMarker(command.commentId);
  const reply = (body: string) => ensureBotComment(ctx, command.incident, marker, `${marker}\n${body}`);
  const account = { id: command.commenterId, login: command.commenter };
  if (!(await new WriteAccessCache(ctx).hasWrite(account))) {
    // One refusal per reader and issue, however many commands she types.
    const refused = refusalMarker(command.commenterId);
    await ensureBotComment(
      ctx,
      command.incident,
      refused,
      `${refused}\n@${command.commenter} only people with write access can waive a backport; nothing was done.`,
    );
    return;
  }
  const problem = branchNameProblem(command.target);
  if (problem) {
    await reply(`\`/backport skip\`: that is not a branch name (${problem}); nothing was done.`);
    return;
  }
  if (command.reason === "" || command.reason.length > SKIP_REASON_MAX) {
    await reply(
      `\`/backport skip ${escapeMarkdown(command.target)} <reason>\` needs a reason of at most ${SKIP_REASON_MAX} ` +
        "characters, recorded on the timeline; nothing was done.",
    );
    return;
  }
  const loaded = await ctx.config();
  if (!loaded.ok) {
    await reply(`\`/backport skip\` cannot run: ${escapeMarkdown(loaded.error.message)}`);
    return;
  }
  await withIncidentLock(ctx, command.incident, async () => {
    const timeline = await readTimeline(ctx, command.incident);
    const at = validTime(command.at) ?? ctx.clock().toISOString();
    const waived = timeline.state ? waiveBackports(timeline.state, command, at) : null;
    if (!timeline.state || !waived) {
      await reply(
        `\`/backport skip\`: no backport to ${escapeMarkdown(command.target)} is waiting on this incident; ` +
          "nothing was done.",
      );
      return;
    }
    // A redelivery finds the same waiver: nothing to write.
    if (JSON.stringify(waived) === JSON.stringify(timeline.state)) return;
    const state = await settleIncident(ctx, loaded.config, waived, command.incident);
    await writeTimeline(ctx, command.incident, timeline.commentId, state);
  });
  // Waiving the last backport resolves the incident.
  await notifyMilestone(ctx, loaded.config, command.incident, "resolved", resolvedDetails);
}

function validTime(value: string | null): string | null {
  const t = Date.parse(value ?? "");
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** The `/backport skip <branch> <reason>` command on an incident, from a writer only. */
export const backportSkipRoute: Route<BackportSkipCommand> = {
  step: "backport-skip",
  triggers: [{ event: "issue_comment", actions: ["created"] }],
  match(event) {
    return event.name === "issue_comment" ? parseBackportSkip(event.payload) : null;
  },
  async run(command, ctx) {
    await runSkip(command, ctx);
    return undefined;
  },
};
