import type { Sandbox } from "@hotfix-bot/sandbox";
import { appOnSandboxEachTest } from "../support/app-on-sandbox.js";
import { revertTree } from "../support/git.js";

// From the label to the deploy, end to end: the sandbox sends signed webhooks to the real Probot server; people
// and CI are scripted; git judges the revert.

const REPO = "acme/webshop";
const FIX =
  "export function checkPassword(user, password) {\n  if (!user || !password) return false;\n  return user.password === password;\n}\n";

const config = (deploy: string) =>
  [
    "checks:",
    "  criticalTests: [critical-tests]",
    "  securityScan: [security-scan]",
    "backport:",
    "  targets: []",
    "deploy:",
    ...deploy.split("\n").map((line) => `  ${line}`),
    "",
  ].join("\n");

const stage = appOnSandboxEachTest();
const { git, repo, timelineOf } = stage;
let sandbox: Sandbox;
beforeEach(() => {
  sandbox = stage.sandbox;
});

const gitDir = () => sandbox.repository(REPO).gitDir;

/**
 * The whole intake-to-merge path as people live it: label, the bot's branch, a push, the bot's draft PR, the real
 * title and "ready for review", green checks, the gate, the merge.
 */
async function labelToMerge(method: "merge" | "squash" = "merge") {
  const alice = sandbox.as("alice", REPO);
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
  expect(pr.draft).toBe(true);
  await alice.updatePullRequest(pr.number, { title: "[SPF-1290] Fix critical auth failure" });
  await sandbox.markReadyForReview(REPO, pr.number, "alice");
  const ci = sandbox.asApp("ci", REPO);
  await ci.runCheck("critical-tests", fix, "success");
  await ci.runCheck("security-scan", fix, "success");
  await sandbox.settle();
  const gate = [...repo().checkRuns.values()].filter((c) => c.name === "hotfix-gate" && c.headSha === fix);
  expect(gate.map((c) => c.conclusion)).toEqual(["success"]);
  const mergeSha = await alice.merge(pr.number, method);
  await sandbox.settle();
  return { alice, incident, pr: pr.number, mergeSha };
}

function ourDeployments() {
  return [...repo().deployments.values()].filter((d) => d.creator.login === "hotfix-bot[bot]");
}

test("label → branch → push → draft PR → gate → merge → tag → deployment → success: deployed, incident closed", async () => {
  const alice = sandbox.as("alice", REPO);
  await alice.push("main", {
    ".github/hotfix.yml": config("environment: production\ncloseIncidentOnSuccess: true"),
  });
  await sandbox.settle();
  const { incident, pr, mergeSha } = await labelToMerge();

  const tag = timelineOf(incident)?.pipelines[String(pr)]?.tag ?? "";
  expect(tag).toMatch(/^hotfix-\d{8}-\d{4}$/);
  const [deployment] = ourDeployments();
  expect(ourDeployments()).toHaveLength(1);
  expect(deployment).toMatchObject({ ref: tag, sha: mergeSha, environment: "production" });
  expect(deployment?.payload).toEqual({ hotfix_bot: { incident, pr, tag } });
  expect(repo().issues.get(incident)?.state).toBe("open");

  // The deploy system reports success.
  await alice.setDeploymentStatus(deployment?.id ?? 0, "in_progress");
  await alice.setDeploymentStatus(deployment?.id ?? 0, "success");
  await sandbox.settle();
  const state = timelineOf(incident);
  expect(state?.pipelines[String(pr)]?.deploy).toMatchObject({
    environment: { name: "production", deployment: deployment?.id },
    deployment: deployment?.id,
  });
  const deployed = state?.entries.find((e) => e.key === `deployed-${pr}`)?.text ?? "";
  expect(deployed).toMatch(
    new RegExp(`^Deployed ${tag} to production — detection → PR \\d+ s, → merge \\d+ s, → deploy \\d+ s$`),
  );
  expect(repo().issues.get(incident)?.state).toBe("closed");
  expect(repo().issues.get(incident)?.stateReason).toBe("completed");
  expect(state?.entries.filter((e) => e.text.startsWith("Incident closed")).map((e) => e.text)).toEqual([
    "Incident closed: the fix is deployed and every backport has landed",
  ]);
  // Nothing was reverted.
  expect([...repo().pulls.values()].filter((p) => p.headRef.startsWith("hotfix-bot/revert-"))).toEqual([]);

  // Redelivered: nothing new.
  sandbox.counters.reset();
  for (const d of sandbox.webhooks.find("deployment_status")) await sandbox.webhooks.redeliver(d.id);
  await sandbox.settle();
  expect(sandbox.counters.forApp().writes).toBe(0);
});

test("a failed deployment opens a revert PR (git's revert), labels the incident and escalates to the commander, once", async () => {
  const alice = sandbox.as("alice", REPO);
  await alice.push("main", { ".github/hotfix.yml": config("environment: production") });
  await sandbox.settle();
  const { incident, pr, mergeSha } = await labelToMerge("merge");
  const [deployment] = ourDeployments();
  // Production moves on (an unrelated change) before the deploy fails.
  await alice.push("main", { "src/cart.js": "export const total = () => 0;\n" }, { message: "Unrelated" });
  const tip = sandbox.repository(REPO).branch("main") ?? "";
  await sandbox.settle();

  sandbox.counters.reset();
  await alice.setDeploymentStatus(deployment?.id ?? 0, "failure");
  await sandbox.settle();
  // Writes are the currency: the revert (tree, commit, ref, PR), the label, the escalation, the timeline; and the
  // gate's neutral run on the revert PR (not a hotfix PR), which answers the PR's opening on its own.
  const writes = sandbox.counters
    .appWrites()
    .map((w) => `${w.method} ${w.route.replace("/repos/{owner}/{repo}", "")}`);
  expect(writes.sort()).toEqual([
    "PATCH /issues/comments/{comment_id}",
    "POST /check-runs",
    "POST /git/commits",
    "POST /git/refs",
    "POST /git/trees",
    "POST /issues/{issue_number}/comments",
    "POST /issues/{issue_number}/labels",
    "POST /pulls",
  ]);

  const reverts = [...repo().pulls.values()].filter((p) => p.headRef === `hotfix-bot/revert-${pr}`);
  expect(reverts).toHaveLength(1);
  const revert = reverts[0];
  expect(revert).toMatchObject({ baseRef: "main", draft: false });
  const revertIssue = repo().issues.get(revert?.number ?? 0);
  expect(revertIssue?.title).toBe('Revert "[SPF-1290] Fix critical auth failure"');
  expect(revertIssue?.body).toContain(`Reverts #${pr}`);
  expect(revertIssue?.body).toContain(`Incident: #${incident}`);
  const head = git("rev-parse", revert?.headRef ?? "");
  expect(git("rev-parse", `${head}^`)).toBe(tip);
  expect(git("rev-parse", `${head}^{tree}`)).toBe(revertTree(gitDir(), tip, mergeSha));
  expect(git("log", "-1", "--format=%B", head)).toContain(`This reverts commit ${mergeSha}`);

  expect(repo().issues.get(incident)?.labels.sort()).toEqual(["P1-hotfix", "rollback"]);
  const escalations = [...repo().comments.values()].filter(
    (c) => c.issueNumber === incident && c.body.includes("hotfix-bot:escalation"),
  );
  expect(escalations).toHaveLength(1);
  expect(escalations[0]?.body).toContain("@alice **The deployment of");
  expect(escalations[0]?.body).toContain(`Revert PR #${revert?.number}`);
  const deploy = timelineOf(incident)?.pipelines[String(pr)]?.deploy;
  expect(deploy).toMatchObject({
    failedDeployment: deployment?.id,
    rollback: { status: "open", pr: revert?.number },
    escalated: true,
  });
  expect(deploy?.deployedAt).toBeUndefined();

  // The same failure delivered again, twice at once, and a second failed status: nothing new.
  sandbox.counters.reset();
  const failed = sandbox.webhooks.find("deployment_status");
  for (const d of failed) await sandbox.webhooks.redeliver(d.id);
  await sandbox.settle();
  await sandbox.webhooks.duplicate(failed[0]?.id ?? "", 2);
  await sandbox.settle();
  await alice.setDeploymentStatus(deployment?.id ?? 0, "error");
  await sandbox.settle();
  expect(sandbox.counters.forApp().writes).toBe(0);
  expect([...repo().pulls.values()].filter((p) => p.headRef.startsWith("hotfix-bot/revert-"))).toHaveLength(
    1,
  );
});

test("deploy.workflow: one dispatch with the templated inputs; the workflow's own failed deployment of the tag is ours", async () => {
  const alice = sandbox.as("alice", REPO);
  await alice.push("main", {
    ".github/hotfix.yml": config(
      "workflow:\n    id: deploy.yml\n    inputs:\n      version: '{tag}'\n      reason: 'incident #{incident} via #{pr}'",
    ),
  });
  await sandbox.settle();
  const { incident, pr, mergeSha } = await labelToMerge("squash");
  const tag = timelineOf(incident)?.pipelines[String(pr)]?.tag ?? "";
  expect(repo().dispatches).toEqual([
    expect.objectContaining({
      workflowId: "deploy.yml",
      ref: "main",
      inputs: { version: tag, reason: `incident #${incident} via #${pr}` },
    }),
  ]);
  expect(timelineOf(incident)?.pipelines[String(pr)]?.deploy?.workflow).toMatchObject({ id: "deploy.yml" });

  // The workflow deploys the tag with its own token; a deployment of something else is not ours.
  const ci = sandbox.as("bob", REPO);
  const other = await ci.createDeployment("main", "production");
  await ci.setDeploymentStatus(other, "failure");
  await sandbox.settle();
  expect([...repo().pulls.values()].filter((p) => p.headRef.startsWith("hotfix-bot/revert-"))).toEqual([]);

  const ours = await ci.createDeployment(tag, "production");
  await ci.setDeploymentStatus(ours, "error");
  await sandbox.settle();
  const [revert] = [...repo().pulls.values()].filter((p) => p.headRef === `hotfix-bot/revert-${pr}`);
  expect(revert).toBeDefined();
  const head = git("rev-parse", revert?.headRef ?? "");
  expect(git("rev-parse", `${head}^{tree}`)).toBe(
    revertTree(gitDir(), git("rev-parse", `${head}^`), mergeSha),
  );

  // Redelivery of the merge (the pipeline re-runs after a crash, say) dispatches nothing again.
  const closed = sandbox.webhooks.find("pull_request", "closed")[0];
  await sandbox.webhooks.redeliver(closed?.id ?? "");
  await sandbox.settle();
  expect(repo().dispatches).toHaveLength(1);
});
