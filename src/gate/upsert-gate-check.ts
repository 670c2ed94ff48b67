import type { EngineContext } from "../context.js";
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
}

/** The gate's one write: creates or updates the SHA's `hotfix-gate` run, or leaves it when already right. */
export async function upsertGateCheck(
  ctx: EngineContext,
  input: { sha: string; existing: GateRunFact | null; evaluation: GateEvaluation; output: GateOutput },
): Promise<GateWriteResult> {
  const { sha, existing, evaluation, output } = input;
  const plan = planGateWrite(existing, evaluation, output);
  if (plan.kind === "none") return { action: "unchanged", id: plan.id, url: existing?.url ?? null };
  const now = ctx.clock().toISOString();
  const state =
    evaluation.status === "completed"
      ? { status: "completed" as const, conclusion: evaluation.conclusion ?? "neutral", completed_at: now }
      : { status: "in_progress" as const };
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
