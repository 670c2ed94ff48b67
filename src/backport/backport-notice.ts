import type { EngineContext } from "../context.js";
import { ensureBotComment } from "../incident/bot-comment.js";
import type { BackportState } from "../incident/timeline-state.js";
import { escapeMarkdown } from "../text/escape-markdown.js";

const MARKER = "<!-- hotfix-bot:backport-notice";

/** One line per backport that ended without a PR: already in the target, or failed (with why). Pure. */
export function backportNotice(
  pr: number,
  backports: Record<string, BackportState>,
  targets: string[],
): string | null {
  const lines = targets.flatMap((target) => {
    const state = backports[target];
    if (state?.status === "already")
      return [`- \`${target}\`: already has this change; no backport PR is needed.`];
    if (state?.status === "failed")
      return [`- \`${target}\`: the backport failed — ${escapeMarkdown(state.error ?? "unknown error")}.`];
    return [];
  });
  if (lines.length === 0) return null;
  const keys = targets.filter((t) => backports[t]?.status === "already" || backports[t]?.status === "failed");
  return [
    `${MARKER} ${JSON.stringify({ pr, targets: keys })} -->`,
    `**Backports of #${pr}**`,
    "",
    ...lines,
  ].join("\n");
}

/**
 * Comments the notice on the merged PR unless the same notice is there already (a re-run after a crash between
 * this comment and the timeline write finds it and stays quiet; a lost answer is looked for, not re-sent).
 */
export async function noticeBackportsWithoutPr(
  ctx: EngineContext,
  pr: number,
  targets: string[],
  backports: Record<string, BackportState>,
): Promise<void> {
  const body = backportNotice(pr, backports, targets);
  if (!body) return;
  const marker = body.split("\n", 1)[0] ?? MARKER;
  await ensureBotComment(ctx, pr, marker, body);
}
