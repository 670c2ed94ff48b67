import { withIncidentLock } from "../../incident/incident-lock.js";
import { notifyDraftPr } from "../../intake/notify-intake.js";
import { openDraftPr } from "../../intake/open-draft-pr.js";
import { httpStatus } from "../../util/http-status.js";
import { failedResult, type SweepResult, type SweepTask } from "../sweep-task.js";

/**
 * Draft PR: an open incident whose hotfix branch has moved past the commit intake cut it at (and past the
 * incident report, the bot's own commit) but whose timeline records no PR — the push's delivery was lost, or the
 * run died before the PR or before recording it — gets its draft PR (or the PR someone opened, recorded).
 * One read of the branch per incident still waiting for its first push.
 */
export const finishDraftPr: SweepTask = {
  name: "draft-pr",
  async run(ctx, swept) {
    const results: SweepResult[] = [];
    for (const issue of swept.found) {
      if (issue.isPull || issue.state !== "open") continue;
      const target = `#${issue.number}`;
      try {
        const { state } = await swept.timeline(issue.number);
        const intake = state?.intake;
        if (!intake?.checklist || intake.pr) continue;
        let tip: string;
        try {
          const { data } = await ctx.octokit.rest.git.getRef({ ...ctx.repo, ref: `heads/${intake.branch}` });
          tip = data.object.sha;
        } catch (error) {
          if (httpStatus(error) === 404) continue;
          throw error;
        }
        if (tip === intake.baseSha || tip === intake.report?.commit) continue;
        const opened = await withIncidentLock(ctx, issue.number, () =>
          openDraftPr(ctx, swept.config, {
            branch: intake.branch,
            incident: issue.number,
            after: tip,
            pusher: "",
          }),
        );
        if (opened) await notifyDraftPr(ctx, swept.config, issue.number);
        if (opened)
          results.push({
            task: this.name,
            target,
            outcome: "finished",
            detail: opened.created ? `draft PR #${opened.pr} opened` : `PR #${opened.pr} recorded`,
          });
      } catch (error) {
        results.push(failedResult(this.name, target, error));
      }
    }
    return results;
  },
};
