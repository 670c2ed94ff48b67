import type { MilestoneMessage } from "./milestone-message.js";

/**
 * A Microsoft Teams incoming webhook (or a Teams workflow's "post to a channel when a webhook request is
 * received") takes a message whose one attachment is an Adaptive Card. Version 1.4 renders in every Teams client.
 */
export interface TeamsMessage {
  type: "message";
  attachments: {
    contentType: "application/vnd.microsoft.card.adaptive";
    contentUrl: null;
    content: Record<string, unknown>;
  }[];
}

/**
 * Teams renders a markdown subset in TextBlocks and facts: the characters that open a link or emphasis in
 * repository text (a deployment's environment, a branch) are escaped, so that text cannot forge a link.
 */
export function escapeTeams(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}

export function teamsCard(message: MilestoneMessage): TeamsMessage {
  const { incident } = message;
  const facts = [
    { title: "Repository", value: escapeTeams(message.repository) },
    { title: "Incident", value: `#${incident.number}` },
    ...(incident.severity ? [{ title: "Severity", value: escapeTeams(incident.severity) }] : []),
    ...(incident.commander ? [{ title: "Commander", value: escapeTeams(incident.commander) }] : []),
    { title: "At (UTC)", value: message.at.slice(0, 16).replace("T", " ") },
  ];
  const links = [
    ...(incident.url ? [{ label: `Incident #${incident.number}`, url: incident.url }] : []),
    ...message.links,
  ];
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            {
              type: "TextBlock",
              size: "Medium",
              weight: "Bolder",
              wrap: true,
              text: escapeTeams(message.title),
            },
            { type: "TextBlock", wrap: true, text: escapeTeams(message.summary) },
            { type: "FactSet", facts },
          ],
          actions: links.map((link) => ({ type: "Action.OpenUrl", title: link.label, url: link.url })),
        },
      },
    ],
  };
}
