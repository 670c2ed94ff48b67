import type { Severity } from "../config/schema.js";
import { ensureBotComment } from "../incident/bot-comment.js";
import { withIncidentLock } from "../incident/incident-lock.js";
import { readTimeline } from "../incident/upsert-timeline.js";
import { isProductionLine } from "../patterns/production-lines.js";
import { partialOutcomeOf, type Route } from "../route.js";
import { severityFromLabels } from "../rules/severity.js";
import { withLogFields } from "../util/log-with.js";
import { hasWritePermission } from "../util/permission.js";
import { MissingLineError } from "./cut-incident-branch.js";
import {
  closedIssueReply,
  configErrorReply,
  labelRefusalMarker,
  labelRefusalReply,
  missingLineReply,
  notALineReply,
  refusalReply,
} from "./intake-replies.js";
import { type IntakeTrigger, intakeTriggerFrom } from "./intake-trigger.js";
import { notifyDeclared } from "./notify-intake.js";
import { runIntake } from "./run-intake.js";

/**
 * Intake: a severity label on an issue, or `/hotfix` from a writer, makes the issue the incident. Which labels are
 * severity labels is configured, so a label event costs the (cached) configuration read before it is known to be
 * ours.
 */
export const intakeRoute: Route<IntakeTrigger> = {
  step: "intake",
  long: true,
  triggers: [
    { event: "issues", actions: ["labeled"] },
    { event: "issue_comment", actions: ["created"] },
  ],
  match: intakeTriggerFrom,
  async run(trigger, routeCtx) {
    const n = trigger.issue.number;
    const ctx = withLogFields(routeCtx, { incident: n });
    const reply = (body: string) => ensureBotComment(ctx, n, body.split("\n", 1)[0] ?? body, body);
    // A command from a non-writer is refused before anything else is read or said: her commands must cost the
    // installation no more than one reply per issue, whatever state the configuration is in.
    if (trigger.kind === "command" && !(await hasWritePermission(ctx, trigger.actor))) {
      await reply(refusalReply(trigger.actorId, trigger.actor));
      return undefined;
    }
    const loaded = await ctx.config();
    if (!loaded.ok) {
      ctx.log.error(`intake skipped: ${loaded.error.message}`);
      if (trigger.kind === "command") await reply(configErrorReply(trigger.commentId, loaded.error.message));
      return undefined;
    }
    const config = loaded.config;
    let severity: Severity;
    let line: string | null = null;
    if (trigger.kind === "label") {
      const named = severityFromLabels([trigger.label], config);
      // A closed issue is history: labelling it later must not cut a branch.
      if (named === null || trigger.issue.state !== "open") return undefined;
      // Triage users and auto-labelers can add labels: only a writer's label declares an incident.
      if (!(await hasWritePermission(ctx, trigger.actor))) {
        await withIncidentLock(ctx, n, () => refuseLabel(ctx, trigger, config.severity.labels[named]));
        return undefined;
      }
      severity = named;
    } else {
      if (trigger.issue.state !== "open") {
        await reply(closedIssueReply(trigger.commentId));
        return undefined;
      }
      severity =
        trigger.severity ?? severityFromLabels(trigger.issue.labels, config) ?? config.severity.default;
      // The line is a writer's word: it must be a production line under the configuration, or nothing is cut.
      if (trigger.line !== null && !isProductionLine(config, trigger.line)) {
        await reply(notALineReply(trigger.commentId, trigger.line, config.productionBranches));
        return undefined;
      }
      line = trigger.line === config.productionBranch ? null : trigger.line;
    }
    const at = validTime(trigger.at) ?? ctx.clock().toISOString();
    try {
      const intake = await withIncidentLock(ctx, n, () =>
        runIntake(ctx, config, {
          issue: trigger.issue,
          trigger: trigger.kind,
          severity,
          actor: trigger.actor,
          at,
          line,
        }),
      );
      // Outside the incident lock, which the notification takes itself.
      const notified = await notifyDeclared(ctx, config, n);
      const timeline = notified.timeline ?? intake.timeline;
      return timeline === undefined ? undefined : { timeline };
    } catch (error) {
      if (!(error instanceof MissingLineError) || trigger.kind !== "command") throw error;
      await reply(missingLineReply(trigger.commentId, error.line));
      // The declaration may be on the timeline already (written before the line was found missing).
      const declared = partialOutcomeOf(error)?.timeline;
      return declared === undefined ? undefined : { timeline: declared };
    }
  },
};

/**
 * One polite reply per person and issue, unless the incident is already declared: then the label changes nothing
 * (it is often the bot's own, added at intake) and deserves no reply. Run under the incident lock, after any
 * intake in progress has written its timeline.
 */
async function refuseLabel(
  ctx: Parameters<typeof ensureBotComment>[0],
  trigger: Extract<IntakeTrigger, { kind: "label" }>,
  label: string,
): Promise<void> {
  const n = trigger.issue.number;
  const { state } = await readTimeline(ctx, n);
  if (state?.intake) return;
  ctx.log.info(`severity label by ${trigger.actor}, who has no write access: refused`);
  await ensureBotComment(
    ctx,
    n,
    labelRefusalMarker(trigger.actorId),
    labelRefusalReply(trigger.actorId, trigger.actor, label),
  );
}

function validTime(value: string | null): string | null {
  if (value === null) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
