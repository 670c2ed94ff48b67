import { withIncidentLock } from "../incident/incident-lock.js";
import { isHotfixFamilyBranch } from "../patterns/branch-pattern.js";
import type { Route } from "../route.js";
import { withLogFields } from "../util/log-with.js";
import { type HotfixPush, hotfixPushFrom } from "./hotfix-push.js";
import { notifyDraftPr } from "./notify-intake.js";
import { openDraftPr } from "./open-draft-pr.js";

/** The first push of commits to `hotfix/incident-<n>`: a draft PR into production (see openDraftPr). */
export const draftPrRoute: Route<HotfixPush> = {
  step: "draft-pr",
  long: true,
  // Only the incident branches that intake cuts (see incidentOfBranch).
  triggers: [{ event: "push", branches: ["hotfix/incident-*"] }],
  match: hotfixPushFrom,
  async run(push, routeCtx) {
    const ctx = withLogFields(routeCtx, { incident: push.incident });
    const loaded = await ctx.config();
    if (!loaded.ok) {
      ctx.log.error(`draft PR for ${push.branch} skipped: ${loaded.error.message}`);
      return undefined;
    }
    if (!isHotfixFamilyBranch(push.branch, loaded.config.branches.patterns)) return undefined;
    const opened = await withIncidentLock(ctx, push.incident, () => openDraftPr(ctx, loaded.config, push));
    if (!opened) return undefined;
    const notified = await notifyDraftPr(ctx, loaded.config, push.incident);
    const timeline = notified.timeline ?? opened.timeline;
    return timeline === undefined ? undefined : { timeline };
  },
};
