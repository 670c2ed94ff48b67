import type { EngineContext } from "../context.js";
import { linkedIncidentNumber } from "../rules/incident-link.js";
import { httpStatus } from "../util/http-status.js";
import type { TimelineState } from "./timeline-state.js";
import { readTimeline } from "./upsert-timeline.js";

/** What a hotfix PR says about its incident: its body (`Incident: #12`, `Fixes #12`) and its head branch. */
export interface PullIncidentClaim {
  body: string | null | undefined;
  headRef: string;
  /** A PR from a fork never belongs to an incident here, whatever its branch is called. */
  fromFork: boolean | null;
}

/**
 * Whether an incident's recorded state binds it to this head branch (pure). The PR's author writes its body and
 * names its branch, so neither proves anything alone: the binding is the branch the bot itself recorded on the
 * incident's timeline when it declared the incident (`intake.branch`). A link to an incident without that record,
 * or with another branch, is not followed.
 */
export function incidentLinkHolds(state: TimelineState | null, headRef: string): boolean {
  return state?.intake?.branch === headRef;
}

export interface PullIncident {
  /** The incident the PR belongs to, or null when it claims none or its claim does not hold. */
  incident: number | null;
  /** The incident the PR claimed, when the claim did not hold (to say so). */
  refused: number | null;
  /** The incident's timeline (null when `incident` is null): read once here, reused by the caller. */
  timeline: { commentId: number | null; state: TimelineState | null } | null;
}

/**
 * The incident of a hotfix PR, trusted only when the incident's timeline records the PR's head branch as its
 * hotfix branch. Everything that writes to, closes or escalates an incident on a PR's behalf goes through this.
 */
export async function incidentOfPull(ctx: EngineContext, claim: PullIncidentClaim): Promise<PullIncident> {
  if (claim.fromFork !== false) return { incident: null, refused: null, timeline: null };
  const number = linkedIncidentNumber({ body: claim.body, headRef: claim.headRef });
  if (number === null) return { incident: null, refused: null, timeline: null };
  let timeline: { commentId: number | null; state: TimelineState | null };
  try {
    timeline = await readTimeline(ctx, number);
  } catch (error) {
    // No such issue (any more): nothing binds the PR to it.
    const status = httpStatus(error);
    if (status !== 404 && status !== 410) throw error;
    timeline = { commentId: null, state: null };
  }
  if (!incidentLinkHolds(timeline.state, claim.headRef)) {
    ctx.log.info(
      `incident #${number} does not record ${claim.headRef} as its hotfix branch: link not followed`,
    );
    return { incident: null, refused: number, timeline: null };
  }
  return { incident: number, refused: null, timeline };
}
