import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { git, treeFiles } from "../../support/git.js";
import { appOctokit, FIXED_CLOCK, failure, type TestOctokit } from "../../support/sandbox-octokit.js";

const owner = "acme";
let sandbox: Sandbox;
let octokit: TestOctokit;
let count = 0;

async function newRepo() {
  const name = `commits-${++count}`;
  const handle = await sandbox.createRepository({
    name,
    collaborators: { alice: "write" },
    history: [
      {
        message: "base",
        files: {
          "a.txt": "1\n2\n3\n4\n5\n",
          "old-name.txt": "a\nb\nc\nd\ne\nf\n",
          "gone.txt": "bye\n",
          "bin.dat": Buffer.from([0, 1, 2]),
        },
      },
    ],
  });
  return { repo: name, handle, alice: sandbox.as("alice", `acme/${name}`) };
}

beforeAll(async () => {
  sandbox = await startSandbox({ clock: FIXED_CLOCK });
  octokit = appOctokit(sandbox);
});
afterAll(() => sandbox.close());

test("GET /commits/{ref}: parents, files with status, counts, patch, blob sha, renames; binary has no patch", async () => {
  const { repo, handle, alice } = await newRepo();
  const base = handle.branch("main") as string;
  const sha = await alice.push(
    "main",
    {
      "a.txt": "1\nTWO\n3\n4\n5\nsix\n",
      "old-name.txt": null,
      "new-name.txt": "a\nb\nc\nd\ne\nF\n",
      "gone.txt": null,
      "added.txt": "new\n",
      "bin.dat": Buffer.from([9, 9, 0, 9]),
    },
    { message: "change things" },
  );
  const { data } = await octokit.rest.repos.getCommit({ owner, repo, ref: sha });
  expect(data.sha).toBe(sha);
  expect(data.parents.map((parent) => parent.sha)).toEqual([base]);
  expect(data.commit.message).toBe("change things");
  const byName = Object.fromEntries((data.files ?? []).map((file) => [file.filename, file]));
  expect(byName["a.txt"]).toMatchObject({ status: "modified", additions: 2, deletions: 1, changes: 3 });
  expect(byName["a.txt"]?.patch).toBe("@@ -1,5 +1,6 @@\n 1\n-2\n+TWO\n 3\n 4\n 5\n+six");
  expect(byName["a.txt"]?.sha).toBe(git(handle.gitDir, "rev-parse", `${sha}:a.txt`).trim());
  expect(byName["new-name.txt"]).toMatchObject({
    status: "renamed",
    previous_filename: "old-name.txt",
    additions: 1,
    deletions: 1,
  });
  expect(byName["gone.txt"]).toMatchObject({ status: "removed", deletions: 1 });
  expect(byName["added.txt"]).toMatchObject({ status: "added", additions: 1, patch: "@@ -0,0 +1 @@\n+new" });
  expect(byName["bin.dat"]?.status).toBe("modified");
  expect(byName["bin.dat"]?.patch).toBeUndefined();
  expect(data.stats).toEqual({ additions: 4, deletions: 3, total: 7 });
  // By branch name too.
  expect((await octokit.rest.repos.getCommit({ owner, repo, ref: "main" })).data.sha).toBe(sha);
  expect((await failure(octokit.rest.repos.getCommit({ owner, repo, ref: "no-such-branch" }))).status).toBe(
    422,
  );
});

test("compare base...head: ahead/behind/status, merge base, commits oldest first, files", async () => {
  const { repo, handle, alice } = await newRepo();
  const base = handle.branch("main") as string;
  const h1 = await alice.push("topic", { "t.txt": "1\n" }, { message: "t1" });
  const h2 = await alice.push("topic", { "t.txt": "2\n" }, { message: "t2" });
  await alice.push("main", { "m.txt": "m\n" }, { message: "m1" });
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
    owner,
    repo,
    basehead: "main...topic",
  });
  expect(data).toMatchObject({ status: "diverged", ahead_by: 2, behind_by: 1, total_commits: 2 });
  expect(data.merge_base_commit.sha).toBe(base);
  expect(data.commits.map((commit) => commit.sha)).toEqual([h1, h2]);
  expect(data.files?.map((file) => file.filename)).toEqual(["t.txt"]);
  const ahead = await octokit.rest.repos.compareCommitsWithBasehead({
    owner,
    repo,
    basehead: `${base}...topic`,
  });
  expect(ahead.data).toMatchObject({ status: "ahead", behind_by: 0 });
  const behind = await octokit.rest.repos.compareCommitsWithBasehead({
    owner,
    repo,
    basehead: "topic...topic",
  });
  expect(behind.data.status).toBe("identical");
  expect(
    (await failure(octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: "main...nope" })))
      .status,
  ).toBe(404);
});

describe("POST /merges", () => {
  test("201 with a real merge commit that git agrees with", async () => {
    const { repo, handle, alice } = await newRepo();
    await alice.push("topic", { "a.txt": "1\n2\n3\n4\nFIVE\n" });
    const main = await alice.push("main", { "a.txt": "ONE\n2\n3\n4\n5\n" });
    const result = await octokit.rest.repos.merge({ owner, repo, base: "main", head: "topic" });
    expect(result.status).toBe(201);
    expect(result.data.parents.map((parent) => parent.sha)).toEqual([main, handle.branch("topic")]);
    expect(result.data.commit.message).toBe("Merge topic into main");
    expect(handle.branch("main")).toBe(result.data.sha);
    expect(treeFiles(handle.gitDir, result.data.sha)["a.txt"]).toBe("ONE\n2\n3\n4\nFIVE\n");
  });

  test("204 when the head is already merged, 409 on conflict, 404 for a missing base or head", async () => {
    const { repo, alice } = await newRepo();
    await alice.createBranch("same");
    expect((await octokit.rest.repos.merge({ owner, repo, base: "main", head: "same" })).status).toBe(204);
    await alice.push("topic", { "a.txt": "x\n" });
    await alice.push("main", { "a.txt": "y\n" });
    expect(
      await failure(octokit.rest.repos.merge({ owner, repo, base: "main", head: "topic" })),
    ).toMatchObject({
      status: 409,
      message: "Merge conflict",
    });
    expect(
      await failure(octokit.rest.repos.merge({ owner, repo, base: "nope", head: "topic" })),
    ).toMatchObject({ status: 404 });
    expect(
      await failure(octokit.rest.repos.merge({ owner, repo, base: "main", head: "nope" })),
    ).toMatchObject({ status: 404 });
  });

  test("merging a commit into a temporary ref (the sibling-commit technique) applies only that commit", async () => {
    const { repo, handle, alice } = await newRepo();
    const base = handle.branch("main") as string;
    await alice.push("develop", { "a.txt": "1\n2\n3\n4\n5\nD\n" });
    const picked = await alice.push("main", { "a.txt": "1\nP\n3\n4\n5\n" });
    const developTree = (
      await octokit.rest.git.getCommit({ owner, repo, commit_sha: handle.branch("develop") as string })
    ).data.tree.sha;
    const sibling = await octokit.rest.git.createCommit({
      owner,
      repo,
      message: "sibling",
      tree: developTree,
      parents: [base],
    });
    await octokit.rest.git.createRef({ owner, repo, ref: "refs/heads/tmp-pick", sha: sibling.data.sha });
    const merged = await octokit.rest.repos.merge({ owner, repo, base: "tmp-pick", head: picked });
    expect(treeFiles(handle.gitDir, merged.data.sha)["a.txt"]).toBe("1\nP\n3\n4\n5\nD\n");
  });
});

test("GET /commits lists history newest first, filtered by path, paginated with Link", async () => {
  const { repo, alice } = await newRepo();
  const shas: string[] = [];
  for (let i = 0; i < 5; i++) shas.push(await alice.push("main", { [`f${i % 2}.txt`]: `${i}\n` }));
  const page1 = await octokit.rest.repos.listCommits({ owner, repo, per_page: 2 });
  expect(page1.data.map((commit) => commit.sha)).toEqual([shas[4], shas[3]]);
  expect(page1.headers.link).toContain('rel="next"');
  const all = await octokit.paginate(octokit.rest.repos.listCommits, { owner, repo, per_page: 2 });
  expect(all).toHaveLength(6);
  const onlyF1 = await octokit.rest.repos.listCommits({ owner, repo, path: "f1.txt" });
  expect(onlyF1.data.map((commit) => commit.sha)).toEqual([shas[3], shas[1]]);
});

test("GET /commits/{ref}/pulls finds the PR a commit came from", async () => {
  const { repo, alice } = await newRepo();
  const head = await alice.push("feature", { "x.txt": "x\n" });
  const pr = await alice.openPullRequest({ head: "feature", title: "x" });
  const pulls = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    owner,
    repo,
    commit_sha: head,
  });
  expect(pulls.data.map((pull) => pull.number)).toEqual([pr.number]);
});
