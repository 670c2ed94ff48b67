/** Changed-line marks with a zero on either side, as xdiff keeps them (`rchg`): index `i + 1` is line `i`. */
export type ChangeMarks = Uint8Array;

export function emptyMarks(lines: number): ChangeMarks {
  return new Uint8Array(lines + 2);
}

/**
 * Steps the diffs of one file merge may still take (lines scanned and compared, diagonals searched). git has no
 * such limit; a merge that runs out is reported as not reproduced rather than keep a backport waiting.
 */
export interface WorkBudget {
  steps: number;
}

/** About a second of work on one core: far more than any hand-written change needs. */
export const MERGE_WORK_LIMIT = 50_000_000;
