import type { ChangeMarks } from "./change-marks.js";

/**
 * xdiff's change compaction (`xdl_change_compact` in xdiffi.c), run on each side of a diff after the histogram
 * search. A run of changed lines whose first line equals the unchanged line after it (or whose last line equals
 * the one before it) can slide without changing the diff; git slides every group of one file as far up as it
 * goes, merging with groups it touches, then as far down as it goes, and then back up to the last position where
 * it lined up with a group of changes in the other file, if it met one. No indent heuristic: `merge-ort` sets
 * only the histogram flag, and the heuristic is a `git diff` option.
 *
 * `marks` are the file's changed lines (index i + 1 for line i, zero on both ends), `otherMarks` the other
 * file's; only `marks` change. Unchanged lines of both files pair up in order, which keeps the groups of both
 * files in step: the k-th gap between groups in one file is the k-th in the other.
 */
export function compactChanges(lines: readonly number[], marks: ChangeMarks, otherMarks: ChangeMarks): void {
  const n = lines.length;
  const otherN = otherMarks.length - 2;
  const changed = (i: number) => marks[i + 1] === 1;
  const set = (i: number, value: 0 | 1) => {
    marks[i + 1] = value;
  };
  const otherChanged = (i: number) => otherMarks[i + 1] === 1;

  // A group is [start, end): changed lines, or an empty group sitting just above line `start`.
  const g = { start: 0, end: 0 };
  const go = { start: 0, end: 0 };
  const init = (isChanged: (i: number) => boolean, group: { start: number; end: number }) => {
    group.start = 0;
    group.end = 0;
    while (isChanged(group.end)) group.end++;
  };
  const nextGroup = (
    isChanged: (i: number) => boolean,
    size: number,
    group: { start: number; end: number },
  ) => {
    if (group.end === size) return false;
    group.start = group.end + 1;
    group.end = group.start;
    while (isChanged(group.end)) group.end++;
    return true;
  };
  const previousGroup = (isChanged: (i: number) => boolean, group: { start: number; end: number }) => {
    if (group.start === 0) return false;
    group.end = group.start - 1;
    group.start = group.end;
    while (isChanged(group.start - 1)) group.start--;
    return true;
  };
  const slideDown = () => {
    if (g.end < n && lines[g.start] === lines[g.end]) {
      set(g.start++, 0);
      set(g.end++, 1);
      while (changed(g.end)) g.end++;
      return true;
    }
    return false;
  };
  const slideUp = () => {
    if (g.start > 0 && lines[g.start - 1] === lines[g.end - 1]) {
      set(--g.start, 1);
      set(--g.end, 0);
      while (changed(g.start - 1)) g.start--;
      return true;
    }
    return false;
  };
  const inStep = (moved: boolean) => {
    if (!moved) throw new Error("change compaction lost step with the other file");
  };

  init(changed, g);
  init(otherChanged, go);
  for (;;) {
    if (g.end !== g.start) {
      let groupSize: number;
      let earliestEnd: number;
      let endMatchingOther: number;
      do {
        groupSize = g.end - g.start;
        endMatchingOther = -1;
        while (slideUp()) inStep(previousGroup(otherChanged, go));
        earliestEnd = g.end;
        if (go.end > go.start) endMatchingOther = g.end;
        while (slideDown()) {
          inStep(nextGroup(otherChanged, otherN, go));
          if (go.end > go.start) endMatchingOther = g.end;
        }
      } while (groupSize !== g.end - g.start);

      if (g.end !== earliestEnd && endMatchingOther !== -1) {
        // Back up to line up with the last group of changes in the other file that it met.
        while (go.end === go.start) {
          inStep(slideUp());
          inStep(previousGroup(otherChanged, go));
        }
      }
    }
    if (!nextGroup(changed, n, g)) break;
    inStep(nextGroup(otherChanged, otherN, go));
  }
}
