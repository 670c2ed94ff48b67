/**
 * The incident a hotfix PR belongs to: `Incident: #12` in the body wins, then a closing keyword (`Fixes #12`,
 * `Closes #12`, `Resolves #12` and their other tenses, as GitHub reads them), then a `hotfix/incident-12` head
 * branch. Only same-repository references count: `other/repo#12` names someone else's issue.
 */

const MAX_ISSUE_NUMBER = 2_147_483_647;

// Separators are written so that no run of spaces can be split two ways (no quadratic backtracking).
// `(?<![\w/#-])` keeps `prefixes #3` and `org/repo#3` from matching; `(?![\w-])` ends the number cleanly.
const EXPLICIT = /(?<![\w/#-])incident\s*:\s*#([1-9][0-9]{0,9})(?![\w-])/i;
const CLOSING =
  /(?<![\w/#-])(?:close|closes|closed|fix|fixes|fixed|resolve|resolves|resolved)(?:\s*:\s*|\s+)#([1-9][0-9]{0,9})(?![\w-])/i;
const BRANCH = /^hotfix\/incident-([1-9][0-9]{0,9})$/;

function toNumber(digits: string | undefined): number | null {
  if (digits === undefined) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n <= MAX_ISSUE_NUMBER ? n : null;
}

export function linkedIncidentNumber({
  body,
  headRef,
}: {
  body: string | null | undefined;
  headRef: string | null | undefined;
}): number | null {
  const text = body ?? "";
  return (
    toNumber(EXPLICIT.exec(text)?.[1]) ??
    toNumber(CLOSING.exec(text)?.[1]) ??
    toNumber(BRANCH.exec(headRef ?? "")?.[1])
  );
}
