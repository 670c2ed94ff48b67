import { MERGE_WORK_LIMIT, type WorkBudget } from "./change-marks.js";
import { type DiffHunk, diffLikeGit } from "./edit-script.js";

/**
 * What the merged file does at one place (`xdmerge_t`): take the target's lines, the picked commit's lines, or
 * show both in a conflict block. Positions are in the target's lines (`ours`) and the picked commit's
 * (`theirs`); `identical` marks a conflict whose two sides turned out equal (nothing to show).
 */
export interface MergeHunk {
  kind: "ours" | "theirs" | "conflict" | "identical";
  ours0: number;
  oursCount: number;
  theirs0: number;
  theirsCount: number;
}

/** Conflicts at most this many lines apart become one (xdl_simplify_non_conflicts at the ZEALOUS level). */
export const JOIN_CONFLICTS_WITHIN_LINES = 3;

/**
 * The hunks of git's three-way merge (`xdl_do_merge` at level XDL_MERGE_ZEALOUS, style "merge"), from the lines
 * of the three files. Null when the diffs together cost more than `workLimit` steps. An empty list means nothing
 * to do beyond the target's own lines; `xdl_merge` takes one side whole when the other did not change.
 */
export function mergeHunks(
  base: readonly number[],
  ours: readonly number[],
  theirs: readonly number[],
  workLimit = MERGE_WORK_LIMIT,
): MergeHunk[] | null {
  // One budget for every diff of the merge, refinements included.
  const budget: WorkBudget = { steps: workLimit };
  const oursDiff = diffLikeGit(base, ours, budget);
  const theirsDiff = diffLikeGit(base, theirs, budget);
  if (!oursDiff || !theirsDiff) return null;
  const hunks = pairChanges(oursDiff, theirsDiff, ours, theirs, {
    oursGrowth: ours.length - base.length,
    theirsGrowth: theirs.length - base.length,
  });
  const refined = refineConflicts(hunks, ours, theirs, budget);
  return refined && joinCloseConflicts(refined);
}

/**
 * Walks both diffs of the base in order. A change of one side that ends before the other side's next change
 * begins (strictly: touching changes collide) is taken from that side; overlapping or touching changes form a
 * conflict spanning both, unless they are the same change. Consecutive hunks that touch or overlap on either
 * side are joined (a join of different kinds is a conflict).
 */
function pairChanges(
  oursDiff: DiffHunk[],
  theirsDiff: DiffHunk[],
  ours: readonly number[],
  theirs: readonly number[],
  growth: { oursGrowth: number; theirsGrowth: number },
): MergeHunk[] {
  const hunks: MergeHunk[] = [];
  const append = (
    kind: MergeHunk["kind"],
    ours0: number,
    oursCount: number,
    theirs0: number,
    theirsCount: number,
  ) => {
    const last = hunks[hunks.length - 1];
    if (last && (ours0 <= last.ours0 + last.oursCount || theirs0 <= last.theirs0 + last.theirsCount)) {
      if (kind !== last.kind) last.kind = "conflict";
      last.oursCount = ours0 + oursCount - last.ours0;
      last.theirsCount = theirs0 + theirsCount - last.theirs0;
    } else {
      hunks.push({ kind, ours0, oursCount, theirs0, theirsCount });
    }
  };
  let x = 0;
  let y = 0;
  while (x < oursDiff.length && y < theirsDiff.length) {
    const o = oursDiff[x] as DiffHunk;
    const t = theirsDiff[y] as DiffHunk;
    if (o.a0 + o.aCount < t.a0) {
      // Only the target changed here; the picked commit's lines are the base's, shifted by its earlier changes.
      append("ours", o.b0, o.bCount, t.b0 - t.a0 + o.a0, o.aCount);
      x++;
      continue;
    }
    if (t.a0 + t.aCount < o.a0) {
      append("theirs", o.b0 - o.a0 + t.a0, t.aCount, t.b0, t.bCount);
      y++;
      continue;
    }
    const sameChange =
      o.a0 === t.a0 &&
      o.aCount === t.aCount &&
      o.bCount === t.bCount &&
      sameLines(ours, o.b0, theirs, t.b0, o.bCount);
    if (!sameChange) {
      // Widen each side's range to cover the base lines either change touched.
      const off = o.a0 - t.a0;
      const ffo = off + o.aCount - t.aCount;
      let ours0 = o.b0;
      let theirs0 = t.b0;
      if (off > 0) ours0 -= off;
      else theirs0 += off;
      let oursCount = o.b0 + o.bCount - ours0;
      let theirsCount = t.b0 + t.bCount - theirs0;
      if (ffo < 0) oursCount -= ffo;
      else theirsCount += ffo;
      append("conflict", ours0, oursCount, theirs0, theirsCount);
    }
    const oursEnd = o.a0 + o.aCount;
    const theirsEnd = t.a0 + t.aCount;
    if (oursEnd >= theirsEnd) y++;
    if (theirsEnd >= oursEnd) x++;
  }
  for (; x < oursDiff.length; x++) {
    const o = oursDiff[x] as DiffHunk;
    append("ours", o.b0, o.bCount, o.a0 + growth.theirsGrowth, o.aCount);
  }
  for (; y < theirsDiff.length; y++) {
    const t = theirsDiff[y] as DiffHunk;
    append("theirs", t.a0 + growth.oursGrowth, t.aCount, t.b0, t.bCount);
  }
  return hunks;
}

function sameLines(
  x: readonly number[],
  x0: number,
  y: readonly number[],
  y0: number,
  count: number,
): boolean {
  for (let k = 0; k < count; k++) if (x[x0 + k] !== y[y0 + k]) return false;
  return true;
}

/**
 * Narrows each conflict to what really differs (`xdl_refine_conflicts`): the two sides' lines are diffed like
 * files, and each hunk of that diff becomes a conflict of its own; lines both sides share drop out of the
 * markers. A conflict with one empty side stays as it is. Null when the diffs cost too much.
 */
function refineConflicts(
  hunks: MergeHunk[],
  ours: readonly number[],
  theirs: readonly number[],
  budget: WorkBudget,
): MergeHunk[] | null {
  const refined: MergeHunk[] = [];
  for (const hunk of hunks) {
    if (hunk.kind !== "conflict" || hunk.oursCount === 0 || hunk.theirsCount === 0) {
      refined.push(hunk);
      continue;
    }
    const diff = diffLikeGit(
      ours.slice(hunk.ours0, hunk.ours0 + hunk.oursCount),
      theirs.slice(hunk.theirs0, hunk.theirs0 + hunk.theirsCount),
      budget,
    );
    if (!diff) return null;
    if (diff.length === 0) {
      refined.push({ ...hunk, kind: "identical" });
      continue;
    }
    for (const d of diff) {
      refined.push({
        kind: "conflict",
        ours0: hunk.ours0 + d.a0,
        oursCount: d.aCount,
        theirs0: hunk.theirs0 + d.b0,
        theirsCount: d.bCount,
      });
    }
  }
  return refined;
}

/** Two conflicts separated by at most three of the target's lines become one block showing those lines twice. */
function joinCloseConflicts(hunks: MergeHunk[]): MergeHunk[] {
  const joined: MergeHunk[] = [];
  for (const hunk of hunks) {
    const last = joined[joined.length - 1];
    if (
      last &&
      last.kind === "conflict" &&
      hunk.kind === "conflict" &&
      hunk.ours0 - (last.ours0 + last.oursCount) <= JOIN_CONFLICTS_WITHIN_LINES
    ) {
      last.oursCount = hunk.ours0 + hunk.oursCount - last.ours0;
      last.theirsCount = hunk.theirs0 + hunk.theirsCount - last.theirs0;
      continue;
    }
    joined.push(hunk);
  }
  return joined;
}
