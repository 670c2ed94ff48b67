import fc from "fast-check";
import { compareWithGit } from "./git-fidelity.js";
import { GitRepo } from "./git-repo.js";
import { renameHistory } from "./rename-history.js";

/**
 * git is the judge of the shapes git handles through rename detection: renames on both sides, rename/delete,
 * directory <-> submodule, merge commits picked with `-m 1` (a rename onto a name the target already has among
 * them). A clean pick must be git's tree and message; a conflicting one must list git's conflicted paths, hold
 * git's content for every path git resolved, and hand to a person (never pass silently) what it cannot draft.
 * `npm run fidelity:trees -- --cases 2000` runs the same comparison at scale and prints the figures.
 */

// `RENAME_PICK_RUNS` and `RENAME_PICK_SEED` for another run; `npm test` runs 100 from a fixed seed.
const RUNS = Number(process.env.RENAME_PICK_RUNS ?? 100);
const SEED = Number(process.env.RENAME_PICK_SEED ?? 20240501);

let repo: GitRepo;
beforeAll(() => {
  repo = new GitRepo();
  repo.git(["commit", "-q", "--allow-empty", "-m", "root"]);
});
afterAll(() => {
  repo.remove();
});

test(
  "renames, rename/delete, directory <-> submodule and -m 1 merges end where git cherry-pick -x ends",
  async () => {
    const seen = { conflict: 0, clean: 0, rename: 0, submodule: 0, merge: 0 };
    await fc.assert(
      fc.asyncProperty(renameHistory, async (h) => {
        const verdict = await compareWithGit(repo, h);
        if (verdict.status !== "empty") seen[verdict.status]++;
        if (h.classes.includes("rename")) seen.rename++;
        if (h.classes.includes("submodule")) seen.submodule++;
        if (h.classes.includes("merge-m1")) seen.merge++;
        expect(verdict.disagreements).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // The generator must reach every shape, or the property proves little.
    expect(seen.conflict).toBeGreaterThan(RUNS / 10);
    expect(seen.clean).toBeGreaterThan(0);
    expect(seen.rename).toBeGreaterThan(RUNS / 4);
    expect(seen.submodule).toBeGreaterThan(RUNS / 20);
    expect(seen.merge).toBeGreaterThan(RUNS / 20);
  },
  60_000 + RUNS * 6_000,
);
