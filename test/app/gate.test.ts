import type { Probot } from "probot";
import { renderTimeline } from "../../src/incident/timeline-markdown.js";
import { emptyTimeline } from "../../src/incident/timeline-state.js";
import { example, inRepo } from "../support/webhook-examples.js";
import { deliver, FakeGitHub, NOW, startApp } from "./harness.js";
import {
  CLEAN_PATCH,
  CONFIG,
  checkRunEvent,
  cleanHotfix,
  DEVELOP_ONLY,
  HEAD,
  OWNER,
  PR_NUMBER,
  pullObject,
  pullRequestEvent,
  REPO,
  reviewEvent,
} from "./scenario.js";

type Json = Record<string, unknown>;

let github: FakeGitHub;
let probot: Probot;

beforeEach(async () => {
  github = new FakeGitHub(OWNER, REPO);
  probot = await startApp(github);
});

const CHECK_RUNS = `/repos/${OWNER}/${REPO}/check-runs`;
/** The bot's timeline comment on an incident whose intake cut `branch`. */
function timelineComment(incident: number, branch: string) {
  const state = {
    ...emptyTimeline(incident),
    intake: { trigger: "label" as const, branch, cutFrom: "main", baseSha: HEAD, productionSha: HEAD },
  };
  return {
    id: 70 + incident,
    body: renderTimeline(state),
    user: { login: "hotfix-bot[bot]", id: 4242, type: "Bot" },
    performed_via_github_app: { id: 1, slug: "hotfix-bot" },
  };
}

const HEAD_RUNS = `/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`;
const HEAD_STATUSES = `/repos/${OWNER}/${REPO}/commits/${HEAD}/statuses`;

function lastGateBody(): Json {
  const write = github.writes.at(-1);
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

/** `METHOD path` of every request the gate made, in order. */
function calls(): string[] {
  return github.apiRequests.map((r) => `${r.method} ${r.path}`);
}

describe("a hotfix PR into production", () => {
  it("passes with a success run that shows every criterion, in 8 reads and 1 write", async () => {
    const pr = cleanHotfix(github);
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));

    expect(calls().sort()).toEqual(
      [
        `GET /repos/${OWNER}/${REPO}/contents/.github/hotfix.yml`,
        `GET /repos/${OWNER}/${REPO}/pulls/42`,
        `GET /repos/${OWNER}/${REPO}/pulls/42/reviews`,
        `GET /repos/${OWNER}/${REPO}/pulls/42/files`,
        `GET /repos/${OWNER}/${REPO}/compare/main...${HEAD}`,
        `GET /repos/${OWNER}/${REPO}/compare/develop...${HEAD}`,
        `GET ${HEAD_RUNS}`,
        `GET ${HEAD_STATUSES}`,
        `POST ${CHECK_RUNS}`,
      ].sort(),
    );
    // Probot fetched an installation token before the first repository request; the fake answered it.
    const paths = github.requests.map((r) => r.path);
    const token = paths.indexOf("/app/installations/1/access_tokens");
    expect(token).toBeGreaterThanOrEqual(0);
    expect(token).toBeLessThan(paths.findIndex((p) => p.startsWith("/repos/")));
    // It asked once which App it is (its own check run is the one with that App's id).
    expect(paths.filter((p) => p === "/app")).toHaveLength(1);

    const body = lastGateBody();
    expect(body).toMatchObject({
      name: "hotfix-gate",
      head_sha: HEAD,
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
    expect(summary).toContain(
      "| ✅ | Critical tests | passed: unit, e2e \\(1\\), e2e \\(2\\) \\(github\\-actions\\) |",
    );
  });

  it("fails with a table naming what is wrong", async () => {
    const pr = cleanHotfix(github, { title: "fix the login" });
    github.files.set(PR_NUMBER, [
      {
        filename: "src/auth.ts",
        status: "modified",
        additions: 3,
        deletions: 0,
        changes: 3,
        patch: "@@ -4,1 +4,4 @@\n x\n+<<<<<<< HEAD\n+y\n+>>>>>>> develop",
      },
    ]);
    github.compares.set(`main...${HEAD}`, [DEVELOP_ONLY, HEAD]);
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));

    const body = lastGateBody();
    expect(body).toMatchObject({ status: "completed", conclusion: "failure" });
    const { title, summary, text } = output(body);
    expect(title).toBe("Failed: title, branch, conflict markers");
    expect(summary).toMatch(
      /\| ❌ \| Title \| "fix the login" does not match; expected "\\\[\\\{key\\\}\\\] \\\{summary\\\}"/,
    );
    expect(summary).toContain('e\\.g\\. "\\[SPF\\-1290\\] Fix critical auth failure"');
    expect(plain(summary)).toContain(
      "| ❌ | Branch | carries a commit from develop that main lacks (3333333); cut it from main |",
    );
    expect(summary).toMatch(/\| ❌ \| Conflict markers \| 2 conflict markers added: src/);
    // Markers are user text too: escaped, so they cannot open HTML or quote blocks in the output.
    expect(plain(text)).toContain("src/auth.ts:5: &lt;&lt;&lt;&lt;&lt;&lt;&lt;");
    expect(plain(text)).toContain("src/auth.ts:7: >>>>>>>");
  });

  it("is in progress, without a conclusion, while a required check runs", async () => {
    const pr = cleanHotfix(github);
    github.addCheckRun({
      name: "unit",
      head_sha: HEAD,
      status: "in_progress",
      conclusion: null,
      started_at: "2024-05-01T11:00:00Z",
      completed_at: null,
    });
    await deliver(probot, "pull_request", pullRequestEvent("synchronize", pr));

    const body = lastGateBody();
    expect(body.status).toBe("in_progress");
    expect(body.conclusion).toBeUndefined();
    expect(output(body).title).toBe("Waiting for critical tests");
    expect(output(body).summary).toContain(
      "| ⏳ | Critical tests | waiting for unit \\(in\\_progress, github\\-actions\\) |",
    );
  });

  it("says so when no required check is configured, instead of passing silently", async () => {
    const pr = cleanHotfix(github);
    github.configText = "";
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));

    const { title, summary } = output(lastGateBody());
    expect(title).toBe("Passed with 3 warnings: approvals, critical tests, security scan");
    expect(summary).toContain("| ⚠️ | Critical tests | none configured \\(checks\\.criticalTests is empty\\)");
    expect(summary).toContain("| ⚠️ | Security scan | none configured \\(checks\\.securityScan is empty\\)");
  });

  it("reads severity from the linked incident when the PR has no severity label", async () => {
    const pr = cleanHotfix(github, { labels: [], body: "Fixes #7" });
    github.issues.set(7, { number: 7, title: "Checkout down", labels: [{ id: 9, name: "P2-hotfix" }] });
    github.issueComments.set(7, [timelineComment(7, "hotfix/incident-7")]);
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));

    expect(calls()).toContain(`GET /repos/${OWNER}/${REPO}/issues/7`);
    const body = lastGateBody();
    expect(body.status).toBe("in_progress");
    expect(output(body).summary).toContain("| ✅ | Severity | P2 \\(label P2\\-hotfix on incident \\#7\\) |");
    expect(output(body).summary).toContain("| ⏳ | Approvals | 1 more approval needed for P2");
  });

  it("passes a P2 once a collaborator's approval arrives by review event", async () => {
    const pr = cleanHotfix(github, { labels: ["P2-hotfix"] });
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));
    expect(lastGateBody().status).toBe("in_progress");

    const review = {
      id: 77,
      user: { login: "reviewer", id: github.userId("reviewer") },
      state: "approved",
      submitted_at: "2024-05-01T11:30:00Z",
      commit_id: HEAD,
      author_association: "COLLABORATOR",
    };
    github.reviews.set(PR_NUMBER, [{ ...review, state: "APPROVED" }]);
    github.clear();
    await deliver(probot, "pull_request_review", reviewEvent("submitted", pr, review));

    expect(github.writes).toHaveLength(1);
    const write = github.writes[0];
    expect(write?.method).toBe("PATCH");
    expect(write?.path).toBe(`${CHECK_RUNS}/${github.gateRuns(HEAD)[0]?.id}`);
    expect(write?.body).toMatchObject({ status: "completed", conclusion: "success" });
    expect(output(write?.body as Json).summary).toContain(
      "| ✅ | Approvals | approved by reviewer \\(1 required for P2\\) |",
    );
    // Review payloads lack the PR's sizes: the files were summed instead.
    expect(output(write?.body as Json).summary).toContain("1 file, 2 lines changed");
  });
});

describe("approvals from an org/team", () => {
  const config = `${CONFIG}approvals:\n  P2:\n    required: 1\n    from: [acme/sre]\n`;
  const approval = () => ({
    id: 5,
    user: { login: "sam", id: github.userId("sam") },
    state: "APPROVED",
    submitted_at: "2024-05-01T11:00:00Z",
    commit_id: HEAD,
    author_association: "MEMBER",
  });

  it("counts a member of the team, read once per evaluation", async () => {
    const pr = cleanHotfix(github, { labels: ["P2-hotfix"] });
    github.configText = config;
    github.teams.set("acme/sre", ["sam"]);
    github.reviews.set(PR_NUMBER, [approval()]);
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));
    expect(calls().filter((c) => c.includes("/teams/"))).toEqual(["GET /orgs/acme/teams/sre/members"]);
    expect(lastGateBody()).toMatchObject({ conclusion: "success" });
  });

  it("fails, naming the missing permission, when the team cannot be read", async () => {
    const pr = cleanHotfix(github, { labels: ["P2-hotfix"] });
    github.configText = config;
    github.teams.set("acme/sre", 403);
    github.reviews.set(PR_NUMBER, [approval()]);
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));
    const body = lastGateBody();
    expect(body).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(plain(output(body).summary)).toContain(
      "team acme/sre cannot be read: grant the App the organization permission Members: read",
    );
  });
});

describe("the linked incident", () => {
  it("lends its severity only when its timeline records the PR's branch", async () => {
    const pr = cleanHotfix(github, { labels: [], body: "Incident: #7" });
    github.issues.set(7, { number: 7, title: "Checkout down", labels: [{ id: 9, name: "P0-hotfix" }] });
    github.issueComments.set(7, [timelineComment(7, "hotfix/incident-8")]);
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));
    expect(calls()).not.toContain(`GET /repos/${OWNER}/${REPO}/issues/7`);
    expect(plain(output(lastGateBody()).summary)).toContain(
      "| ✅ | Severity | P1 by default (incident #7 does not record this branch as its hotfix branch, so the link is not followed) |",
    );
  });

  it("falls back to the default severity, and says so, when the incident does not exist", async () => {
    const pr = cleanHotfix(github, { labels: [], body: "Incident: #404" });
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));
    expect(plain(output(lastGateBody()).summary)).toContain(
      "| ✅ | Severity | P1 by default (incident #404 does not record this branch as its hotfix branch, so the link is not followed) |",
    );
  });
});

describe("one run per head SHA", () => {
  it("does not write again on a redelivery", async () => {
    const pr = cleanHotfix(github);
    const event = pullRequestEvent("opened", pr);
    await deliver(probot, "pull_request", event);
    github.clear();
    await deliver(probot, "pull_request", event);

    expect(github.writes).toEqual([]);
    expect(github.gateRuns()).toHaveLength(1);
  });

  it("creates one run when two deliveries arrive at once", async () => {
    const pr = cleanHotfix(github);
    // Every answer takes a few milliseconds, so unserialized deliveries would both list "no run" and both create.
    github.beforeAnswer = () => new Promise((resolve) => setTimeout(resolve, 3));
    await Promise.all([
      deliver(probot, "pull_request", pullRequestEvent("opened", pr)),
      deliver(probot, "pull_request", pullRequestEvent("labeled", pr)),
      deliver(probot, "pull_request", pullRequestEvent("opened", pr)),
    ]);

    expect(github.gateRuns()).toHaveLength(1);
    expect(github.writes.filter((w) => w.method === "POST")).toHaveLength(1);
  });

  it("replaces a failure when a failed required check is re-run and succeeds", async () => {
    const pr = cleanHotfix(github);
    github.addCheckRun({
      name: "unit",
      head_sha: HEAD,
      conclusion: "failure",
      started_at: "2024-05-01T11:00:00Z",
    });
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));
    const gate = github.gateRuns(HEAD)[0];
    expect(gate).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(gate?.output.summary).toContain(
      "| ❌ | Critical tests | failed: unit \\(failure, github\\-actions\\) |",
    );

    github.addCheckRun({
      name: "unit",
      head_sha: HEAD,
      conclusion: "success",
      started_at: "2024-05-01T11:40:00Z",
    });
    github.clear();
    await deliver(
      probot,
      "check_run",
      checkRunEvent("completed", { name: "unit", head_sha: HEAD }, [
        { number: PR_NUMBER, headRef: "hotfix/incident-7", baseRef: "main" },
      ]),
    );

    expect(github.gateRuns()).toHaveLength(1);
    expect(github.writes).toHaveLength(1);
    expect(github.writes[0]).toMatchObject({ method: "PATCH", path: `${CHECK_RUNS}/${gate?.id}` });
    expect(gate).toMatchObject({ status: "completed", conclusion: "success" });
  });

  it("opens a new run when a completed verdict must go back to waiting (GitHub does not reopen runs)", async () => {
    const pr = cleanHotfix(github, { title: "no key" });
    github.addCheckRun({
      name: "unit",
      head_sha: HEAD,
      status: "in_progress",
      conclusion: null,
      started_at: "2024-05-01T11:00:00Z",
      completed_at: null,
    });
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));
    expect(github.gateRuns()[0]).toMatchObject({ status: "completed", conclusion: "failure" });

    const fixed = { ...pr, title: "[SPF-1] Fix" };
    github.pulls.set(PR_NUMBER, fixed);
    await deliver(probot, "pull_request", pullRequestEvent("edited", fixed));

    const runs = github.gateRuns();
    expect(runs).toHaveLength(2);
    expect(runs[1]).toMatchObject({ status: "in_progress", conclusion: null });
    // The newest run is the one later evaluations update.
    github.addCheckRun({
      name: "unit",
      head_sha: HEAD,
      conclusion: "success",
      started_at: "2024-05-01T11:50:00Z",
    });
    github.clear();
    await deliver(
      probot,
      "check_run",
      checkRunEvent("completed", { name: "unit", head_sha: HEAD }, [
        { number: PR_NUMBER, headRef: "hotfix/incident-7", baseRef: "main" },
      ]),
    );
    expect(github.writes).toHaveLength(1);
    expect(github.writes[0]?.path).toBe(`${CHECK_RUNS}/${runs[1]?.id}`);
    expect(github.gateRuns()).toHaveLength(2);
  });
});

describe("stale and out-of-order deliveries", () => {
  it("a redelivered opened event with the old title leaves the gate green: the PR is read as it is now", async () => {
    const pr = cleanHotfix(github);
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));
    expect(github.gateRuns()[0]).toMatchObject({ status: "completed", conclusion: "success" });
    github.clear();

    await deliver(probot, "pull_request", pullRequestEvent("opened", { ...pr, title: "no key" }));
    expect(github.writes).toEqual([]);
    expect(github.gateRuns()).toHaveLength(1);
    expect(github.gateRuns()[0]).toMatchObject({ status: "completed", conclusion: "success" });
  });

  it("an event for a head the PR has moved on from writes nothing", async () => {
    const pr = cleanHotfix(github);
    github.pulls.set(PR_NUMBER, { ...pr, head: { ...(pr.head as Json), sha: "2".repeat(40) } });
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));
    expect(github.writes).toEqual([]);
  });
});

describe("events that are not the gate's", () => {
  it("a non-hotfix PR into production gets a neutral run", async () => {
    const pr = cleanHotfix(github, { headRef: "release/2024-05", labels: [] });
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));

    expect(calls()).toEqual([
      `GET /repos/${OWNER}/${REPO}/contents/.github/hotfix.yml`,
      `GET /repos/${OWNER}/${REPO}/pulls/42`,
      `GET ${HEAD_RUNS}`,
      `POST ${CHECK_RUNS}`,
    ]);
    expect(github.apiRequests[2]?.query.get("check_name")).toBe("hotfix-gate");
    const body = lastGateBody();
    expect(body).toMatchObject({ status: "completed", conclusion: "neutral" });
    expect(output(body).title).toBe("Not a hotfix PR");
  });

  it("a hotfix-looking branch with a bad name is a hotfix PR that fails the branch rule", async () => {
    const pr = cleanHotfix(github, { headRef: "hotfix/urgent" });
    github.configText = `${CONFIG}\n`;
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));
    expect(output(lastGateBody()).summary).toMatch(
      /\| ❌ \| Branch \| head branch "hotfix\/urgent" matches none of/,
    );
  });

  it("a PR into another branch costs only the (cached) configuration read", async () => {
    const pr = cleanHotfix(github, { baseRef: "develop" });
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));
    await deliver(probot, "pull_request", pullRequestEvent("synchronize", pr));
    expect(calls()).toEqual([`GET /repos/${OWNER}/${REPO}/contents/.github/hotfix.yml`]);
  });

  it("ignores actions it does not re-evaluate on, and closed PRs, before any API call", async () => {
    const pr = cleanHotfix(github);
    await deliver(probot, "pull_request", pullRequestEvent("assigned", pr));
    await deliver(probot, "pull_request", pullRequestEvent("closed", { ...pr, state: "closed" }));
    await deliver(probot, "pull_request", pullRequestEvent("labeled", { ...pr, state: "closed" }));
    expect(github.requests).toEqual([]);
  });

  it("ignores completed runs of its own hotfix-gate (no loop)", async () => {
    cleanHotfix(github);
    await deliver(
      probot,
      "check_run",
      checkRunEvent("completed", { name: "hotfix-gate", head_sha: HEAD }, [
        { number: PR_NUMBER, headRef: "hotfix/incident-7", baseRef: "main" },
      ]),
    );
    expect(github.requests).toEqual([]);
  });

  it("re-evaluates when someone asks to re-run hotfix-gate", async () => {
    const pr = cleanHotfix(github);
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));
    github.addCheckRun({
      name: "codeql",
      head_sha: HEAD,
      conclusion: "failure",
      started_at: "2024-05-01T11:59:00Z",
    });
    github.clear();
    await deliver(
      probot,
      "check_run",
      checkRunEvent("rerequested", { name: "hotfix-gate", head_sha: HEAD }, [
        { number: PR_NUMBER, headRef: "hotfix/incident-7", baseRef: "main" },
      ]),
    );
    expect(lastGateBody()).toMatchObject({ conclusion: "failure" });
  });

  it("ends the loop its own write starts: our suite completing re-evaluates to the same verdict and writes nothing", async () => {
    const pr = cleanHotfix(github);
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));
    github.clear();
    const suite = inRepo(example("check_suite", "completed"), OWNER, REPO);
    const checkSuite = suite.check_suite as Json;
    checkSuite.head_sha = HEAD;
    checkSuite.app = { id: 1, slug: "hotfix-bot" };
    checkSuite.pull_requests = [
      { number: PR_NUMBER, head: { ref: "hotfix/incident-7", sha: HEAD }, base: { ref: "main", sha: "x" } },
    ];
    await deliver(probot, "check_suite", suite);
    expect(github.apiRequests.length).toBeGreaterThan(0);
    expect(github.writes).toEqual([]);
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
    const pr = cleanHotfix(github);
    github.configText = text;
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));

    const body = lastGateBody();
    expect(body).toMatchObject({
      name: "hotfix-gate",
      head_sha: HEAD,
      status: "completed",
      conclusion: "failure",
    });
    const { title, summary, text: details } = output(body);
    expect(title).toBe("Invalid configuration: .github/hotfix.yml");
    expect(summary).toContain("| ❌ | Configuration |");
    // The reason is escaped for markdown; unescape to read it as a person would.
    expect(plain(`${summary}\n${details}`)).toMatch(problem);
    expect(github.writes).toHaveLength(1);
  });

  it("never passes a non-hotfix PR into the default branch either", async () => {
    const pr = cleanHotfix(github, { headRef: "feature/x", labels: [] });
    github.configText = "productionBranch: [main]\n";
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));
    expect(lastGateBody()).toMatchObject({ conclusion: "failure" });
  });

  it("leaves PRs into other branches alone", async () => {
    const pr = cleanHotfix(github, { baseRef: "develop" });
    github.configText = "productionBranch: [main]\n";
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));
    expect(github.writes).toEqual([]);
  });
});

describe("request budget of one evaluation", () => {
  it("a required check completing costs 7 reads and at most 1 write once the config is cached", async () => {
    const pr = cleanHotfix(github);
    github.addCheckRun({
      name: "unit",
      head_sha: HEAD,
      status: "in_progress",
      conclusion: null,
      completed_at: null,
      started_at: "2024-05-01T11:00:00Z",
    });
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));
    const unit = [...github.checkRuns].reverse().find((r) => r.name === "unit");
    Object.assign(unit ?? {}, {
      status: "completed",
      conclusion: "success",
      completed_at: "2024-05-01T11:10:00Z",
    });
    github.clear();
    await deliver(
      probot,
      "check_run",
      checkRunEvent("completed", { name: "unit", head_sha: HEAD }, [
        { number: PR_NUMBER, headRef: "hotfix/incident-7", baseRef: "main" },
      ]),
    );

    expect(calls().sort()).toEqual(
      [
        `GET /repos/${OWNER}/${REPO}/pulls/42`,
        `GET /repos/${OWNER}/${REPO}/pulls/42/reviews`,
        `GET /repos/${OWNER}/${REPO}/pulls/42/files`,
        `GET /repos/${OWNER}/${REPO}/compare/main...${HEAD}`,
        `GET /repos/${OWNER}/${REPO}/compare/develop...${HEAD}`,
        `GET ${HEAD_RUNS}`,
        `GET ${HEAD_STATUSES}`,
        `PATCH ${CHECK_RUNS}/${github.gateRuns()[0]?.id}`,
      ].sort(),
    );
  });
});

describe("check_run storms", () => {
  const CI = Array.from({ length: 30 }, (_, i) => `lint-${i}`);

  it("costs nothing beyond the cached config for checks the gate does not wait for", async () => {
    const pr = cleanHotfix(github);
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));
    github.clear();
    for (const name of CI) {
      github.addCheckRun({ name, head_sha: HEAD });
      await deliver(
        probot,
        "check_run",
        checkRunEvent("completed", { name, head_sha: HEAD }, [
          { number: PR_NUMBER, headRef: "hotfix/incident-7", baseRef: "main" },
        ]),
      );
    }
    expect(github.apiRequests).toEqual([]);
  });

  it("costs a bounded number of requests per required check completing, with 150 runs on the head", async () => {
    const pr = cleanHotfix(github);
    github.configText = "checks:\n  criticalTests: ['e2e (*)']\n";
    for (const name of CI) github.addCheckRun({ name, head_sha: HEAD });
    const legs = Array.from({ length: 120 }, (_, i) => `e2e (${i})`);
    for (const name of legs) {
      github.addCheckRun({
        name,
        head_sha: HEAD,
        status: "in_progress",
        conclusion: null,
        completed_at: null,
      });
    }
    await deliver(probot, "pull_request", pullRequestEvent("opened", pr));
    expect(lastGateBody().status).toBe("in_progress");

    const perEvent: { requests: number; writes: number }[] = [];
    for (const [i, name] of legs.entries()) {
      const run = [...github.checkRuns].reverse().find((r) => r.name === name);
      if (run)
        Object.assign(run, {
          status: "completed",
          conclusion: "success",
          completed_at: `2024-05-01T11:${String(i % 60).padStart(2, "0")}:00Z`,
        });
      github.clear();
      await deliver(
        probot,
        "check_run",
        checkRunEvent("completed", { name, head_sha: HEAD }, [
          { number: PR_NUMBER, headRef: "hotfix/incident-7", baseRef: "main" },
        ]),
      );
      perEvent.push({ requests: github.apiRequests.length, writes: github.writes.length });
    }
    // 1 PR read + reviews + files + 2 compares + 2 pages of check runs (157 runs) + 1 page of commit statuses
    // + at most 1 write.
    expect(Math.max(...perEvent.map((e) => e.requests))).toBeLessThanOrEqual(9);
    // While it only waits for the same criterion the run is not rewritten: one write, when the last leg completes.
    expect(perEvent.map((e) => e.writes)).toEqual([...Array(119).fill(0), 1]);
    expect(github.gateRuns()).toHaveLength(1);
    expect(github.gateRuns()[0]).toMatchObject({ status: "completed", conclusion: "success" });
  });
});

describe("merge queue", () => {
  function mergeGroupEvent(headRef: string, baseRef = "refs/heads/main"): Json {
    const payload = inRepo(example("merge_group", "checks_requested"), OWNER, REPO);
    const group = payload.merge_group as Json;
    group.head_ref = headRef;
    group.base_ref = baseRef;
    group.head_sha = "4444444444444444444444444444444444444444";
    return payload;
  }

  it("answers checks_requested on the group's head SHA from the queued PR's facts", async () => {
    cleanHotfix(github);
    await deliver(
      probot,
      "merge_group",
      mergeGroupEvent(`refs/heads/gh-readonly-queue/main/pr-${PR_NUMBER}-${HEAD}`),
    );

    expect(calls()).toContain(`GET /repos/${OWNER}/${REPO}/pulls/${PR_NUMBER}`);
    expect(calls()).toContain(`GET ${HEAD_RUNS}`);
    expect(lastGateBody()).toMatchObject({
      name: "hotfix-gate",
      head_sha: "4444444444444444444444444444444444444444",
      status: "completed",
      conclusion: "success",
    });
  });

  it("answers neutral for a queued PR that is not a hotfix, so the queue is not blocked", async () => {
    cleanHotfix(github, { headRef: "feature/search", labels: [] });
    await deliver(
      probot,
      "merge_group",
      mergeGroupEvent(`refs/heads/gh-readonly-queue/main/pr-${PR_NUMBER}-${HEAD}`),
    );
    expect(lastGateBody()).toMatchObject({ conclusion: "neutral" });
  });

  it("fails closed when the group's PR cannot be identified", async () => {
    github.configText = CONFIG;
    await deliver(probot, "merge_group", mergeGroupEvent("refs/heads/some-other-branch"));
    expect(lastGateBody()).toMatchObject({ conclusion: "failure" });
    expect(output(lastGateBody()).summary).toContain("no pull request number in the merge queue branch name");
  });

  it("ignores groups for other branches", async () => {
    cleanHotfix(github);
    await deliver(
      probot,
      "merge_group",
      mergeGroupEvent(`refs/heads/gh-readonly-queue/develop/pr-${PR_NUMBER}-${HEAD}`, "refs/heads/develop"),
    );
    expect(github.writes).toEqual([]);
  });
});

describe("output limits", () => {
  it("keeps summary and text within GitHub's 65,535 characters on a huge PR", async () => {
    const pr = pullObject({ title: `[SPF-1] ${"|@x ".repeat(100)}` });
    cleanHotfix(github, { title: pr.title as string });
    const files = Array.from({ length: 900 }, (_, i) => ({
      filename: `src/${"deep/".repeat(40)}file-${i}.ts`,
      status: "modified",
      additions: 3,
      deletions: 0,
      changes: 3,
      patch: "@@ -1,0 +1,3 @@\n+<<<<<<< HEAD\n+=======\n+>>>>>>> x",
    }));
    github.files.set(PR_NUMBER, files);
    const big = {
      ...pullObject({ title: pr.title as string }),
      changed_files: 900,
      additions: 2700,
      deletions: 0,
    };
    await deliver(probot, "pull_request", pullRequestEvent("opened", big));

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
    void CLEAN_PATCH;
  });
});
