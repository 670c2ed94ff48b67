import { globMatcher } from "./glob.js";

/**
 * Production lines: the main line (`productionBranch`, the first entry of `productionBranches`) and the
 * maintenance lines its other entries match (`release/*`). Every place that asks "is this base a production
 * branch?" asks `isProductionLine`, so a base is gated, tagged and deployed as soon as ANY entry matches it: no
 * second pattern can read the same name differently and leave a hotfix PR ungated.
 *
 * Patterns are globs from the configuration, matched in linear time (glob.ts); branch names come from writers and
 * are only ever data here.
 */
export interface ProductionLines {
  /** The main line: the first entry of `productionBranches` (or `productionBranch`), a plain branch name. */
  productionBranch: string;
  /** Every entry, the main line first; the others may be globs. */
  productionBranches: readonly string[];
}

/** Whether `branch` is a production line: the main line itself or a match of any entry. */
export function isProductionLine(lines: ProductionLines, branch: string): boolean {
  if (branch === lines.productionBranch) return true;
  return globMatcher(lines.productionBranches)(branch);
}

/** Whether `branch` is a maintenance line: a production line other than the main line. */
export function isMaintenanceLine(lines: ProductionLines, branch: string): boolean {
  return branch !== lines.productionBranch && isProductionLine(lines, branch);
}

/** Longer numbers than this in a branch name are not a version anyone ships; the name then has no version. */
const MAX_DIGITS = 9;
/** `release/1.2.3.4.5…`: only the first three parts of a version mean anything to a tag. */
const MAX_PARTS = 3;

/**
 * The version a branch name carries: the first run of digits, with the `.digit` runs that follow it
 * (`release/1.x` → [1], `release/v2.3` → [2, 3], `support-10.4.x` → [10, 4]); null when the name has no digit
 * or the number is absurdly long. A scan, not a regex: the name comes from whoever pushed the branch.
 */
export function lineVersion(branch: string): number[] | null {
  const isDigit = (at: number) =>
    at < branch.length && branch.charCodeAt(at) >= 48 && branch.charCodeAt(at) <= 57;
  let at = 0;
  while (at < branch.length && !isDigit(at)) at += 1;
  if (at === branch.length) return null;
  const parts: number[] = [];
  for (;;) {
    const start = at;
    while (isDigit(at)) at += 1;
    if (at - start > MAX_DIGITS) return null;
    parts.push(Number(branch.slice(start, at)));
    if (parts.length === MAX_PARTS || branch[at] !== "." || !isDigit(at + 1)) return parts;
    at += 1;
  }
}

/** Negative when version `a` is older than `b`; a shorter version compares as its prefix (1 = 1.0). */
function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * Whether line `candidate` is newer than line `base`. The main line is newer than every other line and never
 * older. Otherwise the versions in the names decide (`release/1.x` < `release/2.x` < `release/10.x`); a line
 * without a version in its name (`release/legacy`), or with the same version as `base`, is neither newer nor
 * older: forward-ports from or to it go only to the main line (and develop), never by guesswork.
 */
export function isNewerLine(lines: ProductionLines, candidate: string, base: string): boolean {
  if (candidate === base) return false;
  if (candidate === lines.productionBranch) return true;
  if (base === lines.productionBranch) return false;
  const candidateVersion = lineVersion(candidate);
  const baseVersion = lineVersion(base);
  if (candidateVersion === null || baseVersion === null) return false;
  return compareVersions(candidateVersion, baseVersion) > 0;
}

/**
 * The production lines newer than `base` among `branches` (the repository's branches), oldest first and the main
 * line last: the order a fix is carried forward in. The main line counts whether or not it is listed.
 */
export function newerLines(lines: ProductionLines, base: string, branches: readonly string[]): string[] {
  const newer = new Set<string>();
  for (const branch of branches) {
    if (isMaintenanceLine(lines, branch) && isNewerLine(lines, branch, base)) newer.add(branch);
  }
  const ordered = [...newer].sort(
    (a, b) => compareVersions(lineVersion(a) ?? [], lineVersion(b) ?? []) || (a < b ? -1 : a > b ? 1 : 0),
  );
  if (isNewerLine(lines, lines.productionBranch, base)) ordered.push(lines.productionBranch);
  return ordered;
}

/**
 * The `vX.Y.Z` family a line's tags belong to: `release/1.x` → "v1.", `release/1.4` → "v1.4.", and null for the
 * main line (it keeps `release.tagScheme`) or a line without a version (any `vX.Y.Z` reachable from it counts).
 */
export function lineTagPrefix(lines: ProductionLines, line: string): string | null {
  if (line === lines.productionBranch) return null;
  const version = lineVersion(line);
  if (version === null) return null;
  return `v${version.slice(0, 2).join(".")}.`;
}
