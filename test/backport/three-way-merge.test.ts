import fc from "fast-check";
import { mergeFile } from "../../src/backport/three-way-merge.js";
import { GitRepo, LocalTreeSource } from "./git-repo.js";

const merge = (base: string, ours: string, theirs: string) =>
  mergeFile({ base, ours, theirs, oursLabel: "develop", theirsLabel: "1a2b3c4 (Fix the login loop)" });

describe("mergeFile", () => {
  const base = "one\ntwo\nthree\nfour\nfive\nsix\n";

  test.each([
    {
      name: "changes apart from each other both land",
      ours: "ONE\ntwo\nthree\nfour\nfive\nsix\n",
      theirs: "one\ntwo\nthree\nfour\nfive\nSIX\n",
      text: "ONE\ntwo\nthree\nfour\nfive\nSIX\n",
    },
    {
      name: "one side unchanged takes the other",
      ours: base,
      theirs: "one\ntwo\nTHREE\nfour\nfive\nsix\n",
      text: "one\ntwo\nTHREE\nfour\nfive\nsix\n",
    },
    {
      name: "the same change on both sides is no conflict",
      ours: "one\nTWO\nthree\nfour\nfive\nsix\nseven\n",
      theirs: "one\nTWO\nthree\nfour\nfive\nsix\n",
      text: "one\nTWO\nthree\nfour\nfive\nsix\nseven\n",
    },
    {
      name: "an insertion and a deletion with a line between them",
      ours: "one\ntwo\nthree\nfour\nfive\n",
      theirs: "zero\none\ntwo\nthree\nfour\nfive\nsix\n",
      text: "zero\none\ntwo\nthree\nfour\nfive\n",
    },
    {
      name: "a missing newline at the end is kept as a change of its own",
      ours: "one\ntwo\nthree\nfour\nfive\nsix",
      theirs: "ONE\ntwo\nthree\nfour\nfive\nsix\n",
      text: "ONE\ntwo\nthree\nfour\nfive\nsix",
    },
  ])("$name", ({ ours, theirs, text }) => {
    expect(merge(base, ours, theirs)).toEqual({ clean: true, text });
  });

  test("changes to adjacent lines are not called clean (git conflicts on them)", () => {
    const result = merge(base, "one\ntwo\nTHREE\nfour\nfive\nsix\n", "one\ntwo\nthree\nFOUR\nfive\nsix\n");
    expect(result.clean).toBe(false);
  });

  test("a conflict is written like git writes it, with only the differing lines inside the markers", () => {
    const result = merge(
      base,
      "one\nTWO (develop)\nthree\nfour\nfive\nsix\n",
      "one\nTWO (fix)\nthree\nfour\nfive\nsix\n",
    );
    expect(result).toEqual({
      clean: false,
      conflicts: 1,
      text: [
        "one\n",
        "<<<<<<< develop\n",
        "TWO (develop)\n",
        "=======\n",
        "TWO (fix)\n",
        ">>>>>>> 1a2b3c4 (Fix the login loop)\n",
        "three\nfour\nfive\nsix\n",
      ].join(""),
    });
  });

  test("markers follow the file's CRLF line ends and close an unterminated last line", () => {
    const crlf = "a\r\nb\r\nc";
    const result = merge(crlf, "a\r\nb\r\nours", "a\r\nb\r\ntheirs");
    expect(result).toEqual({
      clean: false,
      conflicts: 1,
      text: "a\r\nb\r\n<<<<<<< develop\r\nours\r\n=======\r\ntheirs\r\n>>>>>>> 1a2b3c4 (Fix the login loop)\r\n",
    });
  });

  test("a label cannot break the marker line", () => {
    const result = mergeFile({
      base: "x\n",
      ours: "y\n",
      theirs: "z\n",
      oursLabel: "dev\nelop",
      theirsLabel: "t",
    });
    expect(result.text.split("\n")[0]).toBe("<<<<<<< dev elop");
  });
});

/**
 * git as the judge of the line merge alone: many random triples per repository, one `git merge-tree` each
 * round. Where mergeFile says clean, git must be clean with the same bytes; "not clean" is always allowed
 * (the caller then asks git), but must not be the answer for everything.
 */
describe("mergeFile against git merge-tree", () => {
  let repo: GitRepo;
  let source: LocalTreeSource;
  beforeAll(() => {
    repo = new GitRepo();
    source = new LocalTreeSource(repo);
  });
  afterAll(() => {
    source.close();
    repo.remove();
  });

  const edits = (lines: string[]) =>
    fc.array(
      fc.record({
        op: fc.constantFrom("insert", "delete", "replace"),
        at: fc.nat({ max: 12 }),
        line: fc.constantFrom(...lines),
      }),
      { minLength: 1, maxLength: 3 },
    );
  const triple = (lines: string[], maxLength: number) =>
    fc
      .record({
        base: fc.array(fc.constantFrom(...lines), { maxLength }),
        ours: edits(lines),
        theirs: edits(lines),
        cuts: fc.tuple(fc.nat({ max: 9 }), fc.nat({ max: 9 }), fc.nat({ max: 9 })),
      })
      .map(({ base, ours, theirs, cuts }) => {
        const apply = (script: { op: string; at: number; line: string }[]) => {
          const out = [...base];
          for (const { op, at, line } of script) {
            const k = Math.min(at, out.length);
            if (op === "insert") out.splice(k, 0, line);
            else if (op === "delete") out.splice(k, 1);
            else out.splice(k, 1, line);
          }
          return out;
        };
        // Now and then a last line without its newline.
        const text = (lines: string[], cut: number) => {
          const joined = lines.join("");
          return cut === 0 && joined.endsWith("\n") ? joined.slice(0, -1) : joined;
        };
        return {
          base: text(base, cuts[0]),
          ours: text(apply(ours), cuts[1]),
          theirs: text(apply(theirs), cuts[2]),
        };
      });

  async function judge(triples: { base: string; ours: string; theirs: string }[]) {
    const files = (side: "base" | "ours" | "theirs") =>
      Object.fromEntries(triples.map((t, k) => [`f${k}`, t[side]]));
    const [, ours = "", theirs = ""] = repo.importCommits([
      { message: "base", parents: [], files: files("base") },
      { message: "ours", parents: [0], files: files("ours") },
      { message: "theirs", parents: [0], files: files("theirs") },
    ]);
    const out = repo.tryGit(["merge-tree", "--write-tree", "--name-only", ours, theirs]).stdout;
    const [treeLine = "", ...rest] = out.split("\n\n")[0]?.split("\n") ?? [];
    const conflicted = new Set(rest);
    const merged = new Map((await source.tree(treeLine)).map((item) => [item.path, item.sha]));
    const stats = { gitClean: 0, localClean: 0 };
    for (const [k, t] of triples.entries()) {
      const name = `f${k}`;
      const mine = merge(t.base, t.ours, t.theirs);
      if (!conflicted.has(name)) stats.gitClean++;
      if (!mine.clean) continue;
      stats.localClean++;
      expect({ name, ...t, conflicted: conflicted.has(name) }).toEqual({ name, ...t, conflicted: false });
      const sha = merged.get(name);
      const gitText = sha ? Buffer.from(await source.blob(sha)).toString("utf8") : "";
      expect({ ...t, merged: mine.text }).toEqual({ ...t, merged: gitText });
    }
    return stats;
  }

  test.each([
    {
      name: "a tiny alphabet, where every edit collides",
      lines: ["x\n", "y\n", "z\n", "w\n"],
      maxLength: 7,
      minShare: 0.5,
    },
    {
      name: "code-like lines, mostly unique with braces and blank lines",
      lines: [
        ...Array.from({ length: 30 }, (_, k) => `  const v${k} = compute(${k});\n`),
        "}\n",
        "\n",
        "  return;\n",
      ],
      maxLength: 40,
      minShare: 0.9,
    },
  ])(
    "$name",
    async ({ lines, maxLength, minShare }) => {
      const total = { gitClean: 0, localClean: 0 };
      await fc.assert(
        fc.asyncProperty(
          fc.array(triple(lines, maxLength), { minLength: 40, maxLength: 40 }),
          async (triples) => {
            const stats = await judge(triples);
            total.gitClean += stats.gitClean;
            total.localClean += stats.localClean;
          },
        ),
        { numRuns: 25, seed: 4242, endOnFailure: true },
      );
      process.stdout.write(`line merge vs git (${lines.length} distinct lines): ${JSON.stringify(total)}\n`);
      // Usefulness: most merges git finds clean are vouched for here without asking git.
      expect(total.localClean).toBeGreaterThanOrEqual(minShare * total.gitClean);
    },
    120_000,
  );
});
