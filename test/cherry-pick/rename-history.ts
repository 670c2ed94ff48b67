import fc from "fast-check";
import type { GitRepo } from "./git-repo.js";

/**
 * Histories for the cases git handles through rename detection and tree-shape changes: files renamed on either
 * side (with or without edits, onto the same or different names), renamed on one side and deleted on the other,
 * renamed onto a name the other side added, a directory replaced by a submodule (or back) with `.gitmodules`
 * edited on both sides, and merge commits picked with `-m 1`. Contents are a few distinct lines per file, so that
 * git's rename scores are meaningful, and edits come from a tiny alphabet, so that they collide.
 */
export interface RenameFile {
  content: string;
  mode: "100644" | "100755" | "160000";
}
export type RenameTree = Record<string, RenameFile>;

export type CaseClass = "rename" | "rename-delete" | "submodule" | "merge-m1";

export interface RenameHistory {
  base: RenameTree;
  develop: RenameTree;
  hotfix: RenameTree;
  /** The hotfix is a merge of a side commit (with the hotfix's tree) into the base, picked with `-m 1`. */
  merge: boolean;
  message: string;
  classes: CaseClass[];
}

const FILES = ["a.txt", "b.txt", "dir/c.txt", "dir/sub/d.txt"] as const;
/** Where a file may be renamed to; both sides draw from the same few names so that they meet. */
const TARGETS = ["moved/a.txt", "dir/e.txt", "c2.txt", "dir/sub/f.txt"] as const;
const SUBMODULE = "lib";
const LIB_FILES = ["lib/x.txt", "lib/y.txt"];
const COMMITS = ["1111111111111111111111111111111111111111", "2222222222222222222222222222222222222222"];
const EDIT_LINES = ["x\n", "y\n", "z\n"];

function fileLines(id: string, count: number): string {
  return Array.from({ length: count }, (_, k) => `${id} line ${k}\n`).join("");
}

type LineEdit = { at: number; line: string; op: "replace" | "insert" | "delete" };
const lineEdit = fc.record({
  at: fc.nat({ max: 7 }),
  line: fc.constantFrom(...EDIT_LINES),
  op: fc.constantFrom("replace" as const, "insert" as const, "delete" as const),
});

function applyEdits(content: string, edits: readonly LineEdit[]): string {
  const lines = content.split(/(?<=\n)/).filter((line) => line !== "");
  for (const { at, line, op } of edits) {
    const k = Math.min(at, lines.length);
    if (op === "insert") lines.splice(k, 0, line);
    else if (op === "delete") lines.splice(k, 1);
    else lines.splice(k, 1, line);
  }
  return lines.join("");
}

/** What one side does to one file. */
type FileOp =
  | { kind: "keep" }
  | { kind: "edit"; edits: LineEdit[] }
  | { kind: "delete" }
  | { kind: "chmod" }
  | { kind: "rename"; to: number; edits: LineEdit[] }
  | { kind: "rewrite"; lines: number };

const fileOp: fc.Arbitrary<FileOp> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: "keep" as const }) },
  {
    weight: 5,
    arbitrary: fc
      .array(lineEdit, { minLength: 1, maxLength: 2 })
      .map((edits) => ({ kind: "edit" as const, edits })),
  },
  { weight: 2, arbitrary: fc.constant({ kind: "delete" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "chmod" as const }) },
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.nat({ max: TARGETS.length - 1 }), fc.array(lineEdit, { maxLength: 2 }))
      .map(([to, edits]) => ({ kind: "rename" as const, to, edits })),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 3 }).map((lines) => ({ kind: "rewrite" as const, lines })),
  },
);

/** What one side does besides: add a file at a rename target, swap `lib/` and a submodule, edit `.gitmodules`. */
interface SideExtras {
  addAt: number | null;
  swapLib: boolean;
  gitmodulesLine: string | null;
}
const sideExtras: fc.Arbitrary<SideExtras> = fc.record({
  addAt: fc.option(fc.nat({ max: TARGETS.length - 1 }), { freq: 6 }),
  swapLib: fc
    .boolean()
    .chain((b) => (b ? fc.boolean() : fc.constant(false)))
    .chain((b) => (b ? fc.boolean() : fc.constant(false))),
  gitmodulesLine: fc.option(fc.constantFrom("\tbranch = main\n", "\tbranch = stable\n"), { freq: 3 }),
});

interface Side {
  ops: FileOp[];
  extras: SideExtras;
}
const side: fc.Arbitrary<Side> = fc.record({
  ops: fc.tuple(...FILES.map(() => fileOp)),
  extras: sideExtras,
});

function gitmodules(extra: string): string {
  return `[submodule "${SUBMODULE}"]\n\tpath = ${SUBMODULE}\n\turl = ../lib.git\n${extra}`;
}

function applySide(base: RenameTree, s: Side, tag: string, libIsSubmodule: boolean): RenameTree {
  const out: RenameTree = {};
  for (const [path, file] of Object.entries(base)) {
    if (!(FILES as readonly string[]).includes(path)) out[path] = file;
  }
  FILES.forEach((path, k) => {
    const file = base[path];
    const op = s.ops[k] ?? { kind: "keep" };
    if (!file || op.kind === "delete") return;
    if (op.kind === "keep") out[path] = file;
    else if (op.kind === "edit") out[path] = { ...file, content: applyEdits(file.content, op.edits) };
    else if (op.kind === "chmod") out[path] = { ...file, mode: file.mode === "100755" ? "100644" : "100755" };
    else if (op.kind === "rewrite") out[path] = { ...file, content: fileLines(`${tag}-${path}`, op.lines) };
    else {
      const to = TARGETS[op.to] as string;
      if (to in out || FILES.includes(to as never)) out[path] = file;
      else out[to] = { ...file, content: applyEdits(file.content, op.edits) };
    }
  });
  if (s.extras.addAt !== null) {
    const at = TARGETS[s.extras.addAt] as string;
    if (!(at in out)) out[at] = { content: fileLines(`${tag}-new`, 4), mode: "100644" };
  }
  if (s.extras.swapLib) {
    for (const path of [SUBMODULE, ...LIB_FILES]) delete out[path];
    if (libIsSubmodule) {
      for (const path of LIB_FILES) out[path] = { content: fileLines(`${tag}-${path}`, 5), mode: "100644" };
      delete out[".gitmodules"];
    } else {
      out[SUBMODULE] = { content: COMMITS[tag === "develop" ? 0 : 1] as string, mode: "160000" };
      out[".gitmodules"] = { content: gitmodules(s.extras.gitmodulesLine ?? ""), mode: "100644" };
    }
  } else if (s.extras.gitmodulesLine !== null && ".gitmodules" in out) {
    out[".gitmodules"] = { content: gitmodules(s.extras.gitmodulesLine), mode: "100644" };
  } else if (!libIsSubmodule && s.extras.gitmodulesLine !== null && `${SUBMODULE}/x.txt` in out) {
    out[`${SUBMODULE}/x.txt`] = {
      content: applyEdits(out[`${SUBMODULE}/x.txt`]?.content ?? "", [{ at: 1, line: "y\n", op: "replace" }]),
      mode: "100644",
    };
  }
  return out;
}

const MESSAGES = ["Fix the login loop", "Fix checkout\n\nSigned-off-by: Ada Tester <ada@example.test>\n"];

export const renameHistory: fc.Arbitrary<RenameHistory> = fc
  .record({
    sizes: fc.tuple(...FILES.map(() => fc.option(fc.integer({ min: 3, max: 8 }), { freq: 6 }))),
    libIsSubmodule: fc.boolean(),
    develop: side,
    hotfix: side,
    merge: fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))),
    sameRename: fc.boolean(),
    message: fc.constantFrom(...MESSAGES),
  })
  .map(({ sizes, libIsSubmodule, develop, hotfix, merge, sameRename, message }) => {
    const base: RenameTree = {};
    FILES.forEach((path, k) => {
      const size = sizes[k];
      if (size) base[path] = { content: fileLines(path, size), mode: "100644" };
    });
    if (libIsSubmodule) {
      base[SUBMODULE] = { content: COMMITS[0] as string, mode: "160000" };
      base[".gitmodules"] = { content: gitmodules(""), mode: "100644" };
    } else {
      for (const path of LIB_FILES) base[path] = { content: fileLines(path, 5), mode: "100644" };
    }
    // A merge commit that renames a file often meets a target that already made the same rename.
    const developSide =
      merge && sameRename
        ? {
            ...develop,
            ops: develop.ops.map((op, k) =>
              hotfix.ops[k]?.kind === "rename" ? (hotfix.ops[k] as FileOp) : op,
            ),
          }
        : develop;
    const h = {
      base,
      develop: applySide(base, developSide, "develop", libIsSubmodule),
      hotfix: applySide(base, hotfix, "hotfix", libIsSubmodule),
      merge,
      message,
    };
    return { ...h, classes: classify(h) };
  });

function classify(h: Omit<RenameHistory, "classes">): CaseClass[] {
  const classes: CaseClass[] = [];
  const gone = (tree: RenameTree) => FILES.filter((path) => path in h.base && !(path in tree));
  const added = (tree: RenameTree) => TARGETS.filter((path) => path in tree && !(path in h.base));
  const renames = (tree: RenameTree) => gone(tree).length > 0 && added(tree).length > 0;
  if (renames(h.develop) || renames(h.hotfix)) classes.push("rename");
  const deletedOnly = (tree: RenameTree) => gone(tree).length > 0;
  if ((renames(h.develop) && deletedOnly(h.hotfix)) || (renames(h.hotfix) && deletedOnly(h.develop))) {
    classes.push("rename-delete");
  }
  const libKind = (tree: RenameTree) => tree[SUBMODULE]?.mode ?? ("lib/x.txt" in tree ? "dir" : "none");
  if (libKind(h.develop) !== libKind(h.base) || libKind(h.hotfix) !== libKind(h.base))
    classes.push("submodule");
  if (h.merge) classes.push("merge-m1");
  return classes;
}

/**
 * Writes base, develop and the hotfix with one `git fast-import`; a merge hotfix is a side commit with the
 * hotfix's tree merged into the base (its first parent), so that `-m 1` picks exactly the side's changes.
 */
export async function writeRenameHistory(
  repo: GitRepo,
  h: RenameHistory,
): Promise<{ base: string; develop: string; hotfix: string; mainline?: 1 }> {
  const commits = [
    { message: "Base\n", parents: [0].slice(1), files: h.base },
    { message: "Develop work\n", parents: [0], files: h.develop },
    { message: h.merge ? "Side work\n" : h.message, parents: [0], files: h.hotfix },
  ] as { message: string; parents: number[]; files: RenameTree }[];
  if (h.merge) commits.push({ message: h.message, parents: [0, 2], files: h.hotfix });
  const shas = await repo.importCommitsAsync(commits);
  const [base = "", develop = "", side = "", merge = ""] = shas;
  return h.merge ? { base, develop, hotfix: merge, mainline: 1 } : { base, develop, hotfix: side };
}
