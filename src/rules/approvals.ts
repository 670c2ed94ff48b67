import type { HotfixConfig, Severity } from "../config/schema.js";
import type { Account } from "../util/permission.js";
import type { RuleResult } from "./rule-result.js";

type ApprovalConfig = Pick<HotfixConfig, "approvals">;

export interface ReviewFact {
  id: number;
  /** Null for a deleted account. */
  reviewer: Account | null;
  /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED or PENDING. */
  state: string;
  submittedAt: string | null;
  /** The commit the review was left on (null when GitHub no longer knows it). */
  commitId: string | null;
}

/** Why someone's approval cannot count on this PR: they took part in the change. */
export type ContributorRole = "author" | "committer" | "pusher";

/**
 * Everyone who took part in the change, by GitHub user id: the PR author, the GitHub users GitHub attributes each
 * commit's author and committer to, and whoever moved the head branch (GitHub's activity record of the branch).
 */
export interface Contributors {
  roles: ReadonlyMap<number, readonly ContributorRole[]>;
  /** Commits whose author or committer GitHub attributes to no account: nobody can tell who wrote them. */
  unattributable: readonly string[];
  /** Set when a listing was cut short (more commits or pushes than can be read): who took part is unknown. */
  incomplete: string | null;
}

export interface ApprovalFacts {
  /** The PR head: only reviews of this commit count. */
  headSha: string;
  reviews: readonly ReviewFact[];
  /** False when the review listing was cut short (a change request may be missing). */
  reviewsComplete: boolean;
  /** Null when nothing needed them (no standing review and none required). */
  contributors: Contributors | null;
  /** Write access (or more) of the reviewers whose standing review matters, by user id; see `accountsToCheck`. */
  writers: ReadonlyMap<number, boolean>;
  /** Member ids of each `org/team` named in the rule's `from` (lower-case key); null when it could not be read. */
  teams: Readonly<Record<string, readonly number[] | null>>;
}

export interface StandingReview {
  reviewer: Account;
  state: "APPROVED" | "CHANGES_REQUESTED";
  commitId: string | null;
}

/** The `org/team` entries of a severity's `from` list: the team memberships the gate must read. */
export function approvalTeams(severity: Severity, config: ApprovalConfig): string[] {
  return config.approvals[severity].from.filter((entry) => entry.includes("/")).map((t) => t.toLowerCase());
}

/**
 * Each reviewer's standing review, by user id: the latest that says something. A COMMENTED review leaves an
 * earlier approval or change request standing; a DISMISSED one (GitHub rewrites the dismissed review's state)
 * clears it.
 */
export function standingReviews(reviews: readonly ReviewFact[]): Map<number, StandingReview> {
  const ordered = reviews
    .filter((r) => r.reviewer !== null && r.state !== "PENDING")
    .slice()
    .sort((a, b) => (a.submittedAt ?? "").localeCompare(b.submittedAt ?? "") || a.id - b.id);
  const standing = new Map<number, StandingReview>();
  for (const review of ordered) {
    const reviewer = review.reviewer as Account;
    if (review.state === "APPROVED" || review.state === "CHANGES_REQUESTED") {
      standing.set(reviewer.id, { reviewer, state: review.state, commitId: review.commitId });
    } else if (review.state === "DISMISSED") {
      standing.delete(reviewer.id);
    }
  }
  return standing;
}

/** Whether the contributors must be read: someone reviewed, or the severity needs approvals. */
export function needsContributors(reviews: readonly ReviewFact[], required: number): boolean {
  return required > 0 || standingReviews(reviews).size > 0;
}

/**
 * The reviewers whose write access decides something: a standing approval of the head, or a standing change
 * request (of any commit: a writer's objection stands until they withdraw it), from someone who did not take part.
 */
export function accountsToCheck(
  reviews: readonly ReviewFact[],
  headSha: string,
  contributors: Contributors | null,
): Account[] {
  return [...standingReviews(reviews).values()]
    .filter((review) => !contributors?.roles.has(review.reviewer.id))
    .filter((review) => review.state === "CHANGES_REQUESTED" || review.commitId === headSha)
    .map((review) => review.reviewer);
}

const ROLE_TEXT: Record<ContributorRole, string> = {
  author: "they opened this PR",
  committer: "they wrote or committed commits in this PR",
  pusher: "they pushed to this PR",
};

export interface CountedApprovals {
  /** The approvals that count, in review order. */
  approvedBy: Account[];
  /** Writers (or allowed reviewers) whose change request blocks the PR. */
  blockers: Account[];
  /** One line per review that did not count, and why. */
  notes: string[];
  /** Why no approval can count at all (unattributable commits, a cut listing); null when approvals can count. */
  closed: string | null;
}

const short = (sha: string | null) => (sha ? sha.slice(0, 7) : "an unknown commit");

/**
 * The one predicate of "who approved this PR", shared by the gate and the after-merge pipeline: a standing
 * approval of the head commit, from a writer (checked through the API) who is allowed by the severity's `from`
 * list and took no part in the change (did not open it, author or commit it, or push to it).
 */
export function countedApprovals(
  facts: ApprovalFacts,
  severity: Severity,
  config: ApprovalConfig,
): CountedApprovals {
  const rule = config.approvals[severity];
  const from = rule.from.map((entry) => entry.toLowerCase());
  const fromLogins = new Set(from.filter((entry) => !entry.includes("/")));
  const fromTeams = from.filter((entry) => entry.includes("/"));
  const teamMembers = new Set(fromTeams.flatMap((team) => facts.teams[team] ?? []));
  // `from` names logins (that is how people write configuration); the team listing gives ids.
  const allowed = (account: Account) =>
    from.length === 0 || fromLogins.has(account.login.toLowerCase()) || teamMembers.has(account.id);

  const notes: string[] = [];
  const contributors = facts.contributors;
  let closed: string | null = null;
  if (contributors?.incomplete) closed = contributors.incomplete;
  else if (contributors && contributors.unattributable.length > 0) {
    const listed = contributors.unattributable.slice(0, 5).map(short).join(", ");
    const more =
      contributors.unattributable.length > 5 ? ` and ${contributors.unattributable.length - 5} more` : "";
    closed = `commit ${listed}${more} has no GitHub author or committer, so no approval can be checked against who wrote it; push it again from an account GitHub knows`;
  } else if (!facts.reviewsComplete) {
    closed = "too many reviews to read them all, so a change request may be missing";
  }

  const approvedBy: Account[] = [];
  const blockers: Account[] = [];
  for (const review of standingReviews(facts.reviews).values()) {
    const { reviewer } = review;
    const roles = contributors?.roles.get(reviewer.id);
    if (roles && roles.length > 0) {
      if (review.state === "APPROVED")
        notes.push(
          `approval by ${reviewer.login} does not count (${roles.map((r) => ROLE_TEXT[r]).join("; ")})`,
        );
      continue;
    }
    const writer = facts.writers.get(reviewer.id) === true;
    if (review.state === "CHANGES_REQUESTED") {
      if (writer) blockers.push(reviewer);
      continue;
    }
    if (review.commitId !== facts.headSha) {
      notes.push(
        `approval by ${reviewer.login} was for ${short(review.commitId)}, not the head ${short(facts.headSha)}: it must be given again`,
      );
    } else if (!writer) {
      notes.push(`approval by ${reviewer.login} does not count (no write access to the repository)`);
    } else if (!allowed(reviewer)) {
      notes.push(`approval by ${reviewer.login} does not count (not in approvals.${severity}.from)`);
    } else {
      approvedBy.push(reviewer);
    }
  }
  return { approvedBy: closed ? [] : approvedBy, blockers, notes, closed };
}

export interface ApprovalResult extends RuleResult {
  /** Logins whose approval counted. */
  approvedBy: string[];
}

export function checkApprovals(
  facts: ApprovalFacts,
  severity: Severity,
  config: ApprovalConfig,
): ApprovalResult {
  const rule = config.approvals[severity];
  const counted = countedApprovals(facts, severity, config);
  const approvedBy = counted.approvedBy.map((account) => account.login);
  const details = [...counted.notes];
  const unreadable = approvalTeams(severity, config).filter((team) => !facts.teams[team]);
  for (const team of unreadable) {
    details.push(`team ${team} could not be read: the App needs the organization permission Members: read`);
  }
  const base = { rule: "approvals" as const, label: "Approvals", approvedBy, details };
  const approvedText = approvedBy.length > 0 ? `approved by ${approvedBy.join(", ")}` : "no approval yet";

  if (counted.closed) return { ...base, state: "fail", reason: counted.closed };
  if (counted.blockers.length > 0) {
    return {
      ...base,
      state: "fail",
      reason: `changes requested by ${counted.blockers.map((a) => a.login).join(", ")}`,
    };
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
  // Waiting on a team nobody can read would wait forever: say which permission is missing instead.
  if (unreadable.length > 0) {
    return {
      ...base,
      state: "fail",
      reason: `team ${unreadable.join(", ")} cannot be read: grant the App the organization permission Members: read (members: read), or name people in approvals.${severity}.from`,
    };
  }
  return {
    ...base,
    state: "pending",
    reason: `${missing} more approval${missing === 1 ? "" : "s"} needed for ${severity} (${rule.required} required; ${approvedText})`,
  };
}
