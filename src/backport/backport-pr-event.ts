import { z } from "zod";
import {
  addEntry,
  type BackportEnd,
  type TimelineEntry,
  type TimelineState,
} from "../incident/timeline-state.js";

/**
 * A `pull_request` event that may concern one of the bot's backport PRs. The branch name only says which merged
 * hotfix to look up (`hotfix-bot/backport-<pr>-to-…`); whether the PR is ours is decided by the incident's trusted
 * timeline, which records each backport PR's number (see recordBackportEvent). Anyone can name a branch so.
 */
export interface BackportPrEvent {
  action: "closed" | "reopened" | "ready_for_review";
  number: number;
  url: string;
  /** The hotfix PR the branch name points at. */
  hotfixPr: number;
  baseRef: string;
  merged: boolean;
  mergeSha: string | null;
  /** When it was merged or closed (or now, for other actions), as GitHub reports it. */
  at: string | null;
  /** Who merged it, closed it, reopened it or marked it ready. */
  actor: string | null;
}

export const BACKPORT_PR_ACTIONS = ["closed", "reopened", "ready_for_review"] as const;

const BACKPORT_BRANCH = /^hotfix-bot\/backport-([1-9][0-9]{0,9})-to-/;

const eventShape = z.object({
  action: z.enum(BACKPORT_PR_ACTIONS),
  pull_request: z.object({
    number: z.number().int().positive(),
    html_url: z.string(),
    head: z.object({ ref: z.string() }),
    base: z.object({ ref: z.string() }),
    merged: z.boolean().nullable().optional(),
    merge_commit_sha: z.string().nullable().optional(),
    merged_at: z.string().nullable().optional(),
    closed_at: z.string().nullable().optional(),
    updated_at: z.string().nullable().optional(),
    merged_by: z.object({ login: z.string() }).nullable().optional(),
  }),
  sender: z.object({ login: z.string() }).nullable().optional(),
});

/** Reads the event (pure, no I/O); null for anything that cannot be a backport PR's end. */
export function backportPrEventFrom(payload: unknown): BackportPrEvent | null {
  const parsed = eventShape.safeParse(payload);
  if (!parsed.success) return null;
  const { action, pull_request: pr, sender } = parsed.data;
  const branch = BACKPORT_BRANCH.exec(pr.head.ref);
  if (!branch?.[1]) return null;
  const merged = action === "closed" && pr.merged === true && typeof pr.merge_commit_sha === "string";
  return {
    action,
    number: pr.number,
    url: pr.html_url,
    hotfixPr: Number(branch[1]),
    baseRef: pr.base.ref,
    merged,
    mergeSha: merged ? (pr.merge_commit_sha ?? null) : null,
    at: (merged ? pr.merged_at : action === "closed" ? pr.closed_at : pr.updated_at) ?? null,
    actor: (merged ? pr.merged_by?.login : undefined) ?? sender?.login ?? null,
  };
}

const who = (actor: string | null) => (actor ? ` by @${actor}` : "");

/**
 * Records the event on the timeline state (pure): the backport's end state and one timeline line per backport,
 * keyed so that a redelivery replaces the line instead of adding one. Null when the state records no backport
 * PR of that number into that branch: then the PR is not ours, whatever its branch is called.
 */
export function recordBackportEvent(
  state: TimelineState,
  event: BackportPrEvent,
  now: string,
): { state: TimelineState; changed: boolean } | null {
  const pipeline = state.pipelines[String(event.hotfixPr)];
  const found = Object.entries(pipeline?.backports ?? {}).find(
    ([target, backport]) => backport.pr === event.number && target === event.baseRef,
  );
  if (!pipeline || !found) return null;
  const [target, backport] = found;
  const at = validTime(event.at) ?? now;
  let end: BackportEnd | undefined = backport.end;
  let entry: TimelineEntry;
  if (event.action === "closed" && event.merged && event.mergeSha) {
    // The first merge is the one recorded: a redelivery carries the same facts and changes nothing.
    const conflict = backport.status === "conflict";
    end =
      backport.end?.state === "merged"
        ? backport.end
        : { state: "merged", sha: event.mergeSha, at, by: event.actor, ...(conflict ? { conflict } : {}) };
    entry = {
      key: `backport-end-${event.hotfixPr}-${target}`,
      at: end.at,
      text: `Backport to ${target} merged${conflict ? " (conflicts resolved)" : ""}: #${event.number} as ${event.mergeSha.slice(0, 7)}${who(end.by)}`,
      url: event.url,
    };
  } else if (event.action === "closed") {
    if (backport.end?.state === "merged") return { state, changed: false };
    end = backport.end?.state === "closed" ? backport.end : { state: "closed", at, by: event.actor };
    entry = {
      key: `backport-end-${event.hotfixPr}-${target}`,
      at: end.at,
      text: `Backport to ${target} closed without merging${who(end.by)}: #${event.number}; merge a new backport or waive it with /backport skip ${target} <reason>`,
      url: event.url,
    };
  } else if (event.action === "reopened") {
    if (backport.end?.state !== "closed") return { state, changed: false };
    end = undefined;
    entry = {
      key: `backport-end-${event.hotfixPr}-${target}`,
      at,
      text: `Backport to ${target} reopened${who(event.actor)}: #${event.number}`,
      url: event.url,
    };
  } else {
    // ready_for_review: a conflict draft that a person resolved and marked ready.
    if (backport.status !== "conflict") return { state, changed: false };
    entry = {
      key: `backport-ready-${event.hotfixPr}-${target}`,
      at,
      text: `Backport to ${target}: conflicts resolved in #${event.number}, ready for review${who(event.actor)}`,
      url: event.url,
    };
    if (state.entries.some((e) => e.key === entry.key)) return { state, changed: false };
  }
  const { end: _old, ...rest } = backport;
  const next = end ? { ...rest, end } : rest;
  const sameEnd = JSON.stringify(next) === JSON.stringify(backport);
  const sameEntry = state.entries.some((e) => e.key === entry.key && e.text === entry.text);
  if (sameEnd && sameEntry) return { state, changed: false };
  const pipelines = {
    ...state.pipelines,
    [String(event.hotfixPr)]: { ...pipeline, backports: { ...pipeline.backports, [target]: next } },
  };
  return { state: addEntry({ ...state, pipelines }, entry), changed: true };
}

function validTime(value: string | null): string | null {
  const t = Date.parse(value ?? "");
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
