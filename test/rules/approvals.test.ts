import type { HotfixConfigInput, Severity } from "../../src/config/schema.js";
import {
  type ApprovalFacts,
  accountsToCheck,
  approvalTeams,
  type ContributorRole,
  type Contributors,
  checkApprovals,
  countedApprovals,
  type ReviewFact,
  standingReviews,
} from "../../src/rules/approvals.js";
import { configOf } from "../support/config-of.js";

const HEAD = "h".repeat(40);
const OLD = "0".repeat(40);

/** Stable ids per login (case-insensitive, as GitHub logins are); ids, not logins, identify reviewers. */
const ids = new Map<string, number>();
const account = (login: string) => {
  const key = login.toLowerCase();
  if (!ids.has(key)) ids.set(key, 100 + ids.size);
  return { login, id: ids.get(key) as number };
};

let nextId = 1;
function review(reviewer: string | null, state: string, minute: number, commitId: string = HEAD): ReviewFact {
  nextId += 1;
  return {
    id: nextId,
    reviewer: reviewer === null ? null : account(reviewer),
    state,
    submittedAt: `2024-05-01T10:${String(minute).padStart(2, "0")}:00Z`,
    commitId,
  };
}

function contributors(
  roles: Record<string, ContributorRole[]> = { author: ["author"] },
  extra: Partial<Contributors> = {},
): Contributors {
  return {
    roles: new Map(Object.entries(roles).map(([login, list]) => [account(login).id, list])),
    unattributable: [],
    incomplete: null,
    ...extra,
  };
}

/** Facts where everyone has write access except the logins in `readers`. */
function factsOf(
  reviews: ReviewFact[],
  options: { readers?: string[]; teams?: Record<string, string[] | null>; contributors?: Contributors } = {},
): ApprovalFacts {
  const readers = new Set((options.readers ?? ["eve"]).map((login) => account(login).id));
  const who = options.contributors ?? contributors();
  const writers = new Map(accountsToCheck(reviews, HEAD, who).map((a) => [a.id, !readers.has(a.id)]));
  const teams = Object.fromEntries(
    Object.entries(options.teams ?? {}).map(([team, logins]) => [
      team,
      logins ? logins.map((l) => account(l).id) : null,
    ]),
  );
  return { headSha: HEAD, reviews, reviewsComplete: true, contributors: who, writers, teams };
}

function run(
  reviews: ReviewFact[],
  severity: Severity = "P2",
  approvals: HotfixConfigInput["approvals"] = {},
  teams: Record<string, string[] | null> = {},
) {
  return checkApprovals(factsOf(reviews, { teams }), severity, configOf({ approvals }));
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
    [
      "one account under two spellings is one reviewer",
      [review("Ann", "APPROVED", 1), review("ann", "DISMISSED", 2)],
      {},
    ],
  ])("%s", (_name, reviews, expected) => {
    const standing = Object.fromEntries(
      [...standingReviews(reviews).values()].map((v) => [v.reviewer.login.toLowerCase(), v.state]),
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
      [review("eve", "APPROVED", 1)],
      "P2",
      {},
      "pending",
      /no approval yet/,
    ],
    [
      "a drive-by change request does not block",
      [review("eve", "CHANGES_REQUESTED", 1), review("ann", "APPROVED", 2)],
      "P2",
      {},
      "pass",
      /approved by ann/,
    ],
    [
      "an approval of an older commit does not count",
      [review("ann", "APPROVED", 1, OLD)],
      "P2",
      {},
      "pending",
      /no approval yet/,
    ],
    [
      "a change request on an older commit still blocks",
      [review("bob", "CHANGES_REQUESTED", 1, OLD), review("ann", "APPROVED", 2)],
      "P2",
      {},
      "fail",
      /changes requested by bob/,
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
      "from: a listed login without write access does not count",
      [review("eve", "APPROVED", 1)],
      "P2",
      { P2: { required: 1, from: ["eve"] } },
      "pending",
      /no approval yet/,
    ],
  ])("%s", (_name, reviews, severity, approvals, state, reason) => {
    const result = run(reviews, severity, approvals);
    expect(result.state).toBe(state);
    expect(result.reason).toMatch(reason);
  });

  it("says why an approval did not count", () => {
    const listed = run([review("ann", "APPROVED", 1)], "P2", { P2: { required: 1, from: ["lead"] } });
    expect(listed.details).toEqual(["approval by ann does not count (not in approvals.P2.from)"]);
    const driveBy = run([review("eve", "APPROVED", 1)]);
    expect(driveBy.details).toEqual(["approval by eve does not count (no write access to the repository)"]);
    const own = run([review("author", "APPROVED", 1)]);
    expect(own.details).toEqual(["approval by author does not count (they opened this PR)"]);
    const stale = run([review("ann", "APPROVED", 1, OLD)]);
    expect(stale.details).toEqual([
      "approval by ann was for 0000000, not the head hhhhhhh: it must be given again",
    ]);
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
    it("fail, naming the missing permission, when the team could not be read", () => {
      const result = run([review("sam", "APPROVED", 1)], "P2", approvals, { "acme/sre": null });
      expect(result.state).toBe("fail");
      expect(result.reason).toMatch(
        /team acme\/sre cannot be read: grant the App the organization permission Members: read/,
      );
      expect(result.details).toContain(
        "team acme/sre could not be read: the App needs the organization permission Members: read",
      );
    });
    it("do not fail when listed logins already approved", () => {
      const both = { P2: { required: 1, from: ["ann", "acme/sre"] } };
      const result = run([review("ann", "APPROVED", 1)], "P2", both, { "acme/sre": null });
      expect(result.state).toBe("pass");
    });
    it("are listed for the facts to read", () => {
      expect(
        approvalTeams("P2", configOf({ approvals: { P2: { required: 1, from: ["ann", "acme/SRE"] } } })),
      ).toEqual(["acme/sre"]);
      expect(approvalTeams("P1", configOf())).toEqual([]);
    });
  });
});

describe("contributors", () => {
  // A PR the bot opened from an incident branch has the bot as its author: the people who committed or pushed
  // the fix must still not approve their own change.
  const who = contributors({
    "hotfix-bot[bot]": ["author", "pusher"],
    Fixer: ["committer"],
    Pusher: ["pusher"],
  });

  it("does not count an approval by someone who committed or pushed to the PR", () => {
    const facts = factsOf([review("fixer", "APPROVED", 1), review("pusher", "APPROVED", 2)], {
      contributors: who,
    });
    const result = checkApprovals(facts, "P2", configOf({}));
    expect(result.approvedBy).toEqual([]);
    expect(result.state).toBe("pending");
    expect(result.details).toEqual([
      "approval by fixer does not count (they wrote or committed commits in this PR)",
      "approval by pusher does not count (they pushed to this PR)",
    ]);
  });

  it("still counts a reviewer who took no part", () => {
    const facts = factsOf([review("fixer", "APPROVED", 1), review("reviewer", "APPROVED", 2)], {
      contributors: who,
    });
    const result = checkApprovals(facts, "P2", configOf({}));
    expect(result.approvedBy).toEqual(["reviewer"]);
    expect(result.state).toBe("pass");
  });

  it("fails closed when a commit has no GitHub author or committer", () => {
    const anonymous = contributors({ author: ["author"] }, { unattributable: ["c".repeat(40)] });
    const facts = factsOf([review("reviewer", "APPROVED", 1)], { contributors: anonymous });
    const result = checkApprovals(facts, "P1", configOf({}));
    expect(result.state).toBe("fail");
    expect(result.reason).toMatch(/^commit ccccccc has no GitHub author or committer/);
    expect(countedApprovals(facts, "P1", configOf({})).approvedBy).toEqual([]);
  });

  it("fails closed when the commits or pushes could not all be read", () => {
    const cut = contributors(
      { author: ["author"] },
      { incomplete: "GitHub lists 250 of the PR's 300 commits" },
    );
    const result = checkApprovals(
      factsOf([review("reviewer", "APPROVED", 1)], { contributors: cut }),
      "P2",
      configOf({}),
    );
    expect(result.state).toBe("fail");
    expect(result.reason).toMatch(/250 of the PR's 300 commits/);
  });

  it("reads write access only for reviewers whose review decides something", () => {
    const reviews = [
      review("fixer", "APPROVED", 1),
      review("ann", "APPROVED", 2, OLD),
      review("bob", "CHANGES_REQUESTED", 3, OLD),
      review("cat", "APPROVED", 4),
      review("dan", "COMMENTED", 5),
    ];
    expect(accountsToCheck(reviews, HEAD, who).map((a) => a.login)).toEqual(["bob", "cat"]);
  });
});
