import type { Severity } from "../config/schema.js";
import type { Route } from "../engine.js";
import { severityFromLabels } from "../rules/severity.js";
import { hasWritePermission } from "../util/permission.js";
import { ensureBotComment } from "./bot-comment.js";
import { withIncidentLock } from "./incident-lock.js";
import { closedIssueReply, configErrorReply, refusalReply } from "./intake-replies.js";
import { type IntakeTrigger, intakeTriggerFrom } from "./intake-trigger.js";
import { runIntake } from "./run-intake.js";

/**
 * Intake: a severity label on an issue, or `/hotfix` from a writer, makes the issue the incident. Which labels are
 * severity labels is configured, so a label event costs the (cached) configuration read before it is known to be
 * ours.
 */
export const intakeRoute: Route<IntakeTrigger> = {
  step: "intake",
  long: true,
  match: intakeTriggerFrom,
  async run(trigger, ctx) {
    const n = trigger.issue.number;
    const reply = (body: string) => ensureBotComment(ctx, n, body.split("\n", 1)[0] ?? body, body);
    // A command from a non-writer is refused before anything else is read or said: her commands must cost the
    // installation no more than one reply per issue, whatever state the configuration is in.
    if (trigger.kind === "command" && !(await hasWritePermission(ctx, trigger.actor))) {
      await reply(refusalReply(trigger.actorId, trigger.actor));
      return undefined;
    }
    const loaded = await ctx.config();
    if (!loaded.ok) {
      ctx.log.error(`intake of #${n} skipped: ${loaded.error.message}`);
      if (trigger.kind === "command") await reply(configErrorReply(trigger.commentId, loaded.error.message));
      return undefined;
    }
    const config = loaded.config;
    let severity: Severity;
    if (trigger.kind === "label") {
      const named = severityFromLabels([trigger.label], config);
      // A closed issue is history: labelling it later must not cut a branch.
      if (named === null || trigger.issue.state !== "open") return undefined;
      severity = named;
    } else {
      if (trigger.issue.state !== "open") {
        await reply(closedIssueReply(trigger.commentId));
        return undefined;
      }
      severity =
        trigger.severity ?? severityFromLabels(trigger.issue.labels, config) ?? config.severity.default;
    }
    const at = validTime(trigger.at) ?? ctx.clock().toISOString();
    await withIncidentLock(ctx, n, () =>
      runIntake(ctx, config, {
        issue: trigger.issue,
        trigger: trigger.kind,
        severity,
        actor: trigger.actor,
        at,
      }),
    );
    return undefined;
  },
};

function validTime(value: string | null): string | null {
  if (value === null) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
