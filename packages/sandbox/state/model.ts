import type { GitStore } from "../git/git-store.js";
import type { RefStore } from "../git/ref-store.js";

/** The records the sandbox keeps per repository. JSON shapes are rendered from these on every read. */

export interface User {
  login: string;
  id: number;
  type: "User" | "Bot" | "Organization";
  name: string;
  email: string;
}

export interface AppInfo {
  id: number;
  slug: string;
  name: string;
  owner: User;
  /** The `<slug>[bot]` user an installation token acts as. */
  bot: User;
  installationId: number;
  createdAt: string;
}

export type Identity =
  | { kind: "user"; user: User; token: string }
  | { kind: "installation"; app: AppInfo; user: User; token: string }
  | { kind: "app"; app: AppInfo }
  | { kind: "anonymous" };

/** How a token shows in logs and counters: `user:alice`, `app:hotfix-bot`, `jwt:hotfix-bot`, `anonymous`. */
export function identityLabel(identity: Identity): string {
  switch (identity.kind) {
    case "user":
      return `user:${identity.user.login}`;
    case "installation":
      return `app:${identity.app.slug}`;
    case "app":
      return `jwt:${identity.app.slug}`;
    default:
      return "anonymous";
  }
}

export type Permission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

export interface IssueRecord {
  id: number;
  number: number;
  title: string;
  body: string | null;
  user: User;
  state: "open" | "closed";
  stateReason: "completed" | "not_planned" | "reopened" | null;
  labels: string[];
  assignees: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: User | null;
  locked: boolean;
  isPull: boolean;
  app: AppInfo | null;
}

export interface PullRecord {
  number: number;
  id: number;
  headRef: string;
  headSha: string;
  baseRef: string;
  /** Frozen when the PR closes; while open, the base branch tip is read live. */
  baseSha: string;
  draft: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergedBy: User | null;
  mergeCommitSha: string | null;
  requestedReviewers: string[];
  /** Team slugs of the owner's organization asked to review (`team_reviewers`). */
  requestedTeams?: string[];
  maintainerCanModify: boolean;
  /** The fork the head branch lives in; null when it is this repository's own branch. */
  headRepo: Repository | null;
  /** GitHub's auto-merge, once enabled (GraphQL `enablePullRequestAutoMerge`); the sandbox records it only. */
  autoMerge?: { method: "merge" | "squash" | "rebase"; enabledBy: User; enabledAt: string } | null;
}

export interface CommentRecord {
  id: number;
  issueNumber: number;
  body: string;
  user: User;
  createdAt: string;
  updatedAt: string;
  app: AppInfo | null;
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
  isDefault: boolean;
}

export interface ReviewRecord {
  id: number;
  pullNumber: number;
  user: User;
  body: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";
  commitId: string;
  submittedAt: string | null;
}

export interface CheckSuiteRecord {
  id: number;
  headSha: string;
  headBranch: string | null;
  app: AppInfo;
  createdAt: string;
  updatedAt: string;
  /** Set once every run completed; a new run reopens the suite. */
  status: "queued" | "in_progress" | "completed";
  conclusion: string | null;
  rerequestable: boolean;
}

/** One annotation of a check run, as its App sent it (`output.annotations`). */
export interface CheckAnnotationRecord {
  path: string;
  startLine: number;
  endLine: number;
  startColumn: number | null;
  endColumn: number | null;
  level: "notice" | "warning" | "failure";
  title: string | null;
  message: string;
  rawDetails: string | null;
}

export interface CheckRunOutput {
  title: string | null;
  summary: string | null;
  text: string | null;
  /** Every annotation sent with the run's creates and updates: GitHub appends them, 50 per request at most. */
  annotations: CheckAnnotationRecord[];
}

export interface CheckRunRecord {
  id: number;
  suiteId: number;
  name: string;
  headSha: string;
  app: AppInfo;
  status: "queued" | "in_progress" | "completed" | "waiting" | "requested" | "pending";
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: CheckRunOutput;
  actions: { label: string; description: string; identifier: string }[];
}

export interface StatusRecord {
  id: number;
  sha: string;
  state: "error" | "failure" | "pending" | "success";
  targetUrl: string | null;
  description: string | null;
  context: string;
  creator: User;
  createdAt: string;
  updatedAt: string;
}

export interface ReleaseRecord {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  author: User;
  createdAt: string;
  publishedAt: string | null;
}

export interface DeploymentRecord {
  id: number;
  sha: string;
  ref: string;
  task: string;
  payload: unknown;
  environment: string;
  originalEnvironment: string;
  description: string | null;
  creator: User;
  createdAt: string;
  updatedAt: string;
  transientEnvironment: boolean;
  productionEnvironment: boolean;
  app: AppInfo | null;
}

export interface DeploymentStatusRecord {
  id: number;
  deploymentId: number;
  state: "error" | "failure" | "inactive" | "in_progress" | "queued" | "pending" | "success";
  description: string;
  environment: string;
  targetUrl: string;
  logUrl: string;
  environmentUrl: string;
  creator: User;
  createdAt: string;
  updatedAt: string;
  app: AppInfo | null;
}

export interface WorkflowDispatch {
  workflowId: string;
  ref: string;
  inputs: Record<string, unknown>;
  by: string;
  at: string;
}

/** A ref update as the repository activity API lists it: who moved which ref, from what to what. */
export interface ActivityRecord {
  id: number;
  ref: string;
  before: string;
  after: string;
  timestamp: string;
  activityType: "push" | "force_push" | "branch_deletion" | "branch_creation";
  actor: User;
}

export interface Repository {
  id: number;
  owner: User;
  name: string;
  defaultBranch: string;
  description: string | null;
  private: boolean;
  createdAt: string;
  updatedAt: string;
  pushedAt: string;
  store: GitStore;
  refs: RefStore;
  nextNumber: number;
  issues: Map<number, IssueRecord>;
  pulls: Map<number, PullRecord>;
  comments: Map<number, CommentRecord>;
  labels: Map<string, LabelRecord>;
  reviews: Map<number, ReviewRecord>;
  checkSuites: Map<number, CheckSuiteRecord>;
  checkRuns: Map<number, CheckRunRecord>;
  statuses: StatusRecord[];
  /** The repository setting "Allow auto-merge" (GitHub's default: off). */
  allowAutoMerge?: boolean;
  releases: Map<number, ReleaseRecord>;
  deployments: Map<number, DeploymentRecord>;
  deploymentStatuses: DeploymentStatusRecord[];
  collaborators: Map<string, Permission>;
  dispatches: WorkflowDispatch[];
  /** The repository this one is a fork of (sharing its git objects, as a GitHub fork network does). */
  forkOf: Repository | null;
  /** Every ref update, oldest first (`GET /repos/{owner}/{repo}/activity`). */
  activities: ActivityRecord[];
  /** Protected branches by name; only the rules the sandbox enforces are modelled. */
  protections: Map<string, BranchProtection>;
}

export interface BranchProtection {
  /** Every commit a PR brings must carry a signature GitHub verifies. */
  requiredSignatures: boolean;
}

export function fullName(repo: Repository): string {
  return `${repo.owner.login}/${repo.name}`;
}
