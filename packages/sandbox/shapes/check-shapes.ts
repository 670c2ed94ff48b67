import type { CommitObject } from "../git/git-objects.js";
import {
  type CheckAnnotationRecord,
  type CheckRunRecord,
  type CheckSuiteRecord,
  fullName,
  type Repository,
} from "../state/model.js";
import type { World } from "../state/world.js";
import { repositoryShape } from "./repository-shape.js";
import { appShape, nodeId } from "./user-shape.js";

/** The minimal pull request references check runs and suites carry: open PRs whose head is this commit. */
export function checkPullRequests(
  world: World,
  repo: Repository,
  headSha: string,
): Record<string, unknown>[] {
  const repoRef = { id: repo.id, url: world.apiUrl(`/repos/${fullName(repo)}`), name: repo.name };
  return [...repo.pulls.values()]
    .filter((pull) => pull.headSha === headSha && repo.issues.get(pull.number)?.state === "open")
    .map((pull) => ({
      id: pull.id,
      number: pull.number,
      url: world.apiUrl(`/repos/${fullName(repo)}/pulls/${pull.number}`),
      head: { ref: pull.headRef, sha: pull.headSha, repo: repoRef },
      base: {
        ref: pull.baseRef,
        sha: repo.refs.get(`refs/heads/${pull.baseRef}`) ?? pull.baseSha,
        repo: repoRef,
      },
    }));
}

export function simpleCommitShape(commit: CommitObject): Record<string, unknown> {
  return {
    id: commit.sha,
    tree_id: commit.tree,
    message: commit.message,
    timestamp: commit.committer.date,
    author: { name: commit.author.name, email: commit.author.email },
    committer: { name: commit.committer.name, email: commit.committer.email },
  };
}

export function checkSuiteShape(
  world: World,
  repo: Repository,
  suite: CheckSuiteRecord,
  headCommit: CommitObject,
): Record<string, unknown> {
  const url = world.apiUrl(`/repos/${fullName(repo)}/check-suites/${suite.id}`);
  const runs = [...repo.checkRuns.values()].filter((run) => run.suiteId === suite.id);
  return {
    id: suite.id,
    node_id: nodeId("CheckSuite", suite.id),
    head_branch: suite.headBranch,
    head_sha: suite.headSha,
    status: suite.status,
    conclusion: suite.conclusion,
    url,
    before: headCommit.parents[0] ?? "0000000000000000000000000000000000000000",
    after: suite.headSha,
    pull_requests: checkPullRequests(world, repo, suite.headSha),
    app: appShape(world, suite.app),
    repository: repositoryShape(world, repo),
    created_at: suite.createdAt,
    updated_at: suite.updatedAt,
    head_commit: simpleCommitShape(headCommit),
    latest_check_runs_count: new Set(runs.map((run) => run.name)).size,
    check_runs_url: `${url}/check-runs`,
    rerequestable: suite.rerequestable,
    runs_rerequestable: true,
  };
}

/**
 * A check run. `checkSuite` is what the run says of its suite: the REST API answers `{ id }` only (GitHub's REST
 * description and examples), while a `check_run` webhook carries the whole suite (`checkSuiteShape`).
 */
export function checkRunShape(
  world: World,
  repo: Repository,
  run: CheckRunRecord,
  checkSuite: Record<string, unknown>,
): Record<string, unknown> {
  const url = world.apiUrl(`/repos/${fullName(repo)}/check-runs/${run.id}`);
  const shape: Record<string, unknown> = {
    id: run.id,
    name: run.name,
    node_id: nodeId("CheckRun", run.id),
    head_sha: run.headSha,
    external_id: run.externalId ?? "",
    url,
    html_url: world.htmlUrl(`/${fullName(repo)}/runs/${run.id}`),
    details_url: run.detailsUrl ?? world.htmlUrl(`/${fullName(repo)}/runs/${run.id}`),
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.output.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    check_suite: checkSuite,
    app: appShape(world, run.app),
    pull_requests: checkPullRequests(world, repo, run.headSha),
  };
  return shape;
}

/** An annotation as `GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations` lists it. */
export function checkAnnotationShape(
  world: World,
  repo: Repository,
  run: CheckRunRecord,
  annotation: CheckAnnotationRecord,
): Record<string, unknown> {
  return {
    path: annotation.path,
    blob_href: world.htmlUrl(`/${fullName(repo)}/blob/${run.headSha}/${annotation.path}`),
    start_line: annotation.startLine,
    end_line: annotation.endLine,
    start_column: annotation.startColumn,
    end_column: annotation.endColumn,
    annotation_level: annotation.level,
    title: annotation.title,
    message: annotation.message,
    raw_details: annotation.rawDetails,
  };
}
