import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { git, treeFiles } from "../../support/git.js";
import { appOctokit, FIXED_CLOCK, failure, type TestOctokit } from "../../support/sandbox-octokit.js";

const owner = "acme";
let sandbox: Sandbox;
let octokit: TestOctokit;
let count = 0;

async function newRepo() {
  const repo = `pulls-${++count}`;
  const handle = await sandbox.createRepository({
    name: repo,
    collaborators: { alice: "write", bob: "write", carol: "read" },
    history: [{ message: "base", files: { "a.txt": "1\n2\n3\n4\n5\n6\n7\n8\n9\n" } }],
  });
  return { repo, handle, alice: sandbox.as("alice", `acme/${repo}`), bob: sandbox.as("bob", `acme/${repo}`) };
}

beforeAll(async () => {
  sandbox = await startSandbox({ clock: FIXED_CLOCK });
  octokit = appOctokit(sandbox);
});
afterAll(() => sandbox.close());

test("create a PR: head/base, mergeable, counts; get and list with filters", async () => {
  const { repo, alice } = await newRepo();
  await alice.push("hotfix/incident-1", { "a.txt": "1\nX\n3\n4\n5\n6\n7\n8\n9\n" }, { message: "fix" });
  await alice.push("hotfix/incident-1", { "b.txt": "b\n" }, { message: "more" });
  await alice.push("feature", { "c.txt": "c\n" });
  const created = await octokit.rest.pulls.create({
    owner,
    repo,
    head: "hotfix/incident-1",
    base: "main",
    title: "[SPF-1290] Fix critical auth failure",
    body: "Incident: #9",
  });
  expect(created.status).toBe(201);
  expect(created.data).toMatchObject({
    number: 1,
    state: "open",
    merged: false,
    mergeable: true,
    commits: 2,
    additions: 2,
    deletions: 1,
    changed_files: 2,
  });
  expect(created.data.head).toMatchObject({ ref: "hotfix/incident-1", label: "acme:hotfix/incident-1" });
  await octokit.rest.pulls.create({ owner, repo, head: "acme:feature", base: "main", title: "feature" });
  const open = await octokit.rest.pulls.list({ owner, repo });
  expect(open.data.map((pull) => pull.number)).toEqual([2, 1]);
  const byHead = await octokit.rest.pulls.list({ owner, repo, head: "acme:hotfix/incident-1", state: "all" });
  expect(byHead.data.map((pull) => pull.number)).toEqual([1]);
  expect((await octokit.rest.pulls.list({ owner, repo, base: "develop" })).data).toEqual([]);
  // The issues API sees the PR too, with a pull_request key.
  const asIssue = await octokit.rest.issues.get({ owner, repo, issue_number: 1 });
  expect(asIssue.data.pull_request?.url).toContain("/pulls/1");
});

test("creation errors: duplicate head, unknown head, no commits", async () => {
  const { repo, alice } = await newRepo();
  await alice.push("topic", { "x.txt": "x\n" });
  await octokit.rest.pulls.create({ owner, repo, head: "topic", base: "main", title: "t" });
  const duplicate = await failure(
    octokit.rest.pulls.create({ owner, repo, head: "topic", base: "main", title: "again" }),
  );
  expect(duplicate.status).toBe(422);
  expect(duplicate.body).toMatchObject({
    message: "Validation Failed",
    errors: [
      { resource: "PullRequest", code: "custom", message: "A pull request already exists for acme:topic." },
    ],
  });
  expect(
    (await failure(octokit.rest.pulls.create({ owner, repo, head: "nope", base: "main", title: "t" }))).body,
  ).toMatchObject({
    errors: [{ field: "head", code: "invalid" }],
  });
  await alice.createBranch("empty");
  const empty = await failure(
    octokit.rest.pulls.create({ owner, repo, head: "empty", base: "main", title: "t" }),
  );
  expect(empty.body).toMatchObject({ errors: [{ message: "No commits between main and empty" }] });
});

test("files and commits of a PR; a push to the head updates it", async () => {
  const { repo, alice } = await newRepo();
  const first = await alice.push("topic", { "a.txt": "1\n2\n3\n4\n5\n6\n7\n8\nNINE\n" }, { message: "one" });
  const pr = await alice.openPullRequest({ head: "topic", title: "t" });
  const second = await alice.push("topic", { "new.txt": "n\n" }, { message: "two" });
  const pull = await octokit.rest.pulls.get({ owner, repo, pull_number: pr.number });
  expect(pull.data.head.sha).toBe(second);
  const commits = await octokit.rest.pulls.listCommits({ owner, repo, pull_number: pr.number });
  expect(commits.data.map((commit) => commit.sha)).toEqual([first, second]);
  const files = await octokit.rest.pulls.listFiles({ owner, repo, pull_number: pr.number });
  expect(files.data.map((file) => [file.filename, file.status])).toEqual([
    ["a.txt", "modified"],
    ["new.txt", "added"],
  ]);
  expect(files.data[0]?.patch).toContain("+NINE");
});

describe("merging", () => {
  async function prWithTwoCommits() {
    const env = await newRepo();
    const c1 = await env.alice.push(
      "topic",
      { "a.txt": "ONE\n2\n3\n4\n5\n6\n7\n8\n9\n" },
      { message: "first" },
    );
    const c2 = await env.alice.push("topic", { "b.txt": "b\n" }, { message: "second" });
    // Main moves on, so no method is a fast-forward.
    const main = await env.bob.push(
      "main",
      { "a.txt": "1\n2\n3\n4\n5\n6\n7\n8\nNINE\n" },
      { message: "main work" },
    );
    const pr = await env.alice.openPullRequest({ head: "topic", title: "Topic work" });
    return { ...env, c1, c2, main, pr };
  }

  test("merge: a two-parent merge commit, PR closed+merged with merged_at and merge_commit_sha", async () => {
    const { repo, handle, bob, main, c2, pr } = await prWithTwoCommits();
    const sha = await bob.merge(pr.number, "merge");
    const commit = git(handle.gitDir, "cat-file", "-p", sha);
    expect(commit).toContain(`parent ${main}\nparent ${c2}`);
    expect(commit).toContain("Merge pull request #1 from acme/topic\n\nTopic work");
    expect(treeFiles(handle.gitDir, sha)).toEqual({
      "a.txt": "ONE\n2\n3\n4\n5\n6\n7\n8\nNINE\n",
      "b.txt": "b\n",
    });
    const pull = await octokit.rest.pulls.get({ owner, repo, pull_number: pr.number });
    expect(pull.data).toMatchObject({
      state: "closed",
      merged: true,
      merge_commit_sha: sha,
      merged_at: "2026-03-01T12:00:00Z",
    });
    expect(pull.data.merged_by?.login).toBe("bob");
    expect(handle.branch("main")).toBe(sha);
  });

  test("squash: one commit on main with the PR's tree and title", async () => {
    const { handle, bob, main, pr } = await prWithTwoCommits();
    const sha = await bob.merge(pr.number, "squash");
    expect(git(handle.gitDir, "rev-list", "--parents", "-n", "1", sha).trim()).toBe(`${sha} ${main}`);
    expect(git(handle.gitDir, "log", "-1", "--format=%B", sha)).toBe(
      "Topic work (#1)\n\n* first\n\n* second\n",
    );
    expect(treeFiles(handle.gitDir, sha)).toEqual({
      "a.txt": "ONE\n2\n3\n4\n5\n6\n7\n8\nNINE\n",
      "b.txt": "b\n",
    });
  });

  test("rebase: each PR commit replayed on main, authors and messages kept", async () => {
    const { repo, handle, bob, main, pr } = await prWithTwoCommits();
    const sha = await bob.merge(pr.number, "rebase");
    const chain = git(handle.gitDir, "rev-list", "--first-parent", `${main}..${sha}`).trim().split("\n");
    expect(chain).toHaveLength(2);
    expect(git(handle.gitDir, "log", "--format=%s|%an", `${main}..${sha}`).trim()).toBe(
      "second|alice\nfirst|alice",
    );
    expect(treeFiles(handle.gitDir, sha)).toEqual({
      "a.txt": "ONE\n2\n3\n4\n5\n6\n7\n8\nNINE\n",
      "b.txt": "b\n",
    });
    const pull = await octokit.rest.pulls.get({ owner, repo, pull_number: pr.number });
    expect(pull.data.merge_commit_sha).toBe(sha);
  });

  test("405 when not mergeable, 409 when the head moved, 405 for a draft, 405 once merged", async () => {
    const { repo, alice, bob } = await newRepo();
    await alice.push("conflict", { "a.txt": "x\n" });
    await bob.push("main", { "a.txt": "y\n" });
    const pr = await alice.openPullRequest({ head: "conflict", title: "c" });
    expect((await octokit.rest.pulls.get({ owner, repo, pull_number: pr.number })).data).toMatchObject({
      mergeable: false,
      mergeable_state: "dirty",
    });
    expect(await failure(octokit.rest.pulls.merge({ owner, repo, pull_number: pr.number }))).toMatchObject({
      status: 405,
      message: "Pull Request is not mergeable",
    });
    await alice.push("ok", { "z.txt": "z\n" });
    const ok = await alice.openPullRequest({ head: "ok", title: "ok" });
    expect(
      (await failure(octokit.rest.pulls.merge({ owner, repo, pull_number: ok.number, sha: "6".repeat(40) })))
        .status,
    ).toBe(409);
    await alice.push("draft", { "d.txt": "d\n" });
    const draft = await alice.openPullRequest({ head: "draft", title: "d", draft: true });
    expect((await failure(octokit.rest.pulls.merge({ owner, repo, pull_number: draft.number }))).status).toBe(
      405,
    );
    await octokit.rest.pulls.merge({ owner, repo, pull_number: ok.number, sha: ok.headSha });
    expect((await failure(octokit.rest.pulls.merge({ owner, repo, pull_number: ok.number }))).status).toBe(
      405,
    );
  });
});

describe("reviews and reviewers", () => {
  test("submit, list, dismiss; the author cannot approve their own PR", async () => {
    const { repo, alice, bob } = await newRepo();
    await alice.push("topic", { "t.txt": "t\n" });
    const pr = await alice.openPullRequest({ head: "topic", title: "t" });
    await octokit.rest.pulls.createReview({ owner, repo, pull_number: pr.number, event: "APPROVE" });
    const own = await failure(sandbox.as("alice", `acme/${repo}`).review(pr.number, "APPROVE"));
    expect(own.status).toBe(422);
    const changes = await bob.review(pr.number, "REQUEST_CHANGES", "please fix");
    const approval = await bob.review(pr.number, "APPROVE");
    const reviews = await octokit.rest.pulls.listReviews({ owner, repo, pull_number: pr.number });
    expect(reviews.data.map((review) => [review.user?.login, review.state])).toEqual([
      ["hotfix-bot[bot]", "APPROVED"],
      ["bob", "CHANGES_REQUESTED"],
      ["bob", "APPROVED"],
    ]);
    await octokit.rest.pulls.dismissReview({
      owner,
      repo,
      pull_number: pr.number,
      review_id: approval,
      message: "stale",
    });
    const after = await octokit.rest.pulls.getReview({
      owner,
      repo,
      pull_number: pr.number,
      review_id: approval,
    });
    expect(after.data.state).toBe("DISMISSED");
    expect(changes).toBeLessThan(approval);
  });

  test("requested reviewers must be collaborators and not the author", async () => {
    const { repo, alice } = await newRepo();
    await alice.push("topic", { "t.txt": "t\n" });
    const pr = await alice.openPullRequest({ head: "topic", title: "t" });
    await octokit.rest.pulls.requestReviewers({ owner, repo, pull_number: pr.number, reviewers: ["bob"] });
    expect(
      (
        await octokit.rest.pulls.listRequestedReviewers({ owner, repo, pull_number: pr.number })
      ).data.users.map((u) => u.login),
    ).toEqual(["bob"]);
    expect(
      (
        await failure(
          octokit.rest.pulls.requestReviewers({ owner, repo, pull_number: pr.number, reviewers: ["carol"] }),
        )
      ).status,
    ).toBe(422);
    expect(
      (
        await failure(
          octokit.rest.pulls.requestReviewers({ owner, repo, pull_number: pr.number, reviewers: ["alice"] }),
        )
      ).status,
    ).toBe(422);
  });
});

test("update: title and state (close, reopen) through PATCH /pulls", async () => {
  const { repo, alice } = await newRepo();
  await alice.push("topic", { "t.txt": "t\n" });
  const pr = await alice.openPullRequest({ head: "topic", title: "t" });
  await octokit.rest.pulls.update({
    owner,
    repo,
    pull_number: pr.number,
    title: "[SPF-1] t",
    state: "closed",
  });
  const closed = await octokit.rest.pulls.get({ owner, repo, pull_number: pr.number });
  expect(closed.data).toMatchObject({ title: "[SPF-1] t", state: "closed", merged: false });
  await octokit.rest.pulls.update({ owner, repo, pull_number: pr.number, state: "open" });
  expect((await octokit.rest.pulls.get({ owner, repo, pull_number: pr.number })).data.state).toBe("open");
});
