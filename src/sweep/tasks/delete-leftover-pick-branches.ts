import { httpStatus } from "../../util/http-status.js";
import { failedResult, type SweepResult, type SweepTask } from "../sweep-task.js";

/** The temporary branches of the server-side cherry-pick (see backport/server-merge.ts). */
export const PICK_BRANCH_PREFIX = "hotfix-bot/tmp-pick-";

/**
 * Temporary cherry-pick branches: the fallback pick deletes its `hotfix-bot/tmp-pick-*` branch when it ends, but a
 * process that died mid-pick leaves it. A branch whose commit (the bot's sibling commit, made when the pick
 * started) is older than `staleAfterMs` belongs to no run any more and is deleted. One read lists them all.
 */
export const deleteLeftoverPickBranches: SweepTask = {
  name: "tmp-pick-branches",
  async run(ctx, swept) {
    const results: SweepResult[] = [];
    const { octokit, repo } = ctx;
    const refs = await octokit.paginate(octokit.rest.git.listMatchingRefs, {
      ...repo,
      ref: `heads/${PICK_BRANCH_PREFIX}`,
      per_page: 100,
    });
    for (const ref of refs) {
      const branch = ref.ref.slice("refs/heads/".length);
      try {
        const { data: commit } = await octokit.rest.git.getCommit({ ...repo, commit_sha: ref.object.sha });
        const age = swept.now.getTime() - Date.parse(commit.committer.date);
        if (!(age >= swept.staleAfterMs)) continue;
        try {
          await octokit.rest.git.deleteRef({ ...repo, ref: `heads/${branch}` });
        } catch (error) {
          const status = httpStatus(error);
          if (status !== 404 && status !== 422) throw error;
        }
        results.push({
          task: this.name,
          target: branch,
          outcome: "finished",
          detail: "leftover branch deleted",
        });
      } catch (error) {
        results.push(failedResult(this.name, branch, error));
      }
    }
    return results;
  },
};
