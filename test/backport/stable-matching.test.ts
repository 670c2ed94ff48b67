import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { histogramRegion, type Matching, slideAll } from "../../src/backport/line-matching.js";
import { robustChanges } from "../../src/backport/stable-matching.js";
import { LineTable, splitLines } from "../../src/backport/text-lines.js";
import { GitRepo } from "./git-repo.js";

const ids = (...texts: string[]) => {
  const table = new LineTable();
  return texts.map((t) => table.intern(splitLines(t)));
};

describe("robustChanges", () => {
  test("a deletion that could sit anywhere in a run of equal lines covers the whole run", () => {
    const [a = [], b = []] = ids("k\nx\nx\nx\nl\n", "k\nx\nx\nl\n");
    expect(robustChanges(a, b)).toEqual([{ a0: 1, a1: 4, b0: 1, b1: 3 }]);
  });

  test("unambiguous changes stay as narrow as the diff", () => {
    const [a = [], b = []] = ids("a\nb\nc\nd\ne\n", "a\nB\nc\nd\ne\nf\n");
    expect(robustChanges(a, b)).toEqual([
      { a0: 1, a1: 2, b0: 1, b1: 2 },
      { a0: 5, a1: 5, b0: 5, b1: 6 },
    ]);
  });

  test("a file where every common line is too frequent to anchor on is one change", () => {
    const a = Array.from({ length: 100 }, () => 0);
    const b = [...a.slice(0, 50), 1, ...a.slice(50)];
    expect(robustChanges(a, b)).toEqual([{ a0: 0, a1: 100, b0: 0, b1: 101 }]);
  });
});

describe("histogramRegion and slideAll", () => {
  test("anchors on the rarest line rather than the longest run, as git's histogram does", () => {
    // git diff --histogram of these: u is kept, the runs of x move around it.
    const [a = [], b = []] = ids("u\nx\nx\nx\nx\n", "x\nx\nx\nx\nu\n");
    const m: Matching = new Int32Array(a.length).fill(-1);
    expect(histogramRegion(a, b, m, { a0: 0, a1: a.length, b0: 0, b1: b.length })).toBe(true);
    expect(m[0]).toBe(4);
  });

  test("slides a changed run to both ends of the equal lines around it", () => {
    const [a = [], b = []] = ids("x\nx\nx\n", "x\nx\n");
    const m = Int32Array.from([0, 1, -1]);
    expect([...slideAll(a, b, m, false)]).toEqual([-1, 0, 1]);
    expect([...slideAll(a, b, m, true)]).toEqual([0, 1, -1]);
  });
});

/** git's line matching from `git diff -U0`: hunks are the unmatched lines, the rest pairs up in order. */
function gitMatchings(diff: string, sizes: Map<string, [number, number]>): Map<string, Int32Array> {
  const out = new Map<string, Int32Array>();
  for (const section of diff.split(/^diff --git /m).slice(1)) {
    const name = /^a\/\S*\/(f\d+) /.exec(section)?.[1];
    if (!name) continue;
    const [aLen = 0, bLen = 0] = sizes.get(name) ?? [];
    const m = new Int32Array(aLen).fill(-1);
    let i = 0;
    let j = 0;
    for (const hunk of section.matchAll(/^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/gm)) {
      const oldCount = hunk[2] === undefined ? 1 : Number(hunk[2]);
      const newCount = hunk[4] === undefined ? 1 : Number(hunk[4]);
      const oldStart = oldCount === 0 ? Number(hunk[1]) : Number(hunk[1]) - 1;
      while (i < oldStart) m[i++] = j++;
      i += oldCount;
      j += newCount;
    }
    while (i < aLen && j < bLen) m[i++] = j++;
    out.set(name, m);
  }
  return out;
}

test("every line the merge relies on is matched the same way by git's diff", async () => {
  const repo = new GitRepo();
  const dir = mkdtempSync(join(tmpdir(), "hotfix-matching-"));
  const lines = fc.constantFrom("x\n", "y\n", "z\n", "w\n", "v\n");
  const pair = fc
    .tuple(fc.array(lines, { maxLength: 12 }), fc.array(lines, { maxLength: 12 }), fc.nat({ max: 3 }))
    .map(([a, extra, seed]) => {
      // b is a edited: some lines dropped, some added, so that most of a survives.
      const b = a.filter((_, k) => (k + seed) % 4 !== 0);
      b.splice(seed % (b.length + 1), 0, ...extra.slice(0, 3));
      return { a: a.join(""), b: b.join("") };
    });
  let fixedPoints = 0;
  try {
    await fc.assert(
      fc.asyncProperty(fc.array(pair, { minLength: 60, maxLength: 60 }), async (pairs) => {
        rmSync(join(dir, "A"), { recursive: true, force: true });
        rmSync(join(dir, "B"), { recursive: true, force: true });
        mkdirSync(join(dir, "A"));
        mkdirSync(join(dir, "B"));
        const sizes = new Map<string, [number, number]>();
        pairs.forEach(({ a, b }, k) => {
          writeFileSync(join(dir, "A", `f${k}`), a);
          writeFileSync(join(dir, "B", `f${k}`), b);
          sizes.set(`f${k}`, [splitLines(a).length, splitLines(b).length]);
        });
        const diff = repo.tryGit([
          "diff",
          "--no-index",
          "--no-color",
          "--histogram",
          "--no-indent-heuristic",
          "-U0",
          join(dir, "A"),
          join(dir, "B"),
        ]).stdout;
        const git = gitMatchings(diff, sizes);
        pairs.forEach(({ a, b }, k) => {
          const [x = [], y = []] = ids(a, b);
          const theirs = git.get(`f${k}`) ?? Int32Array.from(x.map((_, i) => i));
          // Between the robust changes, lines pair up in order: those pairs must be git's.
          let i = 0;
          let j = 0;
          for (const change of [
            ...robustChanges(x, y),
            { a0: x.length, a1: x.length, b0: y.length, b1: y.length },
          ]) {
            while (i < change.a0) {
              expect({ a, b, line: i, git: theirs[i] }).toEqual({ a, b, line: i, git: j });
              fixedPoints++;
              i++;
              j++;
            }
            i = change.a1;
            j = change.b1;
          }
        });
      }),
      { numRuns: 20, seed: 77, endOnFailure: true },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    repo.remove();
  }
  expect(fixedPoints).toBeGreaterThan(2000);
}, 120_000);
