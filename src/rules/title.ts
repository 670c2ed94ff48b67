import type { HotfixConfig } from "../config/schema.js";
import {
  type CompiledPattern,
  capture,
  char,
  compilePattern,
  inRange,
  isNotLineTerminator,
  isSpace,
  literal,
  matchPattern,
  oneOf,
  oneOrMore,
  optional,
  type Pattern,
  seq,
  zeroOrMore,
} from "../patterns/nfa.js";
import type { RuleResult } from "./rule-result.js";

const EXAMPLE_SUMMARY = "Fix critical auth failure";

type TitleConfig = Pick<HotfixConfig, "title">;

const digit = inRange("0", "9");
const upper = inRange("A", "Z");
/**
 * A Jira issue key: an upper-case project key that starts with a letter, a dash, an issue number. Starting with
 * a letter is what keeps date-and-hash fragments such as `20230411-245a825` from ever being read as a key.
 * (`[A-Z][A-Z0-9_]+-[1-9][0-9]{0,8}`)
 */
const jiraKey = (): Pattern =>
  seq(
    char(upper),
    oneOrMore(char(oneOf(upper, digit, (c) => c === 0x5f))),
    literal("-"),
    char(inRange("1", "9")),
    ...Array.from({ length: 8 }, () => optional(char(digit))),
  );
/** Free text that starts and ends with a non-space: `\S(?:.*\S)?`. */
const summary = (): Pattern => {
  const nonSpace = char((c) => !isSpace(c));
  return seq(nonSpace, optional(seq(zeroOrMore(char(isNotLineTerminator)), nonSpace)));
};

interface CompiledFormat {
  pattern: CompiledPattern;
  /** Capture group of the `{key}`, or 0 when the format has none. */
  keyGroup: number;
}

const compiled = new Map<string, CompiledFormat>();

/**
 * The format as a linear-time pattern (see nfa.ts): matching never backtracks, so no format can make a title
 * check slow, even one that validation would refuse.
 */
function compileFormat(format: string): CompiledFormat {
  const hit = compiled.get(format);
  if (hit) return hit;
  const items: Pattern[] = [];
  let keyGroup = 0;
  // The key is read only from its position in the format; a key-like token anywhere else is summary text.
  for (const part of format.trim().split(/(\{key\}|\{summary\}|\s+)/)) {
    if (part === "") continue;
    if (part === "{key}") {
      if (keyGroup === 0) {
        keyGroup = 1;
        items.push(capture(1, jiraKey()));
      } else {
        items.push(jiraKey());
      }
    } else if (part === "{summary}") {
      items.push(summary());
    } else if (/^\s+$/.test(part)) {
      items.push(oneOrMore(char(isSpace)));
    } else {
      items.push(literal(part));
    }
  }
  const result = { pattern: compilePattern(seq(...items)), keyGroup };
  if (compiled.size > 100) compiled.clear();
  compiled.set(format, result);
  return result;
}

/** The title, or null when it does not follow the format; `key` is the Jira key at the key position, if any. */
function readTitle(title: string, format: string): { key: string | null } | null {
  const { pattern, keyGroup } = compileFormat(format);
  const text = title.trim();
  const slots = matchPattern(pattern, text);
  if (slots === null) return null;
  if (keyGroup === 0) return { key: null };
  const start = slots[keyGroup * 2] ?? -1;
  const end = slots[keyGroup * 2 + 1] ?? -1;
  return { key: start < 0 ? null : text.slice(start, end) };
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
  return readTitle(title, config.title.format)?.key ?? null;
}

export function checkTitle(title: string, config: TitleConfig): RuleResult {
  const { format, projects } = config.title;
  const expected = `expected "${format}", e.g. "${exampleTitle(config)}"`;
  const read = readTitle(title, format);
  if (!read) {
    const shown = title.length > 80 ? `${title.slice(0, 79)}…` : title;
    return { rule: "title", label: "Title", state: "fail", reason: `"${shown}" does not match; ${expected}` };
  }
  const key = read.key;
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
