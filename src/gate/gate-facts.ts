import type { ApprovalFacts } from "../rules/approvals.js";
import type { BranchLineage } from "../rules/branch.js";
import type { ChangedFile } from "../rules/conflict-markers.js";
import type { CheckRunFact } from "../rules/required-checks.js";

/** The pull request as the gate needs it, read from a webhook payload or from the REST API (same shape). */
export interface GatePullRequest {
  number: number;
  title: string;
  body: string | null;
  /** Null for a deleted account. */
  author: string | null;
  /** The author's GitHub user id; null for a deleted account. */
  authorId: number | null;
  headRef: string;
  headSha: string;
  baseRef: string;
  labels: string[];
  state: string;
  draft: boolean;
  /** Sizes from the full PR object; review payloads lack them, then the files are summed. */
  size: { files: number; additions: number; deletions: number } | null;
  /** The number of commits, from the full PR object (null from a review payload). */
  commitCount: number | null;
  /** Whether the head branch lives in another repository (a fork); null when the payload does not say. */
  fromFork: boolean | null;
  /** `owner/name` of the repository the head branch lives in (null when deleted or not said). */
  headRepoName: string | null;
}

/** Everything the pure evaluation needs, read once per evaluation. */
export interface GateFacts {
  pr: GatePullRequest;
  /** The linked incident issue; `labels` null when it could not be read. Null when none is linked or needed. */
  incident: { number: number; labels: string[] | null; unbound?: boolean } | null;
  /** Reviews, contributors, reviewers' write access and team members, for the applicable severity. */
  approvals: ApprovalFacts;
  files: { list: ChangedFile[]; complete: boolean };
  lineage: BranchLineage;
  /** Check runs and commit statuses (read as runs) on the PR head SHA (the gate's own run included; rules skip it). */
  checkRuns: CheckRunFact[];
}

/** Our existing `hotfix-gate` run on a SHA, as listed: enough to update it or to see it is already right. */
export interface GateRunFact {
  id: number;
  status: string;
  conclusion: string | null;
  title: string | null;
  summary: string | null;
  text: string | null;
  url: string | null;
}
