/** The hotfix branch of an incident: deterministic, so that the ref itself is the ledger of the cut. */
export function incidentBranchName(incident: number): string {
  if (!Number.isSafeInteger(incident) || incident < 1)
    throw new RangeError(`not an issue number: ${incident}`);
  return `hotfix/incident-${incident}`;
}

/** The incident number of a `hotfix/incident-<n>` branch, or null. */
export function incidentOfBranch(branch: string): number | null {
  const match = /^hotfix\/incident-([1-9][0-9]{0,9})$/.exec(branch);
  if (!match) return null;
  const n = Number(match[1]);
  return n <= 2_147_483_647 ? n : null;
}
