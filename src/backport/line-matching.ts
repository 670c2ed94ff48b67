import { diffIndices } from "node-diff3";

/**
 * A matching of the lines of `a` with the lines of `b`: `m[i]` is the index in `b` of the line matched with
 * `a[i]`, or -1 when `a[i]` is deleted. Matched indices increase, so a matching is a common subsequence.
 */
export type Matching = Int32Array;

/** Lines that occur more often than this in a region are not used as anchors (git's histogram has a cap too). */
const MAX_ANCHOR_OCCURRENCES = 64;

/** Matches the common prefix and suffix, which every diff algorithm git offers does first. */
export function trimmedMatching(
  a: readonly number[],
  b: readonly number[],
): { m: Matching; lo: number; aHi: number; bHi: number } {
  const m = new Int32Array(a.length).fill(-1);
  let lo = 0;
  while (lo < a.length && lo < b.length && a[lo] === b[lo]) {
    m[lo] = lo;
    lo++;
  }
  let aHi = a.length;
  let bHi = b.length;
  while (aHi > lo && bHi > lo && a[aHi - 1] === b[bHi - 1]) {
    aHi--;
    bHi--;
    m[aHi] = bHi;
  }
  return { m, lo, aHi, bHi };
}

/** A longest common subsequence of a region (Hunt–McIlroy, from node-diff3), optionally searched backwards. */
export function lcsRegion(
  a: readonly number[],
  b: readonly number[],
  m: Matching,
  region: Region,
  backwards: boolean,
): void {
  const { a0, a1, b0, b1 } = region;
  if (a0 >= a1 || b0 >= b1) return;
  let sa = a.slice(a0, a1);
  let sb = b.slice(b0, b1);
  if (backwards) {
    sa = sa.reverse();
    sb = sb.reverse();
  }
  // Lines between the changed chunks are matched one to one.
  let i = 0;
  let j = 0;
  const matchUpTo = (iEnd: number) => {
    while (i < iEnd) {
      const ai = backwards ? a1 - 1 - i : a0 + i;
      const bj = backwards ? b1 - 1 - j : b0 + j;
      m[ai] = bj;
      i++;
      j++;
    }
  };
  for (const chunk of diffIndices(sa, sb)) {
    matchUpTo(chunk.buffer1[0]);
    i += chunk.buffer1[1];
    j += chunk.buffer2[1];
  }
  matchUpTo(sa.length);
}

export interface Region {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/**
 * Steps of the histogram search (lines scanned and compared) before it gives up: the search is quadratic in the
 * number of anchors, like git's, and a huge file changed all over is better merged by git than here.
 */
const HISTOGRAM_BUDGET = 50_000_000;

/**
 * A histogram diff of a region: anchor on a run of equal lines that is rare in `a` (a run is as rare as its
 * rarest line), taking a longer or a rarer run as the scan goes down `b`, then recurse on both sides of the
 * anchor. There is no prefix/suffix trimming: git runs its histogram diff on whole files. Returns false where a
 * region had common lines but all of them too frequent to anchor on (git then falls back to another algorithm),
 * or when the work budget ran out: the matching is then not to be trusted.
 */
export function histogramRegion(
  a: readonly number[],
  b: readonly number[],
  m: Matching,
  region: Region,
): boolean {
  let maxId = -1;
  for (const id of a) if (id > maxId) maxId = id;
  // Occurrences of each line of the current region of `a`: a count and a chain first -> next -> ... -> -1.
  const first = new Int32Array(maxId + 1).fill(-1);
  const count = new Int32Array(maxId + 1);
  const next = new Int32Array(a.length).fill(-1);
  const occurrences = (id: number) => (id <= maxId ? (count[id] as number) : 0);
  let work = 0;

  const stack: Region[] = [region];
  for (let r = stack.pop(); r !== undefined; r = stack.pop()) {
    const { a0, a1, b0, b1 } = r;
    if (a0 >= a1 || b0 >= b1) continue;
    for (let i = a1 - 1; i >= a0; i--) {
      const id = a[i] as number;
      next[i] = first[id] as number;
      first[id] = i;
      count[id] = (count[id] as number) + 1;
    }
    let best = { ai: 0, bj: 0, len: 0, count: MAX_ANCHOR_OCCURRENCES + 1 };
    let common = false;
    for (let j = b0; j < b1; ) {
      let after = j + 1;
      const id = b[j] as number;
      const seen = occurrences(id);
      if (seen > 0) common = true;
      if (seen > 0 && seen <= best.count) {
        let runEnd = -1;
        for (let i = first[id] as number; i >= 0; i = next[i] as number) {
          if (i < runEnd) continue; // inside the run found from an earlier occurrence
          let start = 0;
          while (i - start > a0 && j - start > b0 && a[i - start - 1] === b[j - start - 1]) start++;
          let len = start + 1;
          while (i - start + len < a1 && j - start + len < b1 && a[i - start + len] === b[j - start + len])
            len++;
          let rarest = seen;
          for (let t = i - start; t < i - start + len; t++)
            rarest = Math.min(rarest, occurrences(a[t] as number));
          work += 2 * len;
          after = Math.max(after, j - start + len);
          runEnd = i - start + len;
          if (len > best.len || rarest < best.count)
            best = { ai: i - start, bj: j - start, len, count: rarest };
        }
      }
      j = after;
    }
    for (let i = a0; i < a1; i++) {
      first[a[i] as number] = -1;
      count[a[i] as number] = 0;
    }
    work += a1 - a0 + (b1 - b0);
    if (work > HISTOGRAM_BUDGET) return false;
    if (best.len === 0) {
      if (common) return false;
      continue;
    }
    for (let t = 0; t < best.len; t++) m[best.ai + t] = best.bj + t;
    stack.push({ a0, a1: best.ai, b0, b1: best.bj });
    stack.push({ a0: best.ai + best.len, a1, b0: best.bj + best.len, b1 });
  }
  return true;
}

/** The matching seen from `b`: `inverse[j]` is the line of `a` matched with `b[j]`, or -1. */
export function invert(m: Matching, bLength: number): Int32Array {
  const inverse = new Int32Array(bLength).fill(-1);
  m.forEach((j, i) => {
    if (j >= 0) inverse[j] = i;
  });
  return inverse;
}

/**
 * Slides every run of unmatched lines, on both sides, as far as it goes in one direction. A run can slide over
 * a matched line equal to its own line at the far end; diff tools are free to place such runs anywhere in that
 * range (git's compaction moves them), so both extremes are plausible matchings.
 */
export function slideAll(a: readonly number[], b: readonly number[], m: Matching, down: boolean): Matching {
  const out = Int32Array.from(m);
  const inverse = invert(out, b.length);
  let moved = true;
  while (moved) {
    moved = slideSide(a, out, inverse, down) || slideSide(b, inverse, out, down);
  }
  return out;
}

/** Slides the unmatched runs of `lines` (matched through `m`, whose inverse is `back`); true if any moved. */
function slideSide(lines: readonly number[], m: Int32Array, back: Int32Array, down: boolean): boolean {
  let moved = false;
  const n = lines.length;
  if (down) {
    for (let s = 0; s < n; s++) {
      if (m[s] !== -1) continue;
      let e = s;
      while (e < n && m[e] === -1) e++;
      // Run [s, e): move it down while the matched line after it equals its first line.
      while (e < n && (m[e] as number) >= 0 && lines[s] === lines[e]) {
        const partner = m[e] as number;
        m[s] = partner;
        back[partner] = s;
        m[e] = -1;
        s++;
        e++;
        while (e < n && m[e] === -1) e++;
        moved = true;
      }
      s = e;
    }
  } else {
    for (let e = n; e > 0; e--) {
      if (m[e - 1] !== -1) continue;
      let s = e - 1;
      while (s > 0 && m[s - 1] === -1) s--;
      // Run [s, e): move it up while the matched line before it equals its last line.
      while (s > 0 && (m[s - 1] as number) >= 0 && lines[s - 1] === lines[e - 1]) {
        const partner = m[s - 1] as number;
        m[e - 1] = partner;
        back[partner] = e - 1;
        m[s - 1] = -1;
        s--;
        e--;
        while (s > 0 && m[s - 1] === -1) s--;
        moved = true;
      }
      e = s;
    }
  }
  return moved;
}
