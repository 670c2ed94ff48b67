import type {
  BackportNoticeStep,
  BackportStep,
  DeployStep,
  FollowUpsStep,
  ReleaseStep,
} from "../incident/pipeline-steps.js";

/**
 * The steps the after-merge pipeline runs, each another feature's (release, deploy, backport, follow-ups). The
 * pipeline imports none of them: the engine's wiring (src/after-merge-wiring.ts) hands them in, and the shapes of
 * what goes in and comes out are in src/incident/pipeline-steps.ts.
 */
export interface AfterMergeSteps {
  /** 1. Tag the merge commit; release and changelog where configured. */
  release: ReleaseStep;
  /** 1b. Start the deploy of the tag, before the slower steps: recovery waits for it. */
  deploy: DeployStep;
  /** 2. Backport to one target (the pipeline goes through its targets one at a time). */
  backport: BackportStep;
  /** 2b. Tell the merged PR of backports that got no PR, when the timeline is on the incident instead. */
  noticeBackportsWithoutPr: BackportNoticeStep;
  /** 3. Open the follow-up issues. */
  followUps: FollowUpsStep;
}
