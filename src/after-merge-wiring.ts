import type { AfterMergeSteps } from "./after-merge/after-merge-steps.js";
import { runAfterMerge } from "./after-merge/run-after-merge.js";
import type { RunPipelineWithTarget } from "./backport/backport-command.js";
import { noticeBackportsWithoutPr } from "./backport/backport-notice.js";
import { backportStep } from "./backport/backport-step.js";
import { deployStep } from "./deploy/deploy-step.js";
import { followUpsStep } from "./follow-ups/follow-ups-step.js";
import { releaseStep } from "./release/release-step.js";

/**
 * Which feature fills which step of the after-merge pipeline: the one place that knows both sides. The route
 * table (engine.ts) and the sweep run the pipeline with these steps; a new step is declared in
 * src/after-merge/after-merge-steps.ts, implemented in its feature, and named here.
 */
export const afterMergeSteps: AfterMergeSteps = {
  release: releaseStep,
  deploy: deployStep,
  backport: backportStep,
  noticeBackportsWithoutPr,
  followUps: followUpsStep,
};

/** `/backport <branch>`: the pipeline again, with the branch as one more target. */
export const runAfterMergeWithTarget: RunPipelineWithTarget = (ctx, config, pr, target) =>
  runAfterMerge(ctx, config, pr, afterMergeSteps, { extraTargets: [target] });
