import { z } from "zod";
import { FOLLOW_UP_KINDS, type FollowUpKind } from "../follow-ups/plan-follow-ups.js";
import type { TimelineState } from "./timeline-state.js";

/**
 * What a timeline comment's hidden JSON must look like to be trusted as state. The comment is ours, but it can be
 * edited by anyone with write access or damaged by hand, so it is validated like any input: a mismatch reads as
 * "no state" and never as a half-valid object. Unknown keys are dropped.
 */

const isoTime = z.string().min(1).max(40);
const url = z.string().max(2_000);
const count = z.number().int().positive();

const backport = z.object({
  status: z.enum(["open", "conflict", "already", "failed"]),
  pr: count.optional(),
  url: url.optional(),
  error: z.string().max(10_000).optional(),
});

const followUp = z.object({ issue: count, url });

const followUps = z
  .object(
    Object.fromEntries(FOLLOW_UP_KINDS.map((kind) => [kind, followUp.optional()])) as Record<
      FollowUpKind,
      z.ZodOptional<typeof followUp>
    >,
  )
  .default({});

const pipeline = z.object({
  pr: count,
  mergeSha: z.string().regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/),
  mergedAt: isoTime,
  tag: z.string().min(1).max(255).optional(),
  release: z.object({ id: count, url }).optional(),
  backports: z.record(z.string().min(1).max(255), backport).default({}),
  followUps,
  branchDeleted: z.boolean().optional(),
  done: z.boolean(),
  heartbeatAt: isoTime,
});

const entry = z.object({
  key: z.string().min(1).max(200),
  at: isoTime,
  text: z.string().max(10_000),
  url: url.optional(),
});

export const timelineStateSchema = z.object({
  v: z.literal(1),
  incident: count.nullable(),
  detectedAt: isoTime.optional(),
  severity: z.string().max(50).optional(),
  commander: z.string().max(100).optional(),
  entries: z.array(entry),
  pipelines: z.record(z.string().min(1).max(100), pipeline),
  collapsed: z.number().int().nonnegative().optional(),
});

/** Validates parsed JSON as a timeline state; null when it is not one. */
export function toTimelineState(data: unknown): TimelineState | null {
  const result = timelineStateSchema.safeParse(data);
  if (!result.success) return null;
  const state: TimelineState = result.data;
  return state;
}
