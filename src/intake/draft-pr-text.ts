import type { HotfixConfig } from "../config/schema.js";
import { escapeMarkdown } from "../text/escape-markdown.js";
import { codeSpan } from "./shell-word.js";

// GitHub rejects longer PR titles.
const TITLE_MAX = 256;

/** The Jira key the draft's title carries until someone writes the real one (the title rule fails on it). */
export function placeholderKey(config: Pick<HotfixConfig, "title">): string {
  return `${config.title.projects[0] ?? "KEY"}-000`;
}

/**
 * The draft PR's title: the configured format with the placeholder key and the incident's title as the summary,
 * `[KEY-000] Checkout is down`. One pass over the format, so a `{key}` inside the incident title stays text.
 */
export function draftTitle(incidentTitle: string, config: Pick<HotfixConfig, "title">): string {
  const summary = incidentTitle.replace(/\s+/g, " ").trim() || "hotfix";
  const format = config.title.format.trim();
  const fixed = format.replace(/\{key\}/g, placeholderKey(config)).replace(/\{summary\}/g, "").length;
  const room = Math.max(1, TITLE_MAX - fixed);
  const cut = summary.length > room ? `${summary.slice(0, Math.max(0, room - 1)).trimEnd()}…` : summary;
  return format.replace(/\{key\}|\{summary\}/g, (token) =>
    token === "{key}" ? placeholderKey(config) : cut,
  );
}

export function draftBody(input: {
  incident: number;
  branch: string;
  productionBranch: string;
  config: Pick<HotfixConfig, "title">;
}): string {
  const key = placeholderKey(input.config);
  return [
    `Incident: #${input.incident}`,
    "",
    `Draft opened by hotfix-bot on the first push to ${codeSpan(input.branch)}. Before it merges into ${codeSpan(input.productionBranch)}:`,
    "",
    `- [ ] Replace ${codeSpan(key)} in the title with the Jira key (the title rule of ${codeSpan("hotfix-gate")} fails until then).`,
    `- [ ] Confirm the impact on #${input.incident}.`,
    "- [ ] Keep the fix minimal.",
    "- [ ] The critical tests and the security scan pass.",
    `- [ ] The rollback plan on #${input.incident} still holds.`,
    "- [ ] Mark this pull request ready for review.",
    "",
    `_Title format: ${escapeMarkdown(input.config.title.format)}._`,
  ].join("\n");
}
