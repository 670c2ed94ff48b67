import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { UnsafeBranchNameError } from "../../src/cherry-pick/backport-branch.js";
import { manualBackportSteps } from "../../src/cherry-pick/manual-steps.js";
import { GitRepo } from "./git-repo.js";

/** The commands of the markdown's ```sh blocks, one argv per line, double quotes honoured. */
function commandBlocks(markdown: string): string[][][] {
  const blocks: string[][][] = [];
  for (const match of markdown.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const lines = (match[1] ?? "").split("\n").filter((line) => line.trim() !== "" && !line.startsWith("#"));
    blocks.push(lines.map((line) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? "")));
  }
  return blocks;
}

/** Runs one block in a clone; `<fixed files>` becomes the given paths. Returns the failed command, if any. */
function run(clone: GitRepo, block: string[][], fixed: string[] = []): string | null {
  for (const argv of block) {
    const args = argv.flatMap((arg) => (arg === "<fixed" ? fixed : arg === "files>" ? [] : [arg]));
    expect(args[0]).toBe("git");
    if (clone.tryGit(args.slice(1)).status !== 0) return args.join(" ");
  }
  return null;
}

interface World {
  origin: GitRepo;
  clone: GitRepo;
  base: string;
}

/** An origin with main and develop diverged from a base, and a fresh clone of it. */
function world(): World {
  const origin = new GitRepo({ bare: true });
  const seed = new GitRepo();
  const base = seed.commitTree(
    seed.writeTree({ "app.txt": "one\ntwo\nthree\nfour\nfive\nsix\n" }),
    [],
    "Base",
  );
  const develop = seed.commitTree(
    seed.writeTree({ "app.txt": "one\ntwo\nthree\nfour\nfive\nsix\n", "dev.txt": "develop work\n" }),
    [base],
    "Develop work",
  );
  seed.git(["push", "-q", origin.dir, `${base}:refs/heads/main`, `${develop}:refs/heads/develop`]);
  seed.remove();
  const clone = new GitRepo();
  clone.git(["remote", "add", "origin", origin.dir]);
  return { origin, clone, base };
}

/** Puts commits on origin's main (built on `parent`), returns their SHAs in order. */
function pushCommits(
  w: World,
  parent: string,
  trees: Record<string, string>[],
  messages: string[],
): string[] {
  const shas: string[] = [];
  let tip = parent;
  trees.forEach((files, k) => {
    tip = w.origin.commitTree(w.origin.writeTree(files), [tip], messages[k] ?? "commit");
    shas.push(tip);
  });
  w.origin.git(["update-ref", "refs/heads/main", tip]);
  return shas;
}

const BRANCH = "hotfix-bot/backport-7-to-develop";

describe("manualBackportSteps", () => {
  let w: World;
  beforeEach(() => {
    w = world();
  });
  afterEach(() => {
    w.origin.remove();
    w.clone.remove();
  });

  test("the commands backport a rebase merge as written, commits in order, and publish the branch", () => {
    const picks = pushCommits(
      w,
      w.base,
      [
        { "app.txt": "one\nTWO\nthree\nfour\nfive\nsix\n" },
        { "app.txt": "one\nTWO\nthree\nfour\nfive\nSIX\n" },
      ],
      ["Fix two", "Fix six"],
    );
    const [first = "", second = ""] = picks;
    const steps = manualBackportSteps({
      target: "develop",
      branch: BRANCH,
      method: "rebase",
      picks: [
        { sha: first, parent: w.base },
        { sha: second, parent: first },
      ],
    });
    const [pick = [], , publish = []] = commandBlocks(steps);
    expect(run(w.clone, pick)).toBeNull();
    expect(run(w.clone, publish)).toBeNull();

    const log = w.origin.git(["log", "--format=%s%n%b", `develop..${BRANCH}`]);
    expect(log).toContain(`(cherry picked from commit ${first})`);
    expect(log.indexOf("Fix six")).toBeLessThan(log.indexOf("Fix two"));
    expect(w.origin.git(["show", `${BRANCH}:app.txt`])).toBe("one\nTWO\nthree\nfour\nfive\nSIX\n");
    expect(w.origin.git(["show", `${BRANCH}:dev.txt`])).toBe("develop work\n");
  });

  test("a merge commit is picked with -m 1, and force-with-lease replaces what the bot pushed", () => {
    const [fix = ""] = pushCommits(
      w,
      w.base,
      [{ "app.txt": "one\ntwo\nTHREE\nfour\nfive\nsix\n" }],
      ["Fix three"],
    );
    const merge = w.origin.commitTree(
      w.origin.git(["rev-parse", `${fix}^{tree}`]).trim(),
      [w.base, fix],
      "Merge #7",
    );
    w.origin.git(["update-ref", "refs/heads/main", merge]);
    // The bot already pushed something to the backport branch.
    w.origin.git(["update-ref", `refs/heads/${BRANCH}`, w.origin.git(["rev-parse", "develop"]).trim()]);

    const steps = manualBackportSteps({
      target: "develop",
      branch: BRANCH,
      method: "merge",
      picks: [{ sha: merge, parent: w.base, mainline: 1 }],
    });
    expect(steps).toContain(`git cherry-pick -x -m 1 ${merge}`);
    const [pick = [], , publish = []] = commandBlocks(steps);
    expect(run(w.clone, pick)).toBeNull();
    expect(run(w.clone, publish)).toBeNull();
    expect(w.origin.git(["show", `${BRANCH}:app.txt`])).toBe("one\ntwo\nTHREE\nfour\nfive\nsix\n");
    expect(w.origin.git(["log", "-1", "--format=%B", BRANCH])).toContain(
      `(cherry picked from commit ${merge})`,
    );
  });

  test("after a conflict, the resolve commands finish the pick", () => {
    // develop changed the same line.
    const devTip = w.origin.commitTree(
      w.origin.writeTree({ "app.txt": "one\nDEV\nthree\nfour\nfive\nsix\n", "dev.txt": "develop work\n" }),
      [w.origin.git(["rev-parse", "develop"]).trim()],
      "Develop changes two",
    );
    w.origin.git(["update-ref", "refs/heads/develop", devTip]);
    const [squash = ""] = pushCommits(
      w,
      w.base,
      [{ "app.txt": "one\nFIX\nthree\nfour\nfive\nsix\n" }],
      ["Fix (#7)"],
    );
    const steps = manualBackportSteps({
      target: "develop",
      branch: BRANCH,
      method: "squash",
      picks: [{ sha: squash, parent: w.base }],
    });
    const [pick = [], resolve = [], publish = []] = commandBlocks(steps);
    expect(run(w.clone, pick)).toMatch(/^git cherry-pick -x /);
    writeFileSync(join(w.clone.dir, "app.txt"), "one\nDEV FIX\nthree\nfour\nfive\nsix\n");
    process.env.GIT_EDITOR = "true";
    try {
      expect(run(w.clone, resolve, ["app.txt"])).toBeNull();
    } finally {
      delete process.env.GIT_EDITOR;
    }
    expect(run(w.clone, publish)).toBeNull();
    expect(w.origin.git(["show", `${BRANCH}:app.txt`])).toBe("one\nDEV FIX\nthree\nfour\nfive\nsix\n");
  });

  test("finishing the bot's branch: resolve, commit, pick the rest, push", () => {
    const picks = pushCommits(
      w,
      w.base,
      [
        { "app.txt": "one\nTWO\nthree\nfour\nfive\nsix\n" },
        { "app.txt": "one\nTWO\nthree\nfour\nfive\nSIX\n" },
      ],
      ["Fix two", "Fix six"],
    );
    const [first = "", second = ""] = picks;
    // The bot's branch: develop plus the first pick committed with conflict markers.
    const develop = w.origin.git(["rev-parse", "develop"]).trim();
    const marked = w.origin.commitTree(
      w.origin.writeTree({
        "app.txt": "one\n<<<<<<< develop\ntwo\n=======\nTWO\n>>>>>>> fix\nthree\nfour\nfive\nsix\n",
        "dev.txt": "develop work\n",
      }),
      [develop],
      "Fix two",
    );
    w.origin.git(["update-ref", `refs/heads/${BRANCH}`, marked]);
    const steps = manualBackportSteps({
      target: "develop",
      branch: BRANCH,
      method: "rebase",
      picks: [
        { sha: first, parent: w.base },
        { sha: second, parent: first },
      ],
      stoppedAt: first,
    });
    const blocks = commandBlocks(steps);
    expect(blocks).toHaveLength(5);
    const [start = [], finish = []] = blocks.slice(3);
    expect(run(w.clone, start)).toBeNull();
    writeFileSync(join(w.clone.dir, "app.txt"), "one\nTWO\nthree\nfour\nfive\nsix\n");
    expect(run(w.clone, finish)).toBeNull();
    expect(w.origin.git(["show", `${BRANCH}:app.txt`])).toBe("one\nTWO\nthree\nfour\nfive\nSIX\n");
    expect(w.origin.git(["rev-list", "--count", `develop..${BRANCH}`]).trim()).toBe("3");
  });
});

describe("manualBackportSteps refuses what it cannot quote safely", () => {
  const pick = { sha: "a".repeat(40), parent: "b".repeat(40) };
  test.each([
    { target: "develop; rm -rf /", branch: BRANCH, picks: [pick] },
    { target: "develop", branch: "$(whoami)", picks: [pick] },
    { target: "develop", branch: BRANCH, picks: [{ ...pick, sha: "HEAD~1" }] },
    { target: "develop", branch: BRANCH, picks: [] },
  ])("%j", (input) => {
    expect(() => manualBackportSteps({ ...input, method: "squash" })).toThrow(UnsafeBranchNameError);
  });
});
