import type { HotfixConfigInput, Severity } from "../../src/config/schema.js";
import {
  approvalTeams,
  checkApprovals,
  type ReviewFact,
  standingReviews,
} from "../../src/rules/approvals.js";
import { configOf } from "./config-of.js";

let nextId = 1;
function review(
  reviewer: string | null,
  state: string,
  minute: number,
  association = "COLLABORATOR",
): ReviewFact {
  nextId += 1;
  return {
    id: nextId,
    reviewer,
    state,
    submittedAt: `2024-05-01T10:${String(minute).padStart(2, "0")}:00Z`,
    association,
  };
}

function run(
  reviews: ReviewFact[],
  severity: Severity = "P2",
  approvals: HotfixConfigInput["approvals"] = {},
  teams: Record<string, string[] | null> = {},
) {
  return checkApprovals({ reviews, author: "author", severity, teams }, configOf({ approvals }));
}

describe("standingReviews", () => {
  it.each<[string, ReviewFact[], Record<string, string>]>([
    ["an approval stands", [review("ann", "APPROVED", 1)], { ann: "APPROVED" }],
    [
      "a later comment does not replace it",
      [review("ann", "APPROVED", 1), review("ann", "COMMENTED", 2)],
      { ann: "APPROVED" },
    ],
    [
      "a later change request replaces it",
      [review("ann", "APPROVED", 1), review("ann", "CHANGES_REQUESTED", 2)],
      { ann: "CHANGES_REQUESTED" },
    ],
    [
      "a later approval replaces a change request",
      [review("ann", "CHANGES_REQUESTED", 1), review("ann", "APPROVED", 2)],
      { ann: "APPROVED" },
    ],
    ["a dismissed review clears it", [review("ann", "APPROVED", 1), review("ann", "DISMISSED", 2)], {}],
    [
      "a dismissed approval followed by a comment leaves nothing",
      [review("ann", "DISMISSED", 1), review("ann", "COMMENTED", 2)],
      {},
    ],
    [
      "order is by submission time, not by list order",
      [review("ann", "APPROVED", 5), review("ann", "CHANGES_REQUESTED", 1)],
      { ann: "APPROVED" },
    ],
    [
      "pending drafts and deleted accounts are ignored",
      [review("ann", "PENDING", 1), review(null, "APPROVED", 2)],
      {},
    ],
    ["the author never counts", [review("AUTHOR", "APPROVED", 1)], {}],
    ["logins are case-insensitive", [review("Ann", "APPROVED", 1), review("ann", "DISMISSED", 2)], {}],
  ])("%s", (_name, reviews, expected) => {
    const standing = Object.fromEntries(
      [...standingReviews(reviews, "author")].map(([k, v]) => [k, v.state]),
    );
    expect(standing).toEqual(expected);
  });
});

describe("checkApprovals", () => {
  it.each<[string, ReviewFact[], Severity, HotfixConfigInput["approvals"], string, RegExp]>([
    [
      "P2 with one approval",
      [review("ann", "APPROVED", 1)],
      "P2",
      {},
      "pass",
      /approved by ann \(1 required for P2\)/,
    ],
    [
      "P2 without approval waits",
      [],
      "P2",
      {},
      "pending",
      /1 more approval needed for P2 \(1 required; no approval yet\)/,
    ],
    [
      "P2 needing two",
      [review("ann", "APPROVED", 1)],
      "P2",
      { P2: { required: 2 } },
      "pending",
      /1 more approval needed/,
    ],
    [
      "P2 with two of two",
      [review("ann", "APPROVED", 1), review("bob", "APPROVED", 2)],
      "P2",
      { P2: { required: 2 } },
      "pass",
      /approved by ann, bob/,
    ],
    [
      "a comment after approval keeps it",
      [review("ann", "APPROVED", 1), review("ann", "COMMENTED", 2)],
      "P2",
      {},
      "pass",
      /approved by ann/,
    ],
    [
      "a dismissed approval is gone",
      [review("ann", "APPROVED", 1), review("ann", "DISMISSED", 2)],
      "P2",
      {},
      "pending",
      /no approval yet/,
    ],
    [
      "changes requested block",
      [review("ann", "APPROVED", 1), review("bob", "CHANGES_REQUESTED", 2)],
      "P2",
      {},
      "fail",
      /changes requested by bob/,
    ],
    [
      "changes requested block a P1 too",
      [review("bob", "CHANGES_REQUESTED", 2)],
      "P1",
      {},
      "fail",
      /changes requested by bob/,
    ],
    [
      "a dismissed change request no longer blocks",
      [review("bob", "CHANGES_REQUESTED", 1), review("bob", "DISMISSED", 2), review("ann", "APPROVED", 3)],
      "P2",
      {},
      "pass",
      /approved by ann/,
    ],
    [
      "P1 without approval passes with a warning",
      [],
      "P1",
      {},
      "warn",
      /no approval: a post-deploy review follow-up will be opened/,
    ],
    [
      "P1 with an approval passes",
      [review("ann", "APPROVED", 1)],
      "P1",
      {},
      "pass",
      /approved by ann \(none required for P1\)/,
    ],
    ["P0 follows its own rule", [], "P0", { P0: { required: 1 } }, "pending", /needed for P0/],
    [
      "the author's approval does not count",
      [review("author", "APPROVED", 1)],
      "P2",
      {},
      "pending",
      /no approval yet/,
    ],
    [
      "a drive-by approval does not count",
      [review("eve", "APPROVED", 1, "NONE")],
      "P2",
      {},
      "pending",
      /no approval yet/,
    ],
    [
      "a drive-by change request does not block",
      [review("eve", "CHANGES_REQUESTED", 1, "CONTRIBUTOR"), review("ann", "APPROVED", 2)],
      "P2",
      {},
      "pass",
      /approved by ann/,
    ],
    [
      "owners and members count",
      [review("o", "APPROVED", 1, "OWNER"), review("m", "APPROVED", 2, "MEMBER")],
      "P2",
      { P2: { required: 2 } },
      "pass",
      /approved by o, m/,
    ],
    [
      "from: only listed logins count",
      [review("ann", "APPROVED", 1), review("Lead", "APPROVED", 2)],
      "P2",
      { P2: { required: 1, from: ["lead"] } },
      "pass",
      /approved by Lead/,
    ],
    [
      "from: an unlisted approval does not",
      [review("ann", "APPROVED", 1)],
      "P2",
      { P2: { required: 1, from: ["lead"] } },
      "pending",
      /no approval yet/,
    ],
    [
      "from: a listed outsider counts",
      [review("ext", "APPROVED", 1, "NONE")],
      "P2",
      { P2: { required: 1, from: ["ext"] } },
      "pass",
      /approved by ext/,
    ],
  ])("%s", (_name, reviews, severity, approvals, state, reason) => {
    const result = run(reviews, severity, approvals);
    expect(result.state).toBe(state);
    expect(result.reason).toMatch(reason);
  });

  it("says why an approval did not count", () => {
    const listed = run([review("ann", "APPROVED", 1)], "P2", { P2: { required: 1, from: ["lead"] } });
    expect(listed.details).toEqual(["approval by ann does not count (not in approvals.P2.from)"]);
    const driveBy = run([review("eve", "APPROVED", 1, "NONE")]);
    expect(driveBy.details).toEqual(["approval by eve does not count (none, not a collaborator)"]);
    const own = run([review("author", "APPROVED", 1)]);
    expect(own.details).toEqual(["the author's own approval (author) does not count"]);
  });

  it("reports who approved", () => {
    expect(run([review("ann", "APPROVED", 1), review("bob", "COMMENTED", 2)]).approvedBy).toEqual(["ann"]);
  });

  describe("org/team entries", () => {
    const approvals = { P2: { required: 1, from: ["acme/SRE"] } };
    it("count members of the team", () => {
      const result = run([review("Sam", "APPROVED", 1)], "P2", approvals, { "acme/sre": ["sam"] });
      expect(result.state).toBe("pass");
    });
    it("do not count non-members", () => {
      const result = run([review("ann", "APPROVED", 1)], "P2", approvals, { "acme/sre": ["sam"] });
      expect(result.state).toBe("pending");
    });
    it("say when the team could not be read", () => {
      const result = run([review("sam", "APPROVED", 1)], "P2", approvals, { "acme/sre": null });
      expect(result.state).toBe("pending");
      expect(result.details).toContain(
        "team acme/sre could not be read (the app needs the organization Members: read permission)",
      );
    });
    it("are listed for the facts to read", () => {
      expect(
        approvalTeams("P2", configOf({ approvals: { P2: { required: 1, from: ["ann", "acme/SRE"] } } })),
      ).toEqual(["acme/sre"]);
      expect(approvalTeams("P1", configOf())).toEqual([]);
    });
  });
});

describe("commit authors", () => {
  // A PR the bot opened from an incident branch has the bot as its author: the person who pushed the fix must
  // still not approve their own change.
  const facts = (reviews: ReviewFact[]) => ({
    reviews,
    author: "hotfix-bot[bot]",
    commitAuthors: ["Fixer"],
    severity: "P2" as const,
    teams: {},
  });

  it("does not count an approval by someone who wrote commits in the PR", () => {
    const result = checkApprovals(facts([review("fixer", "APPROVED", 1)]), configOf({}));
    expect(result.approvedBy).toEqual([]);
    expect(result.state).not.toBe("pass");
    expect(result.details).toContain("approval by Fixer does not count (they wrote commits in this PR)");
  });

  it("still counts a reviewer who wrote nothing", () => {
    const result = checkApprovals(
      facts([review("fixer", "APPROVED", 1), review("reviewer", "APPROVED", 2)]),
      configOf({}),
    );
    expect(result.approvedBy).toEqual(["reviewer"]);
    expect(result.state).toBe("pass");
  });
});
