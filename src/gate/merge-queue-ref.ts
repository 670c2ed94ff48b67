/**
 * The pull request a merge group was built for, from its head ref: GitHub names merge queue branches
 * `gh-readonly-queue/<base>/pr-<number>-<head sha>` (the base may contain slashes).
 */
const QUEUE_REF = /^(?:refs\/heads\/)?gh-readonly-queue\/.+\/pr-([1-9][0-9]{0,9})-[0-9a-f]{40}$/;

export function mergeQueuePullNumber(headRef: string): number | null {
  const digits = QUEUE_REF.exec(headRef)?.[1];
  if (digits === undefined) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}

/** `refs/heads/main` -> `main`. */
export function branchOfRef(ref: string): string {
  return ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : ref;
}
