/**
 * Backport fidelity against real git, at scale: generated histories with renames on both sides, rename/delete,
 * directory <-> submodule swaps and merge commits picked with `-m 1`, each cherry-picked by the bot and by
 * `git cherry-pick -x`. Prints cases, conflicts and disagreements in total and per class.
 *
 *   npm run fidelity:trees -- --cases 2000 [--seed 20240501] [--show 5]
 */
import fc from "fast-check";
import { compareWithGit } from "../test/cherry-pick/git-fidelity.js";
import { GitRepo } from "../test/cherry-pick/git-repo.js";
import { type CaseClass, renameHistory } from "../test/cherry-pick/rename-history.js";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number`);
  return value;
}

const cases = option("cases", 500);
const seed = option("seed", 20240501);
const show = option("show", 5);

type Tally = { cases: number; conflicts: number; disagreements: number; handedToPerson: number };
const empty = (): Tally => ({ cases: 0, conflicts: 0, disagreements: 0, handedToPerson: 0 });
const total = empty();
const byClass = new Map<CaseClass | "other", Tally>();
const shown: string[] = [];

const repo = new GitRepo();
repo.git(["commit", "-q", "--allow-empty", "-m", "root"]);
try {
  const histories = fc.sample(renameHistory, { numRuns: cases, seed });
  for (const [k, h] of histories.entries()) {
    const verdict = await compareWithGit(repo, h);
    for (const tally of [total, ...(h.classes.length > 0 ? h.classes : ["other" as const]).map(classTally)]) {
      tally.cases++;
      if (verdict.status === "conflict") tally.conflicts++;
      if (verdict.disagreements.length > 0) tally.disagreements++;
      if (verdict.undrafted > 0) tally.handedToPerson++;
    }
    if ((k + 1) % 100 === 0) process.stderr.write(`${k + 1} of ${cases} cases\n`);
    if (verdict.disagreements.length > 0 && shown.length < show) {
      shown.push(`case ${k} [${h.classes.join(", ")}]: ${verdict.disagreements.join("; ")}`);
    }
  }
} finally {
  repo.remove();
}

function classTally(name: CaseClass | "other"): Tally {
  let tally = byClass.get(name);
  if (!tally) {
    tally = empty();
    byClass.set(name, tally);
  }
  return tally;
}

const row = (name: string, t: Tally) =>
  `${name.padEnd(14)} ${String(t.cases).padStart(6)} ${String(t.conflicts).padStart(9)} ${String(t.disagreements).padStart(13)} ${String(t.handedToPerson).padStart(16)}`;
console.log(`fidelity of conflict drafts and clean picks against git cherry-pick -x (seed ${seed})`);
console.log(
  `${"class".padEnd(14)} ${"cases".padStart(6)} ${"conflicts".padStart(9)} ${"disagreements".padStart(13)} ${"handed to person".padStart(16)}`,
);
console.log(row("all", total));
for (const [name, tally] of [...byClass.entries()].sort()) console.log(row(name, tally));
for (const line of shown) console.log(line);
