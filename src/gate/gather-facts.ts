import { readApprovalFacts } from "../approvals/read-approval-facts.js";
import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { isOurCheckRun } from "../identity/bot-identity.js";
import { incidentOfPull } from "../incident/pull-incident.js";
import type { BranchLineage, CommitList } from "../rules/branch.js";
import type { ChangedFile } from "../rules/conflict-markers.js";
import { type CheckRunFact, checkRunFactOf } from "../rules/required-checks.js";
import { resolveSeverity, severityFromLabels } from "../rules/severity.js";
import { collectPages, PER_PAGE } from "../util/collect-pages.js";
import { httpStatus } from "../util/http-status.js";
import { GATE_CHECK_NAME } from "./gate-check-name.js";
import type { GateFacts, GatePullRequest, GateRunFact } from "./gate-facts.js";
import { listCommitStatuses } from "./list-commit-statuses.js";
import { pullRequestFrom } from "./pull-request-data.js";

/** Page caps: every evaluation costs a bounded number of requests, however large the PR or the storm. */
const MAX_CHECK_RUN_PAGES = 10;
const MAX_FILE_PAGES = 10;
const MAX_COMPARE_PAGES = 3;

export interface CheckRunListing {
  runs: CheckRunFact[];
  /** Our newest `hotfix-gate` run on the SHA, if any. */
  gateRun: GateRunFact | null;
}

/**
 * Lists a SHA's check runs once: the same list feeds the required-checks rule and finds our own run, so a storm
 * of completions costs one listing per evaluation, not one per check. `onlyGate` narrows it to our run. Our run is
 * the newest `hotfix-gate` our App created (by App id): any App can create a run of that name, with any
 * external_id, and GitHub lets only its creator update it.
 */
export async function listCheckRuns(
  ctx: EngineContext,
  sha: string,
  options: { onlyGate?: boolean } = {},
): Promise<CheckRunListing> {
  const { owner, repo } = ctx.repo;
  const identity = await ctx.identity();
  const { items } = await collectPages(
    ctx.octokit.paginate.iterator("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
      owner,
      repo,
      ref: sha,
      per_page: PER_PAGE,
      filter: "latest",
      ...(options.onlyGate ? { check_name: GATE_CHECK_NAME, app_id: identity.appId } : {}),
    }),
    MAX_CHECK_RUN_PAGES,
  );
  const runs: CheckRunFact[] = items.map(checkRunFactOf);
  let gateRun: GateRunFact | null = null;
  for (const run of items) {
    if (run.name !== GATE_CHECK_NAME || !isOurCheckRun(run, identity)) continue;
    if (gateRun && gateRun.id > Number(run.id)) continue;
    gateRun = {
      id: Number(run.id),
      status: run.status,
      conclusion: run.conclusion ?? null,
      title: run.output?.title ?? null,
      summary: run.output?.summary ?? null,
      text: run.output?.text ?? null,
      url: run.html_url ?? null,
    };
  }
  return { runs, gateRun };
}

/** The pull request as it is now, or null when it does not exist (any more). */
export async function fetchPullRequest(ctx: EngineContext, number: number): Promise<GatePullRequest | null> {
  try {
    const { data } = await ctx.octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      ...ctx.repo,
      pull_number: number,
    });
    return pullRequestFrom(data);
  } catch (error) {
    if (httpStatus(error) === 404) return null;
    throw error;
  }
}

/** Commits of `sha` that `base` lacks (compare base...sha), paged; "unrelated" on 404 (no base or no history). */
async function commitsNotIn(
  ctx: EngineContext,
  base: string,
  sha: string,
): Promise<CommitList | "unrelated"> {
  const shas: string[] = [];
  for (let page = 1; page <= MAX_COMPARE_PAGES; page += 1) {
    let data: { total_commits: number; commits: { sha: string }[] };
    try {
      ({ data } = await ctx.octokit.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
        ...ctx.repo,
        basehead: `${base}...${sha}`,
        per_page: PER_PAGE,
        page,
      }));
    } catch (error) {
      if (httpStatus(error) === 404) return "unrelated";
      throw error;
    }
    shas.push(...data.commits.map((c) => c.sha));
    if (shas.length >= data.total_commits || data.commits.length < PER_PAGE) {
      return { shas, complete: shas.length >= data.total_commits };
    }
  }
  return { shas, complete: false };
}

async function lineageOf(
  ctx: EngineContext,
  pr: GatePullRequest,
  config: HotfixConfig,
): Promise<BranchLineage> {
  const [notInProduction, notInDevelop] = await Promise.all([
    // The PR's own production line: a hotfix into release/1.x is cut from release/1.x, not from main.
    commitsNotIn(ctx, pr.baseRef, pr.headSha),
    commitsNotIn(ctx, config.developBranch, pr.headSha),
  ]);
  // A compare against develop that 404s means develop is missing or unrelated: either way nothing came from it.
  return { notInProduction, notInDevelop: notInDevelop === "unrelated" ? "no-develop" : notInDevelop };
}

async function filesOf(
  ctx: EngineContext,
  number: number,
): Promise<{ list: ChangedFile[]; complete: boolean }> {
  const { items, complete } = await collectPages(
    ctx.octokit.paginate.iterator("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
      ...ctx.repo,
      pull_number: number,
      per_page: PER_PAGE,
    }),
    MAX_FILE_PAGES,
  );
  const list = items.map((file) => ({
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.changes,
    patch: file.patch ?? null,
  }));
  return { list, complete };
}

async function incidentOf(
  ctx: EngineContext,
  pr: GatePullRequest,
  config: HotfixConfig,
): Promise<GateFacts["incident"]> {
  // The incident is only read when the PR's own labels do not already decide the severity.
  if (severityFromLabels(pr.labels, config) !== null) return null;
  // Only an incident bound to this branch may lend the PR its severity (see incidentOfPull).
  const { incident: number, refused } = await incidentOfPull(ctx, pr);
  if (refused !== null) return { number: refused, labels: null, unbound: true };
  if (number === null) return null;
  try {
    const { data } = await ctx.octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}", {
      ...ctx.repo,
      issue_number: number,
    });
    const labels = data.labels.flatMap((l) => {
      const name = typeof l === "string" ? l : l.name;
      return name ? [name] : [];
    });
    return { number, labels };
  } catch (error) {
    const status = httpStatus(error);
    if (status === 404 || status === 410 || status === 301) return { number, labels: null };
    throw error;
  }
}

/**
 * The gate's reads for one evaluation, in parallel where independent. `runSha` is where our run lives: the PR
 * head, or a merge group's head; the required checks are always read on the PR head.
 */
export async function gatherFacts(
  ctx: EngineContext,
  pr: GatePullRequest,
  config: HotfixConfig,
  runSha: string = pr.headSha,
): Promise<{ facts: GateFacts; gateRun: GateRunFact | null; headGateRun: GateRunFact | null }> {
  // Statuses are read only when a required check exists that one could report (or fail).
  const anyRequired = config.checks.criticalTests.length + config.checks.securityScan.length > 0;
  const [files, lineage, headRuns, headStatuses, incident, runShaListing] = await Promise.all([
    filesOf(ctx, pr.number),
    lineageOf(ctx, pr, config),
    listCheckRuns(ctx, pr.headSha),
    anyRequired ? listCommitStatuses(ctx, pr.headSha) : Promise.resolve([]),
    incidentOf(ctx, pr, config),
    runSha === pr.headSha ? Promise.resolve(null) : listCheckRuns(ctx, runSha, { onlyGate: true }),
  ]);
  const { severity } = resolveSeverity({ prLabels: pr.labels, incident }, config);
  const author = pr.author !== null && pr.authorId !== null ? { login: pr.author, id: pr.authorId } : null;
  const approvals = await readApprovalFacts(
    ctx,
    { number: pr.number, headSha: pr.headSha, headRef: pr.headRef, author, commitCount: pr.commitCount },
    severity,
    config,
  );
  // GitHub lists at most 3000 files: fewer listed than the PR reports means the list was cut short.
  const complete = files.complete && (pr.size === null || files.list.length >= pr.size.files);
  return {
    facts: {
      pr,
      incident,
      approvals,
      files: { ...files, complete },
      lineage,
      checkRuns: [...headRuns.runs, ...headStatuses],
    },
    gateRun: runShaListing ? runShaListing.gateRun : headRuns.gateRun,
    // Our run on the PR head, where the fast-track clock is kept (see fast-track-marker.ts).
    headGateRun: headRuns.gateRun,
  };
}
