import { splitCombinedDiff, splitPatches } from "../../../packages/sandbox/git/diff-files.js";

// Real output of `git diff-tree -r -M -z --raw --numstat -p` for: a binary file added, a renamed and edited
// file, a modified file, and a file whose name starts with ":" (which must not be taken for a raw record).
const OUTPUT = [
  ":000000 100644 0000000000000000000000000000000000000000 badc806ed7d7937d6fcb727b07d0e90ec752bf9f A\0b.bin\0",
  ":100644 100644 0fdf397db08b5cecda1b6394d4fef7395c1933ba e0318ee591c50776923491211c55b86b2880583d R083\0f\0:f2\0",
  ":100644 100644 587be6b4c3f93f93c489c0111bba5596147a26cb 975fbec8256d3e8a3797e7a3611380f27c49f4ac M\0g\0",
  "-\t-\tb.bin\0",
  "1\t1\t\0f\0:f2\0",
  "1\t1\tg\0",
  "\0",
  "diff --git a/b.bin b/b.bin\nnew file mode 100644\nindex 0000000..badc806\nBinary files /dev/null and b/b.bin differ\n",
  "diff --git a/f b/:f2\nsimilarity index 83%\nrename from f\nrename to :f2\nindex 0fdf397..e0318ee 100644\n--- a/f\n+++ b/:f2\n@@ -3,4 +3,4 @@ b\n c\n d\n e\n-f\n+F\n",
  "diff --git a/g b/g\nindex 587be6b..975fbec 100644\n--- a/g\n+++ b/g\n@@ -1 +1 @@\n-x\n+y\n",
].join("");

test("raw records, numstat counts and patches are split apart and line up", () => {
  const { raw, counts, patch } = splitCombinedDiff(OUTPUT);
  expect(raw.map((entry) => [entry.letter, entry.oldPath ?? null, entry.path])).toEqual([
    ["A", null, "b.bin"],
    ["R", "f", ":f2"],
    ["M", null, "g"],
  ]);
  expect(counts).toEqual([null, [1, 1], [1, 1]]);
  expect(splitPatches(patch)).toEqual([
    undefined,
    "@@ -3,4 +3,4 @@ b\n c\n d\n e\n-f\n+F",
    "@@ -1 +1 @@\n-x\n+y",
  ]);
});

test("no changes: nothing at all", () => {
  expect(splitCombinedDiff("")).toEqual({ raw: [], counts: [], patch: "" });
});

test("a hunk line that looks like a header inside a patch stays in its file", () => {
  const patches = splitPatches(
    "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-diff --git a/y b/y\n+z\n",
  );
  expect(patches).toEqual(["@@ -1 +1 @@\n-diff --git a/y b/y\n+z"]);
});
