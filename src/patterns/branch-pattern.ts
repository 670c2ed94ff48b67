import {
  alt,
  type CompiledPattern,
  char,
  compilePattern,
  inRange,
  isAny,
  literal,
  matchesPattern,
  oneOf,
  oneOrMore,
  type Pattern,
  seq,
  zeroOrMore,
} from "./nfa.js";

/**
 * Hotfix branch patterns such as `hotfix/{date}-{slug}`. A pattern is never a user regex: it compiles, from a
 * fixed set of placeholders, to a linear-time pattern (see nfa.ts), so no pattern can make matching slow.
 */

export const BRANCH_PLACEHOLDERS = ["date", "slug", "n"] as const;

const digit = char(inRange("0", "9"));
const slugChar = () => char(oneOf(inRange("a", "z"), inRange("0", "9")));

/** YYYYMMDD with a real month and day of month. */
function datePattern(): Pattern {
  const d = (from: string, to: string) => char(inRange(from, to));
  const month = alt(seq(literal("0"), d("1", "9")), seq(literal("1"), d("0", "2")));
  const day = alt(
    seq(literal("0"), d("1", "9")),
    seq(d("1", "2"), d("0", "9")),
    seq(literal("3"), d("0", "1")),
  );
  return seq(digit, digit, digit, digit, month, day);
}

const TOKENS: Record<string, () => Pattern> = {
  "{date}": datePattern,
  // Lower-case words joined by single dashes: what a slugify of an incident title produces.
  "{slug}": () => seq(oneOrMore(slugChar()), zeroOrMore(seq(literal("-"), oneOrMore(slugChar())))),
  "{n}": () => oneOrMore(digit),
  "*": () => zeroOrMore(char(isAny)),
};

/** More variable parts than this make a pattern no one can read; matching time does not depend on it. */
export const MAX_VARIABLE_PARTS = 3;
/** GitHub refuses longer ref names; refusing them here bounds matching time too. */
const MAX_BRANCH_LENGTH = 255;

export type CompiledBranchPattern =
  | { ok: true; pattern: string; compiled: CompiledPattern; prefix: string }
  | { ok: false; pattern: string; reason: string };

const cache = new Map<string, CompiledBranchPattern>();

export function compileBranchPattern(pattern: string): CompiledBranchPattern {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const result = compile(pattern);
  if (cache.size > 200) cache.clear();
  cache.set(pattern, result);
  return result;
}

function compile(pattern: string): CompiledBranchPattern {
  const parts = pattern.replace(/\*+/g, "*").split(/(\{[^{}]*\}|\*)/);
  const items: Pattern[] = [];
  let variable = 0;
  let literalPrefix: string | null = null;
  for (const part of parts) {
    if (part === "") continue;
    if (part.startsWith("{") || part === "*") {
      const token = TOKENS[part];
      if (token === undefined) {
        const allowed = BRANCH_PLACEHOLDERS.map((p) => `{${p}}`).join(" ");
        return { ok: false, pattern, reason: `unknown placeholder ${part}; allowed: ${allowed} and *` };
      }
      if (part !== "{date}") variable += 1;
      literalPrefix ??= parts.slice(0, parts.indexOf(part)).join("");
      items.push(token());
    } else {
      items.push(literal(part));
    }
  }
  if (variable > MAX_VARIABLE_PARTS) {
    return {
      ok: false,
      pattern,
      reason: `at most ${MAX_VARIABLE_PARTS} of {slug}, {n} and * may appear in one pattern`,
    };
  }
  return {
    ok: true,
    pattern,
    compiled: compilePattern(seq(...items)),
    prefix: familyPrefix(literalPrefix ?? pattern),
  };
}

/** The literal text before the first placeholder, cut after its last `/`: `hotfix/` for `hotfix/incident-{n}`. */
function familyPrefix(literal: string): string {
  const slash = literal.lastIndexOf("/");
  return slash >= 0 ? literal.slice(0, slash + 1) : literal;
}

/** The first pattern the branch name matches, or null. Invalid patterns never match. */
export function matchingBranchPattern(branch: string, patterns: readonly string[]): string | null {
  if (branch.length > MAX_BRANCH_LENGTH) return null;
  for (const pattern of patterns) {
    const compiled = compileBranchPattern(pattern);
    if (compiled.ok && matchesPattern(compiled.compiled, branch)) return pattern;
  }
  return null;
}

/**
 * Whether a branch name belongs to the hotfix family: it matches a pattern, or starts with a pattern's literal
 * prefix (`hotfix/`). A `hotfix/typo` branch is then a hotfix PR that fails the branch rule, not a PR the gate
 * waves through as "not a hotfix".
 */
export function isHotfixFamilyBranch(branch: string, patterns: readonly string[]): boolean {
  if (matchingBranchPattern(branch, patterns) !== null) return true;
  return patterns.some((pattern) => {
    const compiled = compileBranchPattern(pattern);
    return compiled.ok && compiled.prefix !== "" && branch.startsWith(compiled.prefix);
  });
}

/** Problems with configured patterns, for config validation. */
export function branchPatternProblems(pattern: string): string | null {
  const compiled = compileBranchPattern(pattern);
  return compiled.ok ? null : compiled.reason;
}
