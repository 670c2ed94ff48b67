import fc from "fast-check";
import { cherryPickWith } from "../../src/cherry-pick/cherry-pick.js";
import { splitCoAuthors } from "./co-author.js";
import { GitRepo, LocalGitWriter, LocalTreeSource, readCommitAsync } from "./git-repo.js";
import { history, renamesPossible, writeHistory } from "./random-history.js";

/**
 * git is the judge: for random histories (a base, a develop branch and a hotfix commit, each edited at random
 * from a tiny alphabet so that edits collide, with modes, symlinks, binaries, additions and deletions) the
 * cherry-pick computed here — the local merge, and git's merge through the same sibling-commit technique when
 * the local merge cannot vouch for the result — must end where `git cherry-pick -x` ends: the same tree and
 * message, the same conflicting files (by their old names where git detected a rename), or nothing to pick.
 */

// `CHERRY_PICK_RUNS=3000` (and `CHERRY_PICK_SEED`) for a long run; `npm test` runs 100 from a fixed seed.
const RUNS = Number(process.env.CHERRY_PICK_RUNS ?? 100);
const SEED = Number(process.env.CHERRY_PICK_SEED ?? 20240501);

let repo: GitRepo;
const tally = { local: 0, server: 0, clean: 0, conflict: 0, empty: 0 };

beforeAll(() => {
  repo = new GitRepo();
  // A first commit, so that the worktree has a HEAD to leave.
  repo.git(["commit", "-q", "--allow-empty", "-m", "root"]);
});

afterAll(() => {
  repo.remove();
});

type GitVerdict =
  | { status: "clean"; tree: string; message: string; author: string }
  | { status: "conflict"; files: string[] }
  | { status: "empty" };

async function gitCherryPick(onto: string, pick: string): Promise<GitVerdict> {
  await repo.run(["checkout", "-q", "-f", "--detach", onto]);
  const attempt = await repo.tryRun(["cherry-pick", "-x", pick]);
  if (attempt.status === 0) {
    const head = await readCommitAsync(repo, "HEAD");
    return {
      status: "clean",
      tree: head.tree,
      message: head.message,
      author: `${head.author.name} <${head.author.email}> ${head.author.date}`,
    };
  }
  const unmerged = (await repo.run(["diff", "--name-only", "--diff-filter=U"])).split("\n").filter(Boolean);
  await repo.tryRun(["cherry-pick", "--abort"]);
  await repo.run(["clean", "-q", "-f", "-d"]);
  if (unmerged.length > 0) return { status: "conflict", files: unmerged.sort() };
  return { status: "empty" };
}

test(
  "cherry-picks exactly as git cherry-pick -x does, locally where it can and through git's merge elsewhere",
  async () => {
    await fc.assert(
      fc.asyncProperty(history, async (h) => {
        const { base, develop, hotfix } = await writeHistory(repo, h);
        const verdict = await gitCherryPick(develop, hotfix);
        const writer = new LocalGitWriter(repo);
        const source = new LocalTreeSource(repo);
        const result = await cherryPickWith(source, writer, {
          ontoSha: develop,
          ontoLabel: "develop",
          picks: [{ sha: hotfix, parent: base }],
          verified: true,
        }).finally(() => source.close());
        tally[result.usedServerMerge ? "server" : "local"]++;
        tally[verdict.status]++;

        expect(result.status).toBe(verdict.status);
        if (verdict.status === "clean") {
          const made = await readCommitAsync(repo, result.headSha);
          expect(made.tree).toBe(verdict.tree);
          // Trailers aside, git's message; the original author (whom git keeps as author) is credited by a
          // trailer, as the commit is sent without an author for GitHub to sign it.
          const { message, coAuthors } = splitCoAuthors(made.message);
          expect(message).toBe(verdict.message);
          expect(coAuthors).toEqual([`Co-authored-by: ${verdict.author.replace(/ \S+$/, "")}`]);
          expect(made.parents).toEqual([develop]);
          if (!result.usedServerMerge) expect(writer.log).toEqual(["tree", "commit"]);
        } else if (verdict.status === "conflict") {
          // A conflict git is certain to have, drafted with its own content merge, needs no server-side merge;
          // the files it lists are then exactly git's.
          if (!result.usedServerMerge) {
            expect(writer.log).toEqual(["tree", "commit"]);
            expect(result.conflictFiles).toEqual(verdict.files);
          }
          // GitHub's merge endpoint names no file; with a rename git reports the new path, the plan the old one.
          if (!renamesPossible(h)) expect(result.conflictFiles).toEqual(verdict.files);
          else expect(result.conflictFiles.length).toBeGreaterThan(0);
          expect((await readCommitAsync(repo, result.headSha)).parents).toEqual([develop]);
        } else {
          expect(result.headSha).toBe(develop);
          expect(result.commits).toEqual([{ pick: hotfix, commit: null }]);
        }
        // The temporary branch of the server-side merge never outlives the call.
        expect(await repo.run(["for-each-ref", "refs/heads/hotfix-bot/"])).toBe("");
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    process.stdout.write(`cherry-pick property tally: ${JSON.stringify(tally)}\n`);
    // The generator must exercise every path, or the property proves little.
    expect(tally.local).toBeGreaterThan(RUNS / 5);
    // Content conflicts are drafted locally now: the server path is rarer, and still exercised.
    expect(tally.server).toBeGreaterThan(RUNS / 10);
    expect(tally.conflict).toBeGreaterThan(RUNS / 10);
    expect(tally.clean).toBeGreaterThan(RUNS / 5);
    expect(tally.empty).toBeGreaterThan(0);
  },
  120_000 + RUNS * 5_000,
);
