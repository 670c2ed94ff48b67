/**
 * Hotfix branch patterns such as `hotfix/{date}-{slug}`. A pattern is never a user regex: it compiles, from a
 * fixed set of placeholders, to an anchored regex whose variable parts are limited so that no pattern can make
 * matching slow.
 */

export const BRANCH_PLACEHOLDERS = ["date", "slug", "n"] as const;

const TOKEN_SOURCE: Record<string, string> = {
  // YYYYMMDD with a real month and day of month.
  "{date}": "[0-9]{4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])",
  // Lower-case words joined by single dashes: what a slugify of an incident title produces.
  "{slug}": "[a-z0-9]+(?:-[a-z0-9]+)*",
  "{n}": "[0-9]+",
  "*": ".*",
};

/** Each variable-length part multiplies the backtracking a non-matching name can cause. */
export const MAX_VARIABLE_PARTS = 3;
/** GitHub refuses longer ref names; refusing them here bounds matching time too. */
const MAX_BRANCH_LENGTH = 255;

export type CompiledBranchPattern =
  | { ok: true; pattern: string; regex: RegExp; prefix: string }
  | { ok: false; pattern: string; reason: string };

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

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
  let source = "";
  let variable = 0;
  let literal: string | null = null;
  for (const part of parts) {
    if (part === "") continue;
    if (part.startsWith("{") || part === "*") {
      const token = TOKEN_SOURCE[part];
      if (token === undefined) {
        const allowed = BRANCH_PLACEHOLDERS.map((p) => `{${p}}`).join(" ");
        return { ok: false, pattern, reason: `unknown placeholder ${part}; allowed: ${allowed} and *` };
      }
      if (part !== "{date}") variable += 1;
      literal ??= parts.slice(0, parts.indexOf(part)).join("");
      source += `(?:${token})`;
    } else {
      source += escapeRegex(part);
    }
  }
  if (variable > MAX_VARIABLE_PARTS) {
    return {
      ok: false,
      pattern,
      reason: `at most ${MAX_VARIABLE_PARTS} of {slug}, {n} and * may appear in one pattern`,
    };
  }
  return { ok: true, pattern, regex: new RegExp(`^${source}$`), prefix: familyPrefix(literal ?? pattern) };
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
    if (compiled.ok && compiled.regex.test(branch)) return pattern;
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
