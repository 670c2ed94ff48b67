import {
  histogramRegion,
  lcsRegion,
  type Matching,
  type Region,
  slideAll,
  trimmedMatching,
} from "./line-matching.js";

/**
 * The matchings a diff tool could reasonably produce for `a` -> `b`, or null when none can be vouched for.
 * git's merge diffs whole files with its histogram algorithm and then slides runs of changed lines along equal
 * lines ("compaction"); the histogram matching at both extremes of sliding brackets what git ends up with.
 * Where it is cheap, longest common subsequences after trimming the common prefix and suffix (node-diff3's,
 * searched forwards and backwards, slid both ways too) widen the net, so that a detail of git's choice not
 * modelled here shows up as disagreement.
 */
export function plausibleMatchings(a: readonly number[], b: readonly number[]): Matching[] | null {
  const whole = { a0: 0, a1: a.length, b0: 0, b1: b.length };
  const histogram = new Int32Array(a.length).fill(-1);
  if (!histogramRegion(a, b, histogram, whole)) return null;
  const bases: Matching[] = [histogram];
  const { m: trimmed, lo, aHi, bHi } = trimmedMatching(a, b);
  const region = { a0: lo, a1: aHi, b0: lo, b1: bHi };
  if (equalPairs(a, b, region) <= MAX_LCS_PAIRS) {
    for (const backwards of [false, true]) {
      const lcs = Int32Array.from(trimmed);
      lcsRegion(a, b, lcs, region, backwards);
      bases.push(lcs);
    }
  }
  return bases.flatMap((m) => [m, slideAll(a, b, m, false), slideAll(a, b, m, true)]);
}

/**
 * The longest-common-subsequence search costs about one step per pair of equal lines, which grows with the
 * square of repeated lines (blank lines, braces). Past this many pairs the histogram matching alone is used;
 * it is git's own algorithm and needs no second opinion to be sound, the LCS only widens the net.
 */
export const MAX_LCS_PAIRS = 50_000;

/** The number of (i, j) with a[i] = b[j] in a region: about the steps of a longest-common-subsequence search. */
export function equalPairs(a: readonly number[], b: readonly number[], r: Region): number {
  const counts = new Map<number, number>();
  for (let j = r.b0; j < r.b1; j++) counts.set(b[j] as number, (counts.get(b[j] as number) ?? 0) + 1);
  let pairs = 0;
  for (let i = r.a0; i < r.a1; i++) pairs += counts.get(a[i] as number) ?? 0;
  return pairs;
}

/** One side's change, in the coordinates of both files: `a[a0, a1)` became `b[b0, b1)`. */
export interface Change {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/**
 * The changes from `a` to `b` that hold whichever plausible matching is used: lines every plausible matching
 * pairs alike are fixed points, and everything between two consecutive fixed points that is not a plain match
 * is one change. A change may therefore be wider than any single diff would make it — never narrower.
 */
export function robustChanges(a: readonly number[], b: readonly number[]): Change[] {
  const matchings = plausibleMatchings(a, b);
  if (!matchings) return [{ a0: 0, a1: a.length, b0: 0, b1: b.length }];
  const changes: Change[] = [];
  let prevA = -1;
  let prevB = -1;
  const close = (i: number, j: number) => {
    if (i !== prevA + 1 || j !== prevB + 1) changes.push({ a0: prevA + 1, a1: i, b0: prevB + 1, b1: j });
    prevA = i;
    prevB = j;
  };
  const [first, ...others] = matchings;
  for (let i = 0; i < a.length; i++) {
    const j = first?.[i] ?? -1;
    if (j < 0 || others.some((m) => m[i] !== j)) continue;
    close(i, j);
  }
  close(a.length, b.length);
  return changes;
}
