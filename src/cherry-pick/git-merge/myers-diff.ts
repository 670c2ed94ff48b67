import { type ChangeMarks, emptyMarks, type WorkBudget } from "./change-marks.js";

/**
 * xdiff's classic diff (xdiffi.c with xprepare.c's preparation), which git's histogram diff hands a region to
 * when every line the two sides share there repeats more than 64 times. Reproduced step for step, because its
 * shortcuts decide where git's conflict blocks fall:
 * - the common first and last lines are set aside;
 * - lines of one side that never occur in the other are marked changed and left out of the search, and so are
 *   lines that occur at least ~sqrt(n) times in the other side (capped at 1024) when they sit among such
 *   unmatched lines (more than a quarter of the run around them unmatched, looking at most 100 lines away);
 * - the remaining lines go through Myers' middle-snake divide and conquer, with git's cut-offs for costly
 *   boxes: after 256 steps a diagonal that ran over a 20-line snake far enough is taken as the split, and after
 *   max(256, ~sqrt(lines)) steps the furthest-reaching one is.
 * Marks only: compaction comes after, on the whole file.
 */
export function myersDiff(
  a: readonly number[],
  b: readonly number[],
  budget: WorkBudget,
): { changedA: ChangeMarks; changedB: ChangeMarks } | null {
  const changedA = emptyMarks(a.length);
  const changedB = emptyMarks(b.length);

  // Common first and last lines (xdl_trim_ends).
  const shorter = Math.min(a.length, b.length);
  let start = 0;
  while (start < shorter && a[start] === b[start]) start++;
  let tail = 0;
  while (tail < shorter - start && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const endA = a.length - tail;
  const endB = b.length - tail;

  // Lines left out of the search (xdl_cleanup_records).
  const keptA = keptLines(a, b, start, endA, changedA);
  const keptB = keptLines(b, a, start, endB, changedB);

  const ha = keptA.map((i) => a[i] as number);
  const hb = keptB.map((j) => b[j] as number);
  const markA = (k: number) => {
    changedA[(keptA[k] as number) + 1] = 1;
  };
  const markB = (k: number) => {
    changedB[(keptB[k] as number) + 1] = 1;
  };
  budget.steps -= a.length + b.length;
  if (!compareBoxes(ha, hb, markA, markB, budget)) return null;
  return { changedA, changedB };
}

/** Integer square root approximation, as xdiff computes it (a power of two). */
function roughSqrt(n: number): number {
  let root = 1;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 4)) root *= 2;
  return root;
}

const MAX_EQUAL_LIMIT = 1024;
const SIMILAR_SCAN_WINDOW = 100;
const UNMATCHED_RUN_FACTOR = 4;

/**
 * The lines of `lines[start, end)` that take part in the search; the others are marked changed in `marks`.
 * 0: no occurrence in `other`; 1: some; 2: many (at least ~sqrt(length of `lines`), capped).
 */
function keptLines(
  lines: readonly number[],
  other: readonly number[],
  start: number,
  end: number,
  marks: ChangeMarks,
): number[] {
  const inOther = new Map<number, number>();
  for (const id of other) inOther.set(id, (inOther.get(id) ?? 0) + 1);
  const limit = Math.min(roughSqrt(lines.length), MAX_EQUAL_LIMIT);
  const kind = new Uint8Array(lines.length);
  for (let i = start; i < end; i++) {
    const matches = inOther.get(lines[i] as number) ?? 0;
    kind[i] = matches === 0 ? 0 : matches >= limit ? 2 : 1;
  }
  const kept: number[] = [];
  for (let i = start; i < end; i++) {
    if (kind[i] === 1 || (kind[i] === 2 && !amongUnmatched(kind, i, start, end - 1))) kept.push(i);
    else marks[i + 1] = 1;
  }
  return kept;
}

/**
 * Whether a line with many matches sits in a run of lines without a (single) match, with unmatched lines on
 * both sides, and more than a quarter of that run unmatched: then it is left out of the search
 * (xdl_clean_mmatch). `last` is the last line of the searched range.
 */
function amongUnmatched(kind: Uint8Array, i: number, first: number, last: number): boolean {
  const s = i - first > SIMILAR_SCAN_WINDOW ? i - SIMILAR_SCAN_WINDOW : first;
  const e = last - i > SIMILAR_SCAN_WINDOW ? i + SIMILAR_SCAN_WINDOW : last;
  let unmatchedBefore = 0;
  let manyBefore = 1;
  for (let r = 1; i - r >= s; r++) {
    const k = kind[i - r];
    if (k === 0) unmatchedBefore++;
    else if (k === 2) manyBefore++;
    else break;
  }
  if (unmatchedBefore === 0) return false;
  let unmatchedAfter = 0;
  let manyAfter = 1;
  for (let r = 1; i + r <= e; r++) {
    const k = kind[i + r];
    if (k === 0) unmatchedAfter++;
    else if (k === 2) manyAfter++;
    else break;
  }
  if (unmatchedAfter === 0) return false;
  const unmatched = unmatchedBefore + unmatchedAfter;
  const many = manyBefore + manyAfter;
  return many * UNMATCHED_RUN_FACTOR < many + unmatched;
}

const MAX_COST_MIN = 256;
const HEURISTIC_MIN_COST = 256;
const SNAKE_COUNT = 20;
const HEURISTIC_FACTOR = 4;
const LINE_MAX = Number.MAX_SAFE_INTEGER;

interface Split {
  i1: number;
  i2: number;
  minimalLow: boolean;
  minimalHigh: boolean;
}

/**
 * xdl_recs_cmp: shrink each box by its common ends, mark a box empty on one side, else split it in two. False
 * when the budget ran out.
 */
function compareBoxes(
  a: readonly number[],
  b: readonly number[],
  markA: (k: number) => void,
  markB: (k: number) => void,
  budget: WorkBudget,
): boolean {
  const diagonals = a.length + b.length + 3;
  const shift = b.length + 1;
  const forward = new Float64Array(diagonals);
  const backward = new Float64Array(diagonals);
  const maxCost = Math.max(roughSqrt(diagonals), MAX_COST_MIN);

  const boxes: [number, number, number, number, boolean][] = [[0, a.length, 0, b.length, false]];
  for (let box = boxes.pop(); box; box = boxes.pop()) {
    let [off1, lim1, off2, lim2] = box;
    const needMinimal = box[4];
    while (off1 < lim1 && off2 < lim2 && a[off1] === b[off2]) {
      off1++;
      off2++;
    }
    while (off1 < lim1 && off2 < lim2 && a[lim1 - 1] === b[lim2 - 1]) {
      lim1--;
      lim2--;
    }
    if (off1 === lim1) {
      for (let k = off2; k < lim2; k++) markB(k);
    } else if (off2 === lim2) {
      for (let k = off1; k < lim1; k++) markA(k);
    } else {
      const split = middleSnake(a, b, [off1, lim1, off2, lim2], {
        forward,
        backward,
        shift,
        needMinimal,
        maxCost,
        budget,
      });
      if (budget.steps < 0) return false;
      boxes.push([split.i1, lim1, split.i2, lim2, split.minimalHigh]);
      boxes.push([off1, split.i1, off2, split.i2, split.minimalLow]);
    }
  }
  return true;
}

/** xdl_split: where the forward and backward searches meet, or git's heuristic cut when that costs too much. */
function middleSnake(
  a: readonly number[],
  b: readonly number[],
  [off1, lim1, off2, lim2]: [number, number, number, number],
  env: {
    forward: Float64Array;
    backward: Float64Array;
    shift: number;
    needMinimal: boolean;
    maxCost: number;
    budget: WorkBudget;
  },
): Split {
  const { shift } = env;
  const kf = (d: number) => env.forward[d + shift] as number;
  const kb = (d: number) => env.backward[d + shift] as number;
  const setF = (d: number, v: number) => {
    env.forward[d + shift] = v;
  };
  const setB = (d: number, v: number) => {
    env.backward[d + shift] = v;
  };
  const dmin = off1 - lim2;
  const dmax = lim1 - off2;
  const fmid = off1 - off2;
  const bmid = lim1 - lim2;
  const odd = ((fmid - bmid) & 1) !== 0;
  let fmin = fmid;
  let fmax = fmid;
  let bmin = bmid;
  let bmax = bmid;
  setF(fmid, off1);
  setB(bmid, lim1);

  for (let ec = 1; ; ec++) {
    let gotSnake = false;
    // Each round scans every diagonal twice; snakes are counted as they run.
    env.budget.steps -= fmax - fmin + (bmax - bmin) + 4;
    if (env.budget.steps < 0) return { i1: off1, i2: off2, minimalLow: true, minimalHigh: true };
    if (fmin > dmin) setF(--fmin - 1, -1);
    else ++fmin;
    if (fmax < dmax) setF(++fmax + 1, -1);
    else --fmax;
    for (let d = fmax; d >= fmin; d -= 2) {
      let i1 = kf(d - 1) >= kf(d + 1) ? kf(d - 1) + 1 : kf(d + 1);
      const prev1 = i1;
      let i2 = i1 - d;
      while (i1 < lim1 && i2 < lim2 && a[i1] === b[i2]) {
        i1++;
        i2++;
      }
      env.budget.steps -= i1 - prev1;
      if (i1 - prev1 > SNAKE_COUNT) gotSnake = true;
      setF(d, i1);
      if (odd && bmin <= d && d <= bmax && kb(d) <= i1)
        return { i1, i2, minimalLow: true, minimalHigh: true };
    }

    if (bmin > dmin) setB(--bmin - 1, LINE_MAX);
    else ++bmin;
    if (bmax < dmax) setB(++bmax + 1, LINE_MAX);
    else --bmax;
    for (let d = bmax; d >= bmin; d -= 2) {
      let i1 = kb(d - 1) < kb(d + 1) ? kb(d - 1) : kb(d + 1) - 1;
      const prev1 = i1;
      let i2 = i1 - d;
      while (i1 > off1 && i2 > off2 && a[i1 - 1] === b[i2 - 1]) {
        i1--;
        i2--;
      }
      env.budget.steps -= prev1 - i1;
      if (prev1 - i1 > SNAKE_COUNT) gotSnake = true;
      setB(d, i1);
      if (!odd && fmin <= d && d <= fmax && i1 <= kf(d))
        return { i1, i2, minimalLow: true, minimalHigh: true };
    }

    if (env.needMinimal) continue;

    // Costly: a diagonal far along that ends a long enough snake is a good enough split.
    if (gotSnake && ec > HEURISTIC_MIN_COST) {
      let best = 0;
      let split: Split | null = null;
      for (let d = fmax; d >= fmin; d -= 2) {
        const dd = d > fmid ? d - fmid : fmid - d;
        const i1 = kf(d);
        const i2 = i1 - d;
        const v = i1 - off1 + (i2 - off2) - dd;
        if (
          v > HEURISTIC_FACTOR * ec &&
          v > best &&
          off1 + SNAKE_COUNT <= i1 &&
          i1 < lim1 &&
          off2 + SNAKE_COUNT <= i2 &&
          i2 < lim2
        ) {
          for (let k = 1; a[i1 - k] === b[i2 - k]; k++) {
            if (k === SNAKE_COUNT) {
              best = v;
              split = { i1, i2, minimalLow: true, minimalHigh: false };
              break;
            }
          }
        }
      }
      if (split) return split;
      best = 0;
      for (let d = bmax; d >= bmin; d -= 2) {
        const dd = d > bmid ? d - bmid : bmid - d;
        const i1 = kb(d);
        const i2 = i1 - d;
        const v = lim1 - i1 + (lim2 - i2) - dd;
        if (
          v > HEURISTIC_FACTOR * ec &&
          v > best &&
          off1 < i1 &&
          i1 <= lim1 - SNAKE_COUNT &&
          off2 < i2 &&
          i2 <= lim2 - SNAKE_COUNT
        ) {
          for (let k = 0; a[i1 + k] === b[i2 + k]; k++) {
            if (k === SNAKE_COUNT - 1) {
              best = v;
              split = { i1, i2, minimalLow: false, minimalHigh: true };
              break;
            }
          }
        }
      }
      if (split) return split;
    }

    // Enough: the furthest-reaching path of either search.
    if (ec >= env.maxCost) {
      let fbest = -1;
      let fbest1 = -1;
      for (let d = fmax; d >= fmin; d -= 2) {
        let i1 = Math.min(kf(d), lim1);
        let i2 = i1 - d;
        if (lim2 < i2) {
          i1 = lim2 + d;
          i2 = lim2;
        }
        if (fbest < i1 + i2) {
          fbest = i1 + i2;
          fbest1 = i1;
        }
      }
      let bbest = LINE_MAX;
      let bbest1 = LINE_MAX;
      for (let d = bmax; d >= bmin; d -= 2) {
        let i1 = Math.max(off1, kb(d));
        let i2 = i1 - d;
        if (i2 < off2) {
          i1 = off2 + d;
          i2 = off2;
        }
        if (i1 + i2 < bbest) {
          bbest = i1 + i2;
          bbest1 = i1;
        }
      }
      if (lim1 + lim2 - bbest < fbest - (off1 + off2)) {
        return { i1: fbest1, i2: fbest - fbest1, minimalLow: true, minimalHigh: false };
      }
      return { i1: bbest1, i2: bbest - bbest1, minimalLow: false, minimalHigh: true };
    }
  }
}
