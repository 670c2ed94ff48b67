import type { HotfixConfig, Severity } from "../config/schema.js";
import type { RuleResult } from "./rule-result.js";

type ApprovalConfig = Pick<HotfixConfig, "approvals">;

export interface ReviewFact {
  id: number;
  /** Null for a deleted account. */
  reviewer: string | null;
  /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED or PENDING. */
  state: string;
  submittedAt: string | null;
  /** GitHub's author_association of the reviewer: OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE, … */
  association: string;
}

export interface ApprovalFacts {
  reviews: readonly ReviewFact[];
  author: string | null;
  /** Logins of the PR's commit authors; their approvals do not count either. */
  commitAuthors?: readonly string[];
  severity: Severity;
  /** Members of each `org/team` named in the rule's `from` (lower-case key); null when it could not be read. */
  teams: Readonly<Record<string, readonly string[] | null>>;
}

export interface ApprovalResult extends RuleResult {
  /** Logins whose approval counted. */
  approvedBy: string[];
}

type Standing = "APPROVED" | "CHANGES_REQUESTED";

/**
 * Without a `from` list, the people whose review counts are those GitHub marks as owners, members and
 * collaborators: on a public repository anyone may leave a review, and a drive-by "changes requested" must
 * neither block a hotfix nor count as an approval.
 */
const TRUSTED_ASSOCIATIONS = new Set(["OWNER", "MEMBER", "COLLABORATOR"]);

/** The `org/team` entries of a severity's `from` list: the team memberships the gate must read. */
export function approvalTeams(severity: Severity, config: ApprovalConfig): string[] {
  return config.approvals[severity].from.filter((entry) => entry.includes("/")).map((t) => t.toLowerCase());
}

/**
 * Each reviewer's standing review: the latest that says something. A COMMENTED review leaves an earlier approval
 * or change request standing; a DISMISSED one (GitHub rewrites the dismissed review's state) clears it.
 */
export function standingReviews(
  reviews: readonly ReviewFact[],
  author: string | null,
  commitAuthors: readonly string[] = [],
): Map<string, { login: string; state: Standing; association: string }> {
  const ordered = reviews
    .filter((r) => r.reviewer !== null && r.state !== "PENDING")
    .slice()
    .sort((a, b) => (a.submittedAt ?? "").localeCompare(b.submittedAt ?? "") || a.id - b.id);
  const standing = new Map<string, { login: string; state: Standing; association: string }>();
  // The author's own review never counts, whatever GitHub allowed them to submit; nor does the review of anyone
  // who wrote commits in the PR (on a PR the bot opened, the author is the bot and the fixer is a commit author).
  const excluded = new Set(
    [author, ...commitAuthors].flatMap((login) => (login ? [login.toLowerCase()] : [])),
  );
  for (const review of ordered) {
    const login = review.reviewer as string;
    const key = login.toLowerCase();
    if (excluded.has(key)) continue;
    if (review.state === "APPROVED" || review.state === "CHANGES_REQUESTED") {
      standing.set(key, { login, state: review.state, association: review.association });
    } else if (review.state === "DISMISSED") {
      standing.delete(key);
    }
  }
  return standing;
}

export function checkApprovals(facts: ApprovalFacts, config: ApprovalConfig): ApprovalResult {
  const { severity } = facts;
  const rule = config.approvals[severity];
  const from = rule.from.map((entry) => entry.toLowerCase());
  const fromLogins = new Set(from.filter((entry) => !entry.includes("/")));
  const fromTeams = from.filter((entry) => entry.includes("/"));
  const details: string[] = [];

  for (const team of fromTeams) {
    if (!facts.teams[team]) {
      details.push(
        `team ${team} could not be read (the app needs the organization Members: read permission)`,
      );
    }
  }
  const teamMembers = new Set(
    fromTeams.flatMap((team) => (facts.teams[team] ?? []).map((login) => login.toLowerCase())),
  );
  const counts = (key: string, association: string) =>
    from.length === 0 ? TRUSTED_ASSOCIATIONS.has(association) : fromLogins.has(key) || teamMembers.has(key);

  const approvedBy: string[] = [];
  const blockers: string[] = [];
  const commitAuthors = facts.commitAuthors ?? [];
  for (const [key, review] of standingReviews(facts.reviews, facts.author, commitAuthors)) {
    const counted = counts(key, review.association);
    if (review.state === "CHANGES_REQUESTED") {
      if (counted || TRUSTED_ASSOCIATIONS.has(review.association)) blockers.push(review.login);
    } else if (counted) {
      approvedBy.push(review.login);
    } else {
      details.push(
        from.length === 0
          ? `approval by ${review.login} does not count (${review.association.toLowerCase()}, not a collaborator)`
          : `approval by ${review.login} does not count (not in approvals.${severity}.from)`,
      );
    }
  }
  const author = facts.author?.toLowerCase();
  if (author && facts.reviews.some((r) => r.reviewer?.toLowerCase() === author && r.state === "APPROVED")) {
    details.push(`the author's own approval (${facts.author}) does not count`);
  }
  for (const login of commitAuthors) {
    const key = login.toLowerCase();
    if (key === author) continue;
    if (facts.reviews.some((r) => r.reviewer?.toLowerCase() === key && r.state === "APPROVED")) {
      details.push(`approval by ${login} does not count (they wrote commits in this PR)`);
    }
  }

  const base = { rule: "approvals" as const, label: "Approvals", approvedBy, details };
  const approvedText = approvedBy.length > 0 ? `approved by ${approvedBy.join(", ")}` : "no approval yet";
  if (blockers.length > 0) {
    return { ...base, state: "fail", reason: `changes requested by ${blockers.join(", ")}` };
  }
  if (rule.required === 0) {
    if (approvedBy.length > 0) {
      return { ...base, state: "pass", reason: `${approvedText} (none required for ${severity})` };
    }
    return {
      ...base,
      state: "warn",
      reason: `no approval: a post-deploy review follow-up will be opened (${severity} may merge without one)`,
    };
  }
  if (approvedBy.length >= rule.required) {
    return { ...base, state: "pass", reason: `${approvedText} (${rule.required} required for ${severity})` };
  }
  const missing = rule.required - approvedBy.length;
  return {
    ...base,
    state: "pending",
    reason: `${missing} more approval${missing === 1 ? "" : "s"} needed for ${severity} (${rule.required} required; ${approvedText})`,
  };
}
