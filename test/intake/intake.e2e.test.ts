import type { Sandbox } from "@hotfix-bot/sandbox";
import { parseTimeline } from "../../src/incident/timeline-markdown.js";
import { appOnSandboxEachTest } from "../support/app-on-sandbox.js";
import { git } from "../support/git.js";

// Intake end to end: the sandbox sends signed webhooks to the real Probot server running hotfix-bot.

const REPO = "acme/webshop";
const FIX =
  "export function checkPassword(user, password) {\n  if (!user || !password) return false;\n  return user.password === password;\n}\n";

const stage = appOnSandboxEachTest();
const { repo } = stage;
let sandbox: Sandbox;
beforeEach(() => {
  sandbox = stage.sandbox;
});

const gitDir = () => sandbox.repository(REPO).gitDir;
const botComments = (issue: number) =>
  [...repo().comments.values()].filter((c) => c.issueNumber === issue && c.user.type === "Bot");
const timelineOf = (issue: number) =>
  parseTimeline(botComments(issue).find((c) => c.body.includes("hotfix-bot:timeline"))?.body ?? "");
const hotfixBranches = () =>
  git(gitDir(), "for-each-ref", "--format=%(refname:short)", "refs/heads/hotfix/").trim();
const pullsFrom = (branch: string) => [...repo().pulls.values()].filter((p) => p.headRef === branch);

/** Everything intake could create more than once. */
function snapshot() {
  return {
    branches: hotfixBranches(),
    pulls: repo().pulls.size,
    comments: [...repo().comments.values()].map((c) => `${c.issueNumber}:${c.body.split("\n", 1)[0]}`).sort(),
    labels: [...repo().issues.values()].map((i) => `${i.number}:${i.labels.join(",")}`),
  };
}

async function redeliverAll(event: string, action?: string): Promise<void> {
  for (const delivery of sandbox.webhooks.find(event, action)) {
    await sandbox.webhooks.redeliver(delivery.id);
  }
  await sandbox.settle();
  for (const delivery of sandbox.webhooks.find(event, action)) {
    await sandbox.webhooks.duplicate(delivery.id, 2);
  }
  await sandbox.settle();
}

test("the P1-hotfix label makes the incident: timeline, branch from production, checklist; the first push opens a draft PR", async () => {
  const alice = sandbox.as("alice", REPO);
  const mainSha = sandbox.repository(REPO).branch("main");
  const appWrites = () =>
    sandbox.counters
      .appWrites()
      .map((w) => `${w.method} ${w.route.replace("/repos/{owner}/{repo}", "")}`)
      .sort();
  sandbox.counters.reset();
  const incident = await alice.createIssue({ title: "Checkout: logins fail", labels: ["P1-hotfix"] });
  await sandbox.settle();
  // Five writes: the timeline recording the declaration (first, so that the sweep can finish an intake cut short),
  // the commander assigned, the branch, the checklist, the timeline's update.
  expect(appWrites()).toEqual([
    "PATCH /issues/comments/{comment_id}",
    "POST /git/refs",
    "POST /issues/{issue_number}/assignees",
    "POST /issues/{issue_number}/comments",
    "POST /issues/{issue_number}/comments",
  ]);
  expect(sandbox.internalRepo(REPO).issues.get(incident)?.assignees).toEqual(["alice"]);

  expect(hotfixBranches()).toBe(`hotfix/incident-${incident}`);
  expect(sandbox.repository(REPO).branch(`hotfix/incident-${incident}`)).toBe(mainSha);
  const state = timelineOf(incident);
  expect(state).toMatchObject({
    incident,
    severity: "P1",
    commander: "alice",
    intake: { trigger: "label", branch: `hotfix/incident-${incident}`, cutFrom: "main", checklist: true },
  });
  expect(Date.parse(state?.detectedAt ?? "")).toBe(Date.parse(repo().issues.get(incident)?.createdAt ?? ""));
  const checklist = botComments(incident).find((c) => c.body.includes("hotfix-bot:checklist"));
  expect(checklist?.body).toContain("Confirm the impact");
  expect(checklist?.body).toContain("Minimal fix");
  expect(checklist?.body).toContain("Critical tests only");
  expect(checklist?.body).toContain("#### Rollback plan");
  expect(checklist?.body).toContain("git revert -m 1");
  // The label was there: the bot adds none.
  expect(repo().issues.get(incident)?.labels).toEqual(["P1-hotfix"]);

  // The branch creation's own push (no commits) opened no PR.
  expect(pullsFrom(`hotfix/incident-${incident}`)).toEqual([]);
  sandbox.counters.reset();
  await alice.push(
    `hotfix/incident-${incident}`,
    { "src/auth.js": FIX },
    { message: "Reject empty passwords" },
  );
  await sandbox.settle();
  // The draft PR and its record on the timeline; and the gate's run on the new PR.
  expect(appWrites()).toEqual(["PATCH /issues/comments/{comment_id}", "POST /check-runs", "POST /pulls"]);
  const [draft] = pullsFrom(`hotfix/incident-${incident}`);
  expect(draft).toMatchObject({ baseRef: "main", draft: true });
  const draftIssue = repo().issues.get(draft?.number ?? 0);
  expect(draftIssue?.title).toBe("[KEY-000] Checkout: logins fail");
  expect(draftIssue?.body).toContain(`Incident: #${incident}`);
  expect(draftIssue?.user.login).toBe("hotfix-bot[bot]");
  expect(timelineOf(incident)?.intake?.pr).toMatchObject({ number: draft?.number, byBot: true });
  // The gate runs as usual, and fails the placeholder key.
  const gate = [...repo().checkRuns.values()].filter((c) => c.name === "hotfix-gate");
  expect(gate).toHaveLength(1);
  expect(gate[0]?.output.summary).toMatch(/Title/);

  // A second push: the PR exists, nothing new.
  await alice.push(`hotfix/incident-${incident}`, { "README.md": "# webshop\n" }, { message: "More" });
  await sandbox.settle();
  expect(pullsFrom(`hotfix/incident-${incident}`)).toHaveLength(1);

  // Every intake event delivered again, and twice at once: nothing new.
  const before = snapshot();
  sandbox.counters.reset();
  await redeliverAll("issues", "labeled");
  await redeliverAll("push");
  expect(snapshot()).toEqual(before);
  expect(sandbox.counters.forApp().writes).toBe(0);
});

test("/hotfix from a writer declares the incident with the default severity, once, even with the label after it", async () => {
  const alice = sandbox.as("alice", REPO);
  const bob = sandbox.as("bob", REPO);
  const incident = await alice.createIssue({ title: "Payments time out" });
  await bob.comment(incident, "/hotfix");
  await sandbox.settle();

  expect(repo().issues.get(incident)?.labels).toEqual(["P1-hotfix"]);
  expect(hotfixBranches()).toBe(`hotfix/incident-${incident}`);
  expect(timelineOf(incident)).toMatchObject({
    commander: "bob",
    severity: "P1",
    intake: { trigger: "command" },
  });
  const detected = timelineOf(incident)?.detectedAt;
  const command = [...repo().comments.values()].find((c) => c.user.login === "bob");
  expect(Date.parse(detected ?? "")).toBe(Date.parse(command?.createdAt ?? ""));

  const before = snapshot();
  // The label the bot added came back as an event; a person adds it again, and comments /hotfix again.
  await alice.removeLabel(incident, "P1-hotfix");
  await alice.addLabels(incident, ["P1-hotfix"]);
  await alice.comment(incident, "/hotfix P0");
  await sandbox.settle();
  await redeliverAll("issue_comment", "created");
  await redeliverAll("issues", "labeled");
  const after = snapshot();
  expect(after.branches).toBe(before.branches);
  expect(after.pulls).toBe(before.pulls);
  expect(botComments(incident).map((c) => c.body.split(" ", 2)[1])).toEqual([
    "hotfix-bot:timeline",
    "hotfix-bot:checklist",
  ]);
  // The first declaration stands; the label removal is on the timeline.
  const state = timelineOf(incident);
  expect(state).toMatchObject({ commander: "bob", severity: "P1", detectedAt: detected });
  expect(state?.entries.map((e) => e.text)).toContain("Label P1-hotfix removed by @alice");
});

test("/hotfix from a reader gets a polite refusal and nothing else, once", async () => {
  const alice = sandbox.as("alice", REPO);
  const incident = await alice.createIssue({ title: "Search is slow" });
  sandbox.counters.reset();
  await sandbox.as("carol", REPO).comment(incident, "/hotfix");
  await sandbox.settle();
  await redeliverAll("issue_comment", "created");

  expect(hotfixBranches()).toBe("");
  expect(repo().issues.get(incident)?.labels).toEqual([]);
  const replies = botComments(incident);
  expect(replies).toHaveLength(1);
  expect(replies[0]?.body).toContain("Thanks @carol");
  expect(replies[0]?.body).toContain("Only people with write access");
  expect(sandbox.counters.appWrites().map((w) => `${w.method} ${w.route}`)).toEqual([
    "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
  ]);
});

test("a label and /hotfix delivered at the same moment make one branch, one timeline, one checklist", async () => {
  const alice = sandbox.as("alice", REPO);
  const incident = await alice.createIssue({ title: "Images missing" });
  sandbox.webhooks.hold();
  await alice.addLabels(incident, ["P0-hotfix"]);
  await alice.comment(incident, "/hotfix");
  const labeled = sandbox.webhooks.pending().find((d) => d.event === "issues" && d.action === "labeled");
  const command = sandbox.webhooks.pending().find((d) => d.event === "issue_comment");
  await Promise.all([
    sandbox.webhooks.duplicate(labeled?.id ?? "", 2),
    sandbox.webhooks.duplicate(command?.id ?? "", 2),
  ]);
  sandbox.webhooks.release();
  await sandbox.settle();

  expect(hotfixBranches()).toBe(`hotfix/incident-${incident}`);
  expect(botComments(incident)).toHaveLength(2);
  expect(timelineOf(incident)?.severity).toBe("P0");
  expect(repo().issues.get(incident)?.labels).toEqual(["P0-hotfix"]);
});

test("cut from the latest production tag, with the incident report on the branch; the report's push opens no PR", async () => {
  const alice = sandbox.as("alice", REPO);
  const tagged = sandbox.repository(REPO).branch("main") ?? "";
  await alice.request("POST", `/repos/${REPO}/git/refs`, { ref: "refs/tags/v1.4.0", sha: tagged });
  await alice.push(
    "main",
    { "src/cart.js": "export const total = () => 0;\n" },
    { message: "Unreleased work" },
  );
  await alice.push("main", {
    ".github/hotfix.yml":
      "checks:\n  criticalTests: [critical-tests]\nintake:\n  cutFromLatestTag: true\n  incidentReport: true\n",
  });
  await sandbox.settle();
  const incident = await alice.createIssue({ title: "Cart totals are wrong!", labels: ["P2-hotfix"] });
  await sandbox.settle();

  const branch = `hotfix/incident-${incident}`;
  const head = sandbox.repository(REPO).branch(branch) ?? "";
  expect(git(gitDir(), "rev-parse", `${head}^`).trim()).toBe(tagged);
  const state = timelineOf(incident);
  expect(state?.intake).toMatchObject({ cutFrom: "v1.4.0", previousTag: { name: "v1.4.0", sha: tagged } });
  const path = state?.intake?.report?.path ?? "";
  expect(path).toMatch(/^docs\/incidents\/HOTFIX-\d{4}-\d{2}-\d{2}-cart-totals-are-wrong\.md$/);
  expect(git(gitDir(), "show", `${branch}:${path}`)).toContain(
    `# Incident #${incident}: Cart totals are wrong!`,
  );
  const checklist = botComments(incident).find((c) => c.body.includes("hotfix-bot:checklist"));
  expect(checklist?.body).toContain("Production runs `v1.4.0`");
  expect(checklist?.body).toContain("critical-tests");
  expect(pullsFrom(branch)).toEqual([]);

  await alice.push(branch, { "src/cart.js": "export const total = (items) => items.length;\n" });
  await sandbox.settle();
  expect(pullsFrom(branch).map((p) => p.draft)).toEqual([true]);
});

test("closing an incident before the merge is recorded; nothing is deleted", async () => {
  const alice = sandbox.as("alice", REPO);
  const incident = await alice.createIssue({ title: "False alarm", labels: ["P1-hotfix"] });
  await sandbox.settle();
  await alice.updateIssue(incident, { state: "closed", state_reason: "not_planned" });
  await sandbox.settle();

  expect(hotfixBranches()).toBe(`hotfix/incident-${incident}`);
  expect(timelineOf(incident)?.entries.map((e) => e.text)).toContain(
    "Incident closed by @alice before a fix was merged",
  );
  // Redelivered, the close is recorded once; a label added to the closed incident does not start it again.
  const entries = timelineOf(incident)?.entries.length;
  sandbox.counters.reset();
  await redeliverAll("issues", "closed");
  await alice.addLabels(incident, ["P0-hotfix"]);
  await sandbox.settle();
  expect(sandbox.counters.forApp().writes).toBe(0);
  expect(timelineOf(incident)?.entries.length).toBe(entries);
});
