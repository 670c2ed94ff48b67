import { decideDeploy, pipelineForTag } from "../../src/deploy/deploy-decision.js";
import type { DeploymentStatus } from "../../src/deploy/deployment-status-event.js";
import { emptyTimeline, type PipelineState } from "../../src/incident/timeline-state.js";

const pipeline = (deploy?: PipelineState["deploy"]): PipelineState => ({
  pr: 4,
  mergeSha: "a".repeat(40),
  mergedAt: "2026-03-01T12:00:00Z",
  tag: "hotfix-20260301-1200",
  backports: {},
  followUps: {},
  done: true,
  heartbeatAt: "2026-03-01T12:01:00Z",
  ...(deploy ? { deploy } : {}),
});

const status = (state: DeploymentStatus["state"], deployment = 9): DeploymentStatus => ({
  deployment,
  state,
  ref: "hotfix-20260301-1200",
  sha: "a".repeat(40),
  environment: "production",
  at: null,
  description: "",
  url: null,
  marker: null,
});

test("a deployment is ours only when the PR's pipeline released that very tag", () => {
  const state = { ...emptyTimeline(1), pipelines: { "4": pipeline() } };
  expect(pipelineForTag(state, 4, "hotfix-20260301-1200")).toEqual(pipeline());
  expect(pipelineForTag(state, 4, "hotfix-20260301-1201")).toBeNull();
  expect(pipelineForTag(state, 5, "hotfix-20260301-1200")).toBeNull();
  expect(pipelineForTag(null, 4, "hotfix-20260301-1200")).toBeNull();
  expect(decideDeploy(null, status("failure")).kind).toBe("not-ours");
});

test("the first success is recorded, later ones are not", () => {
  expect(decideDeploy(pipeline(), status("success")).kind).toBe("deployed");
  expect(decideDeploy(pipeline({ deployedAt: "2026-03-01T12:05:00Z" }), status("success")).kind).toBe("done");
});

test("a failure rolls back until the revert exists and the commander has been told", () => {
  expect(decideDeploy(pipeline(), status("failure")).kind).toBe("rollback");
  expect(decideDeploy(pipeline(), status("error")).kind).toBe("rollback");
  const reverted = { rollback: { status: "open" as const, pr: 7 }, failedAt: "x" };
  expect(decideDeploy(pipeline(reverted), status("failure")).kind).toBe("rollback");
  expect(decideDeploy(pipeline({ ...reverted, escalated: true }), status("error", 10)).kind).toBe("done");
  const failedRevert = { rollback: { status: "failed" as const, error: "500" }, escalated: true };
  expect(decideDeploy(pipeline(failedRevert), status("failure")).kind).toBe("rollback");
});
