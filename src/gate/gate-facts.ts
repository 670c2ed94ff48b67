import type { ReviewFact } from "../rules/approvals.js";
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
  headRef: string;
  headSha: string;
  baseRef: string;
  labels: string[];
  state: string;
  draft: boolean;
  /** Sizes from the full PR object; review payloads lack them, then the files are summed. */
  size: { files: number; additions: number; deletions: number } | null;
}

/** Everything the pure evaluation needs, read once per evaluation. */
export interface GateFacts {
  pr: GatePullRequest;
  /** The linked incident issue; `labels` null when it could not be read. Null when none is linked or needed. */
  incident: { number: number; labels: string[] | null } | null;
  reviews: ReviewFact[];
  /** Members of the `org/team` entries of the applicable approval rule (lower-case key), null if unreadable. */
  teams: Record<string, string[] | null>;
  files: { list: ChangedFile[]; complete: boolean };
  lineage: BranchLineage;
  /** Check runs on the PR head SHA (the gate's own included; rules skip it). */
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
