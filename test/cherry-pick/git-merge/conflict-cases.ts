/**
 * Synthetic file histories for git's content merge: a base text and two edited versions (the target branch and
 * the picked commit), drawn from a seeded generator so that every case can be rebuilt from its seed.
 *
 * The classes aim at where drafts go wrong: conflict blocks a few lines apart (git joins those within three
 * lines), repeated lines (braces, blank lines, a tiny alphabet, where diffs can slide), insertions at the top
 * and bottom, files without a final newline, CRLF files, overlapping edits of both sides, and one side deleting
 * a region the other edits.
 */

export interface ConflictCase {
  /** The generator class, for the report. */
  kind: CaseKind;
  base: string;
  ours: string;
  theirs: string;
}

export const CASE_KINDS = [
  "adjacent-blocks",
  "repeated-lines",
  "start-and-end",
  "overlapping-edits",
  "delete-versus-edit",
  "tiny-alphabet",
  "sliding-blocks",
  "frequent-lines",
  "long-repeated",
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** mulberry32: a small, fast, seeded PRNG; the same seed gives the same cases on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Lines as code has them: mostly distinct statements, with braces and blank lines that repeat. */
function codeLine(random: Random, tag: string): string {
  const roll = random();
  if (roll < 0.12) return "}";
  if (roll < 0.22) return "";
  if (roll < 0.27) return "  return;";
  return `  const ${tag}${int(random, 0, 999)} = f(${int(random, 0, 9)});`;
}

/** Blocks that repeat line for line, so that an inserted or deleted block can sit at several places. */
const BLOCK = ["if (ready) {", "  go();", "}", ""];

function vocabulary(random: Random, kind: CaseKind): (tag: string) => string {
  if (kind === "tiny-alphabet") return () => pick(random, ["x", "y", "z", "w"]);
  if (kind === "frequent-lines") {
    // Lines occurring more than 64 times: git's histogram diff hands such regions to its Myers diff.
    return (tag) => (random() < 0.99 ? pick(random, ["", "}"]) : codeLine(random, tag));
  }
  if (kind === "sliding-blocks") {
    let k = int(random, 0, BLOCK.length - 1);
    return (tag) => (random() < 0.1 ? codeLine(random, tag) : (BLOCK[k++ % BLOCK.length] as string));
  }
  if (kind === "repeated-lines")
    return (tag) => (random() < 0.5 ? pick(random, ["}", "", "}", "  end", "{"]) : codeLine(random, tag));
  return (tag) => codeLine(random, tag);
}

/** One side's edits: replace, delete or insert runs of lines near the given spots. */
function editLines(
  random: Random,
  base: string[],
  spots: number[],
  line: (tag: string) => string,
  tag: string,
  kind: CaseKind,
  deletesRegion: boolean,
): string[] {
  const out = [...base];
  // Apply from the bottom so that earlier spots keep their meaning.
  const sorted = [...spots].sort((x, y) => y - x);
  for (const spot of sorted) {
    const at = Math.max(
      0,
      Math.min(out.length, spot + int(random, -1, 1) * (kind === "overlapping-edits" ? 1 : 0)),
    );
    const op = deletesRegion ? "delete" : pick(random, ["replace", "replace", "insert", "delete"] as const);
    const sliding = kind === "sliding-blocks";
    const span = deletesRegion ? int(random, 2, 6) : sliding ? int(random, 1, 4) : int(random, 1, 3);
    const fresh = Array.from({ length: int(random, op === "delete" ? 0 : 1, sliding ? 5 : 3) }, () =>
      line(tag),
    );
    if (op === "insert") out.splice(at, 0, ...fresh);
    else if (op === "delete") out.splice(at, span);
    else out.splice(at, span, ...fresh);
  }
  return out;
}

/**
 * Thousands of lines, nearly all blank or `}`, each side changing lines all over: git's classic diff runs with
 * its cut-offs for costly searches here.
 */
function longRepeated(random: Random): ConflictCase {
  const line = () => (random() < 0.995 ? pick(random, ["", "}"]) : `  unique(${int(random, 0, 1e6)});`);
  const base = Array.from({ length: int(random, 500, 3000) }, line);
  const rate = random() * 0.3;
  const mutate = () =>
    base.flatMap((l) => {
      const roll = random();
      if (roll < rate) return [];
      if (roll < 2 * rate) return [line(), l];
      if (roll < 3 * rate) return [`  changed(${int(random, 0, 1e6)});`];
      return [l];
    });
  const text = (lines: string[]) => lines.map((l) => `${l}\n`).join("");
  return { kind: "long-repeated", base: text(base), ours: text(mutate()), theirs: text(mutate()) };
}

export function generateCase(random: Random, kind: CaseKind): ConflictCase {
  if (kind === "long-repeated") return longRepeated(random);
  const line = vocabulary(random, kind);
  const length =
    kind === "tiny-alphabet"
      ? int(random, 0, 9)
      : int(random, 0, kind === "sliding-blocks" ? 40 : kind === "frequent-lines" ? 200 : 24);
  const base = Array.from({ length }, () => line("b"));
  const edge = () => (random() < 0.5 ? 0 : base.length);
  let oursSpots: number[];
  let theirsSpots: number[];
  switch (kind) {
    case "adjacent-blocks": {
      // Two places both sides change, 1-5 lines apart: git joins blocks within three lines.
      const first = int(random, 0, Math.max(0, length - 2));
      const second = first + int(random, 2, 6);
      oursSpots = [first, second];
      theirsSpots = [first, second];
      break;
    }
    case "start-and-end":
      oursSpots = [edge(), ...(random() < 0.5 ? [edge()] : [])];
      theirsSpots = [edge(), ...(random() < 0.5 ? [int(random, 0, length)] : [])];
      break;
    default: {
      const shared = int(random, 0, length);
      oursSpots = [shared, ...(random() < 0.4 ? [int(random, 0, length)] : [])];
      theirsSpots = [shared + int(random, -2, 2), ...(random() < 0.4 ? [int(random, 0, length)] : [])];
    }
  }
  const deletes = kind === "delete-versus-edit";
  const oursDeletes = deletes && random() < 0.5;
  const ours = editLines(random, base, oursSpots, line, "o", kind, oursDeletes);
  const theirs = editLines(random, base, theirsSpots, line, "t", kind, deletes && !oursDeletes);

  // Line endings: mostly LF; some files CRLF throughout, some with a mix; some without a final newline.
  const ending = random();
  const eol = (k: number) => (ending < 0.15 ? "\r\n" : ending < 0.2 ? (k % 3 === 0 ? "\r\n" : "\n") : "\n");
  const text = (lines: string[]) => {
    const joined = lines.map((l, k) => l + eol(k)).join("");
    return random() < 0.15 ? joined.replace(/\r?\n$/, "") : joined;
  };
  return { kind, base: text(base), ours: text(ours), theirs: text(theirs) };
}

/** `count` cases from `seed`, cycling through the classes. */
export function generateCases(seed: number, count: number): ConflictCase[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, k) =>
    generateCase(random, CASE_KINDS[k % CASE_KINDS.length] as CaseKind),
  );
}
