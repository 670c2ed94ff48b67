import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe(".gitignore", () => {
  it("ignores no committed file", () => {
    // Tracked files that the ignore rules match: a rule that hides what the repository ships.
    const ignored = execFileSync("git", ["ls-files", "--cached", "--ignored", "--exclude-standard"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(ignored.split("\n").filter(Boolean)).toEqual([]);
  });

  it.each(["dist/index.js", "dist/cli/cli.js"])("does not ignore the committed bundle %s", (path) => {
    // check-ignore exits 1 when the path is not ignored (--no-index: whether tracked or not).
    const result = spawnSync("git", ["check-ignore", "--no-index", "-q", path], { cwd: root });
    expect(result.status).toBe(1);
  });
});
