import type { HotfixConfig } from "../config/schema.js";

/**
 * The hotfix team (`team.reviewers`, `team.assignees`) turned into GitHub's requests (pure). GitHub takes at most
 * 10 assignees on an issue and refuses bots as assignees; reviewers come as user logins (`reviewers`) or team
 * slugs of the repository's own organization (`team_reviewers`).
 */

type TeamConfig = Pick<HotfixConfig, "team">;

const MAX_ASSIGNEES = 10;

const isBot = (login: string) => login.toLowerCase().endsWith("[bot]");

/** Logins once each (GitHub logins are case-insensitive), in order, bots left out, at most GitHub's limit. */
function people(logins: readonly (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const login of logins) {
    if (!login || isBot(login) || seen.has(login.toLowerCase())) continue;
    seen.add(login.toLowerCase());
    out.push(login);
  }
  return out.slice(0, MAX_ASSIGNEES);
}

/** Who is assigned to the incident: its commander, then `team.assignees`. */
export function incidentAssignees(config: TeamConfig, commander: string | null | undefined): string[] {
  return people([commander, ...config.team.assignees]);
}

/**
 * Who is assigned to a follow-up: `team.assignees` and the commander; without a known commander, the PR's author
 * (who knows the change best).
 */
export function followUpAssignees(
  config: TeamConfig,
  commander: string | null | undefined,
  author: string,
): string[] {
  return people([...config.team.assignees, commander || author]);
}

export interface ReviewRequest {
  /** User logins for `reviewers`. */
  reviewers: string[];
  /** Team slugs (without the organization) for `team_reviewers`. */
  teamReviewers: string[];
  /** Entries GitHub cannot take here, with why: a team of another organization, the PR's own author. */
  refused: { reviewer: string; reason: string }[];
}

/** `team.reviewers` as one review request on a PR of `owner`'s repository opened by `author`. */
export function reviewRequest(config: TeamConfig, owner: string, author: string | null): ReviewRequest {
  const request: ReviewRequest = { reviewers: [], teamReviewers: [], refused: [] };
  const seen = new Set<string>();
  for (const entry of config.team.reviewers) {
    const key = entry.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const slash = entry.indexOf("/");
    if (slash < 0) {
      if (author !== null && key === author.toLowerCase())
        request.refused.push({ reviewer: entry, reason: "the PR's author cannot review it" });
      else request.reviewers.push(entry);
      continue;
    }
    const org = entry.slice(0, slash);
    if (org.toLowerCase() !== owner.toLowerCase())
      request.refused.push({ reviewer: entry, reason: `not a team of ${owner}, which owns the repository` });
    else request.teamReviewers.push(entry.slice(slash + 1));
  }
  return request;
}
