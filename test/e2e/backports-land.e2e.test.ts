import type { Sandbox } from "@hotfix-bot/sandbox";
import { remindStaleBackports } from "../../src/backport/remind-stale-backports.js";
import { loadConfig } from "../../src/config/load-config.js";
import type { EngineContext } from "../../src/context.js";
import { createEngineLocks } from "../../src/engine-context.js";
import { appOnSandboxEachTest } from "../support/app-on-sandbox.js";
import { appOctokit } from "../support/sandbox-octokit.js";

// Backports tracked until they land, end to end: the incident is recovered when the fix deploys and resolved (and
// closed, with deploy.closeIncidentOnSuccess) only once every backport PR is merged or waived by a writer.

const REPO = "acme/webshop";
/** End to end on a shared 2-core machine: generous, not a timing assertion. */
const E2E_TIMEOUT = 180_000;
const FIX =
  "export function checkPassword(user, password) {\n  if (!user || !password) return false;\n  return user.password === password;\n}\n";
const CONFIG = [
  "checks:",
  "  criticalTests: [critical-tests]",
  "backport:",
  "  targets: [develop, release/1.x]",
  "deploy:",
  "  environment: production",
  "  closeIncidentOnSuccess: true",
  "",
].join("\n");

const stage = appOnSandboxEachTest();
const { repo, timelineOf } = stage;
let sandbox: Sandbox;
beforeEach(() => {
  sandbox = stage.sandbox;
});

const entryTexts = (issue: number) => timelineOf(issue)?.entries.map((e) => e.text) ?? [];

/** Label → push → ready → green → merge → deployed: the incident is recovered, its backport PRs open. */
async function deployedIncident(config = CONFIG) {
  const alice = sandbox.as("alice", REPO);
  await alice.push("main", { ".github/hotfix.yml": config });
  await alice.createBranch("release/1.x", "main");
  const incident = await alice.createIssue({
    title: "Logins fail without a password",
    labels: ["P1-hotfix"],
  });
  await sandbox.settle();
  const branch = `hotfix/incident-${incident}`;
  const fix = await alice.push(branch, { "src/auth.js": FIX }, { message: "Reject empty passwords" });
  await sandbox.settle();
  const pr = [...repo().pulls.values()].find((p) => p.headRef === branch);
  if (!pr) throw new Error("no draft PR");
  await alice.updatePullRequest(pr.number, { title: "[SPF-1290] Fix critical auth failure" });
  await sandbox.markReadyForReview(REPO, pr.number, "alice");
  await sandbox.asApp("ci", REPO).runCheck("critical-tests", fix, "success");
  await sandbox.settle();
  await alice.merge(pr.number);
  await sandbox.settle();
  const deployment = [...repo().deployments.values()].find((d) => d.creator.login === "hotfix-bot[bot]");
  await alice.setDeploymentStatus(deployment?.id ?? 0, "success");
  await sandbox.settle();
  const backports = timelineOf(incident)?.pipelines[String(pr.number)]?.backports ?? {};
  return {
    alice,
    incident,
    hotfix: pr.number,
    develop: backports.develop?.pr ?? 0,
    release: backports["release/1.x"]?.pr ?? 0,
  };
}

test(
  "recovered at the deploy, resolved and closed once the last backport PR is merged; redeliveries write nothing",
  async () => {
    const { alice, incident, hotfix, develop, release } = await deployedIncident();
    expect(develop).toBeGreaterThan(0);
    expect(release).toBeGreaterThan(0);
    // Deployed but not resolved: the incident stays open and says what it waits for.
    expect(repo().issues.get(incident)?.state).toBe("open");
    expect(entryTexts(incident)).toContain(
      `Recovered: the fix is deployed; resolved once every backport lands — waiting for develop (#${develop}, open), release/1.x (#${release}, open)`,
    );

    const bob = sandbox.as("bob", REPO);
    const developSha = await bob.merge(develop);
    await sandbox.settle();
    const state = timelineOf(incident);
    expect(state?.pipelines[String(hotfix)]?.backports.develop?.end).toMatchObject({
      state: "merged",
      sha: developSha,
      by: "bob",
    });
    expect(entryTexts(incident)).toContain(
      `Backport to develop merged: #${develop} as ${developSha.slice(0, 7)} by @bob`,
    );
    expect(repo().issues.get(incident)?.state).toBe("open");
    expect(state?.resolvedAt).toBeUndefined();

    const releaseSha = await alice.merge(release, "squash");
    await sandbox.settle();
    expect(entryTexts(incident)).toEqual(
      expect.arrayContaining([
        `Backport to release/1.x merged: #${release} as ${releaseSha.slice(0, 7)} by @alice`,
        "Resolved: the fix is deployed and has landed on every backport target",
        "Incident closed: the fix is deployed and every backport has landed",
      ]),
    );
    expect(repo().issues.get(incident)).toMatchObject({ state: "closed", stateReason: "completed" });
    // One line per backport end, however often the events arrive.
    sandbox.counters.reset();
    for (const d of sandbox.webhooks.find("pull_request")) {
      if ((d.payload as { action?: string }).action === "closed") await sandbox.webhooks.redeliver(d.id);
    }
    await sandbox.settle();
    expect(sandbox.counters.forApp().writes).toBe(0);
    expect(entryTexts(incident).filter((t) => t.startsWith("Backport to develop merged"))).toHaveLength(1);
    expect(entryTexts(incident).filter((t) => t.startsWith("Incident closed"))).toHaveLength(1);
  },
  E2E_TIMEOUT,
);

test(
  "a backport closed unmerged keeps the incident open until a writer waives it; a reader is refused once",
  async () => {
    const { alice, incident, hotfix, develop, release } = await deployedIncident();
    await sandbox.as("bob", REPO).merge(release);
    await alice.updatePullRequest(develop, { state: "closed" });
    await sandbox.settle();
    expect(timelineOf(incident)?.pipelines[String(hotfix)]?.backports.develop?.end).toMatchObject({
      state: "closed",
      by: "alice",
    });
    expect(entryTexts(incident)).toContain(
      `Backport to develop closed without merging by @alice: #${develop}; merge a new backport or waive it with /backport skip develop <reason>`,
    );
    expect(repo().issues.get(incident)?.state).toBe("open");

    // A branch named like a backport, opened and merged by a person, is not a backport of this incident.
    const carol = sandbox.as("carol", REPO);
    await alice.push(
      `hotfix-bot/backport-${hotfix}-to-develop-9`,
      { "notes.md": "x\n" },
      { from: "develop" },
    );
    const forged = await alice.openPullRequest({
      head: `hotfix-bot/backport-${hotfix}-to-develop-9`,
      base: "develop",
      title: "looks like a backport",
    });
    await alice.merge(forged.number);
    await sandbox.settle();
    expect(repo().issues.get(incident)?.state).toBe("open");

    // A reader cannot waive it: one polite refusal, however often she asks.
    await carol.comment(incident, "/backport skip develop not needed");
    await carol.comment(incident, "/backport skip develop really");
    await sandbox.settle();
    const refusals = [...repo().comments.values()].filter(
      (c) => c.issueNumber === incident && c.body.includes("only people with write access can waive"),
    );
    expect(refusals).toHaveLength(1);
    expect(timelineOf(incident)?.resolvedAt).toBeUndefined();

    await sandbox
      .as("bob", REPO)
      .comment(incident, "/backport skip develop the fix is already in the develop rewrite");
    await sandbox.settle();
    expect(timelineOf(incident)?.pipelines[String(hotfix)]?.backports.develop?.waived).toMatchObject({
      by: "bob",
      reason: "the fix is already in the develop rewrite",
    });
    expect(entryTexts(incident)).toEqual(
      expect.arrayContaining([
        `Backport of #${hotfix} to develop waived by @bob: the fix is already in the develop rewrite`,
        "Resolved: the fix is deployed and has landed on every backport target",
      ]),
    );
    expect(repo().issues.get(incident)?.state).toBe("closed");
  },
  E2E_TIMEOUT,
);

test(
  "clean backports get GitHub's auto-merge; a sweep reminds the commander once on each backport PR open too long",
  async () => {
    sandbox.internalRepo(REPO).allowAutoMerge = true;
    const config = CONFIG.replace(
      "  targets: [develop, release/1.x]",
      "  targets: [develop, release/1.x]\n  autoMerge: true\n  autoMergeMethod: squash",
    );
    const { incident, develop, release } = await deployedIncident(config);
    for (const pr of [develop, release]) {
      expect(repo().pulls.get(pr)?.autoMerge).toMatchObject({
        method: "squash",
        enabledBy: { login: "hotfix-bot[bot]" },
      });
    }
    expect(entryTexts(incident)).toContain(
      `Auto-merge (squash) enabled on the backport to develop (#${develop}): it lands once its required checks pass`,
    );

    // What the periodic sweep calls per repository, three days later.
    const octokit = appOctokit(sandbox);
    const ref = { owner: "acme", repo: "webshop" };
    const ctx: EngineContext = {
      octokit,
      repo: ref,
      config: () => loadConfig(octokit, ref),
      log: { debug() {}, info() {}, warn() {}, error() {} },
      clock: () => new Date(),
      identity: async () => ({ appId: sandbox.app.id, stateSecret: null }),
      locks: createEngineLocks(),
    };
    const later = new Date(Date.now() + 3 * 86_400_000);
    // Not yet due a day later.
    expect(await remindStaleBackports(ctx, ref, new Date(Date.now() + 86_400_000))).toBe(0);
    expect(await remindStaleBackports(ctx, ref, later)).toBe(2);
    const reminders = (pr: number) =>
      [...repo().comments.values()].filter(
        (c) => c.issueNumber === pr && c.body.includes("hotfix-bot:backport-reminder"),
      );
    expect(reminders(develop)).toHaveLength(1);
    expect(reminders(develop)[0]?.body).toMatch(
      /@alice: this backport of #\d+ to develop has been open for 3 d/,
    );
    expect(reminders(release)).toHaveLength(1);
    expect(entryTexts(incident).filter((t) => t.startsWith("Reminded @alice"))).toHaveLength(2);

    // Never twice: a later sweep, then the next event on the incident, write no reminder.
    sandbox.counters.reset();
    expect(await remindStaleBackports(ctx, ref, new Date(later.getTime() + 86_400_000))).toBe(0);
    expect(sandbox.counters.forApp().writes).toBe(0);
    expect(reminders(develop)).toHaveLength(1);
  },
  E2E_TIMEOUT,
);
