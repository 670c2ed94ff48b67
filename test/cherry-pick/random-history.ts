import fc from "fast-check";
import type { GitRepo } from "./git-repo.js";

/** A file in a generated tree: text from a tiny alphabet (so edits collide), or bytes, with a mode. */
export interface GenFile {
  content: string | Buffer;
  mode: "100644" | "100755" | "120000";
}
export type GenTree = Record<string, GenFile>;

const NAMES = ["a.txt", "b.txt", "dir/c.txt", "dir/sub/d.txt", "run.sh", "link", "blob.bin"] as const;
const LINES = ["x\n", "y\n", "z\n", "w\n"];

const text = fc
  .tuple(fc.array(fc.constantFrom(...LINES), { maxLength: 6 }), fc.integer({ min: 0, max: 9 }))
  .map(([lines, cut]) => {
    const joined = lines.join("");
    return cut === 0 && joined.endsWith("\n") ? joined.slice(0, -1) : joined;
  });

function fileFor(name: string): fc.Arbitrary<GenFile> {
  if (name === "link")
    return fc.constantFrom("a.txt", "b.txt", "dir").map((to) => ({ content: to, mode: "120000" as const }));
  if (name === "blob.bin") {
    return fc.array(fc.constantFrom(0, 1, 120, 10), { minLength: 1, maxLength: 6 }).map((bytes) => ({
      content: Buffer.from([0, ...bytes]),
      mode: "100644" as const,
    }));
  }
  return fc.tuple(text, fc.integer({ min: 0, max: 5 })).map(([content, x]) => ({
    content,
    mode: x === 0 ? ("100755" as const) : ("100644" as const),
  }));
}

const baseTree: fc.Arbitrary<GenTree> = fc
  .tuple(...NAMES.map((name) => fc.option(fileFor(name), { freq: 3 })))
  .map((files) => {
    const tree: GenTree = {};
    NAMES.forEach((name, k) => {
      const file = files[k];
      if (file) tree[name] = file;
    });
    return tree;
  });

type LineEdit = { op: "insert" | "delete" | "replace"; at: number; line: string };
const lineEdits = fc.array(
  fc.record({
    op: fc.constantFrom("insert" as const, "delete" as const, "replace" as const),
    at: fc.nat({ max: 7 }),
    line: fc.constantFrom(...LINES),
  }),
  { minLength: 1, maxLength: 3 },
);

function applyLineEdits(content: string, edits: LineEdit[]): string {
  const lines = content.split(/(?<=\n)/).filter((line) => line !== "");
  for (const { op, at, line } of edits) {
    const k = Math.min(at, lines.length);
    if (op === "insert") lines.splice(k, 0, line);
    else if (op === "delete") lines.splice(k, 1);
    else lines.splice(k, 1, line);
  }
  return lines.join("");
}

/** What one side does to each path: keep, edit lines, rewrite, delete, flip the executable bit, or add. */
type Edit =
  | { kind: "keep" }
  | { kind: "lines"; edits: LineEdit[] }
  | { kind: "rewrite"; file: GenFile }
  | { kind: "delete" }
  | { kind: "chmod" };

const edit = (name: string): fc.Arbitrary<Edit> =>
  fc.oneof(
    { weight: 9, arbitrary: fc.constant({ kind: "keep" as const }) },
    { weight: 6, arbitrary: lineEdits.map((edits) => ({ kind: "lines" as const, edits })) },
    { weight: 2, arbitrary: fileFor(name).map((file) => ({ kind: "rewrite" as const, file })) },
    { weight: 1, arbitrary: fc.constant({ kind: "delete" as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: "chmod" as const }) },
  );

const editScript = fc.tuple(...NAMES.map((name) => edit(name)));

function applyScript(base: GenTree, script: Edit[]): GenTree {
  const out: GenTree = {};
  NAMES.forEach((name, k) => {
    const e = script[k] ?? { kind: "keep" };
    const file = base[name];
    if (e.kind === "rewrite") {
      out[name] = e.file;
      return;
    }
    if (!file || e.kind === "delete") return;
    if (e.kind === "lines" && typeof file.content === "string" && file.mode !== "120000") {
      out[name] = { ...file, content: applyLineEdits(file.content, e.edits) };
    } else if (e.kind === "chmod" && file.mode !== "120000") {
      out[name] = { ...file, mode: file.mode === "100755" ? "100644" : "100755" };
    } else {
      out[name] = file;
    }
  });
  return out;
}

const MESSAGES = [
  "Fix the login loop",
  "Fix the login loop\n\nThe session cookie was read before it was set.\n",
  "Fix checkout\n\nSigned-off-by: Ada Tester <ada@example.test>\n",
  "Hotfix: 🔥 encoding\n",
];

export interface History {
  base: GenTree;
  develop: GenTree;
  hotfix: GenTree;
  message: string;
}

/** A base tree, a develop branch and a hotfix commit, both edited from the base at random. */
export const history: fc.Arbitrary<History> = fc
  .tuple(baseTree, editScript, editScript, fc.constantFrom(...MESSAGES))
  .map(([base, developScript, hotfixScript, message]) => ({
    base,
    develop: applyScript(base, developScript),
    hotfix: applyScript(base, hotfixScript),
    message,
  }));

/** Writes the three commits with one `git fast-import`; returns their SHAs. */
export async function writeHistory(
  repo: GitRepo,
  h: History,
): Promise<{ base: string; develop: string; hotfix: string }> {
  const [base = "", develop = "", hotfix = ""] = await repo.importCommitsAsync([
    { message: "Base\n", parents: [], files: h.base },
    { message: "Develop work\n", parents: [0], files: h.develop },
    { message: h.message, parents: [0], files: h.hotfix },
  ]);
  return { base, develop, hotfix };
}

/** Whether git could see a rename: one side both deletes and adds files. Conflicts then carry git's new names. */
export function renamesPossible(h: History): boolean {
  const side = (tree: GenTree) => {
    const removes = Object.keys(h.base).some((path) => !(path in tree));
    const adds = Object.keys(tree).some((path) => !(path in h.base));
    return removes && adds;
  };
  return side(h.develop) || side(h.hotfix);
}
