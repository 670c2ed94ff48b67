import { z } from "zod";
import type { EngineEvent } from "../route.js";
import { type DeployMarker, markerOf } from "./deploy-marker.js";

/** A final state of a deployment: what hotfix-bot acts on. */
export type FinalDeployState = "success" | "failure" | "error";

export interface DeploymentStatus {
  deployment: number;
  state: FinalDeployState;
  ref: string;
  sha: string;
  environment: string;
  /** The status's own time. */
  at: string | null;
  description: string;
  /** Where the status points (the deploy log), if anywhere. */
  url: string | null;
  marker: DeployMarker | null;
}

const shape = z.object({
  deployment_status: z.object({
    state: z.string(),
    created_at: z.string().nullable().optional(),
    description: z.string().nullable().optional(),
    target_url: z.string().nullable().optional(),
    log_url: z.string().nullable().optional(),
    environment: z.string().nullable().optional(),
  }),
  deployment: z.object({
    id: z.number().int().positive(),
    ref: z.string(),
    sha: z.string(),
    environment: z.string(),
    payload: z.unknown().optional(),
  }),
});

/**
 * The names hotfix-bot gives its tags (`hotfix-YYYYMMDD-HHmm[-n]`, `vX.Y.Z`). A deployment of anything else (a
 * branch, a SHA) was not made from a hotfix tag and is answered without a single API call.
 */
export function looksLikeHotfixTag(ref: string): boolean {
  return (
    /^hotfix-\d{8}-\d{4}(?:-[1-9]\d*)?$/.test(ref) || /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.test(ref)
  );
}

/** A `deployment_status` in a final state for a deployment of a hotfix-like tag (pure). */
export function deploymentStatusFrom(event: EngineEvent): DeploymentStatus | null {
  if (event.name !== "deployment_status") return null;
  const parsed = shape.safeParse(event.payload);
  if (!parsed.success) return null;
  const { deployment_status: status, deployment } = parsed.data;
  if (status.state !== "success" && status.state !== "failure" && status.state !== "error") return null;
  const marker = markerOf(deployment.payload);
  if (!looksLikeHotfixTag(deployment.ref) && marker === null) return null;
  return {
    deployment: deployment.id,
    state: status.state,
    ref: deployment.ref,
    sha: deployment.sha,
    environment: status.environment ?? deployment.environment,
    at: status.created_at ?? null,
    description: status.description ?? "",
    url: status.log_url || status.target_url || null,
    marker,
  };
}
