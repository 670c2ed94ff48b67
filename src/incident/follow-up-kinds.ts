/**
 * The kinds of follow-up issue a merged hotfix can call for. The timeline records them and the follow-ups step
 * opens them, so the list lives in the shared incident layer, below both.
 */
export type FollowUpKind = "post-mortem" | "proper-fix" | "regression-tests" | "post-deploy-review";

export const FOLLOW_UP_KINDS: readonly FollowUpKind[] = [
  "post-mortem",
  "proper-fix",
  "regression-tests",
  "post-deploy-review",
];
