import { z } from "zod";
import type { EngineEvent } from "../route.js";
import { incidentOfBranch } from "./incident-branch.js";

/** A push of new commits to an incident's hotfix branch. */
export interface HotfixPush {
  branch: string;
  incident: number;
  after: string;
  pusher: string;
}

const pushShape = z.object({
  ref: z.string(),
  after: z.string().regex(/^[0-9a-f]{40}$/),
  deleted: z.boolean().optional(),
  commits: z.array(z.unknown()).default([]),
  sender: z.object({ login: z.string() }),
});

/**
 * `push` to `hotfix/incident-<n>` that brings commits (pure). The branch's own creation, by hotfix-bot at intake,
 * announces a push with no commits: GitHub refuses a PR without commits, so it is not a trigger.
 */
export function hotfixPushFrom(event: EngineEvent): HotfixPush | null {
  if (event.name !== "push") return null;
  const parsed = pushShape.safeParse(event.payload);
  if (!parsed.success) return null;
  const { ref, after, deleted, commits, sender } = parsed.data;
  if (deleted || /^0+$/.test(after) || commits.length === 0 || !ref.startsWith("refs/heads/")) return null;
  const branch = ref.slice("refs/heads/".length);
  const incident = incidentOfBranch(branch);
  return incident === null ? null : { branch, incident, after, pusher: sender.login };
}
