import type { FollowUpsStep, OpenedFollowUpRecord } from "../incident/pipeline-steps.js";
import type { TimelineEntry } from "../incident/timeline-state.js";
import { openFollowUps } from "./open-follow-ups.js";
import { formatDueTime, planFollowUps } from "./plan-follow-ups.js";
import { readSecurityWarnings } from "./read-security-warnings.js";

/**
 * The after-merge pipeline's follow-up step: plans the follow-up issues the merged fix calls for (with the
 * security scans that passed with warnings on its head), opens those that do not exist yet, and says which
 * stand, with their due times, and the timeline lines.
 */
export const followUpsStep: FollowUpsStep = async (ctx, config, input) => {
  const { pr } = input;
  const plans = planFollowUps({
    config,
    pr: { number: pr.number, title: pr.title, author: pr.author, labels: pr.labels, url: pr.url },
    changedFiles: input.changedFiles.files,
    changedFilesTotal: input.changedFiles.total,
    severity: input.severity,
    approved: input.approved,
    incident: input.incident,
    jiraKey: input.jiraKey,
    tag: input.tag,
    commander: input.commander,
    mergedAt: new Date(pr.mergedAt),
    securityWarnings: await readSecurityWarnings(ctx, config, pr.headSha),
  });
  const now = () => ctx.clock().toISOString();
  const opened: OpenedFollowUpRecord[] = [];
  const entries: TimelineEntry[] = [];
  for (const followUp of await openFollowUps(ctx, { plans, since: new Date(pr.mergedAt), pr: pr.number })) {
    const dueAt = plans.find((plan) => plan.kind === followUp.kind)?.dueAt;
    opened.push({
      kind: followUp.kind,
      issue: followUp.issue,
      url: followUp.url,
      ...(dueAt ? { dueAt } : {}),
    });
    entries.push({
      key: `follow-up-${pr.number}-${followUp.kind}`,
      at: now(),
      text: `Follow-up #${followUp.issue} opened (${followUp.kind})${dueAt ? `, due ${formatDueTime(dueAt)}` : ""}`,
      url: followUp.url,
    });
  }
  return { opened, entries };
};
