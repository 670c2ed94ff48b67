import type { Probot } from "probot";
import { mergedPullRequestFrom } from "./after-merge/merged-pull-request.js";
import { listClaims, releasePipeline } from "./after-merge/pipeline-claim.js";
import { isMergedHotfix, runAfterMerge } from "./after-merge/run-after-merge.js";
import type { EngineContext, Octokit, RepoRef } from "./context.js";
import { incidentOfPull } from "./incident/pull-incident.js";
import { readTimeline } from "./incident/upsert-timeline.js";

export interface ReconcileReport {
  repo: string;
  checked: number;
  finished: number[];
  failed: { pr: number; error: string }[];
  skipped?: string;
}

/** How far back reconcile looks for merged hotfixes whose pipeline did not finish. */
export const RECONCILE_LOOKBACK_DAYS = 14;

/**
 * Finishes every after-merge pipeline that a crash, a lost delivery or an API outage left half done, from GitHub
 * state alone: merged hotfix PRs into production whose timeline does not record a finished pipeline. Safe to run at
 * any time and as often as wanted: the pipeline only creates what is missing.
 */
export async function reconcileRepo(ctx: EngineContext): Promise<ReconcileReport> {
  const report: ReconcileReport = {
    repo: `${ctx.repo.owner}/${ctx.repo.repo}`,
    checked: 0,
    finished: [],
    failed: [],
  };
  const loaded = await ctx.config();
  if (!loaded.ok) return { ...report, skipped: loaded.error.message };
  const config = loaded.config;
  const cutoff = ctx.clock().getTime() - RECONCILE_LOOKBACK_DAYS * 86_400_000;

  const { data: closed } = await ctx.octokit.rest.pulls.list({
    ...ctx.repo,
    state: "closed",
    // With maintenance lines (globs) no one base names them all: the newest closed PRs are filtered below.
    ...(config.productionBranches.length === 1 ? { base: config.productionBranch } : {}),
    sort: "updated",
    direction: "desc",
    per_page: config.productionBranches.length === 1 ? 50 : 100,
  });
  const claims = await listClaims(ctx);
  for (const raw of closed) {
    const pr = mergedPullRequestFrom(raw);
    if (!pr || !isMergedHotfix(pr, config) || Date.parse(pr.mergedAt) < cutoff) continue;
    report.checked += 1;
    const linked = await incidentOfPull(ctx, pr);
    const { state } = linked.timeline ?? (await readTimeline(ctx, pr.number));
    if (state?.pipelines[String(pr.number)]?.done) {
      // A run that died after recording the pipeline done, before deleting its claim: nobody else deletes it.
      if (claims.has(pr.number)) await releasePipeline(ctx, pr.number);
      continue;
    }
    try {
      ctx.log.info(`reconcile: finishing the after-merge pipeline of #${pr.number}`);
      // Reconcile runs after crashes: a claim it finds may be a dead run's, so it does not wait for it.
      await runAfterMerge(ctx, config, pr, { takeOver: true });
      report.finished.push(pr.number);
    } catch (error) {
      report.failed.push({ pr: pr.number, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}

/** Reconciles every repository of every installation of the App (at App start). */
export async function reconcileInstallations(
  app: Probot,
  contextFor: (octokit: Octokit, repo: RepoRef) => EngineContext,
): Promise<ReconcileReport[]> {
  const appOctokit = await app.auth();
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  const reports: ReconcileReport[] = [];
  for (const installation of installations) {
    const octokit = await app.auth(installation.id);
    const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
      per_page: 100,
    });
    for (const repository of repos) {
      const report = await reconcileRepo(
        contextFor(octokit, { owner: repository.owner.login, repo: repository.name }),
      );
      if (report.finished.length || report.failed.length) app.log.info(`reconcile ${JSON.stringify(report)}`);
      reports.push(report);
    }
  }
  return reports;
}
