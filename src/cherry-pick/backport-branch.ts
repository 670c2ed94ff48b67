import { globMatcher } from "../patterns/glob.js";
import { HotfixBotError } from "../util/errors.js";

/** A name that cannot safely become part of a branch we create (or a pull request number that is not one). */
export class UnsafeBranchNameError extends HotfixBotError {
  override readonly kind = "unworkable";
  override readonly name = "UnsafeBranchNameError";
  constructor(
    readonly value: string,
    reason: string,
  ) {
    super(`unsafe backport branch input ${JSON.stringify(value)}: ${reason}`);
  }
}

const PREFIX = "hotfix-bot/";
/** Room for `hotfix-bot/backport-<pr>-to-` in git's 255-byte limit on a ref name component path. */
const MAX_TARGET_LENGTH = 200;

/**
 * Why `name` is not a plain branch name we are willing to build on, or null if it is one. Stricter than
 * `git check-ref-format --branch`: letters, digits, `.`, `_`, `-` and `/` only, so that the name is also safe as
 * a word in a shell command, a URL path and markdown.
 */
export function branchNameProblem(name: string): string | null {
  if (name.length === 0) return "it is empty";
  if (name.length > MAX_TARGET_LENGTH) return `it is longer than ${MAX_TARGET_LENGTH} characters`;
  if (!/^[A-Za-z0-9._/-]+$/.test(name)) return "only letters, digits, '.', '_', '-' and '/' are allowed";
  if (name.startsWith("-")) return "it starts with '-'";
  if (name === "HEAD") return "HEAD is not a branch";
  for (const component of name.split("/")) {
    if (component === "") return "it has an empty path component";
    if (component.startsWith(".")) return "a path component starts with '.'";
    if (component.endsWith(".lock")) return "a path component ends with '.lock'";
  }
  if (name.includes("..")) return "it contains '..'";
  if (name.endsWith(".")) return "it ends with '.'";
  return null;
}

/** `hotfix-bot/backport-<pr>-to-<target>`: the deterministic name that doubles as the backport's ledger entry. */
export function backportBranchName(pr: number, target: string): string {
  if (!Number.isSafeInteger(pr) || pr <= 0) {
    throw new UnsafeBranchNameError(String(pr), "a pull request number is a positive integer");
  }
  const problem = branchNameProblem(target);
  if (problem) throw new UnsafeBranchNameError(target, problem);
  return `${PREFIX}backport-${pr}-to-${target}`;
}

const GLOB = /[*?[\]{}()!+@]/;

/** The `backport.targets` entry that stands for every production line newer than the one the fix merged into. */
export const NEWER_LINES = "newer-lines";

/**
 * The branches to backport to, in the order of the patterns (a glob's matches in the order of `branches`),
 * without duplicates. `{develop}` stands for the develop branch; `newer-lines` for `newer` (the production lines
 * newer than the merged PR's base, oldest first, main last: see production-lines.ts); a pattern with glob
 * characters (`release/*`) matches existing branches; a plain name counts only if the branch exists. Never the
 * branch the fix merged into (`mergedInto`), never one of our own `hotfix-bot/` branches, never a name that fails
 * `branchNameProblem`.
 */
export function expandTargets(
  patterns: string[],
  branches: string[],
  developBranch: string,
  mergedInto: string,
  newer: readonly string[] = [],
): string[] {
  const existing = new Set(branches);
  const eligible = (name: string) =>
    name !== mergedInto && !name.startsWith(PREFIX) && branchNameProblem(name) === null;
  const targets: string[] = [];
  const add = (name: string) => {
    if (eligible(name) && !targets.includes(name)) targets.push(name);
  };
  for (const raw of patterns) {
    if (raw === NEWER_LINES) {
      for (const line of newer) add(line);
      continue;
    }
    const pattern = raw.split("{develop}").join(developBranch);
    if (GLOB.test(pattern)) {
      // Linear-time globs; a `*` may match a leading dot, but `eligible` refuses such names anyway.
      const matches = globMatcher(pattern);
      for (const branch of branches) if (matches(branch)) add(branch);
    } else if (existing.has(pattern)) {
      add(pattern);
    }
  }
  return targets;
}
