import { createHash } from "node:crypto";
import { contentSimilarity } from "../../src/cherry-pick/content-similarity.js";
import { pairRenames, type RenameCandidate } from "../../src/cherry-pick/rename-pairs.js";

const blobs = new Map<string, Uint8Array>();
function file(path: string, content: string, mode = "100644"): RenameCandidate {
  const bytes = new Uint8Array(Buffer.from(content));
  const sha = createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
  blobs.set(sha, bytes);
  return { path, entry: { mode, type: "blob", sha, size: bytes.length } };
}
const read = async (sha: string) => blobs.get(sha) ?? new Uint8Array();
const lines = (id: string, n: number) => Array.from({ length: n }, (_, k) => `${id} line ${k}\n`).join("");

describe("contentSimilarity", () => {
  test("counts the bytes of the source's lines kept, over the larger size", () => {
    const before = Buffer.from("one\ntwo\nthree\nfour\n");
    const after = Buffer.from("one\ntwo\nTHREE\nfour\n");
    expect(contentSimilarity(before, after)).toBeCloseTo(13 / 19, 5);
    expect(contentSimilarity(before, before)).toBe(1);
  });

  test("ignores a CR before LF in text, and rules out files less than half the other's size", () => {
    expect(contentSimilarity(Buffer.from("a\r\nb\r\n"), Buffer.from("a\nb\n"))).toBeGreaterThan(0.6);
    expect(contentSimilarity(Buffer.from("a\n"), Buffer.from("a\nb\nc\nd\n"))).toBe(0);
  });

  test("cuts a long line into 64-byte chunks, so one changed byte does not lose the whole line", () => {
    const long = `${"x".repeat(640)}\n`;
    const changed = `${"x".repeat(639)}y\n`;
    expect(contentSimilarity(Buffer.from(long), Buffer.from(changed))).toBeGreaterThan(0.85);
  });
});

describe("pairRenames", () => {
  test("an identical file under a new name is a rename", async () => {
    const found = await pairRenames(
      [file("a.txt", lines("a", 5))],
      [file("moved/a.txt", lines("a", 5))],
      read,
    );
    expect([...found.pairs]).toEqual([["a.txt", "moved/a.txt"]]);
    expect([...found.unsure]).toEqual([]);
  });

  test("a file clearly kept above half is paired; a clearly different one is not", async () => {
    const found = await pairRenames(
      [file("a.txt", lines("a", 8)), file("b.txt", lines("b", 6))],
      [file("c.txt", lines("a", 8).replace("a line 3", "edited")), file("d.txt", lines("zz", 6))],
      read,
    );
    expect([...found.pairs]).toEqual([["a.txt", "c.txt"]]);
    expect([...found.unsure]).toEqual([]);
  });

  test("two destinations with the same content as one source: git's choice is not guessed", async () => {
    const found = await pairRenames(
      [file("a.txt", lines("a", 5))],
      [file("x/a.txt", lines("a", 5)), file("y/a.txt", lines("a", 5))],
      read,
    );
    expect([...found.pairs]).toEqual([]);
    expect([...found.unsure].sort()).toEqual(["a.txt", "x/a.txt", "y/a.txt"]);
  });

  test("a score near git's 50 % threshold is unsure, and so are rivals for one destination", async () => {
    const half = await pairRenames(
      [file("a.txt", "k1\nk2\nk3\nk4\nk5\nk6\n")],
      [file("b.txt", "k1\nk2\nk3\nn4\nn5\nn6\n")],
      read,
    );
    expect([...half.pairs]).toEqual([]);
    expect([...half.unsure].sort()).toEqual(["a.txt", "b.txt"]);

    const rivals = await pairRenames(
      [file("a.txt", lines("s", 8)), file("b.txt", `${lines("s", 8)}extra\n`)],
      [file("c.txt", `${lines("s", 8)}more\n`)],
      read,
    );
    expect([...rivals.pairs]).toEqual([]);
    expect([...rivals.unsure].sort()).toEqual(["a.txt", "b.txt", "c.txt"]);
  });

  test("empty files and symlinks are not paired here", async () => {
    const found = await pairRenames(
      [file("empty.txt", ""), file("link", "target", "120000")],
      [file("other.txt", ""), file("link2", "target", "120000")],
      read,
    );
    expect([...found.pairs]).toEqual([]);
    expect([...found.unsure].sort()).toEqual(["empty.txt", "link", "link2", "other.txt"]);
  });
});
