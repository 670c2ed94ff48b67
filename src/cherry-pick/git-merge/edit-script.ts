import { compactChanges } from "./change-compaction.js";
import type { ChangeMarks, WorkBudget } from "./change-marks.js";
import { histogramDiff } from "./histogram-diff.js";

/** One change of a diff: `a[a0, a0 + aCount)` became `b[b0, b0 + bCount)`. */
export interface DiffHunk {
  a0: number;
  aCount: number;
  b0: number;
  bCount: number;
}

/**
 * The diff git's content merge works from: histogram search, then compaction of each side (first the old file
 * against the new, then the new against the old, as `xdl_merge` does), then the hunks. Null when the search
 * runs out of budget.
 */
export function diffLikeGit(
  a: readonly number[],
  b: readonly number[],
  budget: WorkBudget,
): DiffHunk[] | null {
  const diff = histogramDiff(a, b, budget);
  if (!diff) return null;
  compactChanges(a, diff.changedA, diff.changedB);
  compactChanges(b, diff.changedB, diff.changedA);
  return editScript(diff.changedA, diff.changedB);
}

/**
 * The hunks of a pair of change marks (`xdl_build_script`): unchanged lines pair up in order, and each stretch
 * between two pairs where either side has changed lines is one hunk. Ordered from the top.
 */
export function editScript(changedA: ChangeMarks, changedB: ChangeMarks): DiffHunk[] {
  const hunks: DiffHunk[] = [];
  const isA = (i: number) => changedA[i + 1] === 1;
  const isB = (j: number) => changedB[j + 1] === 1;
  let i = changedA.length - 2;
  let j = changedB.length - 2;
  while (i >= 0 || j >= 0) {
    if (isA(i - 1) || isB(j - 1)) {
      const aEnd = i;
      const bEnd = j;
      while (isA(i - 1)) i--;
      while (isB(j - 1)) j--;
      hunks.push({ a0: i, aCount: aEnd - i, b0: j, bCount: bEnd - j });
    }
    i--;
    j--;
  }
  return hunks.reverse();
}
