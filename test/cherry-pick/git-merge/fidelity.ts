import { mergeFileLikeGit } from "../../../src/cherry-pick/git-merge/merge-file-like-git.js";
import { CASE_KINDS, type CaseKind, type ConflictCase, generateCases } from "./conflict-cases.js";
import { CherryPickJudge, conflictBlocks, withOursLabel } from "./git-cherry-pick-judge.js";

/** A content merge under test: the text it writes and whether it reports a conflict. */
export type MergeUnderTest = (input: {
  base: string;
  ours: string;
  theirs: string;
  oursLabel: string;
  theirsLabel: string;
}) => { text: string; conflicted: boolean; reproduced?: boolean };

/** The product's content merge, as measured: a result it does not vouch for is counted apart. */
export const productMerge: MergeUnderTest = (input) => {
  const result = mergeFileLikeGit(input);
  return result.reproduced
    ? { text: result.text, conflicted: result.conflicts > 0 }
    : { text: "", conflicted: true, reproduced: false };
};

export interface Disagreement {
  seed: number;
  index: number;
  case: ConflictCase;
  gitConflicted: boolean;
  mineConflicted: boolean;
  /** The first conflict block (or the whole text for a clean merge) where the two differ. */
  git: string;
  mine: string;
}

export interface FidelityFigures {
  cases: number;
  /** Cases git conflicts on. */
  conflicts: number;
  /** Cases where the draft differs from git's without saying so. */
  disagreements: number;
  /** Conflicting cases whose draft differs from git's work-tree file. */
  conflictDraftsDiffering: number;
  /** Cases the implementation flagged as not reproduced (its draft says so), and how many of them differ. */
  notReproduced: number;
  flaggedDiffering: number;
  byKind: Record<CaseKind, { cases: number; conflicts: number; disagreements: number }>;
  examples: Disagreement[];
}

export const OURS_LABEL = "develop";

/**
 * Runs `count` generated cases (from `seed`, in batches of `batch` files per cherry-pick) through `merge` and
 * through `git cherry-pick -x`, and counts where they differ: the conflict verdict, or the bytes of the file
 * (conflict blocks compared one by one, with only the `<<<<<<<` label normalised).
 */
export function measureFidelity(
  merge: MergeUnderTest,
  options: { seed: number; count: number; batch?: number; keepExamples?: number },
): FidelityFigures {
  const batch = options.batch ?? 150;
  const cases = generateCases(options.seed, options.count);
  const byKind = Object.fromEntries(
    CASE_KINDS.map((kind) => [kind, { cases: 0, conflicts: 0, disagreements: 0 }]),
  ) as FidelityFigures["byKind"];
  const figures: FidelityFigures = {
    cases: 0,
    conflicts: 0,
    disagreements: 0,
    conflictDraftsDiffering: 0,
    notReproduced: 0,
    flaggedDiffering: 0,
    byKind,
    examples: [],
  };
  const judge = new CherryPickJudge();
  try {
    for (let start = 0; start < cases.length; start += batch) {
      const slice = cases.slice(start, start + batch);
      const { verdicts, theirsLabel } = judge.judge(slice);
      slice.forEach((c, k) => {
        const verdict = verdicts[k] as { conflicted: boolean; text: string };
        const mine = merge({ ...c, oursLabel: OURS_LABEL, theirsLabel });
        const gitText = withOursLabel(verdict.text, OURS_LABEL);
        const kind = byKind[c.kind];
        figures.cases++;
        kind.cases++;
        if (mine.reproduced === false) figures.notReproduced++;
        if (verdict.conflicted) {
          figures.conflicts++;
          kind.conflicts++;
        }
        const same = mine.conflicted === verdict.conflicted && mine.text === gitText;
        if (same) return;
        if (mine.reproduced === false) {
          figures.flaggedDiffering++;
          return;
        }
        figures.disagreements++;
        kind.disagreements++;
        if (verdict.conflicted) figures.conflictDraftsDiffering++;
        if (figures.examples.length < (options.keepExamples ?? 3)) {
          const [git, own] = firstDifference(gitText, mine.text);
          figures.examples.push({
            seed: options.seed,
            index: start + k,
            case: c,
            gitConflicted: verdict.conflicted,
            mineConflicted: mine.conflicted,
            git,
            mine: own,
          });
        }
      });
    }
  } finally {
    judge.close();
  }
  return figures;
}

/** The first conflict block that differs, or both whole texts when the blocks agree but the rest does not. */
function firstDifference(git: string, mine: string): [string, string] {
  const gitBlocks = conflictBlocks(git);
  const mineBlocks = conflictBlocks(mine);
  for (let k = 0; k < Math.max(gitBlocks.length, mineBlocks.length); k++) {
    if (gitBlocks[k] !== mineBlocks[k]) return [gitBlocks[k] ?? "(no block)", mineBlocks[k] ?? "(no block)"];
  }
  return [git, mine];
}
