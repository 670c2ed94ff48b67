import { z } from "zod";
import type { EngineEvent } from "../route.js";
import { type IncidentIssue, incidentIssueFrom, issueShape, userShape } from "./intake-trigger.js";

/** A change to an issue that, if it is an incident, the timeline records: nothing is ever deleted for it. */
export type IncidentChange =
  | { kind: "unlabeled"; issue: IncidentIssue; label: string; actor: string; at: string | null }
  | { kind: "closed"; issue: IncidentIssue; actor: string; at: string | null; reason: string | null }
  | { kind: "reopened"; issue: IncidentIssue; actor: string; at: string | null };

const changeShape = z.object({
  action: z.enum(["unlabeled", "closed", "reopened"]),
  issue: issueShape.extend({
    closed_at: z.string().nullable().optional(),
    state_reason: z.string().nullable().optional(),
  }),
  label: z.object({ name: z.string() }).optional(),
  sender: userShape,
});

/** `issues.unlabeled`, `issues.closed` and `issues.reopened` on an issue (not a pull request); pure. */
export function incidentChangeFrom(event: EngineEvent): IncidentChange | null {
  if (event.name !== "issues") return null;
  const parsed = changeShape.safeParse(event.payload);
  if (!parsed.success || parsed.data.issue.pull_request !== undefined) return null;
  const { action, issue, label, sender } = parsed.data;
  const facts = incidentIssueFrom(issue);
  switch (action) {
    case "unlabeled":
      return label
        ? {
            kind: "unlabeled",
            issue: facts,
            label: label.name,
            actor: sender.login,
            at: issue.updated_at ?? null,
          }
        : null;
    case "closed":
      return {
        kind: "closed",
        issue: facts,
        actor: sender.login,
        at: issue.closed_at ?? issue.updated_at ?? null,
        reason: issue.state_reason ?? null,
      };
    case "reopened":
      return { kind: "reopened", issue: facts, actor: sender.login, at: issue.updated_at ?? null };
  }
}
