import type { EngineContext } from "../context.js";
import { type RenderedGate, type StepOutcome, stoppedWith } from "../route.js";
import { createOnce, NO_BLIND_RETRY } from "../util/create-once.js";
import type { GateEvaluation } from "./evaluate-gate.js";
import { fastTrackMarkerLine, fastTrackRunMarker } from "./fast-track-marker.js";
import { GATE_CHECK_NAME } from "./gate-check-name.js";
import type { GateRunFact } from "./gate-facts.js";
import { listCheckRuns } from "./gather-facts.js";
import type { GateOutput } from "./render-gate.js";

export type GateWrite = { kind: "create" } | { kind: "update"; id: number } | { kind: "none"; id: number };

/**
 * Pure: how to bring the SHA's `hotfix-gate` run to the evaluation with at most one write.
 *
 * - No run yet: create one.
 * - The run already shows exactly this: no write. Besides saving a write, this is what ends the loop our own
 *   update would otherwise start (our run completes -> check_suite completed -> re-evaluation -> same result).
 * - A run in progress that stays in progress waiting for the same criteria (same title): no write either. In a
 *   storm of check runs completing one by one only the per-check details change; rewriting them on every
 *   completion would spend a write each (writes are paced about a second apart per installation) for text
 *   nobody reads while the verdict has not moved. The run is rewritten when the verdict or what it waits for
 *   changes, and when it completes.
 * - A completed run that must go back to in progress: GitHub does not reopen a completed run, so a new run is
 *   created; GitHub (and our listing) then takes the newest run of the name as the current one.
 * - Otherwise update it in place.
 */
export function planGateWrite(
  existing: GateRunFact | null,
  evaluation: GateEvaluation,
  output: GateOutput,
): GateWrite {
  if (!existing) return { kind: "create" };
  const same =
    existing.status === evaluation.status &&
    (existing.conclusion ?? null) === (evaluation.conclusion ?? null) &&
    (existing.title ?? "") === output.title &&
    (existing.summary ?? "") === output.summary &&
    (existing.text ?? "") === output.text;
  if (same) return { kind: "none", id: existing.id };
  // The fast-track clock lives in the run's text: a clock that starts or stops is always written.
  const clock = evaluation.fastTrack;
  const sameClock =
    fastTrackMarkerLine(existing.text) === (clock ? fastTrackRunMarker(clock.head, clock.since) : null);
  if (
    existing.status === "in_progress" &&
    evaluation.status === "in_progress" &&
    existing.title === output.title &&
    sameClock
  ) {
    return { kind: "none", id: existing.id };
  }
  if (existing.status === "completed" && evaluation.status !== "completed") return { kind: "create" };
  return { kind: "update", id: existing.id };
}

export interface GateWriteResult {
  action: "created" | "updated" | "unchanged";
  id: number;
  url: string | null;
  /** The check run as written; null when it was left unchanged. */
  rendered: RenderedGate | null;
}

/** Pure: the check run a write sends, as the step's outcome reports it (summary and text as one markdown). */
export function renderedGate(
  state: { status: string; conclusion?: string },
  output: GateOutput,
): RenderedGate {
  return {
    status: state.status,
    conclusion: state.conclusion ?? null,
    title: output.title,
    markdown: output.text ? `${output.summary}\n\n${output.text}` : output.summary,
  };
}

/** Pure: the gate step's outcome for an evaluation (`pending` while in progress). */
export function gateOutcome(
  evaluation: GateEvaluation,
  output: GateOutput,
  written: { url: string | null; rendered: RenderedGate | null },
): StepOutcome {
  return {
    gate: {
      conclusion: evaluation.conclusion ?? "pending",
      summary: output.title,
      ...(written.url ? { url: written.url } : {}),
      ...(written.rendered ? { rendered: written.rendered } : {}),
    },
  };
}

/** Pure: the status fields of the run for an evaluation (a completed run without a verdict says neutral). */
function runState(evaluation: GateEvaluation, now: string) {
  return evaluation.status === "completed"
    ? { status: "completed" as const, conclusion: evaluation.conclusion ?? "neutral", completed_at: now }
    : { status: "in_progress" as const };
}
type GateRunState = ReturnType<typeof runState>;

/**
 * The gate's one write: creates or updates the SHA's `hotfix-gate` run, or leaves it when already right. A write
 * stopped on purpose (a dry run) carries the check run it would have written, for the step's outcome.
 */
export async function upsertGateCheck(
  ctx: EngineContext,
  input: { sha: string; existing: GateRunFact | null; evaluation: GateEvaluation; output: GateOutput },
): Promise<GateWriteResult> {
  const { existing, evaluation, output } = input;
  const plan = planGateWrite(existing, evaluation, output);
  if (plan.kind === "none")
    return { action: "unchanged", id: plan.id, url: existing?.url ?? null, rendered: null };
  const now = ctx.clock().toISOString();
  const state = runState(evaluation, now);
  const rendered = renderedGate(state, output);
  try {
    const written = await writeGateCheck(ctx, { ...input, plan, state, now });
    return { ...written, rendered };
  } catch (error) {
    throw stoppedWith(error, gateOutcome(evaluation, output, { url: null, rendered }));
  }
}

async function writeGateCheck(
  ctx: EngineContext,
  input: {
    sha: string;
    existing: GateRunFact | null;
    output: GateOutput;
    plan: Exclude<GateWrite, { kind: "none" }>;
    state: GateRunState;
    now: string;
  },
): Promise<Omit<GateWriteResult, "rendered">> {
  const { sha, existing, output, plan, state, now } = input;
  const { owner, repo } = ctx.repo;
  if (plan.kind === "create") {
    // A retried POST whose answer was lost would leave two runs; look for ours before sending it again.
    const created = await createOnce(
      async () => {
        const { data } = await ctx.octokit.request("POST /repos/{owner}/{repo}/check-runs", {
          owner,
          repo,
          name: GATE_CHECK_NAME,
          head_sha: sha,
          started_at: now,
          ...state,
          output,
          ...NO_BLIND_RETRY,
        });
        return { id: Number(data.id), url: data.html_url ?? null };
      },
      async () => {
        const { gateRun } = await listCheckRuns(ctx, sha, { onlyGate: true });
        return gateRun && gateRun.id > (existing?.id ?? 0) ? { id: gateRun.id, url: gateRun.url } : null;
      },
    );
    return { action: "created", ...created };
  }
  const { data } = await ctx.octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
    owner,
    repo,
    check_run_id: plan.id,
    ...state,
    output,
  });
  return { action: "updated", id: Number(data.id), url: data.html_url ?? null };
}
