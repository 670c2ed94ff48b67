import { measureFidelity, productMerge } from "../test/cherry-pick/git-merge/fidelity.js";

// `npm run fidelity [-- --cases 3000 --seed 1]`: the conflict drafts' content merge against `git cherry-pick -x`
// on generated histories (adjacent blocks, repeated lines, edges, missing final newline, CRLF, overlapping edits,
// delete versus edit, sliding blocks, lines repeated past the histogram limit). Prints cases, conflicts and
// disagreements; exits non-zero on any disagreement.

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const count = option("cases", 3000);
const seed = option("seed", 20260401);
const figures = measureFidelity(productMerge, { seed, count, keepExamples: 3 });

console.log(`content merge vs git cherry-pick -x (seed ${seed})`);
console.log(`cases: ${figures.cases}`);
console.log(`conflicts (git): ${figures.conflicts}`);
console.log(
  `disagreements: ${figures.disagreements} (conflict drafts differing: ${figures.conflictDraftsDiffering})`,
);
console.log(
  `drafts flagged as not git's (the draft says so): ${figures.notReproduced}, of which differ: ${figures.flaggedDiffering}`,
);
for (const [kind, row] of Object.entries(figures.byKind)) {
  console.log(
    `  ${kind}: ${row.cases} cases, ${row.conflicts} conflicts, ${row.disagreements} disagreements`,
  );
}
for (const example of figures.examples) {
  console.log(`\n--- seed ${example.seed}, case ${example.index} (${example.case.kind})`);
  console.log(JSON.stringify(example.case));
  console.log(`git conflicted: ${example.gitConflicted}; draft conflicted: ${example.mineConflicted}`);
  console.log(`git:\n${example.git}\ndraft:\n${example.mine}`);
}
if (figures.disagreements > 0) process.exitCode = 1;
