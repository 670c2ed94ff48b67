/**
 * The kinds of follow-up issue a merged hotfix can call for. The timeline records them and the follow-ups step
 * opens them, so the list lives in the shared incident layer, below both. A new kind is a line here, in
 * TEMPLATE_KEY (follow-ups/plan-follow-ups.ts), in the schema's followUps templates and due times
 * (config/schema.ts), and a label in timeline-markdown.ts.
 */
export type FollowUpKind =
  | "post-mortem"
  | "proper-fix"
  | "regression-tests"
  | "post-deploy-review"
  | "security-review";

export const FOLLOW_UP_KINDS: readonly FollowUpKind[] = [
  "post-mortem",
  "proper-fix",
  "regression-tests",
  "post-deploy-review",
  "security-review",
];
