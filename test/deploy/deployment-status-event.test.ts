import { deploymentStatusFrom, looksLikeHotfixTag } from "../../src/deploy/deployment-status-event.js";
import { example } from "../support/webhook-examples.js";

type Json = Record<string, unknown>;

function status(state: string, ref: string, payload: unknown = {}): Json {
  const event = example("deployment_status", null);
  (event.deployment_status as Json).state = state;
  (event.deployment as Json).ref = ref;
  (event.deployment as Json).payload = payload;
  return event;
}

test("hotfix tag names", () => {
  for (const ref of ["hotfix-20260301-1200", "hotfix-20260301-1200-2", "v1.2.3", "v0.0.1"]) {
    expect(looksLikeHotfixTag(ref)).toBe(true);
  }
  for (const ref of [
    "main",
    "hotfix/incident-3",
    "v1.2",
    "v1.2.3-rc.1",
    "hotfix-2026-03-01",
    "a".repeat(40),
  ]) {
    expect(looksLikeHotfixTag(ref)).toBe(false);
  }
});

test("a final status of a hotfix tag's deployment is read from GitHub's example payload", () => {
  const payload = status("failure", "v1.4.1");
  const deployment = payload.deployment as Json;
  const s = payload.deployment_status as Json;
  expect(deploymentStatusFrom({ name: "deployment_status", id: "1", payload })).toEqual({
    deployment: deployment.id,
    state: "failure",
    ref: "v1.4.1",
    sha: deployment.sha,
    environment: s.environment ?? deployment.environment,
    at: s.created_at,
    description: s.description ?? "",
    url: s.log_url || s.target_url || null,
    marker: null,
  });
});

test("our marker makes any ref a candidate; pending states, branches and other events are ignored at once", () => {
  const marked = status("success", "main", { hotfix_bot: { incident: 1, pr: 2, tag: "main" } });
  expect(deploymentStatusFrom({ name: "deployment_status", id: "1", payload: marked })?.marker).toEqual({
    incident: 1,
    pr: 2,
    tag: "main",
  });
  for (const state of ["pending", "queued", "in_progress", "inactive"]) {
    expect(
      deploymentStatusFrom({ name: "deployment_status", id: "1", payload: status(state, "v1.0.0") }),
    ).toBeNull();
  }
  expect(
    deploymentStatusFrom({ name: "deployment_status", id: "1", payload: status("failure", "master") }),
  ).toBeNull();
  expect(
    deploymentStatusFrom({ name: "deployment", id: "1", payload: status("failure", "v1.0.0") }),
  ).toBeNull();
  expect(
    deploymentStatusFrom({ name: "deployment_status", id: "1", payload: { deployment: {} } }),
  ).toBeNull();
});
