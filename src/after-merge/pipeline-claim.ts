import type { EngineContext, RepoRef } from "../context.js";
import { createOnce, NO_BLIND_RETRY } from "../util/create-once.js";
import { HotfixBotError } from "../util/errors.js";
import { httpStatus } from "../util/http-status.js";

/**
 * Two App instances (or an instance and a reconcile elsewhere) can run the after-merge pipeline of one PR at the
 * same moment: the in-process mutex does not span processes. Most steps survive that (refs, releases and PRs are
 * created atomically; the loser finds the winner's), but issues and comments are not: both create, and the
 * duplicates are only cleaned up after the fact. So before its first write a run claims the pipeline by creating a
 * ref — GitHub's one atomic "create unless it exists" — and deletes it when it ends. A run that finds the claim
 * taken does not act: it waits for the claim to go, then starts over and finds the work done.
 *
 * Writes: the claim costs two (create, delete) per run that has work to do; a run that finds the pipeline complete
 * claims nothing. A claim left by a process that died is not waited on forever: reconcile (which runs after such a
 * crash by design) takes it over, or deletes it when the pipeline is done, and a waiter takes over a claim that
 * outlived its wait.
 */

/** `refs/hotfix-bot/claims/pr-<n>`: outside heads and tags, so no branch list, clone or tag list shows it. */
export function claimRefName(pr: number): string {
  return `refs/hotfix-bot/claims/pr-${pr}`;
}

/** How long a run waits for another's claim, and how often it looks. */
export interface ClaimWait {
  timeoutMs: number;
  pollMs: number;
}

/** A pipeline usually ends within a minute (a dozen writes paced a second apart); three is generous. */
export const CLAIM_WAIT: ClaimWait = { timeoutMs: 180_000, pollMs: 2_000 };

/** The pipeline stayed claimed by another run for longer than a run waits. */
export class PipelineClaimedError extends HotfixBotError {
  override readonly kind = "contention";
  override readonly name = "PipelineClaimedError";
  constructor(
    readonly repo: RepoRef,
    readonly pr: number,
  ) {
    super(
      `the after-merge pipeline of ${repo.owner}/${repo.repo}#${pr} is claimed by another run (${claimRefName(pr)}); ` +
        "if that run died, reconcile finishes the pipeline",
    );
  }
}

/**
 * Claims the pipeline: true when this run created the claim. The claim points at the merge commit (any existing
 * commit would do). A create whose answer was lost and was retried answers 422 for our own claim: that is taken
 * for ours (two runs racing in that very instant would both go on, and the after-the-fact dedupe still holds).
 */
export async function claimPipeline(ctx: EngineContext, pr: number, sha: string): Promise<boolean> {
  try {
    return await createOnce(
      async () => {
        await ctx.octokit.rest.git.createRef({ ...ctx.repo, ref: claimRefName(pr), sha, ...NO_BLIND_RETRY });
        return true;
      },
      async () => ((await claimExists(ctx, pr)) ? true : null),
    );
  } catch (error) {
    if (httpStatus(error) === 422) return false;
    throw error;
  }
}

/** Deletes the claim; one that is gone already (a retried delete, a takeover) is fine. */
export async function releasePipeline(ctx: EngineContext, pr: number): Promise<void> {
  try {
    await ctx.octokit.rest.git.deleteRef({ ...ctx.repo, ref: claimRefName(pr).slice("refs/".length) });
  } catch (error) {
    const status = httpStatus(error);
    if (status !== 404 && status !== 422) throw error;
  }
}

async function claimExists(ctx: EngineContext, pr: number): Promise<boolean> {
  try {
    await ctx.octokit.rest.git.getRef({ ...ctx.repo, ref: claimRefName(pr).slice("refs/".length) });
    return true;
  } catch (error) {
    if (httpStatus(error) === 404) return false;
    throw error;
  }
}

/** Waits until the claim is gone ("released") or the wait is over ("timeout"); one read per look. */
export async function waitForRelease(
  ctx: EngineContext,
  pr: number,
  wait: ClaimWait = CLAIM_WAIT,
): Promise<"released" | "timeout"> {
  const deadline = Date.now() + wait.timeoutMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, wait.pollMs));
    if (!(await claimExists(ctx, pr))) return "released";
  }
  return "timeout";
}

/** The PRs whose pipeline is claimed right now (one read: the claims are listed by prefix). */
export async function listClaims(ctx: EngineContext): Promise<Set<number>> {
  const refs = await ctx.octokit.paginate(ctx.octokit.rest.git.listMatchingRefs, {
    ...ctx.repo,
    ref: "hotfix-bot/claims/pr-",
    per_page: 100,
  });
  const prs = refs.flatMap((r) => {
    const match = /^refs\/hotfix-bot\/claims\/pr-(\d+)$/.exec(r.ref);
    return match?.[1] ? [Number(match[1])] : [];
  });
  return new Set(prs);
}
