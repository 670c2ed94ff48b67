import { diffComm } from "node-diff3";
import { type Change, equalPairs, MAX_LCS_PAIRS, robustChanges } from "./stable-matching.js";
import { LineTable, splitLines } from "./text-lines.js";

export interface MergeFileInput {
  base: string;
  ours: string;
  theirs: string;
  /** Goes after `<<<<<<<`: the branch being merged into, e.g. `develop`. */
  oursLabel: string;
  /** Goes after `>>>>>>>`: the picked commit, e.g. `1a2b3c4 (Fix the login loop)`. */
  theirsLabel: string;
}

export type MergeFileResult =
  | { clean: true; text: string }
  | { clean: false; text: string; conflicts: number };

/**
 * A line-based three-way merge that is never more permissive than git's: `clean: true` only where every
 * plausible diff of both sides leads to git's clean result, so the text is then the one git would write.
 * `clean: false` means "git may or may not conflict here": the text carries git-style conflict markers for the
 * regions in doubt, and the caller must let git decide (the server-side merge) before calling it a conflict.
 *
 * Like git, a change on one side touching or adjacent to a change on the other side conflicts unless both sides
 * wrote the same lines there.
 */
export function mergeFile(input: MergeFileInput): MergeFileResult {
  const { base, ours, theirs } = input;
  if (ours === theirs || base === theirs) return { clean: true, text: ours };
  if (base === ours) return { clean: true, text: theirs };

  const table = new LineTable();
  const b = table.intern(splitLines(base));
  const o = table.intern(splitLines(ours));
  const t = table.intern(splitLines(theirs));
  const oursChanges = robustChanges(b, o);
  const theirsChanges = robustChanges(b, t);

  const eol = detectEol(splitLines(ours));
  const text = (ids: number[]) => ids.map((id) => table.lines[id] as string);
  const out: string[] = [];
  let conflicts = 0;
  let position = 0;
  for (const cluster of clusters(oursChanges, theirsChanges)) {
    out.push(...text(b.slice(position, cluster.a0)));
    position = cluster.a1;
    const oursPart = o.slice(...cluster.ours);
    const theirsPart = t.slice(...cluster.theirs);
    if (!cluster.touchedByTheirs || sameLines(oursPart, theirsPart)) {
      out.push(...text(oursPart));
    } else if (!cluster.touchedByOurs) {
      out.push(...text(theirsPart));
    } else {
      conflicts += renderConflict(text(oursPart), text(theirsPart), eol, input, out);
    }
  }
  out.push(...text(b.slice(position)));
  const merged = out.join("");
  return conflicts === 0 ? { clean: true, text: merged } : { clean: false, text: merged, conflicts };
}

interface Cluster {
  a0: number;
  a1: number;
  ours: [number, number];
  theirs: [number, number];
  touchedByOurs: boolean;
  touchedByTheirs: boolean;
}

/**
 * Groups the changes of both sides into regions of the base that are separated from each other by at least one
 * line neither side changed (git conflicts on adjacent changes too), with each side's lines for the region.
 */
function clusters(oursChanges: Change[], theirsChanges: Change[]): Cluster[] {
  const tagged = [
    ...oursChanges.map((change) => ({ change, ours: true })),
    ...theirsChanges.map((change) => ({ change, ours: false })),
  ].sort((x, y) => x.change.a0 - y.change.a0 || x.change.a1 - y.change.a1);

  const result: Cluster[] = [];
  // Offsets from base line numbers to each side's line numbers before the current position.
  let oursShift = 0;
  let theirsShift = 0;
  let current: (Cluster & { oursShiftEnd: number; theirsShiftEnd: number }) | undefined;
  const finish = () => {
    if (!current) return;
    current.ours = [current.a0 + oursShift, current.a1 + current.oursShiftEnd];
    current.theirs = [current.a0 + theirsShift, current.a1 + current.theirsShiftEnd];
    oursShift = current.oursShiftEnd;
    theirsShift = current.theirsShiftEnd;
    result.push(current);
    current = undefined;
  };
  for (const { change, ours } of tagged) {
    if (current && change.a0 > current.a1) finish();
    if (!current) {
      current = {
        a0: change.a0,
        a1: change.a1,
        ours: [0, 0],
        theirs: [0, 0],
        touchedByOurs: false,
        touchedByTheirs: false,
        oursShiftEnd: oursShift,
        theirsShiftEnd: theirsShift,
      };
    }
    current.a1 = Math.max(current.a1, change.a1);
    const growth = change.b1 - change.b0 - (change.a1 - change.a0);
    if (ours) {
      current.touchedByOurs = true;
      current.oursShiftEnd += growth;
    } else {
      current.touchedByTheirs = true;
      current.theirsShiftEnd += growth;
    }
  }
  finish();
  return result;
}

function sameLines(x: number[], y: number[]): boolean {
  return x.length === y.length && x.every((id, k) => id === y[k]);
}

/** Conflict markers end their lines like the file does. */
function detectEol(lines: string[]): string {
  const first = lines.find((line) => line.endsWith("\n"));
  return first?.endsWith("\r\n") ? "\r\n" : "\n";
}

/**
 * Writes one region both sides changed differently. Lines both sides agree on stay outside the markers, like
 * git's "zealous" merge, so each conflict block shows only what really differs. Returns the number of blocks.
 */
function renderConflict(
  oursLines: string[],
  theirsLines: string[],
  eol: string,
  labels: Pick<MergeFileInput, "oursLabel" | "theirsLabel">,
  out: string[],
): number {
  const terminated = (lines: string[]) =>
    lines.map((line, k) => (k === lines.length - 1 && !line.endsWith("\n") ? line + eol : line));
  const oneLine = (label: string) => label.replace(/[\r\n]+/g, " ");
  let blocks = 0;
  // Common lines at both ends stay outside; the middle is refined only while that stays cheap.
  let head = 0;
  while (head < oursLines.length && head < theirsLines.length && oursLines[head] === theirsLines[head])
    head++;
  let tail = 0;
  while (
    tail < oursLines.length - head &&
    tail < theirsLines.length - head &&
    oursLines[oursLines.length - 1 - tail] === theirsLines[theirsLines.length - 1 - tail]
  ) {
    tail++;
  }
  const oursMiddle = oursLines.slice(head, oursLines.length - tail);
  const theirsMiddle = theirsLines.slice(head, theirsLines.length - tail);
  const table = new LineTable();
  const cheap =
    equalPairs(table.intern(oursMiddle), table.intern(theirsMiddle), {
      a0: 0,
      a1: oursMiddle.length,
      b0: 0,
      b1: theirsMiddle.length,
    }) <= MAX_LCS_PAIRS;
  const parts = cheap ? diffComm(oursMiddle, theirsMiddle) : [{ buffer1: oursMiddle, buffer2: theirsMiddle }];
  out.push(...oursLines.slice(0, head));
  for (const part of parts) {
    if (part.common) {
      out.push(...part.common);
      continue;
    }
    blocks++;
    out.push(
      `<<<<<<< ${oneLine(labels.oursLabel)}${eol}`,
      ...terminated(part.buffer1),
      `=======${eol}`,
      ...terminated(part.buffer2),
      `>>>>>>> ${oneLine(labels.theirsLabel)}${eol}`,
    );
  }
  out.push(...oursLines.slice(oursLines.length - tail));
  return blocks;
}
