import { ConfigError } from "../../src/config/config-error.js";
import type { HotfixConfigInput } from "../../src/config/schema.js";
import {
  configErrorEvaluation,
  evaluateGate,
  forkEvaluation,
  isHotfixPullRequest,
  notHotfixEvaluation,
} from "../../src/gate/evaluate-gate.js";
import type { GateFacts } from "../../src/gate/gate-facts.js";
import { configOf } from "../support/config-of.js";
import { approvalFacts, cleanFacts, pullRequest, SHA } from "./facts-fixture.js";

const CI = { id: 15368, slug: "github-actions" };

const config = configOf({ checks: { criticalTests: ["unit"], securityScan: ["codeql"] } });

const approved = approvalFacts(["ann"]);

describe("evaluateGate", () => {
  it.each<[string, Partial<GateFacts>, HotfixConfigInput, string, string | null, string]>([
    ["all pass", { approvals: approved }, {}, "completed", "success", "Passed: all 8 criteria met"],
    ["a warning still passes", {}, {}, "completed", "success", "Passed with 1 warning: approvals"],
    [
      "a pending check waits",
      {
        checkRuns: [
          {
            id: 3,
            name: "unit",
            status: "queued",
            conclusion: null,
            startedAt: null,
            completedAt: null,
            app: CI,
          },
        ],
      },
      {},
      "in_progress",
      null,
      "Waiting for critical tests, security scan",
    ],
    [
      "a failure beats pending",
      {
        pr: pullRequest({ title: "no key" }),
        checkRuns: [
          {
            id: 3,
            name: "unit",
            status: "queued",
            conclusion: null,
            startedAt: null,
            completedAt: null,
            app: CI,
          },
        ],
      },
      {},
      "completed",
      "failure",
      "Failed: title",
    ],
    [
      "an over-budget diff in warn mode passes",
      { approvals: approved, pr: pullRequest({ size: { files: 90, additions: 5000, deletions: 0 } }) },
      { diffBudget: { mode: "warn" } },
      "completed",
      "success",
      "Passed with 1 warning: diff budget",
    ],
    [
      "an over-budget diff in fail mode fails",
      { pr: pullRequest({ size: { files: 90, additions: 5000, deletions: 0 } }) },
      {},
      "completed",
      "failure",
      "Failed: diff budget",
    ],
    [
      "a P2 without approval waits",
      { pr: pullRequest({ labels: ["P2-hotfix"] }) },
      {},
      "in_progress",
      null,
      "Waiting for approvals",
    ],
  ])("%s", (_name, facts, extra, status, conclusion, title) => {
    const evaluation = evaluateGate(
      cleanFacts(facts),
      configOf({ checks: { criticalTests: ["unit"], securityScan: ["codeql"] }, ...extra }),
    );
    expect(evaluation).toMatchObject({ status, conclusion, title });
  });

  it("has one row per criterion, in a fixed order", () => {
    expect(evaluateGate(cleanFacts(), config).rows.map((r) => r.rule)).toEqual([
      "title",
      "branch",
      "severity",
      "approvals",
      "critical-tests",
      "security-scan",
      "diff-budget",
      "conflict-markers",
    ]);
  });

  it("reports severity, Jira key and approvers for the later steps", () => {
    const evaluation = evaluateGate(cleanFacts({ approvals: approved }), config);
    expect(evaluation).toMatchObject({ severity: "P1", jiraKey: "SPF-1290", approvedBy: ["ann"] });
    expect(evaluation.rows.find((r) => r.rule === "approvals")).not.toHaveProperty("approvedBy");
  });

  it("takes severity from the incident when the PR has no label", () => {
    const evaluation = evaluateGate(
      cleanFacts({ pr: pullRequest({ labels: [] }), incident: { number: 7, labels: ["P2-hotfix"] } }),
      config,
    );
    expect(evaluation.severity).toBe("P2");
  });

  it("sums the listed files when the PR's own sizes are unknown", () => {
    const facts = cleanFacts({ pr: pullRequest({ size: null }) });
    facts.files.list.push({
      filename: "b",
      status: "added",
      additions: 600,
      deletions: 0,
      changes: 600,
      patch: "@@ -0,0 +1 @@\n+x",
    });
    const row = evaluateGate(facts, config).rows.find((r) => r.rule === "diff-budget");
    expect(row?.reason).toMatch(/^2 files, 602 lines changed/);
    expect(row?.state).toBe("fail");
  });

  it("ignores its own hotfix-gate run among the checks", () => {
    const facts = cleanFacts();
    facts.checkRuns.push({
      id: 99,
      name: "hotfix-gate",
      status: "completed",
      conclusion: "failure",
      startedAt: null,
      completedAt: null,
      app: { id: 1, slug: "hotfix-bot" },
    });
    const evaluation = evaluateGate(facts, configOf({ checks: { criticalTests: ["*"] } }));
    expect(evaluation.rows.find((r) => r.rule === "critical-tests")?.state).toBe("pass");
  });
});

describe("isHotfixPullRequest", () => {
  it.each([
    [{ headRef: "hotfix/incident-7", labels: [] }, true],
    [{ headRef: "hotfix/whatever", labels: [] }, true],
    [{ headRef: "release/1.2", labels: [] }, false],
    [{ headRef: "release/1.2", labels: ["p0-hotfix"] }, true],
    [{ headRef: "develop", labels: ["bug"] }, false],
  ])("%j -> %j", (pr, expected) => {
    expect(isHotfixPullRequest(pullRequest(pr), config)).toBe(expected);
  });
});

describe("notHotfixEvaluation", () => {
  it("is a neutral run without rows", () => {
    const evaluation = notHotfixEvaluation(pullRequest({ headRef: "release/1.2" }), config);
    expect(evaluation).toMatchObject({
      status: "completed",
      conclusion: "neutral",
      title: "Not a hotfix PR",
      rows: [],
    });
    expect(evaluation.headline).toContain('"release/1.2"');
  });
});

describe("configErrorEvaluation", () => {
  it("fails with the file, every field and what was expected", () => {
    const error = new ConfigError(".github/hotfix.yml", [
      { path: "approvals.P2.required", message: "expected number, received string" },
      { path: "", message: "YAML syntax error" },
    ]);
    const evaluation = configErrorEvaluation(error);
    expect(evaluation).toMatchObject({
      status: "completed",
      conclusion: "failure",
      title: "Invalid configuration: .github/hotfix.yml",
    });
    expect(evaluation.rows).toEqual([
      {
        rule: "config",
        label: "Configuration",
        state: "fail",
        reason:
          ".github/hotfix.yml is invalid: approvals.P2.required: expected number, received string; YAML syntax error",
        details: ["approvals.P2.required: expected number, received string", "YAML syntax error"],
      },
    ]);
    void SHA;
  });
});

describe("forkEvaluation", () => {
  it("fails a hotfix-looking PR from a fork and names the fork", () => {
    const evaluation = forkEvaluation(pullRequest({ fromFork: true, headRepoName: "mallory/shop" }));
    expect(evaluation).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(evaluation.rows[0]?.reason).toMatch(/^hotfix\/incident-7 is from the fork mallory\/shop/);
  });
});
