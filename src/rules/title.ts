import type { HotfixConfig } from "../config/schema.js";
import type { RuleResult } from "./rule-result.js";

/** The placeholders a title format may use; anything else in braces is a configuration error. */
export const TITLE_PLACEHOLDERS = ["key", "summary"] as const;

/**
 * A Jira issue key: an upper-case project key that starts with a letter, a dash, an issue number. Starting with
 * a letter is what keeps date-and-hash fragments such as `20230411-245a825` from ever being read as a key.
 */
const JIRA_KEY = "[A-Z][A-Z0-9_]+-[1-9][0-9]{0,8}";
const EXAMPLE_SUMMARY = "Fix critical auth failure";

type TitleConfig = Pick<HotfixConfig, "title">;

interface CompiledFormat {
  regex: RegExp;
  /** Capture group of the first `{key}`, or 0 when the format has none. */
  keyGroup: number;
}

const compiled = new Map<string, CompiledFormat>();

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/** `{name}` placeholders of a format that are not in the fixed set, for config validation. */
export function unknownTitlePlaceholders(format: string): string[] {
  const names = [...format.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? "");
  return names.filter((name) => !(TITLE_PLACEHOLDERS as readonly string[]).includes(name));
}

function compileFormat(format: string): CompiledFormat {
  const hit = compiled.get(format);
  if (hit) return hit;
  let source = "";
  let group = 0;
  let keyGroup = 0;
  // The key is read only from its position in the format; a key-like token anywhere else is summary text.
  for (const part of format.trim().split(/(\{key\}|\{summary\}|\s+)/)) {
    if (part === "") continue;
    if (part === "{key}") {
      group += 1;
      if (keyGroup === 0) keyGroup = group;
      source += `(${JIRA_KEY})`;
    } else if (part === "{summary}") {
      group += 1;
      source += "(\\S(?:.*\\S)?)";
    } else if (/^\s+$/.test(part)) {
      source += "\\s+";
    } else {
      source += escapeRegex(part);
    }
  }
  const result = { regex: new RegExp(`^${source}$`), keyGroup };
  if (compiled.size > 100) compiled.clear();
  compiled.set(format, result);
  return result;
}

/** A title that satisfies the format, for messages: `[SPF-1290] Fix critical auth failure`. */
export function exampleTitle(config: TitleConfig): string {
  const key = `${config.title.projects[0] ?? "SPF"}-1290`;
  return config.title.format
    .trim()
    .replace(/\{key\}/g, key)
    .replace(/\{summary\}/g, EXAMPLE_SUMMARY);
}

/** The Jira key at the key position of the configured format, or null when the title does not follow it. */
export function jiraKeyOf(title: string, config: TitleConfig): string | null {
  const { regex, keyGroup } = compileFormat(config.title.format);
  if (keyGroup === 0) return null;
  const match = regex.exec(title.trim());
  return match?.[keyGroup] ?? null;
}

export function checkTitle(title: string, config: TitleConfig): RuleResult {
  const { format, projects } = config.title;
  const { regex, keyGroup } = compileFormat(format);
  const expected = `expected "${format}", e.g. "${exampleTitle(config)}"`;
  const match = regex.exec(title.trim());
  if (!match) {
    const shown = title.length > 80 ? `${title.slice(0, 79)}…` : title;
    return { rule: "title", label: "Title", state: "fail", reason: `"${shown}" does not match; ${expected}` };
  }
  const key = keyGroup === 0 ? null : (match[keyGroup] ?? null);
  if (key === null) return { rule: "title", label: "Title", state: "pass", reason: `matches "${format}"` };
  const project = key.slice(0, key.lastIndexOf("-"));
  if (projects.length > 0 && !projects.includes(project)) {
    return {
      rule: "title",
      label: "Title",
      state: "fail",
      reason: `Jira project ${project} is not allowed (allowed: ${projects.join(", ")}); ${expected}`,
    };
  }
  return { rule: "title", label: "Title", state: "pass", reason: `Jira key ${key}` };
}
