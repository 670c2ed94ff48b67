import type { GateFacts, GatePullRequest } from "../../src/gate/gate-facts.js";
import type { ApprovalFacts } from "../../src/rules/approvals.js";

export const SHA = "a".repeat(40);

export function pullRequest(overrides: Partial<GatePullRequest> = {}): GatePullRequest {
  return {
    number: 42,
    title: "[SPF-1290] Fix critical auth failure",
    body: "Incident: #7",
    author: "octo-author",
    authorId: 7001,
    headRef: "hotfix/incident-7",
    headSha: SHA,
    baseRef: "main",
    labels: ["P1-hotfix"],
    state: "open",
    draft: false,
    size: { files: 1, additions: 1, deletions: 1 },
    commitCount: 1,
    fromFork: false,
    headRepoName: "acme/shop",
    ...overrides,
  };
}

/** Approval facts: `approvers` approved the head and have write access; the author is the only contributor. */
export function approvalFacts(approvers: string[] = []): ApprovalFacts {
  const reviews = approvers.map((login, index) => ({
    id: 9 + index,
    reviewer: { login, id: 8000 + index },
    state: "APPROVED",
    submittedAt: "2024-05-01T11:00:00Z",
    commitId: SHA,
  }));
  return {
    headSha: SHA,
    reviews,
    reviewsComplete: true,
    contributors: { roles: new Map([[7001, ["author"]]]), unattributable: [], incomplete: null },
    writers: new Map(reviews.map((review) => [review.reviewer.id, true])),
    teams: {},
  };
}

/** Facts of a clean P1 hotfix with green `unit` and `codeql` checks. */
export function cleanFacts(overrides: Partial<GateFacts> = {}): GateFacts {
  return {
    pr: pullRequest(),
    incident: null,
    approvals: approvalFacts(),
    files: {
      list: [
        {
          filename: "src/a.ts",
          status: "modified",
          additions: 1,
          deletions: 1,
          changes: 2,
          patch: "@@ -1 +1 @@\n-a\n+b",
        },
      ],
      complete: true,
    },
    lineage: {
      notInProduction: { shas: [SHA], complete: true },
      notInDevelop: { shas: [SHA], complete: true },
    },
    checkRuns: [
      {
        id: 1,
        name: "unit",
        status: "completed",
        conclusion: "success",
        startedAt: "2024-05-01T10:00:00Z",
        completedAt: "2024-05-01T10:01:00Z",
        app: { id: 15368, slug: "github-actions" },
      },
      {
        id: 2,
        name: "codeql",
        status: "completed",
        conclusion: "success",
        startedAt: "2024-05-01T10:00:00Z",
        completedAt: "2024-05-01T10:01:00Z",
        app: { id: 15368, slug: "github-actions" },
      },
    ],
    ...overrides,
  };
}
