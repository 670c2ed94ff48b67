import { remindStaleBackports } from "../backport/remind-stale-backports.js";
import { everySweep, type SweepTask } from "./sweep-task.js";
import { deleteLeftoverPickBranches } from "./tasks/delete-leftover-pick-branches.js";
import { endMonitoringWindows } from "./tasks/end-monitoring-windows.js";
import { finishAfterMerge } from "./tasks/finish-after-merge.js";
import { finishDraftPr } from "./tasks/finish-draft-pr.js";
import { finishIntake } from "./tasks/finish-intake.js";
import { fireFastTrack } from "./tasks/fire-fast-track.js";
import { noticeOverdueFollowUps } from "./tasks/notice-overdue-follow-ups.js";
import { recordDeployOutcome } from "./tasks/record-deploy-outcome.js";

/**
 * Everything the sweep does in each active repository, in this order (intake before the draft PR it enables,
 * the after-merge pipeline before the deploy outcome it records). A feature with work due at a time adds one
 * line: `everySweep("name", itsFunction)` (see sweep-task.ts).
 */
export const sweepTasks: readonly SweepTask[] = [
  finishIntake,
  finishDraftPr,
  finishAfterMerge,
  recordDeployOutcome,
  endMonitoringWindows,
  fireFastTrack,
  deleteLeftoverPickBranches,
  noticeOverdueFollowUps,
  everySweep("stale-backports", async (ctx, repo, now) => {
    const reminded = await remindStaleBackports(ctx, repo, now);
    return reminded > 0
      ? [
          {
            task: "stale-backports",
            target: `${reminded} backport PR(s)`,
            outcome: "finished",
            detail: "reminded",
          },
        ]
      : [];
  }),
];
