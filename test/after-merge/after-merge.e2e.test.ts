import type { Sandbox } from "@hotfix-bot/sandbox";
import { loadConfig } from "../../src/config/load-config.js";
import { createEngineLocks } from "../../src/engine-context.js";
import { sweepOneRepository } from "../../src/sweep/sweep-repository.js";
import { appOnSandboxEachTest } from "../support/app-on-sandbox.js";
import { cherryPickTree, importCommits } from "../support/git.js";
import { appOctokit } from "../support/sandbox-octokit.js";

// End to end: the sandbox (a git-backed GitHub), the real Probot server receiving signed webhooks, hotfix-bot.
// git itself judges every backport: the backport branch's tree must equal `git cherry-pick -x`'s.

const CONFIG = [
  "productionBranch: main",
  "developBranch: develop",
  "checks:",
  "  criticalTests: [critical-tests]",
  "  securityScan: [security-scan]",
  "backport:",
  "  targets: ['{develop}', 'release/*']",
  "",
].join("\n");

const FIXED_AUTH =
  "export function checkPassword(user, password) {\n  if (!user || !password) return false;\n  return user.password === password;\n}\n";

const stage = appOnSandboxEachTest({
  prepare: async (sandbox) => {
    const alice = sandbox.as("alice", "acme/webshop");
    await alice.push(
      "main",
      { ".github/hotfix.yml": CONFIG },
      { message: "Backport to release branches too" },
    );
    await alice.createBranch("release/1.x", "main");
  },
});
const { git, repo } = stage;
let sandbox: Sandbox;
beforeEach(() => {
  sandbox = stage.sandbox;
});

function fastImportCommits(parent: string, commits: { message: string; files: Record<string, string> }[]) {
  return importCommits(sandbox.repository("acme/webshop").gitDir, parent, commits);
}

/** An incident issue, a hotfix branch with one fix commit, and its PR with green checks. */
async function hotfixPullRequest(
  files: Record<string, string> = { "src/auth.js": FIXED_AUTH },
  options: { writeWithGit?: boolean; settle?: { timeoutMs: number } } = {},
) {
  const alice = sandbox.as("alice", "acme/webshop");
  const incident = await alice.createIssue({
    title: "Logins fail for users without a password",
    labels: ["P1-hotfix"],
  });
  await alice.createBranch("hotfix/incident-1", "main");
  const message = "Reject empty passwords";
  let fix: string;
  if (options.writeWithGit) {
    [fix = ""] = fastImportCommits(git("rev-parse", "main"), [{ message, files }]);
    await alice.setBranch("hotfix/incident-1", fix);
  } else {
    fix = await alice.push("hotfix/incident-1", files, { message });
  }
  const pr = await alice.openPullRequest({
    head: "hotfix/incident-1",
    base: "main",
    title: "[SPF-1290] Fix critical auth failure",
    body: `Incident: #${incident}`,
  });
  const ci = sandbox.asApp("ci", "acme/webshop");
  await ci.runCheck("critical-tests", fix, "success");
  await ci.runCheck("security-scan", fix, "success");
  await sandbox.settle(options.settle);
  return { alice, incident, pr: pr.number, fix };
}

function pullsFrom(prefix: string) {
  return [...repo().pulls.values()].filter((p) => p.headRef.startsWith(prefix));
}

test("a merged hotfix is tagged, released, backported, followed up and recorded", async () => {
  const { alice, incident, pr } = await hotfixPullRequest();
  const gate = [...repo().checkRuns.values()].filter((c) => c.name === "hotfix-gate");
  expect(gate.map((c) => c.conclusion)).toEqual(["success"]);
  sandbox.counters.reset();

  const mergeSha = await alice.merge(pr, "merge");
  await sandbox.settle();

  // Tag: annotated, on the merge commit.
  const tags = git("for-each-ref", "--format=%(refname:short) %(objecttype) %(*objectname)", "refs/tags");
  expect(tags).toMatch(new RegExp(`^hotfix-\\d{8}-\\d{4} tag ${mergeSha}$`));
  const tag = tags.split(" ")[0] ?? "";
  expect([...repo().releases.values()].map((r) => r.tagName)).toEqual([tag]);

  // Backports: one PR per target, git as the judge of the trees.
  const backports = pullsFrom("hotfix-bot/backport-");
  expect(backports.map((p) => [p.headRef, p.baseRef, p.draft]).sort()).toEqual([
    [`hotfix-bot/backport-${pr}-to-develop`, "develop", false],
    [`hotfix-bot/backport-${pr}-to-release/1.x`, "release/1.x", false],
  ]);
  for (const backport of backports) {
    expect(repo().issues.get(backport.number)?.title).toBe(
      `[SPF-1290] Fix critical auth failure (backport #${pr} to ${backport.baseRef})`,
    );
    const head = git("rev-parse", backport.headRef);
    expect(git("rev-parse", `${head}^{tree}`)).toBe(
      cherryPickTree(sandbox.repository("acme/webshop").gitDir, git("rev-parse", `${head}^1`), mergeSha),
    );
    expect(git("log", "-1", "--format=%B", head)).toContain(`(cherry picked from commit ${mergeSha})`);
    expect(repo().issues.get(backport.number)?.labels).toEqual(["backport"]);
  }

  // Follow-ups: post-mortem always; regression tests (no test file changed); post-deploy review (P1, unapproved).
  const followUps = [...repo().issues.values()].filter(
    (i) => i.user.login === "hotfix-bot[bot]" && !i.isPull,
  );
  expect(followUps.map((i) => i.title).sort()).toEqual([
    `Post-deploy review of #${pr}: merged without approval`,
    "Post-mortem: [SPF-1290] Fix critical auth failure",
    "Regression tests for SPF-1290: [SPF-1290] Fix critical auth failure",
  ]);
  expect(followUps.every((i) => i.assignees.includes("alice"))).toBe(true);

  // Cleanup and the one timeline comment on the incident.
  expect(git("for-each-ref", "refs/heads/hotfix/")).toBe("");
  const timeline = [...repo().comments.values()].filter(
    (c) => c.issueNumber === incident && c.body.includes("hotfix-bot:timeline"),
  );
  expect(timeline).toHaveLength(1);
  expect(timeline[0]?.body).toContain(tag);
  expect(timeline[0]?.body).toMatch(/done&quot;:true|"done":true/);

  // Writes are the currency: tag (object + ref), release, 2 × (tree, commit, ref, PR, labels, reviewer),
  // 3 follow-ups, branch delete, timeline, and the pipeline's claim against a second instance (create, delete).
  const writes = sandbox.counters.appWrites().map((w) => `${w.method} ${w.route}`);
  expect(writes.length).toBeLessThanOrEqual(22);
  expect(
    writes.filter((w) => w.endsWith("/git/refs") || w.endsWith("/git/refs/{ref}")).length,
  ).toBeGreaterThan(0);
});

test("the closed event delivered twice, and twice at once, creates every effect once", async () => {
  const { alice, pr } = await hotfixPullRequest();
  await alice.merge(pr, "squash");
  await sandbox.settle();
  // The hotfix PR's own close event, whatever else the run may have closed.
  const closed = sandbox.webhooks
    .find("pull_request", "closed")
    .filter((d) => (d.payload as { pull_request?: { number?: number } }).pull_request?.number === pr);
  expect(closed).toHaveLength(1);
  const snapshot = () => ({
    tags: git("for-each-ref", "refs/tags").split("\n").length,
    releases: repo().releases.size,
    pulls: repo().pulls.size,
    issues: repo().issues.size,
    comments: repo().comments.size,
  });
  const before = snapshot();
  await sandbox.webhooks.redeliver(closed[0]?.id ?? "");
  await sandbox.settle();
  await sandbox.webhooks.duplicate(closed[0]?.id ?? "", 2);
  await sandbox.settle();
  expect(snapshot()).toEqual(before);
});

test("a change the target already has gets no PR, and a conflict becomes a draft with the markers", async () => {
  const alice = sandbox.as("alice", "acme/webshop");
  // develop already carries the fix; release/1.x has changed the same lines another way.
  await alice.push("develop", { "src/auth.js": FIXED_AUTH }, { message: "Same fix on develop" });
  await alice.push(
    "release/1.x",
    {
      "src/auth.js":
        "export function checkPassword(user, password) {\n  if (user == null) return false;\n  return user.password === password;\n}\n",
    },
    { message: "Release-only tweak" },
  );
  const { pr } = await hotfixPullRequest();
  await alice.merge(pr, "rebase");
  await sandbox.settle();

  const backports = pullsFrom("hotfix-bot/backport-");
  expect(backports.map((p) => p.baseRef)).toEqual(["release/1.x"]);
  const conflict = backports[0];
  expect(conflict?.draft).toBe(true);
  expect(
    repo()
      .issues.get(conflict?.number ?? 0)
      ?.labels.sort(),
  ).toEqual(["backport", "backport-conflict"]);
  const content = git("show", `${conflict?.headRef}:src/auth.js`);
  expect(content).toContain("<<<<<<< release/1.x");
  expect(content).toContain(">>>>>>> ");
  const steps = [...repo().comments.values()].find((c) => c.issueNumber === conflict?.number);
  expect(steps?.body).toContain("git cherry-pick -x");
});

test("a backport the target already has is said on the merged PR, once", async () => {
  const alice = sandbox.as("alice", "acme/webshop");
  await alice.push("develop", { "src/auth.js": FIXED_AUTH }, { message: "Same fix on develop" });
  const { pr } = await hotfixPullRequest();
  await alice.merge(pr, "merge");
  await sandbox.settle();
  const closed = sandbox.webhooks.find("pull_request", "closed")[0];
  await sandbox.webhooks.redeliver(closed?.id ?? "");
  await sandbox.settle();
  const notices = [...repo().comments.values()].filter((c) => c.issueNumber === pr);
  expect(notices).toHaveLength(1);
  expect(notices[0]?.body).toContain("`develop`: already has this change");
});

test("a pipeline stopped after the tag is finished by reconcile from GitHub state alone", async () => {
  const { alice, pr } = await hotfixPullRequest();
  // Every tree write fails: the pipeline tags and releases, then cannot build any backport.
  sandbox.setFaults({ seed: 1, rate: 1, kinds: ["500"], routes: ["POST /repos/{owner}/{repo}/git/trees"] });
  await alice.merge(pr, "merge");
  await sandbox.settle();
  expect(git("for-each-ref", "--format=%(refname:short)", "refs/tags")).toMatch(/^hotfix-/);
  expect(pullsFrom("hotfix-bot/backport-")).toHaveLength(0);
  expect(git("for-each-ref", "refs/heads/hotfix/")).not.toBe("");

  sandbox.setFaults(null);
  const octokit = appOctokit(sandbox);
  const repoRef = { owner: "acme", repo: "webshop" };
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  const ctx = {
    octokit,
    repo: repoRef,
    config: () => loadConfig(octokit, repoRef),
    log: quiet,
    clock: () => new Date(),
    identity: async () => ({ appId: sandbox.app.id, stateSecret: null }),
    locks: createEngineLocks(),
  };
  const report = await sweepOneRepository(ctx, { staleAfterMs: 0 });
  expect(report.finished).toEqual([pr]);
  expect(
    pullsFrom("hotfix-bot/backport-")
      .map((p) => p.baseRef)
      .sort(),
  ).toEqual(["develop", "release/1.x"]);
  expect(git("for-each-ref", "refs/tags").split("\n")).toHaveLength(1);
  expect(git("for-each-ref", "refs/heads/hotfix/")).toBe("");

  // Once finished, reconcile finds nothing to do and writes nothing.
  sandbox.counters.reset();
  expect((await sweepOneRepository(ctx, { staleAfterMs: 0 })).finished).toEqual([]);
  expect(sandbox.counters.forApp().writes).toBe(0);
});

test("/backport <branch> from a writer adds a target; from a reader it is refused", async () => {
  const alice = sandbox.as("alice", "acme/webshop");
  await alice.push("main", { ".github/hotfix.yml": CONFIG.replace("'release/*'", "'{develop}'") });
  const { pr } = await hotfixPullRequest();
  await alice.merge(pr, "merge");
  await sandbox.settle();
  expect(pullsFrom("hotfix-bot/backport-").map((p) => p.baseRef)).toEqual(["develop"]);

  await sandbox.as("carol", "acme/webshop").comment(pr, "/backport release/1.x");
  await sandbox.settle();
  expect(pullsFrom("hotfix-bot/backport-").map((p) => p.baseRef)).toEqual(["develop"]);
  const refusal = [...repo().comments.values()].find((c) => c.issueNumber === pr && c.user.type === "Bot");
  expect(refusal?.body).toContain("only people with write access");

  await alice.comment(pr, "/backport release/1.x");
  await sandbox.settle();
  expect(
    pullsFrom("hotfix-bot/backport-")
      .map((p) => p.baseRef)
      .sort(),
  ).toEqual(["develop", "release/1.x"]);
});

// A pull request of GitHub's own page sizes: real work in the sandbox, so it gets room on a loaded machine.
const LARGE_SETTLE = { timeoutMs: 240_000 };
const LARGE_TIMEOUT = 300_000;

test(
  "a pull request changing 300 files, one of them a test, gets no regression-tests follow-up",
  async () => {
    const files: Record<string, string> = {};
    for (let k = 0; k < 299; k++)
      files[`src/module-${String(k).padStart(3, "0")}.js`] = `export const m${k} = ${k};\n`;
    files["tests/checkout.js"] = "test('checkout', () => {});\n";
    // No backport target: this is about the follow-ups; a 300-file backport is the benchmark's to count.
    const alice = sandbox.as("alice", "acme/webshop");
    await alice.deleteBranch("develop");
    await alice.deleteBranch("release/1.x");
    const { pr } = await hotfixPullRequest(files, { writeWithGit: true, settle: LARGE_SETTLE });
    await alice.merge(pr, "squash");
    await sandbox.settle(LARGE_SETTLE);

    const titles = [...repo().issues.values()].map((issue) => issue.title);
    expect(titles.some((title) => /post-mortem/i.test(title))).toBe(true);
    expect(titles.some((title) => /regression/i.test(title))).toBe(false);
  },
  LARGE_TIMEOUT,
);
