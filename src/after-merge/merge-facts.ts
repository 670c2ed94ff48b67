import type { HotfixConfig, Severity } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { standingReviews } from "../rules/approvals.js";
import { severityFromLabels } from "../rules/severity.js";
import type { MergedPullRequest } from "./merged-pull-request.js";

/** The PR's severity label wins, then the one the incident timeline recorded at intake, then the default. */
export function severityOfLabels(
  labels: readonly string[],
  incidentSeverity: string | undefined,
  config: HotfixConfig,
): Severity {
  const fromPr = severityFromLabels(labels, config);
  if (fromPr) return fromPr;
  if (incidentSeverity === "P0" || incidentSeverity === "P1" || incidentSeverity === "P2")
    return incidentSeverity;
  return config.severity.default;
}

/** Whether anyone but the author had a standing approval when the PR merged (one read). */
export async function wasApproved(ctx: EngineContext, pr: MergedPullRequest): Promise<boolean> {
  const reviews = await ctx.octokit.paginate(ctx.octokit.rest.pulls.listReviews, {
    ...ctx.repo,
    pull_number: pr.number,
    per_page: 100,
  });
  const standing = standingReviews(
    reviews.map((r) => ({
      id: r.id,
      reviewer: r.user?.login ?? null,
      state: r.state,
      submittedAt: r.submitted_at ?? null,
      association: r.author_association,
    })),
    pr.author,
  );
  return [...standing.values()].some((review) => review.state === "APPROVED");
}
