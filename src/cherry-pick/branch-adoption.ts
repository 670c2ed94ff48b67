import type { CommitFacts } from "./git-tree.js";

/**
 * How many names a bot branch may take: its deterministic name, then `-2` … `-5`. Each is tried in order, so every
 * run (a redelivery, a second instance, reconcile) refuses the same foreign branches and lands on the same name.
 */
export const BRANCH_NAME_ATTEMPTS = 5;

/** `name`, `name-2`, `name-3`, … : the names a bot branch may take, in the order they are tried (pure). */
export function branchNameCandidates(name: string, attempts = BRANCH_NAME_ATTEMPTS): string[] {
  return Array.from({ length: attempts }, (_, index) => (index === 0 ? name : `${name}-${index + 1}`));
}

/**
 * Whether a commit found on a branch carries the same change as one the bot computed: the same tree and the same
 * message (its `(cherry picked from …)` and `Co-authored-by:` trailers included) on a single parent. Never by SHA:
 * a commit GitHub signs gets GitHub's committer date and signature, so the same change made twice has two SHAs.
 * A commit GitHub signed is matched only by one it signed too: an unsigned copy would block the PR on a branch that
 * requires signatures. The parents themselves are compared by the caller, which walks both chains down to the
 * commit they start from.
 */
export function sameChange(found: CommitFacts, computed: CommitFacts): boolean {
  return (
    found.tree === computed.tree &&
    found.message === computed.message &&
    found.parents.length === 1 &&
    computed.parents.length === 1 &&
    (computed.verified !== true || found.verified === true)
  );
}
