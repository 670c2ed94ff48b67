import { type ChangeMarks, emptyMarks, type WorkBudget } from "./change-marks.js";
import { myersDiff } from "./myers-diff.js";

/**
 * git's histogram diff (xdiff's xhistogram.c), the algorithm `merge-ort` always uses for content merges.
 *
 * Lines are small integers (equal lines, equal numbers; see LineTable). The result marks the changed lines of
 * each side, like xdiff's `rchg` arrays, before any compaction.
 *
 * The search, per region of both files (whole files at first: git trims no common prefix or suffix here):
 * - count how often each line occurs in the region of `a`;
 * - walk `b` from the top; for a line that also occurs in `a` no more often than the rarest anchor so far, try
 *   every occurrence of it in `a` (skipping those inside the run just found), extend the match up and down as
 *   far as the lines agree, and note the run's rarity (its rarest line; a line occurring once keeps it 1);
 * - keep the first run found, then replace it by any run that is strictly longer or strictly rarer;
 * - continue in `b` after the end of the longest run the current line started;
 * - anchor on the run kept and do the same above it and below it.
 * Lines that occur more than 64 times in the region are never anchors; when every common line of a region is
 * that frequent, git hands the region to its classic (Myers) diff instead, and so does this module.
 */

/** xhistogram.c's `max_chain_length`: a run made only of lines more frequent than this is no anchor. */
const MAX_ANCHOR_OCCURRENCES = 64;

export interface LineDiff {
  changedA: ChangeMarks;
  changedB: ChangeMarks;
}

/** The histogram diff of `a` -> `b`, or null when it would cost more than the budget's steps. */
export function histogramDiff(
  a: readonly number[],
  b: readonly number[],
  budget: WorkBudget,
): LineDiff | null {
  const changedA = emptyMarks(a.length);
  const changedB = emptyMarks(b.length);
  const { a: local, b: other, distinct } = renumber(a, b);
  a = local;
  b = other;
  const maxId = distinct - 1;
  // Occurrences in the current region of `a`: a count per line and a chain of positions, lowest first.
  const count = new Int32Array(maxId + 1);
  const first = new Int32Array(maxId + 1).fill(-1);
  const next = new Int32Array(a.length).fill(-1);
  const occurrences = (id: number) => (id >= 0 && id <= maxId ? (count[id] as number) : 0);

  const regions: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  for (let region = regions.pop(); region; region = regions.pop()) {
    const [a0, a1, b0, b1] = region;
    if (a0 === a1 || b0 === b1) {
      for (let i = a0; i < a1; i++) changedA[i + 1] = 1;
      for (let j = b0; j < b1; j++) changedB[j + 1] = 1;
      continue;
    }
    for (let i = a1 - 1; i >= a0; i--) {
      const id = a[i] as number;
      next[i] = first[id] as number;
      first[id] = i;
      count[id] = (count[id] as number) + 1;
    }

    // The best run so far: [bestA, bestA + bestLength) in `a` against [bestB, ...) in `b`. Before any run is
    // found, git's comparison sees a "run" of length one, so the first run found always replaces it (by rarity).
    let bestA = -1;
    let bestB = -1;
    let bestLength = 1;
    let bestRarity = MAX_ANCHOR_OCCURRENCES + 1;
    let hasCommon = false;
    for (let j = b0; j < b1; ) {
      let after = j + 1;
      const id = b[j] as number;
      const seen = occurrences(id);
      if (seen > 0) hasCommon = true;
      if (seen > 0 && seen <= bestRarity) {
        for (let i = first[id] as number; i >= 0; ) {
          let as = i;
          let bs = j;
          let ae = i;
          let be = j;
          let rarity = seen;
          while (as > a0 && bs > b0 && a[as - 1] === b[bs - 1]) {
            as--;
            bs--;
            if (rarity > 1) rarity = Math.min(rarity, occurrences(a[as] as number));
          }
          while (ae < a1 - 1 && be < b1 - 1 && a[ae + 1] === b[be + 1]) {
            ae++;
            be++;
            if (rarity > 1) rarity = Math.min(rarity, occurrences(a[ae] as number));
          }
          budget.steps -= ae - as + 1;
          if (after <= be) after = be + 1;
          if (bestLength < ae - as + 1 || rarity < bestRarity) {
            bestA = as;
            bestB = bs;
            bestLength = ae - as + 1;
            bestRarity = rarity;
          }
          // The next occurrence of the line in `a` that is not inside the run just found.
          let np = next[i] as number;
          while (np >= 0 && np <= ae) np = next[np] as number;
          i = np;
        }
      }
      j = after;
    }
    for (let i = a0; i < a1; i++) {
      const id = a[i] as number;
      first[id] = -1;
      count[id] = 0;
    }
    budget.steps -= a1 - a0 + (b1 - b0);
    if (budget.steps < 0) return null;
    if (hasCommon && bestRarity > MAX_ANCHOR_OCCURRENCES) {
      const classic = myersDiff(a.slice(a0, a1), b.slice(b0, b1), budget);
      if (!classic) return null;
      changedA.set(classic.changedA.subarray(1, a1 - a0 + 1), a0 + 1);
      changedB.set(classic.changedB.subarray(1, b1 - b0 + 1), b0 + 1);
      continue;
    }
    if (bestA < 0) {
      for (let i = a0; i < a1; i++) changedA[i + 1] = 1;
      for (let j = b0; j < b1; j++) changedB[j + 1] = 1;
      continue;
    }
    // The run of the first match found always has length >= 1; bestLength counts it.
    regions.push([bestA + bestLength, a1, bestB + bestLength, b1]);
    regions.push([a0, bestA, b0, bestB]);
  }
  return { changedA, changedB };
}

/**
 * The lines renumbered 0..distinct-1 in order of first appearance in `a`, lines of `b` absent from `a` as -1:
 * the tables above are then as small as the region, however many lines the whole merge has.
 */
function renumber(
  a: readonly number[],
  b: readonly number[],
): { a: number[]; b: number[]; distinct: number } {
  const ids = new Map<number, number>();
  const localA = a.map((id) => {
    let local = ids.get(id);
    if (local === undefined) {
      local = ids.size;
      ids.set(id, local);
    }
    return local;
  });
  const localB = b.map((id) => ids.get(id) ?? -1);
  return { a: localA, b: localB, distinct: ids.size };
}
