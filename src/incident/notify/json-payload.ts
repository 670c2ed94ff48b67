import type { MilestoneMessage } from "./milestone-message.js";

/**
 * The generic webhook's body: a stable, versioned JSON document for status pages and chat ops. Fields are only
 * ever added within a version; `null` stands for "not known", so every key is always there.
 */
export interface JsonNotification {
  schema: "hotfix-bot.notification/v1";
  milestone: MilestoneMessage["milestone"];
  title: string;
  summary: string;
  /** When the milestone was reached (ISO 8601). */
  at: string;
  /** `owner/name`. */
  repository: string;
  incident: MilestoneMessage["incident"];
  links: MilestoneMessage["links"];
}

export function jsonPayload(message: MilestoneMessage): JsonNotification {
  return {
    schema: "hotfix-bot.notification/v1",
    milestone: message.milestone,
    title: message.title,
    summary: message.summary,
    at: message.at,
    repository: message.repository,
    incident: message.incident,
    links: message.links,
  };
}
