import {
  type AnnotationInput,
  type FileSpec,
  type Sandbox,
  startSandbox,
  WEBSHOP,
} from "@hotfix-bot/sandbox";
import { readChangedFiles } from "../src/after-merge/read-changed-files.js";
import { remindStaleBackports } from "../src/backport/remind-stale-backports.js";
import { cherryPickCommits } from "../src/cherry-pick/cherry-pick.js";
import { readPickPlan, readPullCommits } from "../src/cherry-pick/read-pick-plan.js";
import { loadConfig } from "../src/config/load-config.js";
import type { EngineContext } from "../src/context.js";
import { createEngineLocks } from "../src/engine-context.js";
import { type AppOnSandbox, startAppOnSandbox } from "../src/sandbox-app/start-app-on-sandbox.js";
import { sweepOneRepository } from "../src/sweep/sweep-repository.js";
import { fireFastTrack } from "../src/sweep/tasks/fire-fast-track.js";
import { importCommits, importConflictingModules } from "../test/support/git.js";
import { appOctokit } from "../test/support/sandbox-octokit.js";

// `npm run bench:writes [-- --paced] [-- --after-deploy]`: writes and requests the after-merge pipeline costs,
// counted by the sandbox.
// Counts are exact; the wall-clock figure is only meaningful with --paced (Probot's write pacing on, as on GitHub).

const REPO = { owner: "acme", repo: "webshop" };
const paced = process.argv.includes("--paced");

const CONFIG = `productionBranch: main
developBranch: develop
checks: { criticalTests: [critical-tests], securityScan: [security-scan] }
backport: { targets: ["{develop}", "release/*"] }
`;

const FIX =
  "export function checkPassword(user, password) {\n  if (!user || !password) return false;\n  return user.password === password;\n}\n";
const CONFLICTING =
  "export function checkPassword(user, password) {\n  if (user == null) return false;\n  return user.password === password;\n}\n";

interface Row {
  scenario: string;
  writes: number;
  requests: number;
  note: string;
}

async function freshSandbox(): Promise<Sandbox> {
  const sandbox = await startSandbox({ report: () => {} });
  await sandbox.createRepository(WEBSHOP);
  return sandbox;
}

/** One commit cherry-picked onto a branch through the API, plus the branch ref: the writes before a backport PR. */
async function singleBackport(kind: "clean" | "conflict" | "binary"): Promise<Row> {
  const sandbox = await freshSandbox();
  try {
    const alice = sandbox.as("alice", "acme/webshop");
    if (kind === "conflict")
      await alice.push("develop", { "src/auth.js": CONFLICTING }, { message: "Other change" });
    const files: Record<string, FileSpec> =
      kind === "binary"
        ? { "assets/logo.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 255]) }
        : { "src/auth.js": FIX };
    const parent = (await alice.branchSha("main")) ?? "";
    const fix = await alice.push("main", files, { message: "Fix" });
    const onto = (await alice.branchSha("develop")) ?? "";
    const octokit = appOctokit(sandbox);
    sandbox.counters.reset();
    const result = await cherryPickCommits(octokit, REPO, {
      ontoSha: onto,
      ontoLabel: "develop",
      picks: [{ sha: fix, parent }],
      verified: true,
    });
    await octokit.rest.git.createRef({
      ...REPO,
      ref: "refs/heads/hotfix-bot/backport-1-to-develop",
      sha: result.headSha,
    });
    const counts = sandbox.counters.forApp();
    return {
      scenario: `single-commit backport, ${kind}`,
      writes: counts.writes,
      requests: counts.requests,
      note: `${result.status}${result.usedServerMerge ? ", GitHub's merge used" : ", merged locally"}`,
    };
  } finally {
    await sandbox.close();
  }
}

/** A fix touching `count` files that develop changed on the same lines: one conflicting pick, plus the branch ref. */
async function conflictingFiles(count: number): Promise<Row> {
  const sandbox = await freshSandbox();
  try {
    const gitDir = sandbox.repository("acme/webshop").gitDir;
    const alice = sandbox.as("alice", "acme/webshop");
    const { base, develop, fix } = importConflictingModules(
      gitDir,
      (await alice.branchSha("main")) ?? "",
      count,
    );
    const octokit = appOctokit(sandbox);
    sandbox.counters.reset();
    const result = await cherryPickCommits(octokit, REPO, {
      ontoSha: develop,
      ontoLabel: "develop",
      picks: [{ sha: fix, parent: base }],
      verified: true,
    });
    await octokit.rest.git.createRef({
      ...REPO,
      ref: "refs/heads/hotfix-bot/backport-1-to-develop",
      sha: result.headSha,
    });
    const counts = sandbox.counters.forApp();
    return {
      scenario: `conflict draft, ${count} conflicting files`,
      writes: counts.writes,
      requests: counts.requests,
      note: `${result.status}, ${result.conflictFiles.length} files listed as conflicted`,
    };
  } finally {
    await sandbox.close();
  }
}

/** A pull request of `count` commits merged by rebase: the pick list read from GitHub, every pick, the branch ref. */
async function rebaseMerge(count: number): Promise<Row> {
  const sandbox = await freshSandbox();
  try {
    const gitDir = sandbox.repository("acme/webshop").gitDir;
    const alice = sandbox.as("alice", "acme/webshop");
    await alice.createBranch("hotfix/incident-1", "main");
    const steps = Array.from({ length: count }, (_, k) => ({
      message: `Fix step ${k}`,
      files: { [`src/fix-${k}.js`]: `export const step = ${k};\n` },
    }));
    const shas = importCommits(gitDir, (await alice.branchSha("main")) ?? "", steps);
    await alice.setBranch("hotfix/incident-1", shas.at(-1) ?? "");
    const pr = await alice.openPullRequest({
      head: "hotfix/incident-1",
      base: "main",
      title: "Fix in steps",
    });
    const mergeSha = await alice.merge(pr.number, "rebase");
    const octokit = appOctokit(sandbox);
    sandbox.counters.reset();
    const ctx = { octokit, repo: REPO };
    const plan = await readPickPlan(ctx, mergeSha, await readPullCommits(ctx, pr.number));
    const result = await cherryPickCommits(octokit, REPO, {
      ontoSha: (await alice.branchSha("develop")) ?? "",
      ontoLabel: "develop",
      picks: plan.picks,
      verified: true,
    });
    await octokit.rest.git.createRef({
      ...REPO,
      ref: "refs/heads/hotfix-bot/backport-1-to-develop",
      sha: result.headSha,
    });
    const counts = sandbox.counters.forApp();
    return {
      scenario: `rebase merge of ${count} commits, one target`,
      writes: counts.writes,
      requests: counts.requests,
      note: `${plan.method}: ${plan.picks.length} picks, ${result.commits.filter((c) => c.commit).length} commits, ${result.status}`,
    };
  } finally {
    await sandbox.close();
  }
}

/**
 * A squash-merged pull request changing `count` files: its changed-file list read from GitHub (every page, as the
 * follow-ups decide from it), the pick list, the backport and the branch ref.
 */
async function wideFix(count: number): Promise<Row> {
  const sandbox = await freshSandbox();
  try {
    const gitDir = sandbox.repository("acme/webshop").gitDir;
    const alice = sandbox.as("alice", "acme/webshop");
    await alice.createBranch("hotfix/incident-1", "main");
    const files = Object.fromEntries(
      Array.from({ length: count }, (_, k) => [`src/wide/file-${k}.js`, `export const file = ${k};\n`]),
    );
    const [fix = ""] = importCommits(gitDir, (await alice.branchSha("main")) ?? "", [
      { message: "Wide fix", files },
    ]);
    await alice.setBranch("hotfix/incident-1", fix);
    const pr = await alice.openPullRequest({ head: "hotfix/incident-1", base: "main", title: "Wide fix" });
    const mergeSha = await alice.merge(pr.number, "squash");
    const octokit = appOctokit(sandbox);
    sandbox.counters.reset();
    const ctx = { octokit, repo: REPO };
    const changed = await readChangedFiles(ctx as EngineContext, pr.number);
    const plan = await readPickPlan(ctx, mergeSha, await readPullCommits(ctx, pr.number));
    const result = await cherryPickCommits(octokit, REPO, {
      ontoSha: (await alice.branchSha("develop")) ?? "",
      ontoLabel: "develop",
      picks: plan.picks,
      verified: true,
    });
    await octokit.rest.git.createRef({
      ...REPO,
      ref: "refs/heads/hotfix-bot/backport-1-to-develop",
      sha: result.headSha,
    });
    const counts = sandbox.counters.forApp();
    return {
      scenario: `squash merge changing ${count} files, one target`,
      writes: counts.writes,
      requests: counts.requests,
      note: `${changed.files.length} of ${changed.total} changed files read; ${plan.method}: ${result.status}`,
    };
  } finally {
    await sandbox.close();
  }
}

interface PipelineScenario {
  scenario: string;
  note: string;
  config: string;
  /** The production line the hotfix is cut from and merged into. */
  line: string;
  /** Branches and tags the repository has before the incident. */
  prepare: (sandbox: Sandbox) => Promise<void>;
  /** How the security scan ends on the fix (default: success, no annotation). */
  scan?: { conclusion: string; annotations: AnnotationInput[] };
}

/** The main line: merge → tag, release, 2 backports, 3 follow-ups, cleanup, timeline. */
const MAIN_LINE: PipelineScenario = {
  scenario: "whole pipeline: 2 targets, 3 follow-ups",
  note: "tag, release, 2 backport PRs with label + reviewer, 3 issues, branch delete, timeline",
  config: CONFIG,
  line: "main",
  prepare: async (sandbox) => {
    await sandbox.as("alice", "acme/webshop").createBranch("release/1.x", "main");
  },
};

/** The main line, its security scan neutral with 3 warnings: the security-review follow-up on top. */
const SECURITY_WARNINGS: PipelineScenario = {
  ...MAIN_LINE,
  scenario: "whole pipeline, scan passed with 3 warnings",
  note: "as above + the security-review issue (check runs and annotations read)",
  config: CONFIG.replace(
    "securityScan: [security-scan] }",
    "securityScan: [security-scan], neutralPasses: true }",
  ),
  scan: {
    conclusion: "neutral",
    annotations: [1, 2, 3].map((line) => ({
      path: "src/auth.js",
      start_line: line,
      end_line: line,
      annotation_level: "warning" as const,
      message: `finding ${line}`,
    })),
  },
};

/** A hotfix on release/1.x carried forward to release/2.x, main and develop (`newer-lines`). */
const MAINTENANCE_LINE: PipelineScenario = {
  scenario: "1.x hotfix: 3 forward targets, 3 follow-ups",
  note: "tag v1.4.1, release, 3 forward-port PRs (release/2.x, main, develop) with label + reviewer, 3 issues, branch delete, timeline",
  config: `productionBranches: [main, "release/*"]
developBranch: develop
checks: { criticalTests: [critical-tests], securityScan: [security-scan] }
backport: { targets: ["{develop}", newer-lines] }
`,
  line: "release/1.x",
  prepare: async (sandbox) => {
    const alice = sandbox.as("alice", "acme/webshop");
    for (const [line, tag] of [
      ["release/1.x", "v1.4.0"],
      ["release/2.x", "v2.0.0"],
    ] as const) {
      await alice.createBranch(line, "main");
      const sha = (await alice.branchSha(line)) ?? "";
      await alice.request("POST", "/repos/acme/webshop/git/refs", { ref: `refs/tags/${tag}`, sha });
    }
  },
};

/** The whole pipeline through the real App, from the merge of the hotfix PR into `scenario.line`. */
async function wholePipeline(
  scenario: PipelineScenario,
): Promise<{ row: Row; routes: Map<string, number>; seconds: number }> {
  const sandbox = await freshSandbox();
  let app: AppOnSandbox | undefined;
  try {
    app = await startAppOnSandbox(sandbox, {
      ...(paced ? {} : { throttle: { enabled: false } }),
      retry: { enabled: false },
    });
    const alice = sandbox.as("alice", "acme/webshop");
    await alice.push("main", { ".github/hotfix.yml": scenario.config }, { message: "Configure" });
    await scenario.prepare(sandbox);
    const incident = await alice.createIssue({ title: "Logins fail", labels: ["P1-hotfix"] });
    await alice.createBranch(`hotfix/incident-${incident}`, scenario.line);
    const fix = await alice.push(`hotfix/incident-${incident}`, { "src/auth.js": FIX }, { message: "Fix" });
    const pr = await alice.openPullRequest({
      head: `hotfix/incident-${incident}`,
      base: scenario.line,
      title: "[SPF-1290] Fix critical auth failure",
      body: `Incident: #${incident}`,
    });
    const ci = sandbox.asApp("ci", "acme/webshop");
    await ci.runCheck("critical-tests", fix, "success");
    if (scenario.scan) {
      const run = await ci.createCheckRun({ name: "security-scan", headSha: fix, status: "in_progress" });
      await ci.completeCheckRun(run, scenario.scan.conclusion, {
        title: "security-scan",
        summary: "scan finished",
        annotations: scenario.scan.annotations,
      });
    } else await ci.runCheck("security-scan", fix, "success");
    await sandbox.settle();
    sandbox.counters.reset();
    const started = Date.now();
    await alice.merge(pr.number, "merge");
    await sandbox.settle({ timeoutMs: 300_000 });
    const seconds = (Date.now() - started) / 1000;
    const routes = new Map<string, number>();
    for (const write of sandbox.counters.appWrites()) {
      const key = `${write.method} ${write.route}`;
      routes.set(key, (routes.get(key) ?? 0) + 1);
    }
    const counts = sandbox.counters.forApp();
    return {
      row: {
        scenario: scenario.scenario,
        writes: counts.writes,
        requests: counts.requests,
        note: scenario.note,
      },
      routes,
      seconds,
    };
  } finally {
    await app?.close();
    await sandbox.close();
  }
}

/**
 * Backports tracked until they land, through the real App, each step's writes counted on its own: the pipeline
 * with `backport.autoMerge`, the deploy (recovered), the reminder sweep, a reader's and a writer's
 * `/backport skip`, a backport PR merged, one closed unmerged, and the resolution that closes the incident.
 */
async function backportsLand(): Promise<Row[]> {
  const sandbox = await freshSandbox();
  let app: AppOnSandbox | undefined;
  try {
    app = await startAppOnSandbox(sandbox, { throttle: { enabled: false }, retry: { enabled: false } });
    sandbox.internalRepo("acme/webshop").allowAutoMerge = true;
    const alice = sandbox.as("alice", "acme/webshop");
    const config = `${CONFIG.replace('backport: { targets: ["{develop}", "release/*"] }', 'backport: { targets: ["{develop}", "release/*"], autoMerge: true }')}deploy: { environment: production, closeIncidentOnSuccess: true }\n`;
    await alice.push("main", { ".github/hotfix.yml": config }, { message: "Configure" });
    await alice.createBranch("release/1.x", "main");
    const incident = await alice.createIssue({ title: "Logins fail", labels: ["P1-hotfix"] });
    await sandbox.settle();
    const fix = await alice.push(`hotfix/incident-${incident}`, { "src/auth.js": FIX }, { message: "Fix" });
    await sandbox.settle();
    const pr = [...sandbox.internalRepo("acme/webshop").pulls.values()].find(
      (p) => p.headRef === `hotfix/incident-${incident}`,
    );
    if (!pr) throw new Error("no draft PR");
    await alice.updatePullRequest(pr.number, { title: "[SPF-1290] Fix critical auth failure" });
    await sandbox.markReadyForReview("acme/webshop", pr.number, "alice");
    const ci = sandbox.asApp("ci", "acme/webshop");
    await ci.runCheck("critical-tests", fix, "success");
    await ci.runCheck("security-scan", fix, "success");
    await sandbox.settle();
    const rows: Row[] = [];
    const step = async (scenario: string, note: string, act: () => Promise<unknown>) => {
      sandbox.counters.reset();
      await act();
      await sandbox.settle({ timeoutMs: 300_000 });
      const counts = sandbox.counters.forApp();
      const graphql = sandbox.counters.appWrites().filter((write) => write.route === "/graphql").length;
      const detail = graphql > 0 ? `${note} (${graphql} of them GraphQL)` : note;
      rows.push({ scenario, writes: counts.writes, requests: counts.requests, note: detail });
    };
    await step(
      "whole pipeline with backport.autoMerge",
      "as above, plus auto-merge on 2 clean backports",
      () => alice.merge(pr.number, "merge"),
    );
    const backportPr = (target: string) =>
      [...sandbox.internalRepo("acme/webshop").pulls.values()].find((p) => p.baseRef === target)?.number ?? 0;
    const deployment = [...sandbox.internalRepo("acme/webshop").deployments.values()][0];
    await step("deployment success, backports open", "recovered: one timeline update", () =>
      alice.setDeploymentStatus(deployment?.id ?? 0, "success"),
    );
    const octokit = appOctokit(sandbox);
    const ctx: EngineContext = {
      octokit,
      repo: REPO,
      config: () => loadConfig(octokit, REPO),
      log: { debug() {}, info() {}, warn() {}, error() {} },
      clock: () => new Date(),
      identity: async () => ({ appId: sandbox.app.id, stateSecret: null }),
      locks: createEngineLocks(),
    };
    await step("reminder sweep, 2 backports open for 3 days", "2 comments + 1 timeline update", () =>
      remindStaleBackports(ctx, REPO, new Date(Date.now() + 3 * 86_400_000)),
    );
    await step("the same sweep again", "nothing: reminded once", () =>
      remindStaleBackports(ctx, REPO, new Date(Date.now() + 4 * 86_400_000)),
    );
    const carol = sandbox.as("carol", "acme/webshop");
    await step("a reader's /backport skip, twice", "one refusal", async () => {
      await carol.comment(incident, "/backport skip develop no");
      await carol.comment(incident, "/backport skip develop no!");
    });
    const bob = sandbox.as("bob", "acme/webshop");
    await step("a backport PR merged", "end state + timeline line: one update", () =>
      bob.merge(backportPr("develop")),
    );
    await step("a backport PR closed unmerged", "one timeline update", () =>
      alice.updatePullRequest(backportPr("release/1.x"), { state: "closed" }),
    );
    await step("a writer waives the last backport", "timeline update + incident closed at resolution", () =>
      bob.comment(incident, "/backport skip release/1.x 1.x is end of life"),
    );
    return rows;
  } finally {
    await app?.close();
    await sandbox.close();
  }
}

/** A step of a scenario: what the App wrote and read from `act` until the sandbox is quiet, as one row. */
function measuredStep(sandbox: Sandbox, rows: Row[]) {
  return async (scenario: string, note: string, act: () => Promise<unknown>) => {
    sandbox.counters.reset();
    await act();
    await sandbox.settle({ timeoutMs: 300_000 });
    const counts = sandbox.counters.forApp();
    const graphql = sandbox.counters.appWrites().filter((write) => write.route === "/graphql").length;
    const detail = graphql > 0 ? `${note} (${graphql} of them GraphQL)` : note;
    rows.push({ scenario, writes: counts.writes, requests: counts.requests, note: detail });
  };
}

/**
 * Intake with the hotfix team, and fast-track approval: the writes each step adds, with the App's clock moved past
 * the timeout and the sweep firing it.
 */
async function teamAndFastTrack(): Promise<Row[]> {
  const sandbox = await freshSandbox();
  let app: AppOnSandbox | undefined;
  let offset = 0;
  const clock = () => new Date(Date.now() + offset);
  try {
    app = await startAppOnSandbox(sandbox, {
      clock,
      throttle: { enabled: false },
      retry: { enabled: false },
    });
    sandbox.createTeam("acme", "sre", ["bob"]);
    const alice = sandbox.as("alice", "acme/webshop");
    const config = `${CONFIG}approvals: { P1: { required: 1, timeoutMinutes: 15 } }\nteam: { reviewers: [bob, acme/sre], assignees: [bob] }\n`;
    await alice.push("main", { ".github/hotfix.yml": config }, { message: "Configure" });
    await sandbox.settle();
    const rows: Row[] = [];
    const step = measuredStep(sandbox, rows);
    let incident = 0;
    await step("intake with team.assignees", "timeline x2, assignees, branch, checklist", async () => {
      incident = await alice.createIssue({ title: "Logins fail", labels: ["P1-hotfix"] });
    });
    let fix = "";
    await step(
      "first push with team.reviewers",
      "draft PR, one review request, timeline, gate run",
      async () => {
        fix = await alice.push(`hotfix/incident-${incident}`, { "src/auth.js": FIX }, { message: "Fix" });
      },
    );
    const pr = [...sandbox.internalRepo("acme/webshop").pulls.values()].find(
      (p) => p.headRef === `hotfix/incident-${incident}`,
    );
    if (!pr) throw new Error("no draft PR");
    await alice.updatePullRequest(pr.number, { title: "[SPF-1290] Fix critical auth failure" });
    const ci = sandbox.asApp("ci", "acme/webshop");
    await ci.runCheck("critical-tests", fix, "success");
    await ci.runCheck("security-scan", fix, "success");
    await sandbox.settle();
    await step("ready for review: fast-track clock starts", "timeline (clock and line) + gate run", () =>
      sandbox.markReadyForReview("acme/webshop", pr.number, "alice"),
    );
    offset = 16 * 60_000;
    const octokit = appOctokit(sandbox);
    const ctx: EngineContext = {
      octokit,
      repo: REPO,
      config: () => loadConfig(octokit, REPO),
      log: { debug() {}, info() {}, warn() {}, error() {} },
      clock,
      identity: async () => ({ appId: sandbox.app.id, stateSecret: null }),
      locks: createEngineLocks(),
    };
    await step("sweep after the timeout: fast-tracked", "gate run completed + timeline (fired)", () =>
      sweepOneRepository(ctx, { tasks: [fireFastTrack] }),
    );
    await step("next sweep", "nothing due", () => sweepOneRepository(ctx, { tasks: [fireFastTrack] }));
    return rows;
  } finally {
    await app?.close();
    await sandbox.close();
  }
}

/**
 * After the deploy, through the real App, each step's writes counted on its own: the deploy's success with the
 * monitoring window, the sweep past the window's end (stable, incident closed), a writer's `/rollback`, its
 * redelivery, a second `/rollback`, and a reader's.
 */
async function monitoringAndRollback(): Promise<Row[]> {
  const sandbox = await freshSandbox();
  let app: AppOnSandbox | undefined;
  try {
    app = await startAppOnSandbox(sandbox, { throttle: { enabled: false }, retry: { enabled: false } });
    const alice = sandbox.as("alice", "acme/webshop");
    const config = `${CONFIG.replace('backport: { targets: ["{develop}", "release/*"] }', "backport: { targets: [] }")}deploy: { environment: production }\nmonitoring: { windowMinutes: 30, closeWhenStable: true }\n`;
    await alice.push("main", { ".github/hotfix.yml": config }, { message: "Configure" });
    const incident = await alice.createIssue({ title: "Logins fail", labels: ["P1-hotfix"] });
    await sandbox.settle();
    const fix = await alice.push(`hotfix/incident-${incident}`, { "src/auth.js": FIX }, { message: "Fix" });
    await sandbox.settle();
    const pr = [...sandbox.internalRepo("acme/webshop").pulls.values()].find(
      (p) => p.headRef === `hotfix/incident-${incident}`,
    );
    if (!pr) throw new Error("no draft PR");
    await alice.updatePullRequest(pr.number, { title: "[SPF-1290] Fix critical auth failure" });
    await sandbox.markReadyForReview("acme/webshop", pr.number, "alice");
    const ci = sandbox.asApp("ci", "acme/webshop");
    await ci.runCheck("critical-tests", fix, "success");
    await ci.runCheck("security-scan", fix, "success");
    await sandbox.settle();
    await alice.merge(pr.number, "merge");
    await sandbox.settle({ timeoutMs: 300_000 });
    const rows: Row[] = [];
    const step = async (scenario: string, note: string, act: () => Promise<unknown>) => {
      sandbox.counters.reset();
      await act();
      await sandbox.settle({ timeoutMs: 300_000 });
      const counts = sandbox.counters.forApp();
      rows.push({ scenario, writes: counts.writes, requests: counts.requests, note });
    };
    const deployment = [...sandbox.internalRepo("acme/webshop").deployments.values()][0];
    await step("deployment success, monitoring window opened", "one timeline update", () =>
      alice.setDeploymentStatus(deployment?.id ?? 0, "success"),
    );
    const octokit = appOctokit(sandbox);
    const later = new Date(Date.now() + 31 * 60_000);
    const ctx: EngineContext = {
      octokit,
      repo: REPO,
      config: () => loadConfig(octokit, REPO),
      log: { debug() {}, info() {}, warn() {}, error() {} },
      clock: () => later,
      identity: async () => ({ appId: sandbox.app.id, stateSecret: null }),
      locks: createEngineLocks(),
    };
    await step("sweep past the window's end", "stable + incident closed (monitoring.closeWhenStable)", () =>
      sweepOneRepository(ctx),
    );
    const bob = sandbox.as("bob", "acme/webshop");
    await step(
      "a writer's /rollback",
      "revert (tree, commit, ref, PR), label, escalation, timeline, gate's run",
      () => bob.comment(incident, "/rollback error rate doubled"),
    );
    await step("the same /rollback redelivered", "nothing", async () => {
      for (const d of sandbox.webhooks.find("issue_comment", "created"))
        if (JSON.stringify(d.payload).includes("/rollback")) await sandbox.webhooks.redeliver(d.id);
    });
    await step("a second /rollback", "one reply: already rolled back", () =>
      alice.comment(pr.number, "/rollback"),
    );
    const carol = sandbox.as("carol", "acme/webshop");
    await step("a reader's /rollback, twice", "one refusal", async () => {
      await carol.comment(incident, "/rollback");
      await carol.comment(incident, "/rollback now");
    });
    return rows;
  } finally {
    await app?.close();
    await sandbox.close();
  }
}

// `-- --after-deploy`: only the steps after the deploy (monitoring window, /rollback), for a quick look.
if (process.argv.includes("--after-deploy")) {
  const rows = await monitoringAndRollback();
  console.log("| scenario | writes | requests | note |");
  console.log("| --- | ---: | ---: | --- |");
  for (const row of rows) console.log(`| ${row.scenario} | ${row.writes} | ${row.requests} | ${row.note} |`);
  process.exit(0);
}

const rows: Row[] = [];
for (const kind of ["clean", "conflict", "binary"] as const) rows.push(await singleBackport(kind));
rows.push(await conflictingFiles(50));
rows.push(await rebaseMerge(150));
rows.push(await wideFix(300));
const pipeline = await wholePipeline(MAIN_LINE);
rows.push(pipeline.row);
rows.push((await wholePipeline(SECURITY_WARNINGS)).row);
const maintenance = await wholePipeline(MAINTENANCE_LINE);
rows.push(maintenance.row);
rows.push(...(await backportsLand()));
rows.push(...(await teamAndFastTrack()));
rows.push(...(await monitoringAndRollback()));

console.log("| scenario | writes | requests | note |");
console.log("| --- | ---: | ---: | --- |");
for (const row of rows) console.log(`| ${row.scenario} | ${row.writes} | ${row.requests} | ${row.note} |`);
console.log("");
console.log("Writes of the whole pipeline by route:");
console.log("| route | writes |");
console.log("| --- | ---: |");
for (const [route, count] of [...pipeline.routes].sort((a, b) => b[1] - a[1]))
  console.log(`| ${route} | ${count} |`);
console.log("");
console.log("Writes of the 1.x hotfix with 3 forward targets by route:");
console.log("| route | writes |");
console.log("| --- | ---: |");
for (const [route, count] of [...maintenance.routes].sort((a, b) => b[1] - a[1]))
  console.log(`| ${route} | ${count} |`);
console.log("");
console.log(
  paced
    ? `Wall clock from merge to a finished pipeline with Probot's write pacing on: ${pipeline.seconds.toFixed(1)} s`
    : "Wall clock not shown: write pacing was off (run with -- --paced to see it).",
);
