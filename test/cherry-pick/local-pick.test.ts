import { createHash } from "node:crypto";
import type { TreeItem, TreeSource } from "../../src/cherry-pick/git-tree.js";
import { type LocalPlan, planPick } from "../../src/cherry-pick/local-pick.js";

type Files = Record<string, string | Buffer | { content: string | Buffer; mode: string }>;

/** Trees and blobs in memory, addressed by content hashes, with blob reads counted. */
class MemorySource implements TreeSource {
  private readonly trees = new Map<string, TreeItem[]>();
  private readonly blobs = new Map<string, Buffer>();
  blobReads = 0;

  write(files: Files): string {
    const root: Record<string, unknown> = {};
    for (const [path, file] of Object.entries(files)) {
      const parts = path.split("/");
      let dir = root;
      for (const part of parts.slice(0, -1)) {
        dir[part] = dir[part] ?? {};
        dir = dir[part] as Record<string, unknown>;
      }
      dir[parts.at(-1) as string] =
        typeof file === "object" && !Buffer.isBuffer(file) ? file : { content: file, mode: "100644" };
    }
    return this.writeDir(root);
  }

  private writeDir(dir: Record<string, unknown>): string {
    const items: TreeItem[] = Object.entries(dir).map(([name, value]) => {
      const file = value as { content?: string | Buffer; mode?: string };
      if (file.mode !== undefined && file.content !== undefined) {
        const bytes = Buffer.from(file.content);
        const sha = this.hash(`blob:${bytes.toString("base64")}`);
        this.blobs.set(sha, bytes);
        return { path: name, mode: file.mode, type: "blob" as const, sha, size: bytes.length };
      }
      return {
        path: name,
        mode: "040000",
        type: "tree" as const,
        sha: this.writeDir(value as Record<string, unknown>),
      };
    });
    const sha = this.hash(`tree:${JSON.stringify(items)}`);
    this.trees.set(sha, items);
    return sha;
  }

  private hash(text: string): string {
    return createHash("sha1").update(text).digest("hex");
  }

  async tree(sha: string): Promise<TreeItem[]> {
    return this.trees.get(sha) ?? [];
  }

  async files(sha: string): Promise<TreeItem[] | null> {
    const out: TreeItem[] = [];
    for (const item of await this.tree(sha)) {
      if (item.type === "tree")
        out.push(
          ...((await this.files(item.sha)) ?? []).map((f) => ({ ...f, path: `${item.path}/${f.path}` })),
        );
      else out.push(item);
    }
    return out;
  }

  async blob(sha: string): Promise<Uint8Array> {
    this.blobReads++;
    return new Uint8Array(this.blobs.get(sha) ?? Buffer.alloc(0));
  }
}

const labels = { ours: "develop", theirs: "1234567 (Fix)" };
const text = "one\ntwo\nthree\nfour\nfive\nsix\nseven\n";

async function plan(
  base: Files,
  ours: Files,
  theirs: Files,
): Promise<{ plan: LocalPlan; source: MemorySource }> {
  const source = new MemorySource();
  const trees = { base: source.write(base), ours: source.write(ours), theirs: source.write(theirs) };
  return { plan: await planPick(source, trees, labels), source };
}

const reasons = (p: LocalPlan) => p.uncertain.map((u) => u.reason);

describe("planPick", () => {
  test("both sides changed apart: merged here, the content inline", async () => {
    const { plan: p } = await plan(
      { "src/a.txt": text },
      { "src/a.txt": text.replace("one", "ONE") },
      { "src/a.txt": text.replace("seven", "SEVEN") },
    );
    expect(p.uncertain).toEqual([]);
    expect(p.mergedFiles).toBe(1);
    expect(p.entries).toEqual([
      {
        path: "src/a.txt",
        mode: "100644",
        content: new Uint8Array(Buffer.from(text.replace("one", "ONE").replace("seven", "SEVEN"))),
      },
    ]);
  });

  test("one side's executable bit and the other side's content both survive", async () => {
    const { plan: p } = await plan(
      { "run.sh": text },
      { "run.sh": { content: text, mode: "100755" } },
      { "run.sh": text.replace("two", "TWO") },
    );
    expect(p.uncertain).toEqual([]);
    expect(p.entries).toEqual([
      { path: "run.sh", entry: expect.objectContaining({ mode: "100755", type: "blob" }) },
    ]);
  });

  test("a text file over 1 MB is merged here like any other, conflict blocks included", async () => {
    const rows = Array.from({ length: 120_000 }, (_, k) => `row ${k}\n`).join("");
    expect(rows.length).toBeGreaterThan(1_000_000);
    const { plan: p } = await plan(
      { big: `header\n${rows}` },
      { big: `header,develop\n${rows}` },
      { big: `header,fix\n${rows}` },
    );
    expect(reasons(p)).toEqual(["big has 1 conflict block"]);
    expect(p.uncertain[0]?.undrafted).toBeUndefined();
    const [draft] = p.uncertain[0]?.onConflict ?? [];
    const text = draft && "content" in draft ? Buffer.from(draft.content).toString("utf8") : "";
    expect(text).toBe(
      `<<<<<<< develop\nheader,develop\n=======\nheader,fix\n>>>>>>> ${labels.theirs}\n${rows}`,
    );
  });

  test("rows repeated past the histogram's limit are diffed as git's classic diff would, markers included", async () => {
    const rows = "row\n".repeat(100);
    const { plan: p } = await plan(
      { f: `header\n${rows}` },
      { f: `mine\n${rows}` },
      { f: `theirs\n${rows}` },
    );
    expect(reasons(p)).toEqual(["f has 1 conflict block"]);
    const [draft] = p.uncertain[0]?.onConflict ?? [];
    const text = draft && "content" in draft ? Buffer.from(draft.content).toString("utf8") : "";
    expect(text).toBe(`<<<<<<< develop\nmine\n=======\ntheirs\n>>>>>>> ${labels.theirs}\n${rows}`);
  });

  test("a binary file changed on both sides keeps the target's version, and the item says so", async () => {
    const { plan: p } = await plan(
      { f: Buffer.from([0, 1]) },
      { f: Buffer.from([0, 2]) },
      { f: Buffer.from([0, 3]) },
    );
    expect(p.uncertain[0]).toMatchObject({ reason: "f is binary", onConflict: [], conflictLikely: true });
    expect(p.uncertain[0]?.undrafted).toMatch(/binary file, which git does not merge either/);
  });

  test.each([{ name: "added twice", files: [null, "x\n", "y\n"], reason: "f is added on both sides" }])(
    "$name content is git's to judge",
    async ({ files, reason }) => {
      const [b, o, t] = files;
      const side = (content: string | Buffer | null | undefined): Files =>
        content === null || content === undefined ? {} : { f: content };
      const { plan: p } = await plan(side(b), side(o), side(t));
      expect(reasons(p)).toEqual([reason]);
    },
  );

  test.each<{ name: string; ours: Files; theirs: Files; reason: string; onConflict: unknown[] }>([
    {
      name: "modified on the target, deleted by the pick",
      ours: { f: "changed\n" },
      theirs: {},
      reason: "f is deleted by the pick",
      onConflict: [],
    },
    {
      name: "deleted on the target, modified by the pick",
      ours: {},
      theirs: { f: "changed\n" },
      reason: "f is deleted on the target",
      onConflict: [{ path: "f", entry: expect.objectContaining({ type: "blob" }) }],
    },
    {
      name: "deleted on both sides (git may see two renames)",
      ours: {},
      theirs: {},
      reason: "f is deleted on both sides",
      onConflict: [],
    },
  ])("$name", async ({ ours, theirs, reason, onConflict }) => {
    const { plan: p } = await plan(
      { f: "base\n", keep: "k\n" },
      { keep: "k\n", ...ours },
      { keep: "k\n", ...theirs },
    );
    expect(p.uncertain).toEqual([expect.objectContaining({ reason, paths: ["f"], onConflict })]);
  });

  test("merge attributes on the target leave the file to git", async () => {
    const attributes = { ".gitattributes": "*.lock merge=ours\n" };
    const { plan: p } = await plan(
      { ...attributes, "deps/x.lock": text },
      { ...attributes, "deps/x.lock": text.replace("one", "ONE") },
      { ...attributes, "deps/x.lock": text.replace("seven", "SEVEN") },
    );
    expect(reasons(p)).toEqual(["deps/x.lock may have merge attributes"]);
  });

  test("harmless attributes do not", async () => {
    const attributes = { "src/.gitattributes": "* text=auto eol=lf\n" };
    const { plan: p } = await plan(
      { ...attributes, "src/a.txt": text },
      { ...attributes, "src/a.txt": text.replace("one", "ONE") },
      { ...attributes, "src/a.txt": text.replace("seven", "SEVEN") },
    );
    expect(p.uncertain).toEqual([]);
  });

  test("a new file in a directory the target moved away is git's to place", async () => {
    const { plan: p } = await plan(
      { "lib/a.txt": "a\n" },
      { "pkg/a.txt": "a\n" },
      { "lib/a.txt": "a\n", "lib/b.txt": "b\n" },
    );
    // git's directory rename detection moves it to pkg/: both places are named, and a person decides.
    expect(p.uncertain).toEqual([
      expect.objectContaining({
        reason: "lib/b.txt is added in a directory the target renamed",
        paths: ["lib/b.txt", "pkg/b.txt"],
        undrafted: expect.stringContaining("`pkg/b.txt`"),
      }),
    ]);
  });

  test("files the target added in a directory the pick moves are git's to place", async () => {
    const { plan: p } = await plan(
      { "lib/a.txt": "a\n" },
      { "lib/a.txt": "a\n", "lib/new.txt": "n\n" },
      { "pkg/a.txt": "a\n" },
    );
    expect(p.uncertain).toEqual([
      expect.objectContaining({ paths: ["lib/new.txt", "pkg/new.txt"], undrafted: expect.any(String) }),
    ]);
  });

  test("a symlink changed on both sides is git's to judge; changed on one side it is taken", async () => {
    const link = (to: string) => ({ content: to, mode: "120000" });
    const both = await plan({ l: link("a") }, { l: link("b") }, { l: link("c") });
    expect(reasons(both.plan)).toEqual(["l is a symlink or submodule changed on both sides"]);
    const one = await plan(
      { l: link("a"), x: "1\n" },
      { l: link("a"), x: "2\n" },
      { l: link("c"), x: "1\n" },
    );
    expect(one.plan.uncertain).toEqual([]);
    expect(one.plan.entries).toEqual([{ path: "l", entry: expect.objectContaining({ mode: "120000" }) }]);
  });

  test("what the target already has is left alone: an empty pick", async () => {
    const { plan: p, source } = await plan(
      { f: text },
      { f: text.replace("one", "ONE"), g: "x\n" },
      { f: text.replace("one", "ONE") },
    );
    expect(p).toEqual({ entries: [], uncertain: [], changedPaths: ["f"], mergedFiles: 0 });
    expect(source.blobReads).toBe(0);
  });
});

describe("planPick follows renames as git does", () => {
  const app = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n";
  const content = async (source: MemorySource, p: LocalPlan, path: string) => {
    const entry = p.entries.find((e) => e.path === path);
    if (!entry) return undefined;
    if ("content" in entry) return Buffer.from(entry.content).toString();
    if ("entry" in entry) return Buffer.from(await source.blob(entry.entry.sha)).toString();
    return null;
  };

  test("a file the target renamed takes the fix at its new path; no duplicate at the old one", async () => {
    const { plan: p, source } = await plan(
      { "src/app.txt": app },
      { "src/login.txt": app.replace("one", "ONE") },
      { "src/app.txt": app.replace("eight", "EIGHT") },
    );
    expect(p.uncertain).toEqual([]);
    expect(p.entries.map((e) => e.path)).toEqual(["src/login.txt"]);
    expect(await content(source, p, "src/login.txt")).toBe(
      app.replace("one", "ONE").replace("eight", "EIGHT"),
    );
  });

  test("a file the fix renamed and edited gets the target's edits at the fix's name; the old path goes", async () => {
    const { plan: p, source } = await plan(
      { "a.txt": app },
      { "a.txt": app.replace("one", "ONE") },
      { "b.txt": app.replace("eight", "EIGHT") },
    );
    expect(p.uncertain).toEqual([]);
    expect(p.entries.map((e) => [e.path, "remove" in e])).toEqual([
      ["a.txt", true],
      ["b.txt", false],
    ]);
    expect(await content(source, p, "b.txt")).toBe(app.replace("one", "ONE").replace("eight", "EIGHT"));
  });

  test("renamed on one side, deleted on the other: a rename/delete conflict at the new name, as git leaves it", async () => {
    for (const [ours, theirs, kept] of [
      [{ "b.txt": app }, {}, "b.txt"],
      [{}, { "b.txt": app }, "b.txt"],
    ] as const) {
      const { plan: p } = await plan({ "a.txt": app }, ours, theirs);
      expect(p.uncertain).toEqual([
        expect.objectContaining({
          paths: [kept],
          conflictLikely: true,
          asGit: true,
          undrafted: expect.stringContaining("rename/delete"),
        }),
      ]);
    }
  });

  test("both sides renamed a file to the same name (a -m 1 merge onto a target that has it): merged, clean", async () => {
    const { plan: p, source } = await plan(
      { "a.txt": app, "keep.txt": "k\n" },
      { "b.txt": app.replace("one", "ONE"), "keep.txt": "k\n" },
      { "b.txt": app.replace("eight", "EIGHT"), "keep.txt": "k\n" },
    );
    expect(p.uncertain).toEqual([]);
    expect(await content(source, p, "b.txt")).toBe(app.replace("one", "ONE").replace("eight", "EIGHT"));
  });

  test("renamed to different names on the two sides: handed to a person with all three paths", async () => {
    const { plan: p } = await plan({ "a.txt": app }, { "b.txt": app }, { "c.txt": app.replace("one", "1") });
    expect(p.uncertain).toEqual([
      expect.objectContaining({
        paths: ["a.txt", "b.txt", "c.txt"],
        undrafted: expect.stringContaining("rename/rename"),
      }),
    ]);
  });
});
