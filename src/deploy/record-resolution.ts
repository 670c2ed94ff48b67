import { findBotPull } from "../cherry-pick/bot-pull.js";
import { GitWriter } from "../cherry-pick/git-writer.js";
import { placeBotBranch, placementRecord } from "../cherry-pick/place-bot-branch.js";
import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import type { MergedPullRequest } from "../incident/merged-pull-request.js";
import { refusedBranchEntries } from "../incident/refused-branch-entries.js";
import {
  addEntry,
  type PipelineState,
  type ResolutionState,
  type TimelineState,
} from "../incident/timeline-state.js";
import { isProductionLine } from "../patterns/production-lines.js";
import { errorMessage } from "../util/errors.js";
import { httpStatus } from "../util/http-status.js";
import {
  type ResolutionFacts,
  resolutionBranchName,
  resolutionCommitMessage,
  resolutionEntryText,
  resolutionFacts,
  resolutionPrBody,
  resolutionPrTitle,
  resolutionSection,
  withResolutionSection,
} from "./resolution-section.js";

/**
 * Whether a successful deploy of `pipeline` still owes the incident its Resolution record (pure): none recorded yet
 * (or the last attempt failed), and the fix is not being rolled back.
 */
export function resolutionDue(state: TimelineState, pipeline: PipelineState): boolean {
  if (pipeline.deploy?.deployedAt === undefined) return false;
  if (pipeline.rollbackBy || pipeline.deploy.rollback || pipeline.deploy.failedAt !== undefined) return false;
  return state.resolution === undefined || state.resolution.status === "failed";
}

/**
 * Whether the Resolution record of the deployed fix `pipeline` failed and is to be tried again (pure): what a
 * repeated success status and the sweep retry. A fix deployed before the record existed is not given one late.
 */
export function resolutionRetryDue(state: TimelineState, pipeline: PipelineState): boolean {
  return (
    state.resolution?.status === "failed" &&
    state.resolution.fix === pipeline.pr &&
    resolutionDue(state, pipeline)
  );
}

/**
 * The incident's Resolution record once its fix is deployed: with the incident report on (`intake.incidentReport`,
 * and a report recorded at intake), a PR from `hotfix-bot/resolution-<incident>` into production adding the
 * report's Resolution section — never a push to production itself; without a report, a timeline entry holding the
 * same facts. Recorded in `state.resolution`, so a redelivered or repeated success status adds nothing; a failure
 * is recorded (never thrown) and retried on the next success status or by the sweep. Returns the state to write (the caller holds
 * the incident's lock and writes the timeline once).
 */
export async function recordResolution(
  ctx: EngineContext,
  config: HotfixConfig,
  state: TimelineState,
  fix: MergedPullRequest,
  environment: string,
): Promise<TimelineState> {
  const pipeline = state.pipelines[String(fix.number)];
  if (!pipeline || !resolutionDue(state, pipeline)) return state;
  const facts = resolutionFacts(state, pipeline, fix, environment);
  const at = ctx.clock().toISOString();
  const report = state.intake?.report;
  if (!config.intake.incidentReport || !report || state.incident === null) {
    return withResolution(state, { status: "timeline", fix: fix.number, at }, resolutionEntryText(facts));
  }
  const production = isProductionLine(config, fix.baseRef) ? fix.baseRef : config.productionBranch;
  try {
    const proposed = await proposeResolution(ctx, state.incident, facts, report.path, production);
    if (proposed === "missing") {
      return withResolution(
        state,
        { status: "timeline", fix: fix.number, at },
        `${resolutionEntryText(facts)} (the incident report ${report.path} is not on ${production})`,
      );
    }
    const record: ResolutionState = { status: "proposed", fix: fix.number, at, ...proposed };
    let next = state;
    for (const entry of refusedBranchEntries(proposed.refused, proposed.branch, at))
      next = addEntry(next, entry);
    return withResolution(
      next,
      record,
      `Resolution section for ${report.path} proposed in PR #${proposed.pr}`,
    );
  } catch (error) {
    const message = errorMessage(error);
    ctx.log.error(`resolution record of #${state.incident} failed: ${message}`);
    return withResolution(
      state,
      { status: "failed", fix: fix.number, at, error: message },
      `The Resolution section could not be proposed (${message}); retried on the next successful deployment status. ${resolutionEntryText(facts)}`,
    );
  }
}

function withResolution(state: TimelineState, resolution: ResolutionState, text: string): TimelineState {
  const url = resolution.url ? { url: resolution.url } : {};
  return addEntry({ ...state, resolution }, { key: "resolution", at: resolution.at, text, ...url });
}

interface ProposedResolution {
  pr: number;
  url: string;
  branch?: string;
  refused?: ResolutionState["refused"];
}

/**
 * The PR adding the Resolution section to the report on production's tip: one tree and one commit through the Git
 * Data API, the branch placed (adopted when a crash left our own commit there, a foreign one refused), then the
 * PR — or the PR our earlier run opened from that branch. `missing` when production has no report file.
 */
async function proposeResolution(
  ctx: EngineContext,
  incident: number,
  facts: ResolutionFacts,
  path: string,
  production: string,
): Promise<ProposedResolution | "missing"> {
  const { octokit, repo } = ctx;
  const { data: tip } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${production}` });
  const report = await fileAt(ctx, path, tip.object.sha);
  if (report === null) return "missing";
  const { data: tipCommit } = await octokit.rest.git.getCommit({ ...repo, commit_sha: tip.object.sha });
  const content = withResolutionSection(report, resolutionSection(facts));
  const writer = new GitWriter(octokit, repo, () => [path]);
  const tree = await writer.tree(tipCommit.tree.sha, [
    { path, mode: "100644", content: new Uint8Array(Buffer.from(content, "utf8")) },
  ]);
  const head = await writer.commit({
    message: resolutionCommitMessage(incident, facts.fix.number),
    tree,
    parents: [tip.object.sha],
  });
  const wanted = resolutionBranchName(incident);
  const placed = await placeBotBranch(octokit, repo, { name: wanted, head, onto: tip.object.sha });
  const record = placementRecord(wanted, placed);
  if (!placed.created) {
    // Our own commit was there already: a crash between the branch and the PR, or a concurrent run.
    const earlier = await findBotPull(ctx, placed.branch, production);
    if (earlier) return { pr: earlier.number, url: earlier.html_url, ...record };
  }
  const { data: created } = await octokit.rest.pulls.create({
    ...repo,
    head: placed.branch,
    base: production,
    title: resolutionPrTitle(incident),
    body: resolutionPrBody(facts, path),
  });
  ctx.log.info(`resolution of #${incident}: PR #${created.number}`);
  return { pr: created.number, url: created.html_url, ...record };
}

/** The file's text at a commit, or null when there is no such file. */
async function fileAt(ctx: EngineContext, path: string, ref: string): Promise<string | null> {
  try {
    const { data } = await ctx.octokit.rest.repos.getContent({ ...ctx.repo, path, ref });
    if (Array.isArray(data) || data.type !== "file" || !("content" in data)) return null;
    return Buffer.from(data.content, "base64").toString("utf8");
  } catch (error) {
    if (httpStatus(error) === 404) return null;
    throw error;
  }
}
