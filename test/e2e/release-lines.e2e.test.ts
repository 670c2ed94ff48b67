import type { Sandbox } from "@hotfix-bot/sandbox";
import { appOnSandboxEachTest } from "../support/app-on-sandbox.js";
import { git } from "../support/git.js";

// Maintenance lines end to end: the sandbox (a git-backed GitHub) sends signed webhooks to the real Probot server.
// A fix on release/1.x is cut by `/hotfix release/1.x`, gated, tagged in the 1.x family and carried forward to
// release/2.x (which conflicts), main and develop, each through its own backport PR.

const REPO = "acme/webshop";
const CONFIG = [
  'productionBranches: [main, "release/*"]',
  "developBranch: develop",
  "checks:",
  "  criticalTests: [critical-tests]",
  "  securityScan: [security-scan]",
  "backport:",
  '  targets: ["{develop}", newer-lines]',
  "",
].join("\n");
const FIX =
  "export function checkPassword(user, password) {\n  if (!user || !password) return false;\n  return user.password === password;\n}\n";
const TWO_X_AUTH =
  "export function checkPassword(user, password) {\n  if (user == null) return false;\n  return user.password === password;\n}\n";

const stage = appOnSandboxEachTest({
  prepare: async (sandbox) => {
    const alice = sandbox.as("alice", REPO);
    await alice.push("main", { ".github/hotfix.yml": CONFIG }, { message: "Hotfix the release lines too" });
    await alice.createBranch("release/1.x", "main");
    await alice.push("release/1.x", { VERSION: "1.4.0\n" }, { message: "Release 1.4.0" });
    await tag("v1.4.0", "release/1.x");
    await alice.createBranch("release/2.x", "main");
    // release/2.x changed the lines the fix touches: its forward-port conflicts.
    await alice.push("release/2.x", { "src/auth.js": TWO_X_AUTH }, { message: "2.x: null users only" });
    await tag("v2.0.0", "release/2.x");
  },
});
const { repo, timelineOf } = stage;
let sandbox: Sandbox;
beforeEach(() => {
  sandbox = stage.sandbox;
});

const gitDir = () => sandbox.repository(REPO).gitDir;

async function tag(name: string, branch: string): Promise<void> {
  const { sandbox } = stage;
  const sha = sandbox.repository(REPO).branch(branch) ?? "";
  await sandbox
    .as("alice", REPO)
    .request("POST", `/repos/${REPO}/git/refs`, { ref: `refs/tags/${name}`, sha });
}

const gateRuns = () => [...repo().checkRuns.values()].filter((c) => c.name === "hotfix-gate");

test("a fix on release/1.x: cut by /hotfix, gated, tagged v1.4.1, carried forward to release/2.x, main and develop, once", async () => {
  const alice = sandbox.as("alice", REPO);
  const incident = await alice.createIssue({ title: "Logins without a password on 1.x" });

  // A line the configuration does not name is refused, naming the allowed patterns; nothing is cut.
  await alice.comment(incident, "/hotfix feature/1.x");
  await sandbox.settle();
  const refusal = [...repo().comments.values()].find(
    (c) => c.user.type === "Bot" && c.body.includes("feature/1.x"),
  );
  expect(refusal?.body).toContain("`feature/1.x` is not a production line");
  expect(refusal?.body).toContain("`release/*`");
  expect(git(gitDir(), "for-each-ref", "refs/heads/hotfix/").trim()).toBe("");

  // Intake from the 1.x line.
  await alice.comment(incident, "/hotfix release/1.x");
  await sandbox.settle();
  const branch = `hotfix/incident-${incident}`;
  expect(sandbox.repository(REPO).branch(branch)).toBe(sandbox.repository(REPO).branch("release/1.x"));
  expect(timelineOf(incident)?.intake).toMatchObject({ branch, cutFrom: "release/1.x", line: "release/1.x" });
  expect(timelineOf(incident)?.intake?.previousTag?.name).toBe("v1.4.0");

  // The first push opens the draft into release/1.x; with a real title, ready and green checks, the gate passes.
  const fix = await alice.push(branch, { "src/auth.js": FIX }, { message: "Reject empty passwords" });
  await sandbox.settle();
  const draft = [...repo().pulls.values()].find((p) => p.headRef === branch);
  expect(draft?.baseRef).toBe("release/1.x");
  await alice.updatePullRequest(draft?.number ?? 0, { title: "[SPF-1290] Reject empty passwords on 1.x" });
  await sandbox.markReadyForReview(REPO, draft?.number ?? 0, "alice");
  const ci = sandbox.asApp("ci", REPO);
  await ci.runCheck("critical-tests", fix, "success");
  await ci.runCheck("security-scan", fix, "success");
  await sandbox.settle();
  const gate = gateRuns().filter((run) => run.headSha === fix);
  expect(gate.at(-1)?.conclusion).toBe("success");

  sandbox.counters.reset();
  const mergeSha = await alice.merge(draft?.number ?? 0, "merge");
  await sandbox.settle();

  // Tagged in the 1.x family, on the merge commit; main's and 2.x's tags untouched.
  const tags = git(gitDir(), "for-each-ref", "--format=%(refname:short) %(*objectname)", "refs/tags").trim();
  expect(
    tags
      .split("\n")
      .map((line) => line.trim())
      .sort(),
  ).toEqual(["v1.4.0", `v1.4.1 ${mergeSha}`, "v2.0.0"]);

  // One forward-port PR per newer line and develop; release/2.x conflicts and is a draft with the markers.
  const pr = draft?.number ?? 0;
  const forward = [...repo().pulls.values()].filter((p) => p.headRef.startsWith("hotfix-bot/backport-"));
  expect(forward.map((p) => [p.headRef, p.baseRef, p.draft]).sort()).toEqual([
    [`hotfix-bot/backport-${pr}-to-develop`, "develop", false],
    [`hotfix-bot/backport-${pr}-to-main`, "main", false],
    [`hotfix-bot/backport-${pr}-to-release/2.x`, "release/2.x", true],
  ]);
  const conflict = git(gitDir(), "show", `hotfix-bot/backport-${pr}-to-release/2.x:src/auth.js`);
  expect(conflict).toContain("<<<<<<< release/2.x");
  expect(git(gitDir(), "show", `hotfix-bot/backport-${pr}-to-main:src/auth.js`)).toBe(FIX);
  const pipeline = timelineOf(incident)?.pipelines[String(pr)];
  expect(pipeline?.tag).toBe("v1.4.1");
  expect(
    Object.fromEntries(Object.entries(pipeline?.backports ?? {}).map(([t, b]) => [t, b.status])),
  ).toEqual({
    develop: "open",
    "release/2.x": "conflict",
    main: "open",
  });
  const writes = sandbox.counters.appWrites().length;
  expect(writes).toBeGreaterThan(0);

  // A redelivered merge event duplicates nothing.
  const snapshot = () => ({
    tags: git(gitDir(), "for-each-ref", "refs/tags").trim(),
    pulls: repo().pulls.size,
    issues: repo().issues.size,
    comments: repo().comments.size,
  });
  const before = snapshot();
  sandbox.counters.reset();
  const closed = sandbox.webhooks.find("pull_request", "closed");
  expect(closed).toHaveLength(1);
  await sandbox.webhooks.redeliver(closed[0]?.id ?? "");
  await sandbox.settle();
  await sandbox.webhooks.duplicate(closed[0]?.id ?? "", 2);
  await sandbox.settle();
  expect(snapshot()).toEqual(before);
  // The whole incident, intake to forward-ports, is a long story for one test on two busy cores.
}, 120_000);

test("a hotfix PR into a branch that is no production line gets no gate, and its merge no pipeline", async () => {
  const alice = sandbox.as("alice", REPO);
  // Names a writer can pick to look like a line: another prefix, or release without its slash.
  for (const [index, base] of ["releases/1.x", "release-1.x", "feature/1.x"].entries()) {
    await alice.createBranch(base, "main");
    const head = `hotfix/incident-${index + 1}`;
    await alice.createBranch(head, base);
    const sha = await alice.push(head, { "src/auth.js": FIX }, { message: `Fix on ${base}` });
    const pull = await alice.openPullRequest({ head, base, title: "[SPF-1290] Fix", body: "" });
    await sandbox.asApp("ci", REPO).runCheck("critical-tests", sha, "success");
    await sandbox.settle();
    sandbox.counters.reset();
    await alice.merge(pull.number, "merge");
    await sandbox.settle();
    expect(sandbox.counters.appWrites()).toEqual([]);
  }
  expect(gateRuns()).toEqual([]);
  expect(
    git(gitDir(), "for-each-ref", "--format=%(refname:short)", "refs/tags").trim().split("\n").sort(),
  ).toEqual(["v1.4.0", "v2.0.0"]);
});

test("a hotfix PR into any production line is gated: release/2.x fails the gate until its checks pass", async () => {
  const alice = sandbox.as("alice", REPO);
  await alice.createBranch("hotfix/20261127-two-x", "release/2.x");
  const sha = await alice.push("hotfix/20261127-two-x", { "src/cart.js": "export const total = () => 0;\n" });
  await alice.openPullRequest({
    head: "hotfix/20261127-two-x",
    base: "release/2.x",
    title: "[SPF-1291] Cart totals on 2.x",
    body: "",
  });
  await sandbox.settle();
  const run = gateRuns().find((r) => r.headSha === sha);
  expect(run?.status).toBe("in_progress");
  await sandbox.asApp("ci", REPO).runCheck("critical-tests", sha, "success");
  await sandbox.asApp("ci", REPO).runCheck("security-scan", sha, "success");
  await sandbox.settle();
  expect(
    gateRuns()
      .filter((r) => r.headSha === sha)
      .map((r) => r.conclusion),
  ).toEqual(["success"]);
});

test("/hotfix release/1.x from someone without write access is refused once and cuts nothing", async () => {
  const incident = await sandbox.as("alice", REPO).createIssue({ title: "1.x is down" });
  const carol = sandbox.as("carol", REPO);
  await carol.comment(incident, "/hotfix release/1.x");
  await carol.comment(incident, "/hotfix P0 release/1.x");
  await sandbox.settle();
  const replies = [...repo().comments.values()].filter(
    (c) => c.issueNumber === incident && c.user.type === "Bot",
  );
  expect(replies).toHaveLength(1);
  expect(replies[0]?.body).toContain("Only people with write access");
  expect(git(gitDir(), "for-each-ref", "refs/heads/hotfix/").trim()).toBe("");
});
