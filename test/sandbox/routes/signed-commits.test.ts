import { type Sandbox, startSandbox } from "../../../packages/sandbox/start-sandbox.js";
import { git } from "../../support/git.js";
import {
  appOctokit,
  FIXED_CLOCK,
  failure,
  type TestOctokit,
  userOctokit,
} from "../../support/sandbox-octokit.js";

// What GitHub signs, as the sandbox models it, and a branch protection that requires signatures.

const owner = "acme";
let sandbox: Sandbox;
let app: TestOctokit;
let repoCount = 0;

async function newRepo() {
  const name = `signed-${++repoCount}`;
  const handle = await sandbox.createRepository({
    name,
    history: [{ message: "base", files: { "README.md": "hello\n" } }],
    collaborators: { alice: "write", carol: "admin" },
  });
  return { repo: name, handle, main: handle.branch("main") as string };
}

beforeAll(async () => {
  sandbox = await startSandbox({ clock: FIXED_CLOCK });
  app = appOctokit(sandbox);
});
afterAll(() => sandbox.close());

async function commitWith(
  octokit: TestOctokit,
  repo: string,
  parent: string,
  extra: Record<string, unknown> = {},
) {
  const { data: base } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: parent });
  const { data: tree } = await octokit.rest.git.createTree({
    owner,
    repo,
    base_tree: base.tree.sha,
    tree: [{ path: "a.txt", mode: "100644", type: "blob", content: `${Math.random()}\n` }],
  });
  const { data } = await octokit.rest.git.createCommit({
    owner,
    repo,
    message: "Change",
    tree: tree.sha,
    parents: [parent],
    ...extra,
  });
  return data;
}

test("an App's commit without author or committer is GitHub's, signed and verified; git sees the signature", async () => {
  const { repo, handle, main } = await newRepo();
  const made = await commitWith(app, repo, main);
  expect(made.verification).toMatchObject({ verified: true, reason: "valid" });
  expect(made.verification.signature).toContain("-----BEGIN PGP SIGNATURE-----");
  expect(made.committer).toMatchObject({ name: "GitHub", email: "noreply@github.com" });
  expect(made.author.name).toBe("hotfix-bot[bot]");
  const { data: read } = await app.rest.git.getCommit({ owner, repo, commit_sha: made.sha });
  expect(read.verification).toEqual(made.verification);
  // The signature is in the object (git's gpgsig header), and the payload is the object without it.
  expect(git(handle.gitDir, "cat-file", "commit", made.sha)).toContain(
    "gpgsig -----BEGIN PGP SIGNATURE-----",
  );
  expect(made.verification.payload).toMatch(/^tree [0-9a-f]{40}\nparent /);
});

test("a custom author, an App's or a person's, leaves the commit unsigned", async () => {
  const { repo, main } = await newRepo();
  const author = { name: "Alice", email: "alice@example.com", date: "2026-01-01T00:00:00Z" };
  expect((await commitWith(app, repo, main, { author })).verification).toEqual({
    verified: false,
    reason: "unsigned",
    signature: null,
    payload: null,
    verified_at: null,
  });
  const alice = userOctokit(sandbox, "alice");
  expect((await commitWith(alice, repo, main)).verification).toMatchObject({
    verified: false,
    reason: "unsigned",
  });
});

test("a protected branch requiring signatures refuses a PR with an unverified commit, and merges a signed one", async () => {
  const { repo, main } = await newRepo();
  const admin = userOctokit(sandbox, "carol");
  const protection = { owner, repo, branch: "main" };
  expect((await failure(admin.rest.repos.createCommitSignatureProtection(protection))).status).toBe(404);
  expect(
    (await failure(userOctokit(sandbox, "alice").rest.repos.getCommitSignatureProtection(protection))).status,
  ).toBe(404);
  await admin.rest.repos.updateBranchProtection({
    ...protection,
    required_status_checks: null,
    enforce_admins: null,
    required_pull_request_reviews: null,
    restrictions: null,
  });
  const { data: on } = await admin.rest.repos.createCommitSignatureProtection(protection);
  expect(on.enabled).toBe(true);

  const alice = sandbox.as("alice", `${owner}/${repo}`);
  await alice.push("unsigned", { "b.txt": "b\n" }, { from: "main" });
  const unsigned = await alice.openPullRequest({ head: "unsigned", base: "main", title: "Unsigned" });
  expect(await failure(app.rest.pulls.merge({ owner, repo, pull_number: unsigned.number }))).toMatchObject({
    status: 405,
    message: "Commits must have verified signatures.",
  });

  const signed = await commitWith(app, repo, main);
  await app.rest.git.createRef({ owner, repo, ref: "refs/heads/signed", sha: signed.sha });
  const edited = await sandbox.commitInWebEditor(`${owner}/${repo}`, "alice", {
    branch: "signed",
    files: { "c.txt": "c\n" },
    message: "Edit in the browser",
  });
  const { data: web } = await app.rest.git.getCommit({ owner, repo, commit_sha: edited });
  expect(web.verification.verified).toBe(true);
  expect(web.author.name).toBe("alice");
  const pr = await alice.openPullRequest({ head: "signed", base: "main", title: "Signed" });
  const { data: merged } = await app.rest.pulls.merge({ owner, repo, pull_number: pr.number });
  expect(merged.merged).toBe(true);
  const { data: mergeCommit } = await app.rest.git.getCommit({ owner, repo, commit_sha: merged.sha });
  expect(mergeCommit.verification.verified).toBe(true);

  await admin.rest.repos.deleteCommitSignatureProtection(protection);
  expect((await admin.rest.repos.getCommitSignatureProtection(protection)).data.enabled).toBe(false);
  await app.rest.pulls.merge({ owner, repo, pull_number: unsigned.number });
});
