import { readApprovalFacts } from "../approvals/read-approval-facts.js";
import type { HotfixConfig, Severity } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import type { MergedPullRequest } from "../incident/merged-pull-request.js";
import { countedApprovals } from "../rules/approvals.js";
import { severityFromLabels } from "../rules/severity.js";

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

/**
 * Whether the merged head had an approval that counts, by the gate's own predicate (`countedApprovals`): a
 * drive-by approval, or one of an older commit, must not stand in for the review the gate asked for.
 */
export async function wasApproved(
  ctx: EngineContext,
  pr: MergedPullRequest,
  severity: Severity,
  config: HotfixConfig,
): Promise<boolean> {
  const facts = await readApprovalFacts(
    ctx,
    {
      number: pr.number,
      headSha: pr.headSha,
      headRef: pr.headRef,
      author: pr.authorId === null ? null : { id: pr.authorId, login: pr.author },
      commitCount: pr.commitCount,
    },
    severity,
    config,
  );
  return countedApprovals(facts, severity, config).approvedBy.length > 0;
}
