import type { Sandbox } from "@hotfix-bot/sandbox";
import { appOnSandboxEachTest } from "../support/app-on-sandbox.js";

// "Require signed commits" on every branch the bot writes to: the sandbox signs what GitHub signs (an App's API
// commit without author or committer, the web editor, PR merges) and refuses to merge a PR bringing anything else.
// End to end with the real Probot server: the hotfix, its backport PRs (one clean, one a conflict draft a person
// resolves in the web editor) and the revert PR after a failed deploy all merge into protected branches.

const REPO = "acme/webshop";
const FIX =
  "export function checkPassword(user, password) {\n  if (!user || !password) return false;\n  return user.password === password;\n}\n";
const RELEASE_AUTH =
  "export function checkPassword(user, password) {\n  if (!user) throw new Error('no user');\n  return user.password === password;\n}\n";

const config = (verified: boolean) =>
  [
    "checks:",
    "  criticalTests: [critical-tests]",
    "  securityScan: [security-scan]",
    "backport:",
    "  targets: ['{develop}', 'release/*']",
    "release:",
    "  changelog: true",
    "deploy:",
    "  environment: production",
    "intake:",
    "  incidentReport: true",
    "commits:",
    `  verified: ${verified}`,
    "",
  ].join("\n");

const stage = appOnSandboxEachTest();
const { git, repo } = stage;
let sandbox: Sandbox;
beforeEach(() => {
  sandbox = stage.sandbox;
});

/** The repository as such an organisation runs it: main, develop and release/1.x require signed commits. */
async function protectedRepository(verified: boolean) {
  const alice = sandbox.as("alice", REPO);
  await alice.push("main", { ".github/hotfix.yml": config(verified), "CHANGELOG.md": "# Changes\n" });
  await alice.createBranch("release/1.x", "main");
  await alice.push("release/1.x", { "src/auth.js": RELEASE_AUTH }, { message: "Release: fail loudly" });
  await sandbox.settle();
  repo().collaborators.set("carol", "admin");
  const admin = sandbox.as("carol", REPO);
  for (const branch of ["main", "develop", "release/1.x"]) {
    const path = `/repos/${REPO}/branches/${encodeURIComponent(branch)}/protection`;
    await admin.request("PUT", path, {
      required_status_checks: null,
      enforce_admins: null,
      required_pull_request_reviews: null,
      restrictions: null,
    });
    await admin.request("POST", `${path}/required_signatures`);
  }
  return alice;
}

async function verification(sha: string) {
  const commit = await sandbox
    .as("bob", REPO)
    .request<{ verification: { verified: boolean; reason: string }; committer: { name: string } }>(
      "GET",
      `/repos/${REPO}/git/commits/${sha}`,
    );
  return {
    verified: commit.verification.verified,
    reason: commit.verification.reason,
    committer: commit.committer.name,
  };
}

/** Intake by label, the fix made in the web editor (signed by GitHub), green checks, the gate, the merge. */
async function hotfixMerged() {
  const alice = sandbox.as("alice", REPO);
  const incident = await alice.createIssue({
    title: "Logins fail without a password",
    labels: ["P1-hotfix"],
  });
  await sandbox.settle();
  const branch = `hotfix/incident-${incident}`;
  const fix = await sandbox.commitInWebEditor(REPO, "alice", {
    branch,
    files: { "src/auth.js": FIX },
    message: "Reject empty passwords",
  });
  await sandbox.settle();
  const pr = [...repo().pulls.values()].find((p) => p.headRef === branch);
  if (!pr) throw new Error("no draft PR");
  await alice.updatePullRequest(pr.number, { title: "[SPF-1290] Fix critical auth failure" });
  await sandbox.markReadyForReview(REPO, pr.number, "alice");
  const ci = sandbox.asApp("ci", REPO);
  await ci.runCheck("critical-tests", fix, "success");
  await ci.runCheck("security-scan", fix, "success");
  await sandbox.settle();
  // The incident report the bot committed to the branch is signed too, or main would refuse the hotfix.
  const report = git("log", "-1", "--format=%H", branch, "--", "docs/incidents");
  expect(await verification(report)).toMatchObject({ verified: true, committer: "GitHub" });
  await alice.merge(pr.number, "merge");
  await sandbox.settle();
  return { alice, incident, pr: pr.number };
}

test("commits.verified (default): backport, resolved conflict draft and revert PRs merge into branches requiring signatures", async () => {
  await protectedRepository(true);
  const { alice, pr } = await hotfixMerged();

  const backports = [...repo().pulls.values()].filter((p) => p.headRef.startsWith("hotfix-bot/backport-"));
  expect(backports.map((p) => [p.baseRef, p.draft]).sort()).toEqual([
    ["develop", false],
    ["release/1.x", true],
  ]);
  for (const backport of backports) {
    expect(await verification(backport.headSha)).toEqual({
      verified: true,
      reason: "valid",
      committer: "GitHub",
    });
    const message = git("log", "-1", "--format=%B", backport.headSha);
    expect(message).toMatch(/\(cherry picked from commit [0-9a-f]{40}\)\nCo-authored-by: alice <alice@/);
  }
  // The CHANGELOG entry on main is the bot's, and signed.
  const changelog = git("log", "-1", "--format=%H", "main", "--", "CHANGELOG.md");
  expect(await verification(changelog)).toMatchObject({ verified: true });

  const clean = backports.find((p) => p.baseRef === "develop");
  await alice.merge(clean?.number ?? 0, "merge");

  // The conflict draft: a person resolves it in the web editor (GitHub signs that commit), then it merges.
  const draft = backports.find((p) => p.baseRef === "release/1.x");
  const resolved = await sandbox.commitInWebEditor(REPO, "alice", {
    branch: draft?.headRef ?? "",
    files: { "src/auth.js": FIX },
    message: "Resolve the backport's conflict",
  });
  expect(await verification(resolved)).toMatchObject({ verified: true });
  await sandbox.markReadyForReview(REPO, draft?.number ?? 0, "alice");
  await sandbox.settle();
  await alice.merge(draft?.number ?? 0, "merge");
  expect(git("show", "release/1.x:src/auth.js")).toBe(FIX.trim());

  // The deploy fails: the revert PR into main is signed and merges.
  const deployment = [...repo().deployments.values()].find((d) => d.creator.login === "hotfix-bot[bot]");
  await alice.setDeploymentStatus(deployment?.id ?? 0, "failure");
  await sandbox.settle();
  const revert = [...repo().pulls.values()].find((p) => p.headRef === `hotfix-bot/revert-${pr}`);
  expect(revert?.baseRef).toBe("main");
  expect(await verification(revert?.headSha ?? "")).toMatchObject({ verified: true });
  await alice.merge(revert?.number ?? 0, "merge");
  expect(repo().pulls.get(revert?.number ?? 0)?.merged).toBe(true);
});

test("commits.verified: false keeps the original author on the backport commit, which such a branch refuses", async () => {
  await protectedRepository(false);
  const { alice } = await hotfixMerged();
  const backport = [...repo().pulls.values()].find(
    (p) => p.headRef.startsWith("hotfix-bot/backport-") && p.baseRef === "develop",
  );
  expect(git("log", "-1", "--format=%an <%ae>", backport?.headSha ?? "")).toMatch(/^alice <alice@/);
  expect(await verification(backport?.headSha ?? "")).toMatchObject({ verified: false, reason: "unsigned" });
  await expect(alice.merge(backport?.number ?? 0, "merge")).rejects.toMatchObject({
    status: 405,
    message: expect.stringContaining("Commits must have verified signatures."),
  });
});
