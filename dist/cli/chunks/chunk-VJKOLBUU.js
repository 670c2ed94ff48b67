import {
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
  seq,
  zeroOrMore
} from "./chunk-IFHMZTJI.js";

// src/rules/title.ts
var EXAMPLE_SUMMARY = "Fix critical auth failure";
var digit = inRange("0", "9");
var upper = inRange("A", "Z");
var jiraKey = () => seq(
  char(upper),
  oneOrMore(char(oneOf(upper, digit, (c) => c === 95))),
  literal("-"),
  char(inRange("1", "9")),
  ...Array.from({ length: 8 }, () => optional(char(digit)))
);
var summary = () => {
  const nonSpace = char((c) => !isSpace(c));
  return seq(nonSpace, optional(seq(zeroOrMore(char(isNotLineTerminator)), nonSpace)));
};
var compiled = /* @__PURE__ */ new Map();
function compileFormat(format) {
  const hit = compiled.get(format);
  if (hit) return hit;
  const items = [];
  let keyGroup = 0;
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
function readTitle(title, format) {
  const { pattern, keyGroup } = compileFormat(format);
  const text = title.trim();
  const slots = matchPattern(pattern, text);
  if (slots === null) return null;
  if (keyGroup === 0) return { key: null };
  const start = slots[keyGroup * 2] ?? -1;
  const end = slots[keyGroup * 2 + 1] ?? -1;
  return { key: start < 0 ? null : text.slice(start, end) };
}
function exampleTitle(config) {
  const key = `${config.title.projects[0] ?? "SPF"}-1290`;
  return config.title.format.trim().replace(/\{key\}/g, key).replace(/\{summary\}/g, EXAMPLE_SUMMARY);
}
function jiraKeyOf(title, config) {
  return readTitle(title, config.title.format)?.key ?? null;
}
function checkTitle(title, config) {
  const { format, projects } = config.title;
  const expected = `expected "${format}", e.g. "${exampleTitle(config)}"`;
  const read = readTitle(title, format);
  if (!read) {
    const shown = title.length > 80 ? `${title.slice(0, 79)}\u2026` : title;
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
      reason: `Jira project ${project} is not allowed (allowed: ${projects.join(", ")}); ${expected}`
    };
  }
  return { rule: "title", label: "Title", state: "pass", reason: `Jira key ${key}` };
}

export {
  jiraKeyOf,
  checkTitle
};
