import type { Probot } from "probot";
import { listClaims } from "../src/after-merge/pipeline-claim.js";
import type { EngineContext, Octokit, RepoRef } from "../src/context.js";
import { isMergedHotfix, mergedPullRequestFrom } from "../src/incident/merged-pull-request.js";
import { incidentOfPull } from "../src/incident/pull-incident.js";

/**
 * The reads of the reconcile that ran at App start before the sweep, kept to measure against: every repository
 * of every installation, and in each the configuration, one page of closed PRs into production, the claims, and
 * each recent merged hotfix's timeline. (Its writes are the sweep's after-merge task; a finished installation
 * has none.)
 */
export async function legacyReconcileReads(
  app: Probot,
  contextFor: (octokit: Octokit, repo: RepoRef) => EngineContext,
): Promise<number> {
  const appOctokit = await app.auth();
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  let repositories = 0;
  for (const installation of installations) {
    const octokit = (await app.auth(installation.id)) as Octokit;
    const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
      per_page: 100,
    });
    for (const repository of repos) {
      repositories++;
      const ctx = contextFor(octokit, { owner: repository.owner.login, repo: repository.name });
      const loaded = await ctx.config();
      if (!loaded.ok) continue;
      const { data: closed } = await octokit.rest.pulls.list({
        ...ctx.repo,
        state: "closed",
        base: loaded.config.productionBranch,
        per_page: 50,
      });
      await listClaims(ctx);
      for (const raw of closed) {
        const pr = mergedPullRequestFrom(raw);
        if (pr && isMergedHotfix(pr, loaded.config)) await incidentOfPull(ctx, pr);
      }
    }
  }
  return repositories;
}
