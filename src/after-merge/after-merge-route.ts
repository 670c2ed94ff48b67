import {
  isMergedHotfix,
  type MergedPullRequest,
  mergedPullRequestFrom,
} from "../incident/merged-pull-request.js";
import type { Route } from "../route.js";
import { logWith } from "../util/log-with.js";
import type { AfterMergeSteps } from "./after-merge-steps.js";
import { runAfterMerge } from "./run-after-merge.js";

/** `pull_request.closed` with `merged: true`: the after-merge pipeline of a hotfix PR, with the steps handed in. */
export const afterMergeRoute = (steps: AfterMergeSteps): Route<MergedPullRequest> => ({
  step: "after-merge",
  long: true,
  triggers: [{ event: "pull_request", actions: ["closed"] }],
  match(event) {
    if (event.name !== "pull_request") return null;
    const payload = event.payload as { action?: unknown; pull_request?: unknown } | null;
    if (payload?.action !== "closed") return null;
    return mergedPullRequestFrom(payload.pull_request);
  },
  async run(pr, ctx) {
    const loaded = await ctx.config();
    if (!loaded.ok) {
      logWith(ctx.log, { pr: pr.number }).error(`after-merge skipped: ${loaded.error.message}`);
      return undefined;
    }
    if (!isMergedHotfix(pr, loaded.config)) return undefined;
    return runAfterMerge(ctx, loaded.config, pr, steps);
  },
});
