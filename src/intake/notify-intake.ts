import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { notifyMilestone } from "../incident/notify/notify-milestone.js";

/**
 * Intake's milestones, "declared" and "draft PR", from what the incident's timeline records. Called after intake
 * or the draft PR step (by their routes and by the sweep that finishes them), outside the incident lock.
 */
export function notifyDeclared(ctx: EngineContext, config: HotfixConfig, incident: number) {
  return notifyMilestone(ctx, config, incident, "declared", (state) => {
    const declared = state.entries.find((e) => e.key === "declared");
    return declared ? { summary: declared.text, at: declared.at } : null;
  });
}

export function notifyDraftPr(ctx: EngineContext, config: HotfixConfig, incident: number) {
  return notifyMilestone(ctx, config, incident, "draft-pr", (state) => {
    const pr = state.intake?.pr;
    if (!pr) return null;
    return {
      summary: `${pr.byBot ? "Draft PR" : "PR"} #${pr.number} opened from ${state.intake?.branch ?? "the hotfix branch"}`,
      at: pr.openedAt,
      links: [{ label: `PR #${pr.number}`, url: pr.url }],
    };
  });
}
