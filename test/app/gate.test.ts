import { renderTimeline } from "../../src/incident/timeline-markdown.js";
import { emptyTimeline } from "../../src/incident/timeline-state.js";
import { importCommits } from "../support/git.js";
import { appOctokit } from "../support/sandbox-octokit.js";
import { example, inRepo } from "../support/webhook-examples.js";
import { gateStage, NOW } from "./harness.js";
import {
  CONFIG,
  checkRunEvent,
  cleanHotfix,
  type Hotfix,
  OWNER,
  pullObject,
  pullRequestEvent,
  reviewEvent,
  shop,
} from "./scenario.js";

type Json = Record<string, unknown>;

const stage = gateStage();

/** The App's timeline comment on an incident whose intake cut `branch`, written with the App's token. */
async function timelineComment(hotfix: Hotfix, incident: number, branch: string): Promise<void> {
  const state = {
    ...emptyTimeline(incident),
    intake: {
      trigger: "label" as const,
      branch,
      cutFrom: "main",
      baseSha: hotfix.mainSha,
      productionSha: hotfix.mainSha,
    },
  };
  await appOctokit(stage.sandbox).rest.issues.createComment({
    owner: OWNER,
    repo: hotfix.shop.name,
    issue_number: incident,
    body: renderTimeline(state),
  });
}

/** An incident issue opened by alice with a severity label. */
async function incident(hotfix: Hotfix | Awaited<ReturnType<typeof shop>>, label: string): Promise<number> {
  const repo = "shop" in hotfix ? hotfix.shop : hotfix;
  const issue = await repo.alice.request<{ number: number }>("POST", `/repos/${repo.fullName}/issues`, {
    title: "Checkout down",
    labels: [label],
  });
  return issue.number;
}

/** The hotfix-gate runs on the sandbox, oldest first. */
function gateRuns(hotfix: Hotfix, sha = hotfix.head) {
  return [...stage.sandbox.internalRepo(hotfix.shop.fullName).checkRuns.values()]
    .filter((run) => run.name === "hotfix-gate" && run.headSha === sha)
    .sort((a, b) => a.id - b.id);
}

function lastGateBody(): Json {
  const write = stage.writes().at(-1);
  if (!write?.body) throw new Error("no write");
  return write.body;
}

/** Markdown with its escapes removed: the text as a reader sees it. */
function plain(markdown: string): string {
  return markdown.replace(/\\(.)/g, "$1");
}

function output(body: Json): { title: string; summary: string; text: string } {
  return body.output as { title: string; summary: string; text: string };
}

/** `METHOD path` of every request the gate made on the repository's behalf, in order. */
function calls(): string[] {
  return stage.apiRequests().map((r) => `${r.method} ${r.path}`);
}

const repoPath = (hotfix: Hotfix) => `/repos/${hotfix.shop.fullName}`;
const headRuns = (hotfix: Hotfix) => `${repoPath(hotfix)}/commits/${hotfix.head}/check-runs`;
const headStatuses = (hotfix: Hotfix) => `${repoPath(hotfix)}/commits/${hotfix.head}/statuses`;
const checkRuns = (hotfix: Hotfix) => `${repoPath(hotfix)}/check-runs`;

/** The 7 reads of one evaluation of a hotfix PR, once the configuration is known. */
const evaluationReads = (hotfix: Hotfix) => [
  `GET ${repoPath(hotfix)}/pulls/${hotfix.number}`,
  `GET ${repoPath(hotfix)}/pulls/${hotfix.number}/reviews`,
  `GET ${repoPath(hotfix)}/pulls/${hotfix.number}/files`,
  `GET ${repoPath(hotfix)}/compare/main...${hotfix.head}`,
  `GET ${repoPath(hotfix)}/compare/develop...${hotfix.head}`,
  `GET ${headRuns(hotfix)}`,
  `GET ${headStatuses(hotfix)}`,
];

/** A run of `name` by the CI App, already completed. */
const completedRun = (hotfix: Hotfix, name: string, conclusion = "success") =>
  hotfix.ci.createCheckRun({ name, headSha: hotfix.head, status: "completed", conclusion });

const opened = (hotfix: Hotfix, pr: Json = hotfix.pr) =>
  stage.deliver("pull_request", pullRequestEvent(hotfix, "opened", pr));
const checkCompleted = (hotfix: Hotfix, name: string) =>
  stage.deliver("check_run", checkRunEvent(hotfix, "completed", name));

describe("a hotfix PR into production", () => {
  it("passes with a success run that shows every criterion, in 8 reads and 1 write", async () => {
    const hotfix = await cleanHotfix(stage);
    await opened(hotfix);

    expect(calls().sort()).toEqual(
      [
        `GET ${repoPath(hotfix)}/contents/.github/hotfix.yml`,
        ...evaluationReads(hotfix),
        `POST ${checkRuns(hotfix)}`,
      ].sort(),
    );
    // Probot fetched an installation token before the first repository request.
    const paths = stage.requests.map((r) => r.path);
    const token = paths.indexOf(`/app/installations/${stage.sandbox.app.installationId}/access_tokens`);
    expect(token).toBeGreaterThanOrEqual(0);
    expect(token).toBeLessThan(paths.findIndex((p) => p.startsWith("/repos/")));
    // It asked once which App it is (its own check run is the one with that App's id).
    expect(paths.filter((p) => p === "/app")).toHaveLength(1);

    const body = lastGateBody();
    expect(body).toMatchObject({
      name: "hotfix-gate",
      head_sha: hotfix.head,
      status: "completed",
      conclusion: "success",
      completed_at: NOW.toISOString(),
    });
    const { title, summary } = output(body);
    expect(title).toBe("Passed with 1 warning: approvals");
    const rows = summary.split("\n").filter((line) => line.startsWith("| ✅") || line.startsWith("| ⚠️"));
    expect(rows).toHaveLength(8);
    expect(summary).toContain("| ✅ | Title | Jira key SPF\\-1290 |");
    expect(summary).toContain(
      "| ⚠️ | Approvals | no approval: a post\\-deploy review follow\\-up will be opened",
    );
    // Per configured name in order; the legs of `e2e (*)` as the API lists runs, newest first.
    expect(summary).toContain(
      "| ✅ | Critical tests | passed: unit, e2e \\(2\\), e2e \\(1\\) \\(github\\-actions\\) |",
    );
    expect(gateRuns(hotfix)).toMatchObject([{ status: "completed", conclusion: "success" }]);
  });

  it("fails with a table naming what is wrong", async () => {
    const hotfix = await cleanHotfix(stage, {
      title: "fix the login",
      fromDevelop: true,
      files: {
        "src/auth.ts":
          "export function login() {\n  const user = find();\n  return check(user);\n}\n<<<<<<< HEAD\ny\n>>>>>>> develop\n",
      },
    });
    await opened(hotfix);

    const body = lastGateBody();
    expect(body).toMatchObject({ status: "completed", conclusion: "failure" });
    const { title, summary, text } = output(body);
    expect(title).toBe("Failed: title, branch, conflict markers");
    expect(summary).toMatch(
      /\| ❌ \| Title \| "fix the login" does not match; expected "\\\[\\\{key\\\}\\\] \\\{summary\\\}"/,
    );
    expect(summary).toContain('e\\.g\\. "\\[SPF\\-1290\\] Fix critical auth failure"');
    expect(plain(summary)).toContain(
      `| ❌ | Branch | carries a commit from develop that main lacks (${hotfix.shop.developOnly.slice(0, 7)}); cut it from main |`,
    );
    expect(summary).toMatch(/\| ❌ \| Conflict markers \| 2 conflict markers added: src/);
    // Markers are user text too: escaped, so they cannot open HTML or quote blocks in the output.
    expect(plain(text)).toContain("src/auth.ts:5: &lt;&lt;&lt;&lt;&lt;&lt;&lt;");
    expect(plain(text)).toContain("src/auth.ts:7: >>>>>>>");
  });

  it("is in progress, without a conclusion, while a required check runs", async () => {
    const hotfix = await cleanHotfix(stage);
    await hotfix.ci.createCheckRun({ name: "unit", headSha: hotfix.head, status: "in_progress" });
    await stage.deliver("pull_request", pullRequestEvent(hotfix, "synchronize", hotfix.pr));

    const body = lastGateBody();
    expect(body.status).toBe("in_progress");
    expect(body.conclusion).toBeUndefined();
    expect(output(body).title).toBe("Waiting for critical tests");
    expect(output(body).summary).toContain(
      "| ⏳ | Critical tests | waiting for unit \\(in\\_progress, github\\-actions\\) |",
    );
  });

  it("says so when no required check is configured, instead of passing silently", async () => {
    const hotfix = await cleanHotfix(stage, { config: "" });
    await opened(hotfix);

    const { title, summary } = output(lastGateBody());
    expect(title).toBe("Passed with 3 warnings: approvals, critical tests, security scan");
    expect(summary).toContain("| ⚠️ | Critical tests | none configured \\(checks\\.criticalTests is empty\\)");
    expect(summary).toContain("| ⚠️ | Security scan | none configured \\(checks\\.securityScan is empty\\)");
  });

  it("reads severity from the linked incident when the PR has no severity label", async () => {
    const repo = await shop(stage);
    const issue = await incident(repo, "P2-hotfix");
    const hotfix = await cleanHotfix(stage, {
      labels: [],
      body: `Fixes #${issue}`,
      headRef: `hotfix/incident-${issue}`,
    });
    await timelineComment(hotfix, issue, hotfix.headRef);
    stage.clear();
    await opened(hotfix);

    expect(calls()).toContain(`GET ${repoPath(hotfix)}/issues/${issue}`);
    const body = lastGateBody();
    expect(body.status).toBe("in_progress");
    expect(output(body).summary).toContain(
      `| ✅ | Severity | P2 \\(label P2\\-hotfix on incident \\#${issue}\\) |`,
    );
    expect(output(body).summary).toContain("| ⏳ | Approvals | 1 more approval needed for P2");
  });

  it("passes a P2 once a collaborator's approval arrives by review event", async () => {
    const hotfix = await cleanHotfix(stage, { labels: ["P2-hotfix"] });
    await opened(hotfix);
    expect(lastGateBody().status).toBe("in_progress");

    const reviewer = stage.sandbox.as("reviewer", hotfix.shop.fullName);
    const id = await reviewer.review(hotfix.number, "APPROVE");
    const [approval] = await reviewer.request<Json[]>(
      "GET",
      `${repoPath(hotfix)}/pulls/${hotfix.number}/reviews`,
    );
    if (!approval) throw new Error("the approval is not listed");
    const review = {
      id,
      user: { login: "reviewer", id: (approval.user as Json).id },
      state: "approved",
      submitted_at: approval.submitted_at,
      commit_id: hotfix.head,
      author_association: "COLLABORATOR",
    };
    stage.clear();
    await stage.deliver("pull_request_review", reviewEvent(hotfix, "submitted", hotfix.pr, review));

    expect(stage.writes()).toHaveLength(1);
    const write = stage.writes()[0];
    expect(write?.method).toBe("PATCH");
    expect(write?.path).toBe(`${checkRuns(hotfix)}/${gateRuns(hotfix)[0]?.id}`);
    expect(write?.body).toMatchObject({ status: "completed", conclusion: "success" });
    expect(output(write?.body as Json).summary).toContain(
      "| ✅ | Approvals | approved by reviewer \\(1 required for P2\\) |",
    );
    // Review payloads lack the PR's sizes: the files were summed instead.
    expect(output(write?.body as Json).summary).toContain("1 file, 2 lines changed");
    expect(gateRuns(hotfix)).toMatchObject([{ status: "completed", conclusion: "success" }]);
  });
});

describe("approvals from an org/team", () => {
  const config = `${CONFIG}approvals:\n  P2:\n    required: 1\n    from: [acme/sre]\n`;

  async function approvedBySam(): Promise<Hotfix> {
    stage.sandbox.createTeam("acme", "sre", ["sam"]);
    const hotfix = await cleanHotfix(stage, { labels: ["P2-hotfix"], config });
    await stage.sandbox.as("sam", hotfix.shop.fullName).review(hotfix.number, "APPROVE");
    return hotfix;
  }

  it("counts a member of the team, read once per evaluation", async () => {
    stage.sandbox.grantMembersRead(true);
    const hotfix = await approvedBySam();
    await opened(hotfix);
    expect(calls().filter((c) => c.includes("/teams/"))).toEqual(["GET /orgs/acme/teams/sre/members"]);
    expect(lastGateBody()).toMatchObject({ conclusion: "success" });
  });

  it("fails, naming the missing permission, when the team cannot be read", async () => {
    stage.sandbox.grantMembersRead(false);
    const hotfix = await approvedBySam();
    await opened(hotfix);
    const body = lastGateBody();
    expect(body).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(plain(output(body).summary)).toContain(
      "team acme/sre cannot be read: grant the App the organization permission Members: read",
    );
  });
});

describe("the linked incident", () => {
  it("lends its severity only when its timeline records the PR's branch", async () => {
    const repo = await shop(stage);
    const issue = await incident(repo, "P0-hotfix");
    const hotfix = await cleanHotfix(stage, { labels: [], body: `Incident: #${issue}` });
    await timelineComment(hotfix, issue, `${hotfix.headRef}-other`);
    stage.clear();
    await opened(hotfix);
    expect(calls()).not.toContain(`GET ${repoPath(hotfix)}/issues/${issue}`);
    expect(plain(output(lastGateBody()).summary)).toContain(
      `| ✅ | Severity | P1 by default (incident #${issue} does not record this branch as its hotfix branch, so the link is not followed) |`,
    );
  });

  it("falls back to the default severity, and says so, when the incident does not exist", async () => {
    const hotfix = await cleanHotfix(stage, { labels: [], body: "Incident: #404" });
    await opened(hotfix);
    expect(plain(output(lastGateBody()).summary)).toContain(
      "| ✅ | Severity | P1 by default (incident #404 does not record this branch as its hotfix branch, so the link is not followed) |",
    );
  });
});

describe("one run per head SHA", () => {
  it("does not write again on a redelivery", async () => {
    const hotfix = await cleanHotfix(stage);
    const event = pullRequestEvent(hotfix, "opened", hotfix.pr);
    await stage.deliver("pull_request", event);
    stage.clear();
    await stage.deliver("pull_request", event);

    expect(stage.writes()).toEqual([]);
    expect(gateRuns(hotfix)).toHaveLength(1);
  });

  it("creates one run when two deliveries arrive at once", async () => {
    const hotfix = await cleanHotfix(stage);
    // Every answer takes a few milliseconds, so unserialized deliveries would both list "no run" and both create.
    stage.sandbox.setLatency({ fixedMs: 3 });
    await Promise.all([
      opened(hotfix),
      stage.deliver("pull_request", pullRequestEvent(hotfix, "labeled", hotfix.pr)),
      opened(hotfix),
    ]);

    expect(gateRuns(hotfix)).toHaveLength(1);
    expect(stage.writes().filter((w) => w.method === "POST")).toHaveLength(1);
  });

  it("replaces a failure when a failed required check is re-run and succeeds", async () => {
    const hotfix = await cleanHotfix(stage);
    await completedRun(hotfix, "unit", "failure");
    await opened(hotfix);
    const [gate] = gateRuns(hotfix);
    expect(gate).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(gate?.output.summary).toContain(
      "| ❌ | Critical tests | failed: unit \\(failure, github\\-actions\\) |",
    );

    await completedRun(hotfix, "unit");
    stage.clear();
    await checkCompleted(hotfix, "unit");

    expect(gateRuns(hotfix)).toHaveLength(1);
    expect(stage.writes()).toHaveLength(1);
    expect(stage.writes()[0]).toMatchObject({ method: "PATCH", path: `${checkRuns(hotfix)}/${gate?.id}` });
    expect(gateRuns(hotfix)[0]).toMatchObject({ status: "completed", conclusion: "success" });
  });

  it("opens a new run when a completed verdict must go back to waiting (GitHub does not reopen runs)", async () => {
    const hotfix = await cleanHotfix(stage, { title: "no key" });
    const unit = await hotfix.ci.createCheckRun({
      name: "unit",
      headSha: hotfix.head,
      status: "in_progress",
    });
    await opened(hotfix);
    expect(gateRuns(hotfix)).toMatchObject([{ status: "completed", conclusion: "failure" }]);

    await hotfix.shop.alice.updatePullRequest(hotfix.number, { title: "[SPF-1] Fix" });
    await stage.deliver("pull_request", pullRequestEvent(hotfix, "edited", await pullObject(hotfix)));

    const runs = gateRuns(hotfix);
    expect(runs).toHaveLength(2);
    expect(runs[1]).toMatchObject({ status: "in_progress", conclusion: null });
    // The newest run is the one later evaluations update.
    await hotfix.ci.completeCheckRun(unit, "success");
    stage.clear();
    await checkCompleted(hotfix, "unit");
    expect(stage.writes()).toHaveLength(1);
    expect(stage.writes()[0]?.path).toBe(`${checkRuns(hotfix)}/${runs[1]?.id}`);
    expect(gateRuns(hotfix)).toHaveLength(2);
  });
});

describe("stale and out-of-order deliveries", () => {
  it("a redelivered opened event with the old title leaves the gate green: the PR is read as it is now", async () => {
    const hotfix = await cleanHotfix(stage);
    await opened(hotfix);
    expect(gateRuns(hotfix)).toMatchObject([{ status: "completed", conclusion: "success" }]);
    stage.clear();

    await opened(hotfix, { ...hotfix.pr, title: "no key" });
    expect(stage.writes()).toEqual([]);
    expect(gateRuns(hotfix)).toMatchObject([{ status: "completed", conclusion: "success" }]);
  });

  it("an event for a head the PR has moved on from writes nothing", async () => {
    const hotfix = await cleanHotfix(stage);
    await hotfix.shop.alice.push(hotfix.headRef, { "src/more.ts": "more\n" }, { message: "More" });
    await opened(hotfix);
    expect(stage.writes()).toEqual([]);
  });
});

describe("events that are not the gate's", () => {
  it("a non-hotfix PR into production gets a neutral run", async () => {
    const hotfix = await cleanHotfix(stage, { headRef: "release/2024-05", labels: [] });
    await opened(hotfix);

    expect(calls()).toEqual([
      `GET ${repoPath(hotfix)}/contents/.github/hotfix.yml`,
      `GET ${repoPath(hotfix)}/pulls/${hotfix.number}`,
      `GET ${headRuns(hotfix)}`,
      `POST ${checkRuns(hotfix)}`,
    ]);
    expect(stage.apiRequests()[2]?.query.get("check_name")).toBe("hotfix-gate");
    const body = lastGateBody();
    expect(body).toMatchObject({ status: "completed", conclusion: "neutral" });
    expect(output(body).title).toBe("Not a hotfix PR");
  });

  it("a hotfix-looking branch with a bad name is a hotfix PR that fails the branch rule", async () => {
    const hotfix = await cleanHotfix(stage, { headRef: "hotfix/urgent" });
    await opened(hotfix);
    expect(output(lastGateBody()).summary).toMatch(
      /\| ❌ \| Branch \| head branch "hotfix\/urgent" matches none of/,
    );
  });

  it("a PR into another branch costs only the (cached) configuration read", async () => {
    const hotfix = await cleanHotfix(stage, { baseRef: "develop" });
    await opened(hotfix);
    await stage.deliver("pull_request", pullRequestEvent(hotfix, "synchronize", hotfix.pr));
    expect(calls()).toEqual([`GET ${repoPath(hotfix)}/contents/.github/hotfix.yml`]);
  });

  it("ignores actions it does not re-evaluate on, and closed PRs, before any API call", async () => {
    const hotfix = await cleanHotfix(stage);
    await stage.deliver("pull_request", pullRequestEvent(hotfix, "assigned", hotfix.pr));
    await stage.deliver(
      "pull_request",
      pullRequestEvent(hotfix, "closed", { ...hotfix.pr, state: "closed" }),
    );
    await stage.deliver(
      "pull_request",
      pullRequestEvent(hotfix, "labeled", { ...hotfix.pr, state: "closed" }),
    );
    expect(stage.requests).toEqual([]);
  });

  it("ignores completed runs of its own hotfix-gate (no loop)", async () => {
    const hotfix = await cleanHotfix(stage);
    await checkCompleted(hotfix, "hotfix-gate");
    expect(stage.requests).toEqual([]);
  });

  it("re-evaluates when someone asks to re-run hotfix-gate", async () => {
    const hotfix = await cleanHotfix(stage);
    await opened(hotfix);
    expect(lastGateBody()).toMatchObject({ conclusion: "success" });
    await completedRun(hotfix, "codeql", "failure");
    stage.clear();
    await stage.deliver("check_run", checkRunEvent(hotfix, "rerequested", "hotfix-gate"));
    expect(lastGateBody()).toMatchObject({ conclusion: "failure" });
  });

  it("ends the loop its own write starts: our suite completing re-evaluates to the same verdict and writes nothing", async () => {
    const hotfix = await cleanHotfix(stage);
    await opened(hotfix);
    stage.clear();
    const suite = inRepo(example("check_suite", "completed"), OWNER, hotfix.shop.name);
    const checkSuite = suite.check_suite as Json;
    checkSuite.head_sha = hotfix.head;
    checkSuite.app = { id: stage.sandbox.app.id, slug: stage.sandbox.app.slug };
    checkSuite.pull_requests = [
      {
        number: hotfix.number,
        head: { ref: hotfix.headRef, sha: hotfix.head },
        base: { ref: "main", sha: hotfix.mainSha },
      },
    ];
    await stage.deliver("check_suite", suite);
    expect(stage.apiRequests().length).toBeGreaterThan(0);
    expect(stage.writes()).toEqual([]);
  });
});

describe("configuration errors", () => {
  it.each([
    [
      "a wrong type",
      "approvals:\n  P2:\n    required: two\n",
      /approvals\.P2\.required: Invalid input: expected number/,
    ],
    ["an unknown key", "checks:\n  criticalTest: [unit]\n", /unknown key checks\.criticalTest/],
    ["a YAML syntax error", "checks: [\n", /invalid YAML/],
    [
      "an unusable branch pattern",
      "branches:\n  patterns: ['hotfix/{ticket}']\n",
      /branches\.patterns\.0: unknown placeholder \{ticket\}/,
    ],
  ])("fail the gate on %s, naming the file and the field", async (_name, text, problem) => {
    const hotfix = await cleanHotfix(stage, { config: text });
    await opened(hotfix);

    const body = lastGateBody();
    expect(body).toMatchObject({
      name: "hotfix-gate",
      head_sha: hotfix.head,
      status: "completed",
      conclusion: "failure",
    });
    const { title, summary, text: details } = output(body);
    expect(title).toBe("Invalid configuration: .github/hotfix.yml");
    expect(summary).toContain("| ❌ | Configuration |");
    // The reason is escaped for markdown; unescape to read it as a person would.
    expect(plain(`${summary}\n${details}`)).toMatch(problem);
    expect(stage.writes()).toHaveLength(1);
  });

  it("never passes a non-hotfix PR into the default branch either", async () => {
    const hotfix = await cleanHotfix(stage, {
      headRef: "feature/x",
      labels: [],
      config: "productionBranch: [main]\n",
    });
    await opened(hotfix);
    expect(lastGateBody()).toMatchObject({ conclusion: "failure" });
  });

  it("leaves PRs into other branches alone", async () => {
    const hotfix = await cleanHotfix(stage, { baseRef: "develop", config: "productionBranch: [main]\n" });
    await opened(hotfix);
    expect(stage.writes()).toEqual([]);
  });
});

describe("request budget of one evaluation", () => {
  it("a required check completing costs 7 reads and at most 1 write once the config is cached", async () => {
    const hotfix = await cleanHotfix(stage);
    const unit = await hotfix.ci.createCheckRun({
      name: "unit",
      headSha: hotfix.head,
      status: "in_progress",
    });
    await opened(hotfix);
    await hotfix.ci.completeCheckRun(unit, "success");
    stage.clear();
    await checkCompleted(hotfix, "unit");

    expect(calls().sort()).toEqual(
      [...evaluationReads(hotfix), `PATCH ${checkRuns(hotfix)}/${gateRuns(hotfix)[0]?.id}`].sort(),
    );
  });
});

describe("check_run storms", () => {
  const CI = Array.from({ length: 30 }, (_, i) => `lint-${i}`);

  it("costs nothing beyond the cached config for checks the gate does not wait for", async () => {
    const hotfix = await cleanHotfix(stage);
    await opened(hotfix);
    stage.clear();
    for (const name of CI) {
      await completedRun(hotfix, name);
      await checkCompleted(hotfix, name);
    }
    expect(stage.apiRequests()).toEqual([]);
  });

  it("costs a bounded number of requests per required check completing, with 150 runs on the head", async () => {
    const hotfix = await cleanHotfix(stage, { config: "checks:\n  criticalTests: ['e2e (*)']\n" });
    for (const name of CI) {
      await completedRun(hotfix, name);
    }
    const legs = Array.from({ length: 120 }, (_, i) => `e2e (${i})`);
    const running = new Map<string, number>();
    for (const name of legs) {
      running.set(
        name,
        await hotfix.ci.createCheckRun({ name, headSha: hotfix.head, status: "in_progress" }),
      );
    }
    await opened(hotfix);
    expect(lastGateBody().status).toBe("in_progress");

    const perEvent: { requests: number; writes: number }[] = [];
    for (const name of legs) {
      await hotfix.ci.completeCheckRun(running.get(name) as number, "success");
      stage.clear();
      await checkCompleted(hotfix, name);
      perEvent.push({ requests: stage.apiRequests().length, writes: stage.writes().length });
    }
    // 1 PR read + reviews + files + 2 compares + 2 pages of check runs (157 runs) + 1 page of commit statuses
    // + at most 1 write.
    expect(Math.max(...perEvent.map((e) => e.requests))).toBeLessThanOrEqual(9);
    // While it only waits for the same criterion the run is not rewritten: one write, when the last leg completes.
    expect(perEvent.map((e) => e.writes)).toEqual([...Array(119).fill(0), 1]);
    expect(gateRuns(hotfix)).toMatchObject([{ status: "completed", conclusion: "success" }]);
    // 120 evaluations against the sandbox, each reading git through it: generous on a loaded machine.
  }, 180_000);
});

describe("merge queue", () => {
  function mergeGroupEvent(
    hotfix: Hotfix,
    group: { headRef: string; headSha: string },
    baseRef = "refs/heads/main",
  ): Json {
    const payload = inRepo(example("merge_group", "checks_requested"), OWNER, hotfix.shop.name);
    const mergeGroup = payload.merge_group as Json;
    mergeGroup.head_ref = group.headRef;
    mergeGroup.base_ref = baseRef;
    mergeGroup.head_sha = group.headSha;
    return payload;
  }

  it("answers checks_requested on the group's head SHA from the queued PR's facts", async () => {
    const hotfix = await cleanHotfix(stage);
    const group = await stage.sandbox.enqueueMergeGroup(hotfix.shop.fullName, hotfix.number, "alice");
    await stage.deliver("merge_group", mergeGroupEvent(hotfix, group));

    expect(calls()).toContain(`GET ${repoPath(hotfix)}/pulls/${hotfix.number}`);
    expect(calls()).toContain(`GET ${headRuns(hotfix)}`);
    expect(lastGateBody()).toMatchObject({
      name: "hotfix-gate",
      head_sha: group.headSha,
      status: "completed",
      conclusion: "success",
    });
    expect(gateRuns(hotfix, group.headSha)).toMatchObject([{ conclusion: "success" }]);
  });

  it("answers neutral for a queued PR that is not a hotfix, so the queue is not blocked", async () => {
    const hotfix = await cleanHotfix(stage, { headRef: "feature/search", labels: [] });
    const group = await stage.sandbox.enqueueMergeGroup(hotfix.shop.fullName, hotfix.number, "alice");
    await stage.deliver("merge_group", mergeGroupEvent(hotfix, group));
    expect(lastGateBody()).toMatchObject({ conclusion: "neutral" });
  });

  it("fails closed when the group's PR cannot be identified", async () => {
    const hotfix = await cleanHotfix(stage);
    const headSha = await hotfix.shop.alice.push("some-other-branch", { "x.txt": "x\n" }, { from: "main" });
    stage.clear();
    await stage.deliver(
      "merge_group",
      mergeGroupEvent(hotfix, { headRef: "refs/heads/some-other-branch", headSha }),
    );
    expect(lastGateBody()).toMatchObject({ conclusion: "failure", head_sha: headSha });
    expect(output(lastGateBody()).summary).toContain("no pull request number in the merge queue branch name");
  });

  it("ignores groups for other branches", async () => {
    const hotfix = await cleanHotfix(stage, { baseRef: "develop" });
    const group = await stage.sandbox.enqueueMergeGroup(hotfix.shop.fullName, hotfix.number, "alice");
    await stage.deliver("merge_group", mergeGroupEvent(hotfix, group, "refs/heads/develop"));
    expect(stage.writes()).toEqual([]);
  });
});

describe("output limits", () => {
  it("keeps summary and text within GitHub's 65,535 characters on a huge PR", async () => {
    const repo = await shop(stage);
    const mainSha = String(await repo.alice.branchSha("main"));
    const files = Object.fromEntries(
      Array.from({ length: 900 }, (_, i) => [
        `src/${"deep/".repeat(40)}file-${i}.ts`,
        "<<<<<<< HEAD\n=======\n>>>>>>> x\n",
      ]),
    );
    const [huge] = importCommits(stage.sandbox.repository(repo.fullName).gitDir, mainSha, [
      { message: "Huge hotfix", files },
    ]);
    await repo.alice.setBranch("hotfix/incident-900", huge as string);
    const hotfix = await cleanHotfix(stage, {
      title: `[SPF-1] ${"|@x ".repeat(100)}`,
      headRef: "hotfix/incident-900",
      files: { "src/auth.ts": "export function login() {}\n" },
    });
    expect(hotfix.pr).toMatchObject({ changed_files: 901, additions: 2701 });
    await opened(hotfix);

    const { summary, text } = output(lastGateBody());
    expect(summary.length).toBeLessThanOrEqual(65_535);
    expect(text.length).toBeLessThanOrEqual(65_535);
    expect(summary).toContain("2700 conflict markers added");
    expect(text).toContain("… and 2650 more");
    // No live mention, and the user's pipes do not break the table.
    expect(`${summary}${text}`).not.toMatch(/(^|[^\\&#;\w])@x/);
    expect(
      summary
        .split("\n")
        .filter((l) => l.startsWith("| "))
        .every((l) => (l.match(/(?<!\\)\|/g) ?? []).length === 4),
    ).toBe(true);
  });
});
