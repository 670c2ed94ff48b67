/**
 * How hotfix-bot marks the deployments it creates: a `hotfix_bot` object in the deployment's payload. The marker
 * only says where to look; a deployment is ours when the incident's timeline records its id (anyone with write
 * access can create a deployment with any payload, and a forged one must not start a rollback).
 */

export const DEPLOY_PAYLOAD_KEY = "hotfix_bot";

export interface DeployMarker {
  incident: number | null;
  pr: number;
  tag: string;
}

export function deploymentPayload(marker: DeployMarker): Record<string, DeployMarker> {
  return { [DEPLOY_PAYLOAD_KEY]: marker };
}

export function deploymentDescription(marker: DeployMarker): string {
  const incident = marker.incident === null ? "" : ` for incident #${marker.incident}`;
  return `hotfix-bot: deploy ${marker.tag} (#${marker.pr})${incident}`.slice(0, 140);
}

const positive = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value > 0;

/** The marker in a deployment payload (an object, or a JSON string as some clients send it), or null. */
export function markerOf(payload: unknown): DeployMarker | null {
  let data = payload;
  if (typeof data === "string") {
    try {
      data = JSON.parse(data);
    } catch {
      return null;
    }
  }
  if (typeof data !== "object" || data === null) return null;
  const marker = (data as Record<string, unknown>)[DEPLOY_PAYLOAD_KEY];
  if (typeof marker !== "object" || marker === null) return null;
  const { incident, pr, tag } = marker as Record<string, unknown>;
  if (!positive(pr) || typeof tag !== "string" || tag === "") return null;
  if (incident !== null && !positive(incident)) return null;
  return { incident, pr, tag };
}
