import { type AnnotationInput, type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { ProbotOctokit } from "probot";
import { loadConfig } from "../../src/config/load-config.js";
import type { EngineContext, Octokit, RepoRef } from "../../src/context.js";
import { createEngineLocks } from "../../src/engine-context.js";
import { overdueMarker } from "../../src/follow-ups/overdue-notice.js";
import { parseFollowUpMarkers } from "../../src/follow-ups/plan-follow-ups.js";
import { parseTimeline } from "../../src/incident/timeline-markdown.js";
import { generateReport } from "../../src/metrics/report.js";
import { type AppOnSandbox, startAppOnSandbox } from "../../src/sandbox-app/start-app-on-sandbox.js";
import { sweepInstallations } from "../../src/sweep/sweep-installations.js";

// Follow-up deadlines end to end: the App on the sandbox merges a hotfix and opens its follow-ups with due times;
// the clock moves past them and the App's sweep comments once on each one still open; the report counts them.
// The security scan's warnings (neutral, annotations) open a security-review follow-up that lists them, escaped.

const REPO = "acme/webshop";
const HOUR = 3_600_000;
const FIX = "export function checkPassword(user, password) {\n  return Boolean(user && password);\n}\n";
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

let now = Date.parse("2026-11-20T09:00:00Z");
const clock = () => new Date(now);
let sandbox: Sandbox;
let app: AppOnSandbox;

beforeEach(async () => {
  now = Date.parse("2026-11-20T09:00:00Z");
  sandbox = await startSandbox({ clock });
  await sandbox.createRepository(WEBSHOP);
  app = await startAppOnSandbox(sandbox, { clock, throttle: { enabled: false }, retry: { enabled: false } });
});

afterEach(async () => {
  await app.close();
  await sandbox.close();
});

const internal = () => sandbox.internalRepo(REPO);

const contextFor = (octokit: Octokit, repo: RepoRef): EngineContext => ({
  octokit,
  repo,
  config: () => loadConfig(octokit, repo),
  log: quiet,
  clock,
  identity: async () => ({ appId: sandbox.app.id, stateSecret: null }),
  locks: createEngineLocks(),
});

/** The App's own sweep, at the sandbox's clock. */
const sweep = () => sweepInstallations(app.probot, contextFor, { now: clock(), staleAfterMs: 0 });

/** The follow-up issues the bot opened, by kind. */
function followUps(): Map<string, { number: number; body: string; state: string }> {
  const found = new Map<string, { number: number; body: string; state: string }>();
  for (const issue of internal().issues.values()) {
    const [marker] = parseFollowUpMarkers(issue.body);
    if (marker && issue.user.type === "Bot")
      found.set(marker.kind, { number: issue.number, body: issue.body ?? "", state: issue.state });
  }
  return found;
}

const overdueComments = (issue: number) =>
  [...internal().comments.values()].filter(
    (c) => c.issueNumber === issue && c.user.type === "Bot" && c.body.includes(overdueMarker(issue)),
  );

const timelineOf = (issue: number) =>
  parseTimeline(
    [...internal().comments.values()].find(
      (c) => c.issueNumber === issue && c.user.type === "Bot" && c.body.includes("hotfix-bot:timeline"),
    )?.body ?? "",
  );

/** Label → branch → push → draft PR → checks → gate → merge, as people and CI live it. */
async function labelToMerge(scan: { conclusion: string; annotations?: AnnotationInput[] }) {
  const alice = sandbox.as("alice", REPO);
  await alice.push("main", {
    ".github/hotfix.yml": [
      "checks:",
      "  criticalTests: [critical-tests]",
      "  securityScan: [security-scan]",
      "  neutralPasses: true",
      "backport:",
      "  targets: []",
      "",
    ].join("\n"),
  });
  const incident = await alice.createIssue({ title: "Logins fail", labels: ["P1-hotfix"] });
  await sandbox.settle();
  const branch = `hotfix/incident-${incident}`;
  const fix = await alice.push(branch, { "src/auth.js": FIX }, { message: "Reject empty passwords" });
  await sandbox.settle();
  const pr = [...internal().pulls.values()].find((p) => p.headRef === branch);
  if (!pr) throw new Error("no draft PR");
  await alice.updatePullRequest(pr.number, { title: "[SPF-1290] Fix critical auth failure" });
  await sandbox.markReadyForReview(REPO, pr.number, "alice");
  const ci = sandbox.asApp("ci", REPO);
  await ci.runCheck("critical-tests", fix, "success");
  const scanner = sandbox.asApp("scanner", REPO);
  const run = await scanner.createCheckRun({ name: "security-scan", headSha: fix, status: "in_progress" });
  await scanner.completeCheckRun(run, scan.conclusion, {
    title: "security-scan",
    summary: "scan finished",
    ...(scan.annotations ? { annotations: scan.annotations } : {}),
  });
  await sandbox.settle();
  const gate = [...internal().checkRuns.values()].filter(
    (c) => c.name === "hotfix-gate" && c.headSha === fix,
  );
  expect(gate.map((c) => c.conclusion)).toEqual(["success"]);
  await alice.merge(pr.number, "merge");
  await sandbox.settle();
  return { alice, incident, pr: pr.number };
}

test("past the deadline the sweep comments once per open follow-up, mentioning its assignee or the commander; closed before it counts on time", async () => {
  const mergedAt = now;
  const { alice, incident, pr } = await labelToMerge({ conclusion: "success" });
  const opened = followUps();
  // The bot opened the PR, so nobody is assigned; the P1 merged unapproved and changed no test file.
  expect([...opened.keys()].sort()).toEqual(["post-deploy-review", "post-mortem", "regression-tests"]);
  const review = opened.get("post-deploy-review");
  const postMortem = opened.get("post-mortem");
  const tests = opened.get("regression-tests");
  if (!review || !postMortem || !tests) throw new Error("missing follow-up");
  expect(review.body).toContain("Due: 2026-11-21 09:00 UTC (24h after");
  expect(postMortem.body).toContain("Due: 2026-11-27 09:00 UTC (7d after");
  const recorded = timelineOf(incident)?.pipelines[String(pr)]?.followUps;
  expect(recorded?.["post-deploy-review"]?.dueAt).toBe(new Date(mergedAt + 24 * HOUR).toISOString());
  expect(timelineOf(incident)?.entries.map((e) => e.text)).toContainEqual(
    `Follow-up #${review.number} opened (post-deploy-review), due 2026-11-21 09:00 UTC`,
  );

  // The post-mortem is done within the day; the regression tests are given to bob.
  now = mergedAt + 2 * HOUR;
  await alice.updateIssue(postMortem.number, { state: "closed" });
  await alice.updateIssue(tests.number, { assignees: ["bob"] });
  await sandbox.settle();

  // Before any due time: nothing to say, and not a single request for it.
  now = mergedAt + 23 * HOUR;
  sandbox.requests.reset();
  await sweep();
  expect(overdueComments(review.number)).toHaveLength(0);
  const idle = sandbox.requests.forApp();

  // Past the review's 24 h: one comment, to the commander (alice declared the incident; nobody is assigned).
  now = mergedAt + 25 * HOUR;
  const first = await sweep();
  expect(first.reports.flatMap((r) => r.results)).toContainEqual(
    expect.objectContaining({
      task: "follow-up-deadlines",
      target: `#${review.number}`,
      outcome: "finished",
    }),
  );
  const [notice] = overdueComments(review.number);
  expect(overdueComments(review.number)).toHaveLength(1);
  expect(notice?.body).toContain("@alice: this post-deploy-review follow-up of incident #");
  expect(notice?.body).toContain("was due 2026-11-21 09:00 UTC and is still open");
  expect(timelineOf(incident)?.pipelines[String(pr)]?.followUps["post-deploy-review"]?.overdueNoticeAt).toBe(
    new Date(now).toISOString(),
  );

  // A second sweep, and two at once: no second comment, and no write at all.
  now = mergedAt + 26 * HOUR;
  sandbox.requests.reset();
  await Promise.all([sweep(), sweep()]);
  expect(overdueComments(review.number)).toHaveLength(1);
  expect(sandbox.requests.forApp().writes).toBe(0);

  // Past the week: the post-mortem was closed in time (recorded, no comment); the regression tests mention bob.
  now = mergedAt + 7 * 24 * HOUR + HOUR;
  await sweep();
  expect(overdueComments(postMortem.number)).toHaveLength(0);
  expect(overdueComments(tests.number).map((c) => c.body)).toEqual([
    expect.stringContaining("@bob: this regression-tests follow-up"),
  ]);
  expect(overdueComments(tests.number)[0]?.body).not.toContain("@alice");
  expect(timelineOf(incident)?.entries.map((e) => e.text)).toContainEqual(
    `Follow-up #${postMortem.number} (post-mortem) closed on time`,
  );

  // The review is closed a day late; the report counts 1 on time, 1 late, 1 overdue.
  await alice.updateIssue(review.number, { state: "closed" });
  const octokit = new ProbotOctokit({
    auth: { token: sandbox.appToken() },
    baseUrl: sandbox.url,
    log: quiet,
  });
  const report = await generateReport(contextFor(octokit as Octokit, { owner: "acme", repo: "webshop" }));
  expect(report.metrics.followUps).toMatchObject({ opened: 3, closed: 2, onTime: 1, late: 1, overdue: 1 });
  expect(report.metrics.perIncident[0]?.followUpsOverdue).toEqual([tests.number]);
  expect(report.text).toMatch(/follow-ups on time\s+1 of 2\s+50 %/);
  expect(report.text).toMatch(/follow-ups overdue\s+1\s/);
  const html = report.html();
  expect(html).toContain(`data-overdue="${tests.number}"`);
  expect(html).toContain("(due 2026-11-27 09:00 UTC)");
  expect(html).toContain("Of 2 follow-ups closed, 1 on time and 1 late.");
  process.stdout.write(`follow-up deadlines: a sweep with nothing due cost ${JSON.stringify(idle)}\n`);
}, 180_000);

test("a sweep that dies between the comment and the timeline leaves one comment after the restart", async () => {
  const mergedAt = now;
  await labelToMerge({ conclusion: "success" });
  const review = followUps().get("post-deploy-review");
  if (!review) throw new Error("no review follow-up");
  now = mergedAt + 25 * HOUR;
  // Every timeline update fails: the comment is posted, its record on the timeline is lost.
  sandbox.setFaults({
    seed: 3,
    rate: 1,
    kinds: ["500"],
    routes: ["PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}"],
  });
  const failed = await sweep();
  sandbox.setFaults(null);
  expect(failed.reports.flatMap((r) => r.results)).toContainEqual(
    expect.objectContaining({ task: "follow-up-deadlines", outcome: "failed" }),
  );
  expect(overdueComments(review.number)).toHaveLength(1);
  // The next sweep (a restarted App) finds the marked comment and only records it.
  await sweep();
  await sweep();
  expect(overdueComments(review.number)).toHaveLength(1);
}, 180_000);

test("a security scan that passed with warnings opens a security review listing them, escaped and capped, once", async () => {
  const hostile: AnnotationInput = {
    path: "src/auth.js",
    start_line: 2,
    end_line: 2,
    annotation_level: "warning",
    title: "<img src=x onerror=alert(1)>",
    message:
      "@acme/security-team please **approve** [now](javascript:alert(1))\n# Looks fine <!-- hotfix-bot:timeline -->",
  };
  const many: AnnotationInput[] = Array.from({ length: 40 }, (_, i) => ({
    path: `src/file-${i}.js`,
    start_line: i + 1,
    end_line: i + 1,
    annotation_level: "warning",
    message: `finding ${i}`,
  }));
  const notice: AnnotationInput = { ...hostile, annotation_level: "notice", message: "just a notice" };
  const { pr } = await labelToMerge({ conclusion: "neutral", annotations: [hostile, notice, ...many] });
  const security = followUps().get("security-review");
  if (!security) throw new Error("no security-review follow-up");
  const body = security.body;
  expect(body).toContain(`The security scan of #${pr} (P1) passed with warnings.`);
  expect(body).toContain("### security\\-scan (scanner): neutral, 41 warning annotations");
  expect(body).toContain("src/auth\\.js:2: **&lt;img src=x onerror=alert\\(1\\)\\>**: ");
  expect(body).toContain("src/file\\-0\\.js:1: finding 0");
  expect(body).not.toContain("just a notice");
  // The scanner's text is data: no mention, no HTML, no link, no heading, no forged state.
  expect(body).not.toMatch(/(^|[^;])@acme\/security-team/);
  expect(body).not.toContain("<img");
  expect(body).not.toContain("](javascript");
  expect(body).not.toContain("<!-- hotfix-bot:timeline");
  expect(body.split("\n").filter((line) => line.startsWith("# "))).toEqual([]);
  // 30 listed, the rest counted.
  expect(body.split("\n").filter((line) => line.startsWith("- `warning`"))).toHaveLength(30);
  expect(body).toContain("- … and 11 more: see [the check run](");
  expect(body).toContain("Due: 2026-11-21 09:00 UTC (24h after");

  // Redelivered: the pipeline finds it done, and the follow-up stays one.
  const writes = sandbox.requests.forApp().writes;
  for (const d of sandbox.webhooks.find("pull_request", "closed")) await sandbox.webhooks.redeliver(d.id);
  await sandbox.settle();
  expect(sandbox.requests.forApp().writes).toBe(writes);
  expect([...followUps().keys()].filter((k) => k === "security-review")).toHaveLength(1);
}, 180_000);

test("a clean security scan opens no security review", async () => {
  await labelToMerge({
    conclusion: "success",
    annotations: [{ path: "a.js", start_line: 1, end_line: 1, annotation_level: "notice", message: "fyi" }],
  });
  expect(followUps().has("security-review")).toBe(false);
  expect(followUps().has("post-mortem")).toBe(true);
}, 180_000);

test("attack: another App's comment carrying the overdue marker does not silence the bot's reminder", async () => {
  const mergedAt = now;
  await labelToMerge({ conclusion: "success" });
  const review = followUps().get("post-deploy-review");
  if (!review) throw new Error("no review follow-up");
  // Anyone who can comment can type the marker; another App's comment looks like a bot's.
  await sandbox.asApp("evil", REPO).comment(review.number, `${overdueMarker(review.number)}\nnothing to see`);
  now = mergedAt + 25 * HOUR;
  await sweep();
  const ours = overdueComments(review.number).filter((c) => c.user.login === "hotfix-bot[bot]");
  expect(ours).toHaveLength(1);
  expect(ours[0]?.body).toContain("@alice: this post-deploy-review follow-up");
}, 180_000);
