import type { Sandbox } from "@hotfix-bot/sandbox";
import { appOnSandboxOnDemand, configuredWebshop } from "../support/app-on-sandbox.js";

// Attacker: another GitHub App installed on the repository (any App with checks: write). It reports check runs
// under the names the gate waits for, or under the gate's own name, to turn the required `hotfix-gate` green.

const REPO = "acme/webshop";
/** End to end on a shared 2-core machine: generous, not a timing assertion. */
const E2E_TIMEOUT = 120_000;

const stage = appOnSandboxOnDemand();
let sandbox: Sandbox;

/** The stage with this configuration; alice, bob and jenkins can write. */
async function start(config: string): Promise<void> {
  sandbox = await stage.start({
    repository: configuredWebshop(config, {
      collaborators: { alice: "write", bob: "write", jenkins: "write" },
    }),
  });
}

/** alice's hotfix PR, approved by bob: everything but the required checks is met. */
async function approvedHotfix(): Promise<string> {
  const alice = sandbox.as("alice", REPO);
  const head = await alice.push(
    "hotfix/incident-1",
    { "src/auth.js": "export const ok = 2;\n" },
    { from: "main", message: "Fix critical auth failure" },
  );
  const pr = await alice.openPullRequest({
    head: "hotfix/incident-1",
    base: "main",
    title: "[SPF-1290] Fix critical auth failure",
  });
  await sandbox.as("bob", REPO).review(pr.number, "APPROVE");
  await sandbox.settle();
  return head;
}

/** The hotfix-gate runs hotfix-bot itself wrote on a commit. */
function botGateRuns(sha: string) {
  return [...sandbox.internalRepo(REPO).checkRuns.values()].filter(
    (run) => run.name === "hotfix-gate" && run.headSha === sha && run.app.id === sandbox.app.id,
  );
}

test(
  "another app reporting critical-tests = success after CI's failure does not turn the gate green",
  async () => {
    await start("checks:\n  criticalTests: [critical-tests]\n  securityScan: []\n");
    const head = await approvedHotfix();
    await sandbox.asApp("ci", REPO).runCheck("critical-tests", head, "failure");
    await sandbox.settle();
    expect(botGateRuns(head).map((run) => run.conclusion)).toEqual(["failure"]);

    // The attack: a later run of the same name from another app.
    await sandbox.asApp("evil", REPO).runCheck("critical-tests", head, "success");
    await sandbox.settle();

    const [gate] = botGateRuns(head);
    expect(gate?.conclusion).toBe("failure");
    // The output says who reported what.
    expect(gate?.output.text ?? "").toContain("critical\\-tests: failure \\(ci\\)");
    expect(gate?.output.text ?? "").toContain("critical\\-tests: success \\(evil\\)");
  },
  E2E_TIMEOUT,
);

test(
  "a check pinned to an app passes only on that app's success, whoever else reports the name",
  async () => {
    await start("checks:\n  criticalTests: [{ name: critical-tests, app: ci }]\n  securityScan: []\n");
    const head = await approvedHotfix();
    await sandbox.asApp("evil", REPO).runCheck("critical-tests", head, "success");
    await sandbox.settle();
    expect(botGateRuns(head).map((run) => `${run.status}/${run.conclusion}`)).toEqual(["in_progress/null"]);
    expect(botGateRuns(head)[0]?.output.summary ?? "").toMatch(
      /Critical tests[^\n]*critical\\-tests from ci/,
    );

    await sandbox.asApp("ci", REPO).runCheck("critical-tests", head, "success");
    await sandbox.settle();
    expect(botGateRuns(head).map((run) => run.conclusion)).toEqual(["success"]);
  },
  E2E_TIMEOUT,
);

test(
  "a hotfix-gate run another app created with the bot's external_id is never adopted",
  async () => {
    await start("checks:\n  criticalTests: [critical-tests]\n  securityScan: []\n");
    const head = await approvedHotfix();
    const ci = sandbox.asApp("ci", REPO);
    await ci.runCheck("critical-tests", head, "success");
    await sandbox.settle();
    expect(botGateRuns(head).map((run) => run.conclusion)).toEqual(["success"]);

    // The attack: a green `hotfix-gate` marked like the bot's, newer than the bot's own run.
    const forged = await sandbox.asApp("evil", REPO).createCheckRun({
      name: "hotfix-gate",
      headSha: head,
      status: "completed",
      conclusion: "success",
      externalId: "hotfix-bot:gate",
      output: { title: "Passed: all 8 criteria met", summary: "The hotfix gate passed." },
    });
    await sandbox.settle();
    sandbox.requests.reset();
    // CI re-runs and fails: the bot's gate must follow.
    await ci.runCheck("critical-tests", head, "failure");
    await sandbox.settle();

    expect(botGateRuns(head).map((run) => run.conclusion)).toEqual(["failure"]);
    // It never tried to update the other app's run.
    const forbidden = sandbox.requests
      .all()
      .filter((entry) => entry.identity === sandbox.app.identity && entry.status === 403);
    expect(forbidden).toEqual([]);
    expect(sandbox.internalRepo(REPO).checkRuns.get(forged)?.conclusion).toBe("success");
  },
  E2E_TIMEOUT,
);

// The same attacker with commit statuses (Jenkins, Buildkite and deploy tools report statuses, not check runs): an
// integration a reader controls reports the context the gate waits for, which the repository pinned to its CI's
// user with `{ name, creator }`.

test(
  "a success status from another creator for a context pinned to jenkins does not turn the gate green",
  async () => {
    await start("checks:\n  criticalTests: [{ name: ci/jenkins, creator: jenkins }]\n  securityScan: []\n");
    const head = await approvedHotfix();

    // The attack: the reader's integration reports the pinned context as a success.
    await sandbox.asApp("mallorys-ci", REPO).createStatus(head, "ci/jenkins", "success");
    await sandbox.settle();

    const [gate] = botGateRuns(head);
    expect(`${gate?.status}/${gate?.conclusion}`).toBe("in_progress/null");
    expect(gate?.output.summary ?? "").toMatch(/Critical tests[^\n]*ci\/jenkins from jenkins/);

    // The pinned creator's status is what turns it green.
    await sandbox.as("jenkins", REPO).createStatus(head, "ci/jenkins", "success");
    await sandbox.settle();
    expect(botGateRuns(head).map((run) => run.conclusion)).toEqual(["success"]);
  },
  E2E_TIMEOUT,
);

test(
  "another creator's later success does not supersede the pinned creator's failure",
  async () => {
    await start("checks:\n  criticalTests: [{ name: ci/jenkins, creator: jenkins }]\n  securityScan: []\n");
    const head = await approvedHotfix();
    await sandbox.as("jenkins", REPO).createStatus(head, "ci/jenkins", "failure");
    await sandbox.settle();
    expect(botGateRuns(head).map((run) => run.conclusion)).toEqual(["failure"]);

    await sandbox.asApp("mallorys-ci", REPO).createStatus(head, "ci/jenkins", "success");
    await sandbox.settle();
    expect(botGateRuns(head).map((run) => run.conclusion)).toEqual(["failure"]);
    expect(botGateRuns(head)[0]?.output.text ?? "").toContain("ci/jenkins: failure \\(jenkins\\)");
  },
  E2E_TIMEOUT,
);
