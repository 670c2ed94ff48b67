import type { Sandbox } from "@hotfix-bot/sandbox";
import { appOnSandboxOnDemand, configuredWebshop } from "../support/app-on-sandbox.js";

// End to end: critical tests reported as commit statuses (Jenkins, Buildkite) rather than check runs. The sandbox
// delivers `status` webhooks to the App, which re-evaluates the hotfix PRs whose head is that commit.

const REPO = "acme/webshop";
/** End to end on a shared 2-core machine: generous, not a timing assertion. */
const E2E_TIMEOUT = 120_000;

const stage = appOnSandboxOnDemand();
let sandbox: Sandbox;

/** The stage with this configuration (on this test's sandbox when already started); alice, bob and jenkins can write. */
async function start(config: string, started = false): Promise<void> {
  const repository = configuredWebshop(config, {
    collaborators: { alice: "write", bob: "write", jenkins: "write" },
  });
  if (started) await sandbox.createRepository(repository);
  else sandbox = await stage.startSandbox({ repository });
  await stage.startApp();
}

async function hotfixPr(): Promise<string> {
  const alice = sandbox.as("alice", REPO);
  const head = await alice.push(
    "hotfix/incident-1",
    { "src/auth.js": "export const ok = 2;\n" },
    { from: "main", message: "Fix critical auth failure" },
  );
  await alice.openPullRequest({
    head: "hotfix/incident-1",
    base: "main",
    title: "[SPF-1290] Fix critical auth failure",
  });
  await sandbox.settle();
  return head;
}

function gate(sha: string) {
  const runs = [...sandbox.internalRepo(REPO).checkRuns.values()].filter(
    (run) => run.name === "hotfix-gate" && run.headSha === sha && run.app.id === sandbox.app.id,
  );
  expect(runs).toHaveLength(1);
  return runs[0];
}

test(
  "a critical test reported as a commit status turns the gate green on its status event, and red on a failure",
  async () => {
    await start("checks:\n  criticalTests: [ci/jenkins]\n  securityScan: []\n");
    const head = await hotfixPr();
    expect(gate(head)?.status).toBe("in_progress");
    expect(gate(head)?.output.summary ?? "").toContain("ci/jenkins \\(not reported yet\\)");

    const jenkins = sandbox.as("jenkins", REPO);
    await jenkins.createStatus(head, "ci/jenkins", "pending");
    await sandbox.settle();
    expect(gate(head)?.status).toBe("in_progress");

    await jenkins.createStatus(head, "ci/jenkins", "success");
    await sandbox.settle();
    expect(`${gate(head)?.status}/${gate(head)?.conclusion}`).toBe("completed/success");
    expect(gate(head)?.output.summary ?? "").toMatch(/Critical tests[^\n]*ci\/jenkins \\\(jenkins\\\)/);

    // A re-run that fails: the same gate run turns red.
    await jenkins.createStatus(head, "ci/jenkins", "failure");
    await sandbox.settle();
    expect(gate(head)?.conclusion).toBe("failure");

    // A status of a context the gate does not wait for costs the App no request at all.
    sandbox.requests.reset();
    await jenkins.createStatus(head, "coverage", "success");
    await sandbox.settle();
    expect(sandbox.webhooks.deliveries.at(-1)?.event).toBe("status");
    expect(sandbox.requests.appRoutes()).toEqual([]);
    expect(sandbox.webhooks.deliveries.filter((delivery) => delivery.status !== 200)).toEqual([]);
  },
  E2E_TIMEOUT,
);

test(
  "a status context pinned to a creator by user id counts that user's status, and a check run never passes it",
  async () => {
    sandbox = await stage.startSandbox({ repository: null });
    const jenkinsId = sandbox.world.ensureUser("jenkins").id;
    await start(
      `checks:\n  criticalTests: [{ name: ci/jenkins, creator: ${jenkinsId} }]\n  securityScan: []\n`,
      true,
    );
    const head = await hotfixPr();

    // A check run of the same name, from any App, does not satisfy a context pinned to a status creator.
    await sandbox.asApp("ci", REPO).runCheck("ci/jenkins", head, "success");
    await sandbox.settle();
    expect(gate(head)?.status).toBe("in_progress");
    expect(gate(head)?.output.summary ?? "").toContain(`ci/jenkins from ${jenkinsId}`);

    await sandbox.as("jenkins", REPO).createStatus(head, "ci/jenkins", "success");
    await sandbox.settle();
    expect(gate(head)?.conclusion).toBe("success");
  },
  E2E_TIMEOUT,
);
