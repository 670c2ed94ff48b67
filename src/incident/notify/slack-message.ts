import type { IncomingWebhookSendArguments } from "@slack/webhook";
import type { MilestoneMessage } from "./milestone-message.js";

/**
 * Slack's mrkdwn gives `<`, `>` and `&` meaning (links, `<!channel>` mentions): text from the repository (branch
 * names, titles) is escaped as Slack asks, so it can neither ping a channel nor forge a link.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A header block holds at most 150 characters of plain text. */
const HEADER_MAX = 150;

function facts(message: MilestoneMessage): string {
  const { incident } = message;
  return [
    escapeSlack(message.repository),
    incident.url ? `<${incident.url}|incident #${incident.number}>` : `incident #${incident.number}`,
    ...(incident.severity ? [`severity ${escapeSlack(incident.severity)}`] : []),
    ...(incident.commander ? [`commander ${escapeSlack(incident.commander)}`] : []),
    `${message.at.slice(0, 16).replace("T", " ")} UTC`,
  ].join(" · ");
}

/** The Block Kit message: a header, the summary, the incident's facts, and the links. */
export function slackMessage(message: MilestoneMessage): IncomingWebhookSendArguments {
  const links = message.links.map((link) => `<${link.url}|${escapeSlack(link.label)}>`).join(" · ");
  return {
    // Notifications and clients without Block Kit show `text`.
    text: `${message.title}: ${escapeSlack(message.summary)}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: message.title.slice(0, HEADER_MAX) } },
      { type: "section", text: { type: "mrkdwn", text: escapeSlack(message.summary) } },
      { type: "context", elements: [{ type: "mrkdwn", text: facts(message) }] },
      ...(links ? [{ type: "section" as const, text: { type: "mrkdwn" as const, text: links } }] : []),
    ],
  };
}
