import { releasePipeline } from "../../after-merge/pipeline-claim.js";
import { runAfterMerge } from "../../after-merge/run-after-merge.js";
import { afterMergeSteps } from "../../after-merge-wiring.js";
import { failedResult, type SweepResult, type SweepTask } from "../sweep-task.js";
import { timelineOfMergedHotfix } from "./timeline-of-merged-hotfix.js";

/**
 * After merge: every merged hotfix of the lookback whose timeline does not record its pipeline done is run again,
 * with the route's steps (after-merge-wiring.ts). The pipeline creates only what is missing: tag, release, deploy
 * trigger, backports, follow-ups, branch deletion, timeline. A claim on a pipeline merged less than
 * `staleAfterMs` ago may be a run in progress and is left to it; an older one is a dead run's and is taken over.
 * A done pipeline's leftover claim is deleted.
 */
export const finishAfterMerge: SweepTask = {
  name: "after-merge",
  async run(ctx, swept) {
    const results: SweepResult[] = [];
    for (const pr of swept.mergedHotfixes) {
      const target = `#${pr.number}`;
      try {
        const { state } = await timelineOfMergedHotfix(swept, pr);
        const claimed = swept.claims.has(pr.number);
        if (state?.pipelines[String(pr.number)]?.done) {
          // A run that died after recording the pipeline done, before deleting its claim: nobody else deletes it.
          if (claimed) {
            await releasePipeline(ctx, pr.number);
            results.push({ task: this.name, target, outcome: "finished", detail: "stale claim deleted" });
          }
          continue;
        }
        const age = swept.now.getTime() - Date.parse(pr.mergedAt);
        if (claimed && age < swept.staleAfterMs) {
          ctx.log.info(`sweep: the pipeline of ${target} is claimed by a run in progress; left to it`);
          continue;
        }
        ctx.log.info(`sweep: finishing the after-merge pipeline of ${target}`);
        await runAfterMerge(ctx, swept.config, pr, afterMergeSteps, { takeOver: claimed });
        results.push({
          task: this.name,
          target,
          outcome: "finished",
          detail: "after-merge pipeline finished",
        });
      } catch (error) {
        results.push(failedResult(this.name, target, error));
      }
    }
    return results;
  },
};
