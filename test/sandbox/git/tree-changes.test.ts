import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GitStore, type TreeEdit } from "../../../packages/sandbox/git/git-store.js";
import { treeChanges } from "../../../packages/sandbox/git/tree-changes.js";
import { git } from "../../support/git.js";

let dir: string;
let store: GitStore;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tree-changes-"));
  store = await GitStore.create(join(dir, "r.git"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function treeWith(base: string | null, files: Record<string, string | null>): Promise<string> {
  const edits: TreeEdit[] = [];
  for (const [path, content] of Object.entries(files)) {
    edits.push({
      path,
      entry:
        content === null
          ? null
          : { mode: "100644", type: "blob", sha: await store.writeBlob(Buffer.from(content)) },
    });
  }
  return store.editTree(base, edits);
}

/** git's own answer: `diff-tree -r --name-status` without rename detection. */
function gitChanges(from: string, to: string) {
  const lines = git(store.gitDir, "diff-tree", "-r", "--no-renames", "--name-status", from, to)
    .trim()
    .split("\n")
    .filter(Boolean);
  const pick = (letter: string) =>
    lines
      .filter((line) => line.startsWith(letter))
      .map((line) => line.slice(2))
      .sort();
  return { added: pick("A"), removed: pick("D"), modified: pick("M") };
}

test("added, removed and modified paths agree with git, through nested and replaced directories", async () => {
  const base = await treeWith(null, {
    "a.txt": "a",
    "dir/b.txt": "b",
    "dir/sub/c.txt": "c",
    "x/y.txt": "y",
    "keep/k.txt": "k",
  });
  const next = await treeWith(base, {
    "a.txt": "A",
    "dir/sub/c.txt": null,
    "dir/new.txt": "n",
    "x/y.txt": null,
    "x/z.txt": "z",
    "top.txt": "t",
  });
  const ours = await treeChanges(store, base, next);
  const sorted = {
    added: [...ours.added].sort(),
    removed: [...ours.removed].sort(),
    modified: [...ours.modified].sort(),
  };
  expect(sorted).toEqual(gitChanges(base, next));
  expect(sorted).toEqual({
    added: ["dir/new.txt", "top.txt", "x/z.txt"],
    removed: ["dir/sub/c.txt", "x/y.txt"],
    modified: ["a.txt"],
  });
});

test("from nothing, everything is added; identical trees change nothing", async () => {
  const tree = await treeWith(null, { "a.txt": "a", "d/e.txt": "e" });
  expect(await treeChanges(store, null, tree)).toEqual({
    added: ["a.txt", "d/e.txt"],
    removed: [],
    modified: [],
  });
  expect(await treeChanges(store, tree, tree)).toEqual({ added: [], removed: [], modified: [] });
});
