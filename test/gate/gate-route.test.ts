import { createRequire } from "node:module";
import { matchGate } from "../../src/gate/gate-route.js";

type Json = Record<string, unknown>;
const require = createRequire(import.meta.url);
const definitions = require("@octokit/webhooks-examples") as { name: string; examples: Json[] }[];

function example(name: string, action: string): Json {
  const found = definitions.find((d) => d.name === name)?.examples.find((e) => e.action === action);
  if (!found) throw new Error(`${name}.${action}`);
  return structuredClone(found);
}

const SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

describe("matchGate", () => {
  it.each([
    ["pull_request", "opened", "pull-request"],
    ["pull_request", "synchronize", "pull-request"],
    ["pull_request", "labeled", "pull-request"],
    ["pull_request", "unlabeled", "pull-request"],
    ["pull_request", "reopened", "pull-request"],
    ["pull_request", "ready_for_review", "pull-request"],
    ["pull_request", "assigned", null],
    ["pull_request", "closed", null],
    ["pull_request", "converted_to_draft", null],
    ["pull_request_review", "submitted", "pull-request"],
    ["pull_request_review", "dismissed", "pull-request"],
    ["check_run", "completed", "checks"],
    ["check_run", "created", null],
    ["check_run", "requested_action", null],
    ["check_suite", "completed", "checks"],
    ["check_suite", "requested", null],
    ["merge_group", "checks_requested", "merge-group"],
    ["status", "", "status"],
    ["issues", "opened", null],
    ["push", "", null],
  ])("%s.%s -> %s", (name, action, kind) => {
    const payload = definitions
      .find((d) => d.name === name)
      ?.examples.find((e) => (e.action ?? "") === action);
    const input = matchGate({ name, id: "1", payload });
    expect(input?.kind ?? null).toBe(kind);
  });

  it("reads a pull request event's PR from the payload", () => {
    const input = matchGate({ name: "pull_request", id: "1", payload: example("pull_request", "labeled") });
    expect(input).toMatchObject({
      kind: "pull-request",
      defaultBranch: "master",
      pr: { number: 2, headRef: "changes", baseRef: "master", labels: ["bug"] },
    });
  });

  it("ignores a completed hotfix-gate run (its own) but answers a re-run request for it", () => {
    const completed = example("check_run", "completed");
    (completed.check_run as Json).name = "hotfix-gate";
    expect(matchGate({ name: "check_run", id: "1", payload: completed })).toBeNull();
    const rerequested = example("check_run", "rerequested");
    (rerequested.check_run as Json).name = "hotfix-gate";
    (rerequested.check_run as Json).pull_requests = (completed.check_run as Json).pull_requests;
    (rerequested.check_run as Json).head_sha = SHA;
    expect(matchGate({ name: "check_run", id: "1", payload: rerequested })).toMatchObject({
      kind: "checks",
      checkName: null,
    });
  });

  it("keeps only the PRs whose head is the check's SHA", () => {
    const payload = example("check_run", "completed");
    const run = payload.check_run as Json;
    expect(matchGate({ name: "check_run", id: "1", payload })).toMatchObject({
      kind: "checks",
      sha: SHA,
      prs: [{ number: 2, baseRef: "master" }],
      checkName: "Octocoders-linter",
    });
    run.head_sha = "0".repeat(40);
    expect(matchGate({ name: "check_run", id: "1", payload })).toBeNull();
  });

  it("reads the merge group's base and PR number", () => {
    expect(
      matchGate({ name: "merge_group", id: "1", payload: example("merge_group", "checks_requested") }),
    ).toEqual({
      kind: "merge-group",
      sha: "2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d",
      baseRef: "main",
      pullNumber: 104,
      defaultBranch: expect.any(String),
    });
  });

  it("reads a status event's SHA and context; a malformed SHA is no event of ours", () => {
    const payload = definitions.find((d) => d.name === "status")?.examples[0] as Json;
    expect(matchGate({ name: "status", id: "1", payload })).toEqual({
      kind: "status",
      sha: payload.sha,
      context: payload.context,
      defaultBranch: expect.any(String),
    });
    expect(matchGate({ name: "status", id: "1", payload: { ...payload, sha: "main" } })).toBeNull();
    expect(matchGate({ name: "status", id: "1", payload: { ...payload, context: 7 } })).toBeNull();
  });

  it.each([null, "x", {}, { action: "opened" }, { action: "opened", pull_request: { number: 1 } }])(
    "is null for a malformed payload %j",
    (payload) => {
      expect(matchGate({ name: "pull_request", id: "1", payload })).toBeNull();
      expect(matchGate({ name: "check_run", id: "1", payload })).toBeNull();
      expect(matchGate({ name: "merge_group", id: "1", payload })).toBeNull();
    },
  );
});
