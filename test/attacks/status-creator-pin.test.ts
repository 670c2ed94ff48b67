import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { type AppOnSandbox, startAppOnSandbox } from "../../src/sandbox-app/start-app-on-sandbox.js";

// Attacker: an integration on the repository that a reader controls (any App or token with statuses: write). It
// reports a commit status under the context the gate waits for, to turn the Critical tests row green without the
// CI that the repository pinned that context to.

const REPO = "acme/webshop";
/** End to end on a shared 2-core machine: generous, not a timing assertion. */
const E2E_TIMEOUT = 120_000;

let sandbox: Sandbox;
let app: AppOnSandbox;

async function start(config: string): Promise<void> {
  sandbox = await startSandbox();
  await sandbox.createRepository({
    owner: "acme",
    name: "webshop",
    collaborators: { alice: "write", bob: "write", jenkins: "write", mallory: "read" },
    history: [
      { message: "Initial commit", files: { "src/auth.js": "export const ok = 1;\n" } },
      { message: "Configure hotfix-bot", files: { ".github/hotfix.yml": config } },
    ],
    branches: { develop: {} },
  });
  app = await startAppOnSandbox(sandbox, { throttle: { enabled: false }, retry: { enabled: false } });
}

afterEach(async () => {
  await app?.close();
  await sandbox?.close();
});

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

function botGateRuns(sha: string) {
  return [...sandbox.internalRepo(REPO).checkRuns.values()].filter(
    (run) => run.name === "hotfix-gate" && run.headSha === sha && run.app.id === sandbox.app.id,
  );
}

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
