import { z } from "zod";
import { FOLLOW_UP_KINDS, type FollowUpKind } from "./follow-up-kinds.js";
import type { TimelineState } from "./timeline-state.js";

/**
 * What a timeline comment's hidden JSON must look like to be trusted as state. The comment is ours, but it can be
 * edited by anyone with write access or damaged by hand, so it is validated like any input: a mismatch reads as
 * "no state" and never as a half-valid object. Unknown keys are dropped.
 *
 * Only the structure and types are checked, no lengths or formats: a state that fails here is replaced by an
 * empty one on the next write, so anything our own code can write (the TypeScript types) must read back.
 */

const isoTime = z.string();
const url = z.string();
const count = z.number().int().positive();

const refused = z.array(z.object({ branch: z.string(), tip: z.string() }));

const backport = z.object({
  status: z.enum(["open", "conflict", "already", "failed"]),
  pr: count.optional(),
  url: url.optional(),
  error: z.string().optional(),
  branch: z.string().optional(),
  refused: refused.optional(),
  end: z
    .discriminatedUnion("state", [
      z.object({
        state: z.literal("merged"),
        sha: z.string(),
        at: isoTime,
        by: z.string().nullable(),
        conflict: z.boolean().optional(),
      }),
      z.object({ state: z.literal("closed"), at: isoTime, by: z.string().nullable() }),
    ])
    .optional(),
  autoMerge: z.object({ method: z.string(), at: isoTime, error: z.string().optional() }).optional(),
  waived: z.object({ by: z.string(), reason: z.string(), at: isoTime }).optional(),
});

const followUp = z.object({
  issue: count,
  url,
  // Follow-up deadlines.
  dueAt: isoTime.optional(),
  overdueNoticeAt: isoTime.optional(),
  closedAt: isoTime.optional(),
});

const followUps = z
  .object(
    Object.fromEntries(FOLLOW_UP_KINDS.map((kind) => [kind, followUp.optional()])) as Record<
      FollowUpKind,
      z.ZodOptional<typeof followUp>
    >,
  )
  .default({});

const rollback = z.object({
  status: z.enum(["open", "conflict", "empty", "failed"]),
  pr: count.optional(),
  url: url.optional(),
  error: z.string().optional(),
  branch: z.string().optional(),
  refused: refused.optional(),
});

const deploy = z.object({
  workflow: z.object({ id: z.string(), ref: z.string(), at: isoTime }).optional(),
  environment: z.object({ name: z.string(), deployment: count, at: isoTime }).optional(),
  deployedAt: isoTime.optional(),
  deployment: count.optional(),
  url: url.optional(),
  failedAt: isoTime.optional(),
  failedDeployment: count.optional(),
  rollback: rollback.optional(),
  escalated: z.boolean().optional(),
  error: z.string().optional(),
});

const intake = z.object({
  trigger: z.enum(["label", "command"]),
  branch: z.string(),
  cutFrom: z.string(),
  baseSha: z.string(),
  productionSha: z.string(),
  line: z.string().optional(),
  previousTag: z.object({ name: z.string(), sha: z.string() }).optional(),
  checklist: z.boolean().optional(),
  report: z.object({ path: z.string(), commit: z.string() }).optional(),
  pr: z.object({ number: count, url, openedAt: isoTime, byBot: z.boolean() }).optional(),
});

const pipeline = z.object({
  pr: count,
  mergeSha: z.string(),
  mergedAt: isoTime,
  tag: z.string().optional(),
  release: z.object({ id: count, url }).optional(),
  backports: z.record(z.string(), backport).default({}),
  followUps,
  branchDeleted: z.boolean().optional(),
  deploy: deploy.optional(),
  done: z.boolean(),
  heartbeatAt: isoTime,
  // Monitoring window and /rollback.
  monitor: z
    .object({ sha: z.string(), since: isoTime, until: isoTime, stableAt: isoTime.optional() })
    .optional(),
  rollbackBy: z
    .object({
      kind: z.enum(["command", "check"]),
      at: isoTime,
      by: z.string(),
      byId: count.optional(),
      reason: z.string(),
      commentId: count.optional(),
    })
    .optional(),
});

const entry = z.object({
  key: z.string(),
  at: isoTime,
  text: z.string(),
  url: url.optional(),
});

export const timelineStateSchema = z.object({
  v: z.literal(1),
  incident: count.nullable(),
  detectedAt: isoTime.optional(),
  severity: z.string().optional(),
  commander: z.string().optional(),
  intake: intake.optional(),
  entries: z.array(entry),
  pipelines: z.record(z.string(), pipeline),
  collapsed: z.number().int().nonnegative().optional(),
  resolvedAt: isoTime.optional(),
  // Notifications (incident/notify).
  notifications: z
    .record(
      z.string(),
      z.object({
        at: isoTime,
        channels: z.array(
          z.object({
            channel: z.string(),
            kind: z.string().optional(),
            ok: z.boolean(),
            status: z.number().int().optional(),
            error: z.string().optional(),
          }),
        ),
      }),
    )
    .optional(),
  // Fast-track approval: see FastTrackState.
  fastTrack: z
    .record(
      z.string(),
      z.object({ head: z.string(), since: isoTime, minutes: count, firedAt: isoTime.optional() }),
    )
    .optional(),
  // Resolution record (deploy/record-resolution).
  resolution: z
    .object({
      status: z.enum(["proposed", "timeline", "failed"]),
      fix: count,
      at: isoTime,
      pr: count.optional(),
      url: url.optional(),
      branch: z.string().optional(),
      refused: refused.optional(),
      error: z.string().optional(),
    })
    .optional(),
});

/** Validates parsed JSON as a timeline state; null when it is not one. */
export function toTimelineState(data: unknown): TimelineState | null {
  const result = timelineStateSchema.safeParse(data);
  if (!result.success) return null;
  const state: TimelineState = result.data;
  return state;
}
