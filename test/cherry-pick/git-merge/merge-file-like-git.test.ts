import { mergeFileLikeGit } from "../../../src/cherry-pick/git-merge/merge-file-like-git.js";
import { CASE_KINDS, type ConflictCase } from "./conflict-cases.js";
import { measureFidelity, OURS_LABEL, productMerge } from "./fidelity.js";
import { CherryPickJudge, withOursLabel } from "./git-cherry-pick-judge.js";

const labels = { oursLabel: "develop", theirsLabel: "1a2b3c4 (Fix the login loop)" };

/** The merge of a case git's histogram diff handles: text and number of conflict blocks. */
function merge(input: { base: string; ours: string; theirs: string }) {
  const result = mergeFileLikeGit({ ...labels, ...input });
  if (!result.reproduced) throw new Error(`not reproduced: ${result.why}`);
  return result;
}

const lines = (...items: string[]) => items.map((line) => `${line}\n`).join("");

describe("mergeFileLikeGit, the layout of git's conflict blocks", () => {
  test("conflicts three lines apart become one block; four lines apart stay two", () => {
    const base = lines("a", "b", "c", "d", "e", "f", "g", "h");
    const joined = merge({
      base,
      ours: lines("A1", "b", "c", "d", "E1", "f", "g", "h"),
      theirs: lines("A2", "b", "c", "d", "E2", "f", "g", "h"),
    });
    expect(joined).toEqual({
      reproduced: true,
      conflicts: 1,
      text: lines(
        "<<<<<<< develop",
        "A1",
        "b",
        "c",
        "d",
        "E1",
        "=======",
        "A2",
        "b",
        "c",
        "d",
        "E2",
        ">>>>>>> 1a2b3c4 (Fix the login loop)",
        "f",
        "g",
        "h",
      ),
    });
    const apart = merge({
      base,
      ours: lines("A1", "b", "c", "d", "e", "F1", "g", "h"),
      theirs: lines("A2", "b", "c", "d", "e", "F2", "g", "h"),
    });
    expect(apart.conflicts).toBe(2);
    expect(apart.text).toContain(lines("A2", ">>>>>>> 1a2b3c4 (Fix the login loop)", "b", "c", "d", "e"));
  });

  test("lines both sides wrote alike stay outside the markers", () => {
    const result = merge({
      base: lines("a", "b", "c"),
      ours: lines("a", "same", "mine", "c"),
      theirs: lines("a", "same", "theirs", "c"),
    });
    expect(result.text).toBe(
      lines(
        "a",
        "same",
        "<<<<<<< develop",
        "mine",
        "=======",
        "theirs",
        ">>>>>>> 1a2b3c4 (Fix the login loop)",
        "c",
      ),
    );
  });

  test("markers end in CRLF in a CRLF file, and a last line without a newline gets one inside the block", () => {
    const result = merge({ base: "a\r\nb\r\nc", ours: "a\r\nb\r\nmine", theirs: "a\r\nb\r\ntheirs" });
    expect(result.text).toBe(
      "a\r\nb\r\n<<<<<<< develop\r\nmine\r\n=======\r\ntheirs\r\n>>>>>>> 1a2b3c4 (Fix the login loop)\r\n",
    );
  });

  test("a clean merge is the merged text, with no conflict", () => {
    expect(
      merge({
        base: lines("a", "b", "c", "d"),
        ours: lines("A", "b", "c", "d"),
        theirs: lines("a", "b", "c", "D"),
      }),
    ).toEqual({
      reproduced: true,
      conflicts: 0,
      text: lines("A", "b", "c", "D"),
    });
  });

  test("a region whose shared lines all repeat more than 64 times is diffed like git's classic diff", () => {
    const blank = Array.from({ length: 70 }, () => "");
    const result = merge({
      base: lines(...blank, "}", ...blank),
      ours: lines(...blank, "mine", ...blank),
      theirs: lines(...blank, "theirs", ...blank),
    });
    expect(result.text).toBe(
      lines(
        ...blank,
        "<<<<<<< develop",
        "mine",
        "=======",
        "theirs",
        ">>>>>>> 1a2b3c4 (Fix the login loop)",
        ...blank,
      ),
    );
  });

  test("a merge whose diffs cost more than the work limit says it is not git's rather than guess", () => {
    const result = mergeFileLikeGit({
      ...labels,
      base: lines("a", "b", "c", "d"),
      ours: lines("A", "b", "c", "d"),
      theirs: lines("a", "b", "c", "D"),
      workLimit: 3,
    });
    expect(result).toEqual({
      reproduced: false,
      why: expect.stringMatching(/too large and changed too much/),
    });
  });
});

/**
 * Real git as the judge: generated histories (see conflict-cases.ts) are cherry-picked with `git cherry-pick -x`
 * and every file's verdict and bytes compared with mergeFileLikeGit's, conflict block by conflict block. The seed
 * is fixed for reproducibility and can be changed with FIDELITY_SEED; `npm run fidelity` runs thousands.
 */
describe("mergeFileLikeGit against git cherry-pick -x", () => {
  const seed = Number(process.env.FIDELITY_SEED ?? 7301);

  test(`generated histories agree with git byte for byte (seed ${seed})`, () => {
    const figures = measureFidelity(productMerge, { seed, count: 9 * 16, batch: 72, keepExamples: 1 });
    const [example] = figures.examples;
    if (example) {
      throw new Error(
        `seed ${seed}, case ${example.index} (${example.case.kind}): git conflicted=${example.gitConflicted}, ` +
          `draft conflicted=${example.mineConflicted}\n${JSON.stringify(example.case)}\n` +
          `git:\n${example.git}\ndraft:\n${example.mine}`,
      );
    }
    expect(figures.disagreements).toBe(0);
    // The generator really exercises conflicts of every class.
    expect(figures.cases).toBe(144);
    for (const kind of CASE_KINDS) expect(figures.byKind[kind].conflicts).toBeGreaterThan(0);
    expect(figures.conflicts).toBeGreaterThan(100);
  }, 120_000);

  test("hand-made edge cases agree with git: insertions at both ends, no final newline, mixed line ends", () => {
    const cases: ConflictCase[] = [
      {
        kind: "start-and-end",
        base: lines("a", "b"),
        ours: lines("top1", "a", "b"),
        theirs: lines("top2", "a", "b"),
      },
      {
        kind: "start-and-end",
        base: lines("a", "b"),
        ours: lines("a", "b", "end1"),
        theirs: lines("a", "b", "end2"),
      },
      { kind: "start-and-end", base: "a\nb", ours: "a\nb\nc", theirs: "a\nB" },
      { kind: "start-and-end", base: "", ours: "mine", theirs: "theirs\n" },
      { kind: "overlapping-edits", base: "a\r\nb\nc\r\n", ours: "a\r\nx\nc\r\n", theirs: "a\r\ny\nc\r\n" },
      { kind: "overlapping-edits", base: "a\nb\nc\n", ours: "a\r\nx\r\nc\r\n", theirs: "a\r\ny\r\nc\r\n" },
      {
        kind: "delete-versus-edit",
        base: lines("a", "b", "c", "d", "e"),
        ours: lines("a", "e"),
        theirs: lines("a", "b", "C", "d", "e"),
      },
    ];
    const judge = new CherryPickJudge();
    try {
      const { verdicts, theirsLabel } = judge.judge(cases);
      cases.forEach((c, k) => {
        const result = mergeFileLikeGit({ ...c, oursLabel: OURS_LABEL, theirsLabel });
        if (!result.reproduced) throw new Error(`case ${k} not reproduced: ${result.why}`);
        const verdict = verdicts[k] as { conflicted: boolean; text: string };
        expect({ k, conflicted: result.conflicts > 0, text: result.text }).toEqual({
          k,
          conflicted: verdict.conflicted,
          text: withOursLabel(verdict.text, OURS_LABEL),
        });
      });
    } finally {
      judge.close();
    }
  }, 60_000);
});
