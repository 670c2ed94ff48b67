import type { Sandbox } from "@hotfix-bot/sandbox";
import { appOnSandboxEachTest } from "../support/app-on-sandbox.js";

// Attack: a writer pre-creates the branches the bot will create (`hotfix-bot/backport-<pr>-to-<target>`,
// `hotfix-bot/revert-<pr>`) with a backdoor, hoping the bot opens its PR from her commit. The bot adopts an
// existing branch only when its tip is the commit it computed (same parent, tree and message); otherwise it
// refuses the name, says so on the timeline, and uses a fresh one.

const REPO = "acme/webshop";
const FIX =
  "export function checkPassword(user, password) {\n  if (!user || !password) return false;\n  return user.password === password;\n}\n";
const BACKDOOR = "export function checkPassword() {\n  return true;\n}\n";

const config = (lines: string[]) =>
  ["checks:", "  criticalTests: [critical-tests]", "  securityScan: [security-scan]", ...lines, ""].join(
    "\n",
  );

const stage = appOnSandboxEachTest();
const { git, repo, timelineOf } = stage;
let sandbox: Sandbox;
beforeEach(() => {
  sandbox = stage.sandbox;
});

/** What a path holds at the head of every PR whose head branch starts with `prefix`, by head branch. */
function contentAtHeads(prefix: string, path: string): Record<string, string> {
  const heads = [...repo().pulls.values()].filter((p) => p.headRef.startsWith(prefix));
  return Object.fromEntries(heads.map((p) => [p.headRef, `${git("show", `${p.headSha}:${path}`)}\n`]));
}

/** An incident, its hotfix PR with green checks (not merged yet): the PR number is public from here on. */
async function openHotfix() {
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
  await alice.updatePullRequest(pr.number, { title: "[SPF-1290] Fix critical auth failure" });
  await sandbox.markReadyForReview(REPO, pr.number, "alice");
  const ci = sandbox.asApp("ci", REPO);
  await ci.runCheck("critical-tests", fix, "success");
  await ci.runCheck("security-scan", fix, "success");
  await sandbox.settle();
  return { alice, incident, pr: pr.number };
}

test("a pre-created backport branch with a backdoor: the backport PR is built from the bot's own commit", async () => {
  const alice = sandbox.as("alice", REPO);
  await alice.push("main", { ".github/hotfix.yml": config(["backport:", "  targets: ['{develop}']"]) });
  await sandbox.settle();
  const { incident, pr } = await openHotfix();

  // Bob, a writer, plants the branch the bot will want, with a plausible cherry-pick message.
  const bob = sandbox.as("bob", REPO);
  const planted = `hotfix-bot/backport-${pr}-to-develop`;
  const backdoor = await bob.push(
    planted,
    { "src/auth.js": BACKDOOR },
    { from: "develop", message: "Reject empty passwords\n\n(cherry picked from commit 0000000)" },
  );
  await sandbox.settle();

  await alice.merge(pr, "merge");
  await sandbox.settle();

  // No PR carries the backdoor, and the one backport PR holds the fix.
  const heads = contentAtHeads("hotfix-bot/backport-", "src/auth.js");
  expect(Object.values(heads)).toEqual([FIX]);
  expect(Object.keys(heads)).toEqual([`${planted}-2`]);
  // Bob's branch is left as he made it; the refusal is on the timeline, with the branch used instead.
  expect(sandbox.repository(REPO).branch(planted)).toBe(backdoor);
  const entries = timelineOf(incident)?.entries.map((e) => e.text) ?? [];
  expect(entries.find((text) => text.includes(`Refused the existing branch ${planted}`))).toContain(
    `${planted}-2`,
  );

  // A redelivery of the merge converges on the same branch and PR.
  const closed = sandbox.webhooks.find("pull_request", "closed")[0];
  await sandbox.webhooks.redeliver(closed?.id ?? "");
  await sandbox.settle();
  expect(Object.keys(contentAtHeads("hotfix-bot/backport-", "src/auth.js"))).toEqual([`${planted}-2`]);
});

test("a pre-created backport branch with the writer's own PR: the bot neither adopts nor labels that PR", async () => {
  const alice = sandbox.as("alice", REPO);
  await alice.push("main", { ".github/hotfix.yml": config(["backport:", "  targets: ['{develop}']"]) });
  await sandbox.settle();
  const { pr } = await openHotfix();
  const bob = sandbox.as("bob", REPO);
  const planted = `hotfix-bot/backport-${pr}-to-develop`;
  await bob.push(
    planted,
    { "src/auth.js": BACKDOOR },
    { from: "develop", message: "Reject empty passwords" },
  );
  const bobs = await bob.openPullRequest({ head: planted, base: "develop", title: "backport" });
  await sandbox.settle();

  await alice.merge(pr, "merge");
  await sandbox.settle();

  expect(repo().issues.get(bobs.number)?.labels).toEqual([]);
  const heads = contentAtHeads("hotfix-bot/backport-", "src/auth.js");
  expect(heads).toEqual({ [planted]: BACKDOOR, [`${planted}-2`]: FIX });
});

test("a pre-created revert branch with a backdoor: the revert PR into main does not carry it", async () => {
  const alice = sandbox.as("alice", REPO);
  await alice.push("main", {
    ".github/hotfix.yml": config(["backport:", "  targets: []", "deploy:", "  environment: production"]),
  });
  await sandbox.settle();
  const { incident, pr } = await openHotfix();
  const before = `${git("show", "main:src/auth.js")}\n`;

  const bob = sandbox.as("bob", REPO);
  const planted = `hotfix-bot/revert-${pr}`;
  await bob.push(planted, { "src/auth.js": BACKDOOR }, { from: "main", message: `Revert #${pr}` });
  await sandbox.settle();

  await alice.merge(pr, "merge");
  await sandbox.settle();
  const deployment = [...repo().deployments.values()].find((d) => d.creator.login === "hotfix-bot[bot]");
  await alice.setDeploymentStatus(deployment?.id ?? 0, "failure");
  await sandbox.settle();

  expect(Object.values(contentAtHeads("hotfix-bot/revert-", "src/auth.js"))).toEqual([before]);
  const reverts = [...repo().pulls.values()].filter((p) => p.headRef.startsWith("hotfix-bot/revert-"));
  expect(reverts.map((p) => [p.headRef, p.baseRef])).toEqual([[`${planted}-2`, "main"]]);
  const escalation = [...repo().comments.values()].find(
    (c) => c.issueNumber === incident && c.body.includes("hotfix-bot:escalation"),
  );
  expect(escalation?.body).toContain(`Revert PR #${reverts[0]?.number}`);
  const entries = timelineOf(incident)?.entries.map((e) => e.text) ?? [];
  expect(entries.find((text) => text.includes(`Refused the existing branch ${planted}`))).toContain(
    `${planted}-2`,
  );
});
