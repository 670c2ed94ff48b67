import { withIncidentLock } from "../incident/incident-lock.js";
import { isHotfixFamilyBranch } from "../patterns/branch-pattern.js";
import type { Route } from "../route.js";
import { type HotfixPush, hotfixPushFrom } from "./hotfix-push.js";
import { openDraftPr } from "./open-draft-pr.js";

/** The first push of commits to `hotfix/incident-<n>`: a draft PR into production (see openDraftPr). */
export const draftPrRoute: Route<HotfixPush> = {
  step: "draft-pr",
  long: true,
  // Only the incident branches that intake cuts (see incidentOfBranch).
  triggers: [{ event: "push", branches: ["hotfix/incident-*"] }],
  match: hotfixPushFrom,
  async run(push, ctx) {
    const loaded = await ctx.config();
    if (!loaded.ok) {
      ctx.log.error(`draft PR for ${push.branch} skipped: ${loaded.error.message}`);
      return undefined;
    }
    if (!isHotfixFamilyBranch(push.branch, loaded.config.branches.patterns)) return undefined;
    await withIncidentLock(ctx, push.incident, () => openDraftPr(ctx, loaded.config, push));
    return undefined;
  },
};
