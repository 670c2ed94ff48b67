import type { RefusedBranchState, TimelineEntry } from "./timeline-state.js";

/**
 * The timeline's account of the bot branches it would not adopt (pure): one entry per refused name, saying whose
 * tip it is not and which name was used instead, keyed by the name so that a re-run repeats no entry.
 */
export function refusedBranchEntries(
  refused: readonly RefusedBranchState[] | undefined,
  used: string | undefined,
  at: string,
): TimelineEntry[] {
  return (refused ?? []).map(({ branch, tip }) => ({
    key: `refused-branch-${branch}`,
    at,
    text:
      `Refused the existing branch ${branch}: its tip ${tip.slice(0, 7)} is not the commit hotfix-bot computed` +
      (used ? `; used ${used} instead` : ""),
  }));
}
