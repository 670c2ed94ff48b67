import {
  type ChangedFile,
  checkConflictMarkers,
  conflictMarkersIn,
  uncheckedFiles,
} from "../../src/rules/conflict-markers.js";

function file(filename: string, patch: string | undefined, extra: Partial<ChangedFile> = {}): ChangedFile {
  return { filename, status: "modified", additions: 1, deletions: 0, changes: 1, patch, ...extra };
}

describe("conflictMarkersIn", () => {
  it("finds markers on added lines with their new line numbers", () => {
    const patch = [
      "@@ -10,4 +10,9 @@ function login() {",
      " const a = 1;",
      "-const b = 2;",
      "+<<<<<<< HEAD",
      "+const b = 3;",
      "+=======",
      "+const b = 4;",
      "+>>>>>>> feature",
      " return a;",
      "@@ -40,2 +45,3 @@",
      " x",
      "+>>>>>>>",
      "\\ No newline at end of file",
    ].join("\n");
    expect(conflictMarkersIn(file("src/a.ts", patch))).toEqual([
      { file: "src/a.ts", line: 11, marker: "<<<<<<<" },
      { file: "src/a.ts", line: 13, marker: "=======" },
      { file: "src/a.ts", line: 15, marker: ">>>>>>>" },
      { file: "src/a.ts", line: 46, marker: ">>>>>>>" },
    ]);
  });

  it.each([
    ["+<<<<<<< HEAD", 1],
    ["+<<<<<<<", 1],
    ["+>>>>>>> 1a2b3c (commit)", 1],
    ["+=======", 1],
    ["+=======  ", 1],
    ["+=======\r", 1],
    // Not markers: removed or context lines, other lengths, not at the line start, text after the separator.
    ["-<<<<<<< HEAD", 0],
    [" <<<<<<< HEAD", 0],
    ["+ <<<<<<< HEAD", 0],
    ["+<<<<<<<< HEAD", 0],
    ["+<<<<<<<HEAD", 0],
    ["+<<<<<<", 0],
    ["+========", 0],
    ["+====== =", 0],
    ["+======= x", 0],
    ["+// <<<<<<< HEAD", 0],
  ])("%j -> %d", (line, count) => {
    expect(conflictMarkersIn(file("a.ts", `@@ -1,1 +1,2 @@\n x\n${line}`))).toHaveLength(count);
  });

  it("reads a lone ======= in markup as a heading underline, other markers still count", () => {
    const patch = "@@ -0,0 +1,4 @@\n+Title\n+=======\n+<<<<<<< HEAD\n+>>>>>>> b";
    expect(conflictMarkersIn(file("README.md", patch)).map((m) => m.marker)).toEqual(["<<<<<<<", ">>>>>>>"]);
    expect(conflictMarkersIn(file("docs/x.rst", patch))).toHaveLength(2);
    expect(conflictMarkersIn(file("src/x.py", patch))).toHaveLength(3);
  });

  it("finds nothing without a patch", () => {
    expect(conflictMarkersIn(file("a.bin", undefined))).toEqual([]);
  });
});

describe("uncheckedFiles", () => {
  it("names text changes without a patch, not binaries, removals or pure renames", () => {
    expect(
      uncheckedFiles([
        file("big.sql", undefined, { additions: 20_000, changes: 20_000 }),
        file("logo.png", undefined, { additions: 0, changes: 0 }),
        file("old.sql", undefined, { status: "removed", additions: 0, deletions: 9, changes: 9 }),
        file("moved.ts", undefined, { status: "renamed", additions: 0, changes: 0 }),
        file("a.ts", "@@ -1 +1 @@\n+x"),
      ]),
    ).toEqual(["big.sql"]);
  });
});

describe("checkConflictMarkers", () => {
  const clean = file("a.ts", "@@ -1 +1 @@\n-x\n+y");
  const marked = file("src/b.ts", "@@ -7,1 +7,2 @@\n x\n+>>>>>>> theirs");
  const huge = file("dump.sql", undefined, { additions: 30_000, changes: 30_000 });

  it.each<[string, ChangedFile[], boolean, string, RegExp]>([
    ["clean", [clean], true, "pass", /none added/],
    ["a marker", [clean, marked], true, "fail", /a conflict marker added: src\/b\.ts:8/],
    ["a marker beats an unchecked file", [marked, huge], true, "fail", /src\/b\.ts:8/],
    [
      "an unchecked file warns",
      [clean, huge],
      true,
      "warn",
      /not checked: dump\.sql \(no patch: too large to show\)/,
    ],
    ["a cut-short file list warns", [clean], false, "warn", /only the first 1 files could be listed/],
  ])("%s", (_name, files, complete, state, reason) => {
    const result = checkConflictMarkers(files, complete);
    expect(result.state).toBe(state);
    expect(result.reason).toMatch(reason);
  });

  it("lists every marker in the details and counts them in the reason", () => {
    const patch = `@@ -1,0 +1,5 @@\n${"+=======\n".repeat(5)}`;
    const result = checkConflictMarkers([file("x.c", patch)], true);
    expect(result.reason).toMatch(/5 conflict markers added: x\.c:1, x\.c:2, x\.c:3, … \(5\)/);
    expect(result.details).toHaveLength(5);
  });
});
