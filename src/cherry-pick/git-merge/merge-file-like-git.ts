import { markersNeedCr } from "./conflict-markers.js";
import { type MergeHunk, mergeHunks } from "./merge-hunks.js";
import { LineTable, splitLines } from "./text-lines.js";

export interface GitFileMergeInput {
  /** The three versions as one character per byte (latin1), so that any encoding merges byte for byte. */
  base: string;
  ours: string;
  theirs: string;
  /** After `<<<<<<< `: git writes `HEAD`; the bot writes the target branch's name. */
  oursLabel: string;
  /** After `>>>>>>> `: for a cherry-pick, `<abbreviated sha> (<subject>)`. */
  theirsLabel: string;
  /** git's default, changed only by the `conflict-marker-size` attribute. */
  markerSize?: number;
  /** Steps the diffs may take before the file is reported as not reproduced (default: MERGE_WORK_LIMIT). */
  workLimit?: number;
}

export type GitFileMergeResult =
  /** `text` is byte for byte what `git cherry-pick` leaves in the work tree; `conflicts` blocks (0: clean). */
  | { reproduced: true; text: string; conflicts: number }
  /**
   * git's diff for this file would cost more than the work limit: neither git's verdict nor its blocks are
   * known, and no guess may pass for them.
   */
  | { reproduced: false; why: string };

/**
 * The content merge of `git cherry-pick` (merge-ort) in git 2.39: xdiff's three-way merge at level ZEALOUS,
 * style "merge" (no base section), histogram diffs (the classic Myers diff for regions of very frequent lines,
 * as git does) with change compaction, markers of seven characters ending like the lines around them. Pure: the
 * tree level calls it per file that both sides changed.
 */
export function mergeFileLikeGit(input: GitFileMergeInput): GitFileMergeResult {
  const { base, ours, theirs } = input;
  const table = new LineTable();
  const baseLines = splitLines(base);
  const oursLines = splitLines(ours);
  const theirsLines = splitLines(theirs);
  const b = table.intern(baseLines);
  const o = table.intern(oursLines);
  const t = table.intern(theirsLines);

  const hunks = mergeHunks(b, o, t, input.workLimit);
  if (hunks === null) {
    return {
      reproduced: false,
      why: "the file is too large and changed too much for the bot to work out git's conflict blocks in time",
    };
  }
  return { reproduced: true, ...render(hunks, { ...input, baseLines, oursLines, theirsLines }) };
}

/**
 * The merged text (`xdl_fill_merge_buffer`): the target's lines, with each hunk's lines in place. A conflict
 * block is `<<<<<<< label`, the target's lines, `=======`, the picked commit's lines, `>>>>>>> label`; a side
 * whose last line lacks a newline gets one inside the block. When the target did not change the file at all,
 * git takes the picked version whole (and the reverse).
 */
function render(
  hunks: MergeHunk[],
  input: GitFileMergeInput & { baseLines: string[]; oursLines: string[]; theirsLines: string[] },
): { text: string; conflicts: number } {
  const { oursLines, theirsLines, baseLines } = input;
  const size = input.markerSize ?? 7;
  const label = (text: string) => ` ${text.replace(/[\r\n]+/g, " ")}`;
  const out: string[] = [];
  let conflicts = 0;
  let position = 0;
  for (const hunk of hunks) {
    if (hunk.kind === "identical") continue;
    out.push(...oursLines.slice(position, hunk.ours0));
    const oursPart = oursLines.slice(hunk.ours0, hunk.ours0 + hunk.oursCount);
    const theirsPart = theirsLines.slice(hunk.theirs0, hunk.theirs0 + hunk.theirsCount);
    if (hunk.kind === "ours") out.push(...oursPart);
    else if (hunk.kind === "theirs") out.push(...theirsPart);
    else {
      conflicts++;
      const eol = markersNeedCr(oursLines, hunk.ours0, theirsLines, hunk.theirs0, baseLines) ? "\r\n" : "\n";
      const terminated = (lines: string[]) => {
        const last = lines[lines.length - 1];
        return last === undefined || last.endsWith("\n") ? lines : [...lines.slice(0, -1), last + eol];
      };
      out.push(
        `${"<".repeat(size)}${label(input.oursLabel)}${eol}`,
        ...terminated(oursPart),
        `${"=".repeat(size)}${eol}`,
        ...terminated(theirsPart),
        `${">".repeat(size)}${label(input.theirsLabel)}${eol}`,
      );
    }
    position = hunk.ours0 + hunk.oursCount;
  }
  out.push(...oursLines.slice(position));
  return { text: out.join(""), conflicts };
}
