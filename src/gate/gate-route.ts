import type { ConfigError } from "../config/config-error.js";
import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { isProductionLine } from "../patterns/production-lines.js";
import { type EngineEvent, type Route, type StepOutcome, type Trigger, writtenBefore } from "../route.js";
import { isRequiredCheckName } from "../rules/required-checks.js";
import { PER_PAGE } from "../util/collect-pages.js";
import {
  configErrorEvaluation,
  evaluateGate,
  forkEvaluation,
  type GateEvaluation,
  isHotfixPullRequest,
  mayFastTrack,
  notHotfixEvaluation,
} from "./evaluate-gate.js";
import { readFastTrackRecords, recordFastTrack } from "./fast-track-clock.js";
import { GATE_CHECK_NAME } from "./gate-check-name.js";
import type { GatePullRequest, GateRunFact } from "./gate-facts.js";
import { fetchPullRequest, gatherFacts, listCheckRuns } from "./gather-facts.js";
import { branchOfRef, mergeQueuePullNumber } from "./merge-queue-ref.js";
import { notifyGateGreen } from "./notify-gate-green.js";
import { pullRequestFrom } from "./pull-request-data.js";
import { renderGate } from "./render-gate.js";
import { gateOutcome, upsertGateCheck } from "./upsert-gate-check.js";

/** What the gate needs from an event, read from the payload alone (no I/O). */
export type GateInput =
  /** pull_request and pull_request_review: the payload carries the whole PR. */
  | { kind: "pull-request"; pr: GatePullRequest; defaultBranch: string | null }
  /** check_run and check_suite: a SHA and the PRs GitHub associates with it. */
  | {
      kind: "checks";
      sha: string;
      prs: { number: number; baseRef: string }[];
      /** The completed check's name (null for a suite): only required checks can change the verdict. */
      checkName: string | null;
      defaultBranch: string | null;
    }
  /** status: a commit status on a SHA; the open hotfix PRs whose head it is are found through the API. */
  | { kind: "status"; sha: string; context: string; defaultBranch: string | null }
  /** merge_group checks_requested: answered on the group's head SHA from its PR's facts. */
  | {
      kind: "merge-group";
      sha: string;
      baseRef: string;
      pullNumber: number | null;
      defaultBranch: string | null;
    };

/** What the gate answers; every one re-reads the pull request, so a later one covers an earlier one. */
export const GATE_TRIGGERS = [
  {
    event: "pull_request",
    actions: ["opened", "edited", "synchronize", "reopened", "labeled", "unlabeled", "ready_for_review"],
  },
  { event: "pull_request_review", actions: ["submitted", "dismissed"] },
  { event: "check_run", actions: ["completed", "rerequested"] },
  { event: "check_suite", actions: ["completed", "rerequested"] },
  { event: "merge_group", actions: ["checks_requested"] },
  // A commit status (Jenkins, Buildkite, deploy tools) on a hotfix PR's head; GitHub sends it without actions.
  { event: "status" },
] as const satisfies readonly Trigger[];

const actionsOf = (event: (typeof GATE_TRIGGERS)[number]["event"]): ReadonlySet<string> => {
  const trigger: Trigger | undefined = GATE_TRIGGERS.find((t) => t.event === event);
  return new Set(trigger?.actions);
};
const PR_ACTIONS = actionsOf("pull_request");
const REVIEW_ACTIONS = actionsOf("pull_request_review");

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;
const str = (value: unknown): string | null => (typeof value === "string" ? value : null);

function defaultBranchOf(payload: Json): string | null {
  return isObject(payload.repository) ? str(payload.repository.default_branch) : null;
}

/** The PRs of a check run or suite whose head is that SHA (an old SHA's late result does not concern the PR). */
function associatedPulls(raw: unknown, sha: string): { number: number; baseRef: string }[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((pr) => {
    if (!isObject(pr) || !isObject(pr.head) || !isObject(pr.base)) return [];
    const baseRef = str(pr.base.ref);
    if (typeof pr.number !== "number" || baseRef === null || pr.head.sha !== sha) return [];
    return [{ number: pr.number, baseRef }];
  });
}

export function matchGate(event: EngineEvent): GateInput | null {
  const payload = event.payload;
  if (!isObject(payload)) return null;
  const action = str(payload.action);
  const defaultBranch = defaultBranchOf(payload);
  switch (event.name) {
    case "pull_request":
    case "pull_request_review": {
      const actions = event.name === "pull_request" ? PR_ACTIONS : REVIEW_ACTIONS;
      if (action === null || !actions.has(action)) return null;
      const pr = pullRequestFrom(payload.pull_request);
      if (pr?.state !== "open") return null;
      return { kind: "pull-request", pr, defaultBranch };
    }
    case "check_run": {
      const run = payload.check_run;
      if (!isObject(run)) return null;
      const name = str(run.name);
      const sha = str(run.head_sha);
      if (name === null || sha === null) return null;
      // Our own run completing must not re-evaluate (that would loop); someone asking to re-run it must.
      const ours = name === GATE_CHECK_NAME;
      if (!((action === "completed" && !ours) || (action === "rerequested" && ours))) return null;
      const prs = associatedPulls(run.pull_requests, sha);
      if (prs.length === 0) return null;
      return { kind: "checks", sha, prs, checkName: ours ? null : name, defaultBranch };
    }
    case "check_suite": {
      const suite = payload.check_suite;
      if (!isObject(suite) || (action !== "completed" && action !== "rerequested")) return null;
      const sha = str(suite.head_sha);
      if (sha === null) return null;
      const prs = associatedPulls(suite.pull_requests, sha);
      if (prs.length === 0) return null;
      return { kind: "checks", sha, prs, checkName: null, defaultBranch };
    }
    case "status": {
      const sha = str(payload.sha);
      const context = str(payload.context);
      if (sha === null || !/^[0-9a-f]{40}$/.test(sha) || context === null) return null;
      return { kind: "status", sha, context, defaultBranch };
    }
    case "merge_group": {
      const group = payload.merge_group;
      if (action !== "checks_requested" || !isObject(group)) return null;
      const sha = str(group.head_sha);
      const baseRef = str(group.base_ref);
      const headRef = str(group.head_ref);
      if (sha === null || baseRef === null || headRef === null) return null;
      return {
        kind: "merge-group",
        sha,
        baseRef: branchOfRef(baseRef),
        pullNumber: mergeQueuePullNumber(headRef),
        defaultBranch,
      };
    }
    default:
      return null;
  }
}

/** What publishing did: the step's outcome, and whether this write turned the gate green (not a repeat). */
interface Published {
  outcome: StepOutcome;
  turnedGreen: boolean;
}

async function publish(
  ctx: EngineContext,
  sha: string,
  evaluate: () => Promise<{ evaluation: GateEvaluation; gateRun: GateRunFact | null }>,
): Promise<Published> {
  const key = `${ctx.repo.owner}/${ctx.repo.repo}@${sha}`;
  // Two instances evaluating one SHA at once would both find no run and both create one: across processes the
  // instances' lock (Redis) orders them like the in-process mutex does within one.
  const locked = <T>(task: () => Promise<T>) =>
    ctx.instancesLock ? ctx.instancesLock.run(`gate:${key}`, task) : task();
  // One evaluation at a time per repository and SHA in this process, on the process's lock in the context.
  return ctx.locks.gate.run(key, () =>
    locked(async () => {
      const { evaluation, gateRun } = await evaluate();
      const output = renderGate(evaluation);
      const written = await upsertGateCheck(ctx, { sha, existing: gateRun, evaluation, output });
      ctx.log.info(`${GATE_CHECK_NAME} ${written.action} on ${sha.slice(0, 7)}: ${output.title}`);
      return {
        outcome: gateOutcome(evaluation, output, written),
        turnedGreen: evaluation.conclusion === "success" && written.action !== "unchanged",
      };
    }),
  );
}

/** Evaluates a PR and brings the gate run on `sha` (its head, or a merge group's head) up to date. */
async function publishPull(
  ctx: EngineContext,
  config: HotfixConfig,
  pr: GatePullRequest,
  sha: string,
): Promise<StepOutcome> {
  // The timeline as the fast-track clock's record last wrote it, for the step's outcome.
  let timeline: string | undefined;
  const evaluateAndWrite = () =>
    publish(ctx, sha, async () => {
      if (isHotfixPullRequest(pr, config) && pr.fromFork !== false) {
        const { gateRun } = await listCheckRuns(ctx, sha, { onlyGate: true });
        return { evaluation: forkEvaluation(pr), gateRun };
      }
      if (!isHotfixPullRequest(pr, config)) {
        const { gateRun } = await listCheckRuns(ctx, sha, { onlyGate: true });
        return { evaluation: notHotfixEvaluation(pr, config), gateRun };
      }
      const { facts, gateRun, headGateRun } = await gatherFacts(ctx, pr, config, sha);
      const evaluation = evaluateGate(facts, config);
      if (!mayFastTrack(evaluation, pr, config)) return { evaluation, gateRun };
      const records = await readFastTrackRecords(ctx, pr, headGateRun);
      const fastTracked = evaluateGate(facts, config, records.facts);
      // The clock is recorded from the head's own evaluation; a merge group only reads it.
      if (fastTracked.fastTrack && records.incident !== null && sha === pr.headSha) {
        timeline = (await recordFastTrack(ctx, records.incident, pr, fastTracked.fastTrack)) ?? timeline;
      }
      return { evaluation: fastTracked, gateRun };
    });
  const published = await evaluateAndWrite().catch((error: unknown) => {
    // The clock's record is on the timeline even when the gate's own write then failed.
    throw timeline === undefined ? error : writtenBefore(error, { timeline });
  });
  // The PR's own head turned green (a merge group's head is the queue's business, not a milestone).
  if (published.turnedGreen && sha === pr.headSha && isHotfixPullRequest(pr, config))
    timeline = (await notifyGateGreen(ctx, config, pr, published.outcome.gate?.url ?? null)) ?? timeline;
  return timeline === undefined ? published.outcome : { ...published.outcome, timeline };
}

/**
 * Re-evaluates an open hotfix PR as it is now (the sweep, when a fast-track timeout has passed); nothing when the
 * PR is gone, closed, or no longer into production.
 */
export async function reevaluatePull(
  ctx: EngineContext,
  config: HotfixConfig,
  number: number,
): Promise<StepOutcome | undefined> {
  const pr = await fetchPullRequest(ctx, number);
  if (pr?.state !== "open" || !isProductionLine(config, pr.baseRef)) return undefined;
  return publishPull(ctx, config, pr, pr.headSha);
}

async function publishFixed(ctx: EngineContext, sha: string, evaluation: GateEvaluation) {
  const published = await publish(ctx, sha, async () => {
    const { gateRun } = await listCheckRuns(ctx, sha, { onlyGate: true });
    return { evaluation, gateRun };
  });
  return published.outcome;
}

/** A merge group whose PR cannot be identified or read fails closed: the queue shows why instead of guessing. */
function unknownMergeGroup(reason: string): GateEvaluation {
  return {
    status: "completed",
    conclusion: "failure",
    title: "Merge group not evaluated",
    headline: "The hotfix gate could not tell which pull request this merge group is for.",
    rows: [{ rule: "branch", label: "Merge group", state: "fail", reason }],
    severity: null,
    jiraKey: null,
    approvedBy: [],
  };
}

/**
 * With an unusable configuration the production branch is unknown, so the failure goes on PRs into the
 * repository's default branch or into `main` (the default production branch): the gate there never passes
 * until the file is fixed, and PRs into other branches are left alone.
 */
async function reportConfigError(
  ctx: EngineContext,
  input: GateInput,
  error: ConfigError,
): Promise<StepOutcome | undefined> {
  const bases = new Set(["main", ...(input.defaultBranch ? [input.defaultBranch] : [])]);
  const evaluation = configErrorEvaluation(error);
  switch (input.kind) {
    case "pull-request":
      return bases.has(input.pr.baseRef) ? publishFixed(ctx, input.pr.headSha, evaluation) : undefined;
    case "checks":
      return input.prs.some((pr) => bases.has(pr.baseRef))
        ? publishFixed(ctx, input.sha, evaluation)
        : undefined;
    case "merge-group":
      return bases.has(input.baseRef) ? publishFixed(ctx, input.sha, evaluation) : undefined;
    case "status":
      // A status names no PR: the PR's own events (opened, synchronize, a check run) report the broken file.
      return undefined;
  }
}

/** Re-evaluates the open PRs into production whose head is `sha`; each is read as it is now. */
async function publishPullsAt(
  ctx: EngineContext,
  config: HotfixConfig,
  sha: string,
  numbers: readonly number[],
): Promise<StepOutcome | undefined> {
  let outcome: StepOutcome | undefined;
  for (const number of numbers) {
    const pr = await fetchPullRequest(ctx, number);
    // A PR that moved on (new head, closed, retargeted) is evaluated by its own events.
    if (pr?.state !== "open" || pr.headSha !== sha || !isProductionLine(config, pr.baseRef)) continue;
    outcome = await publishPull(ctx, config, pr, sha);
  }
  return outcome;
}

/** The open PRs into production whose head is `sha` (a status event names none), from one listing. */
async function openPullsWithHead(
  ctx: EngineContext,
  sha: string,
  production: (base: string) => boolean,
): Promise<number[]> {
  const { data } = await ctx.octokit.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", {
    ...ctx.repo,
    commit_sha: sha,
    per_page: PER_PAGE,
  });
  return data
    .filter((pr) => pr.state === "open" && pr.head.sha === sha && production(pr.base.ref))
    .map((pr) => pr.number);
}

async function runGate(input: GateInput, ctx: EngineContext): Promise<StepOutcome | undefined> {
  // The one read before deciding: only the configuration knows the production lines (memoized per repo).
  const loaded = await ctx.config();
  if (!loaded.ok) return reportConfigError(ctx, input, loaded.error);
  const config = loaded.config;
  // Every production line (main, release/*) is gated alike: one predicate decides, for every kind of event.
  const production = (base: string) => isProductionLine(config, base);

  if (input.kind === "pull-request") {
    if (!production(input.pr.baseRef)) return undefined;
    // The payload may be stale: a redelivered `opened` after the title was fixed, or deliveries out of order. The
    // verdict is written from the PR as it is now (one read), so an old event can never turn a green gate red.
    const pr = await fetchPullRequest(ctx, input.pr.number);
    // A PR that moved on (new head, closed, retargeted) is evaluated by its own events.
    if (pr?.state !== "open" || pr.headSha !== input.pr.headSha || !production(pr.baseRef)) return undefined;
    return publishPull(ctx, config, pr, pr.headSha);
  }

  if (input.kind === "checks") {
    const pulls = input.prs.filter((pr) => production(pr.baseRef));
    if (pulls.length === 0) return undefined;
    // A check the gate does not wait for cannot change its verdict: no re-evaluation in a storm of other checks.
    if (input.checkName !== null && !isRequiredCheckName(input.checkName, config)) return undefined;
    return publishPullsAt(
      ctx,
      config,
      input.sha,
      pulls.map((pr) => pr.number),
    );
  }

  if (input.kind === "status") {
    // A status the gate does not wait for cannot change its verdict: no API call at all for it.
    if (!isRequiredCheckName(input.context, config)) return undefined;
    return publishPullsAt(ctx, config, input.sha, await openPullsWithHead(ctx, input.sha, production));
  }

  if (!production(input.baseRef)) return undefined;
  if (input.pullNumber === null) {
    return publishFixed(
      ctx,
      input.sha,
      unknownMergeGroup("no pull request number in the merge queue branch name"),
    );
  }
  const pr = await fetchPullRequest(ctx, input.pullNumber);
  if (!pr)
    return publishFixed(ctx, input.sha, unknownMergeGroup(`pull request #${input.pullNumber} not found`));
  return publishPull(ctx, config, pr, input.sha);
}

/** The `hotfix-gate` step of the engine's dispatch table. */
export const gateRoute: Route<GateInput> = {
  step: "gate",
  triggers: GATE_TRIGGERS,
  match: matchGate,
  run: (input, ctx) => runGate(input, ctx),
};
