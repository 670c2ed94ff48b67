import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { git, treeFiles } from "../../support/git.js";
import { appOctokit, FIXED_CLOCK, failure, type TestOctokit } from "../../support/sandbox-octokit.js";

const owner = "acme";
let sandbox: Sandbox;
let octokit: TestOctokit;
let repoCount = 0;

async function newRepo(
  files: Record<string, string> = { "README.md": "hello\n", "src/a.txt": "a\n", "src/deep/b.txt": "b\n" },
) {
  const name = `git-data-${++repoCount}`;
  const handle = await sandbox.createRepository({ name, history: [{ message: "base", files }] });
  return { repo: name, handle, main: handle.branch("main") as string };
}

beforeAll(async () => {
  sandbox = await startSandbox({ clock: FIXED_CLOCK });
  octokit = appOctokit(sandbox);
});
afterAll(() => sandbox.close());

describe("blobs", () => {
  test("utf-8 and base64 blobs round-trip and git agrees on the SHA", async () => {
    const { repo, handle } = await newRepo();
    const text = await octokit.rest.git.createBlob({ owner, repo, content: "héllo\n", encoding: "utf-8" });
    expect(text.status).toBe(201);
    expect(git(handle.gitDir, "cat-file", "blob", text.data.sha)).toBe("héllo\n");
    const bytes = Buffer.from([0, 1, 2, 255, 10]);
    const binary = await octokit.rest.git.createBlob({
      owner,
      repo,
      content: bytes.toString("base64"),
      encoding: "base64",
    });
    const read = await octokit.rest.git.getBlob({ owner, repo, file_sha: binary.data.sha });
    expect(read.data.encoding).toBe("base64");
    expect(Buffer.from(read.data.content, "base64")).toEqual(bytes);
    expect(read.data.size).toBe(5);
  });

  test("an unknown blob is 404", async () => {
    const { repo } = await newRepo();
    expect((await failure(octokit.rest.git.getBlob({ owner, repo, file_sha: "0".repeat(40) }))).status).toBe(
      404,
    );
  });
});

describe("trees", () => {
  test("get, recursive and not, by SHA and by branch name", async () => {
    const { repo, main } = await newRepo();
    const flat = await octokit.rest.git.getTree({ owner, repo, tree_sha: main });
    expect(flat.data.tree.map((entry) => entry.path)).toEqual(["README.md", "src"]);
    const deep = await octokit.rest.git.getTree({ owner, repo, tree_sha: "main", recursive: "1" });
    expect(deep.data.tree.map((entry) => `${entry.type} ${entry.path}`)).toEqual([
      "blob README.md",
      "tree src",
      "blob src/a.txt",
      "tree src/deep",
      "blob src/deep/b.txt",
    ]);
    expect(deep.data.tree.find((entry) => entry.path === "README.md")?.size).toBe(6);
    expect(deep.data.truncated).toBe(false);
  });

  test("create with base_tree: inline content, nested new paths, modes and deletions", async () => {
    const { repo, handle, main } = await newRepo();
    const base = await octokit.rest.git.getCommit({ owner, repo, commit_sha: main });
    const created = await octokit.rest.git.createTree({
      owner,
      repo,
      base_tree: base.data.tree.sha,
      tree: [
        { path: "src/a.txt", mode: "100644", type: "blob", content: "A\n" },
        { path: "new/dir/c.sh", mode: "100755", type: "blob", content: "#!/bin/sh\n" },
        { path: "src/deep/b.txt", mode: "100644", type: "blob", sha: null },
      ],
    });
    expect(created.status).toBe(201);
    const listing = git(handle.gitDir, "ls-tree", "-r", created.data.sha);
    expect(listing).toContain("100755 blob");
    expect(listing).toContain("new/dir/c.sh");
    // The emptied directory disappears, as in git.
    expect(listing).not.toContain("src/deep");
    const commit = await octokit.rest.git.createCommit({
      owner,
      repo,
      message: "edit",
      tree: created.data.sha,
      parents: [main],
    });
    expect(treeFiles(handle.gitDir, commit.data.sha)).toEqual({
      "README.md": "hello\n",
      "new/dir/c.sh": "#!/bin/sh\n",
      "src/a.txt": "A\n",
    });
  });

  test("without base_tree the tree holds only what is given", async () => {
    const { repo, handle } = await newRepo();
    const created = await octokit.rest.git.createTree({
      owner,
      repo,
      tree: [{ path: "only/file.txt", mode: "100644", type: "blob", content: "x" }],
    });
    expect(git(handle.gitDir, "ls-tree", "-r", "--name-only", created.data.sha).trim()).toBe("only/file.txt");
  });

  test("bad entries are refused with 422", async () => {
    const { repo, main } = await newRepo();
    const base = (await octokit.rest.git.getCommit({ owner, repo, commit_sha: main })).data.tree.sha;
    const bad = async (tree: unknown[]) =>
      (
        await failure(
          octokit.request("POST /repos/{owner}/{repo}/git/trees", {
            owner,
            repo,
            base_tree: base,
            tree,
          } as never),
        )
      ).status;
    expect(await bad([{ path: "x", mode: "100644", type: "blob", sha: "1".repeat(40) }])).toBe(422);
    expect(await bad([{ path: "x", mode: "100644", type: "blob" }])).toBe(422);
    expect(await bad([{ path: "x", mode: "100644", type: "blob", sha: null, content: "y" }])).toBe(422);
    expect(await bad([{ path: "../x", mode: "100644", type: "blob", content: "y" }])).toBe(422);
    expect(await bad([{ path: "x", mode: "100600", type: "blob", content: "y" }])).toBe(422);
    expect(await bad([{ path: "no/such/file", mode: "100644", type: "blob", sha: null }])).toBe(422);
  });
});

describe("commits", () => {
  test("create and get a git commit with author, committer and parents", async () => {
    const { repo, handle, main } = await newRepo();
    const tree = (await octokit.rest.git.getCommit({ owner, repo, commit_sha: main })).data.tree.sha;
    const created = await octokit.rest.git.createCommit({
      owner,
      repo,
      message: "Fix it\n\nBody",
      tree,
      parents: [main],
      author: { name: "Alice", email: "alice@example.com", date: "2026-01-02T03:04:05Z" },
    });
    expect(created.status).toBe(201);
    expect(created.data.author).toEqual({
      name: "Alice",
      email: "alice@example.com",
      date: "2026-01-02T03:04:05Z",
    });
    expect(created.data.committer.name).toBe("Alice");
    expect(created.data.parents.map((parent) => parent.sha)).toEqual([main]);
    expect(git(handle.gitDir, "cat-file", "-p", created.data.sha)).toContain(
      "author Alice <alice@example.com> 1767323045 +0000",
    );
    const read = await octokit.rest.git.getCommit({ owner, repo, commit_sha: created.data.sha });
    expect(read.data.message).toBe("Fix it\n\nBody");
    expect(read.data.tree.sha).toBe(tree);
  });

  test("an App's commit is authored by its bot by default", async () => {
    const { repo, main } = await newRepo();
    const tree = (await octokit.rest.git.getCommit({ owner, repo, commit_sha: main })).data.tree.sha;
    const created = await octokit.rest.git.createCommit({ owner, repo, message: "m", tree, parents: [main] });
    expect(created.data.author.name).toBe("hotfix-bot[bot]");
    expect(created.data.author.date).toBe("2026-03-01T12:00:00Z");
  });

  test("a missing tree or parent is 422", async () => {
    const { repo, main } = await newRepo();
    const tree = (await octokit.rest.git.getCommit({ owner, repo, commit_sha: main })).data.tree.sha;
    expect(
      (
        await failure(
          octokit.rest.git.createCommit({ owner, repo, message: "m", tree: "2".repeat(40), parents: [] }),
        )
      ).status,
    ).toBe(422);
    expect(
      (
        await failure(
          octokit.rest.git.createCommit({ owner, repo, message: "m", tree, parents: ["3".repeat(40)] }),
        )
      ).status,
    ).toBe(422);
  });
});

describe("refs", () => {
  async function commitOn(repo: string, parent: string, content: string) {
    const base = (await octokit.rest.git.getCommit({ owner, repo, commit_sha: parent })).data.tree.sha;
    const tree = await octokit.rest.git.createTree({
      owner,
      repo,
      base_tree: base,
      tree: [{ path: "f", mode: "100644", type: "blob", content }],
    });
    return (
      await octokit.rest.git.createCommit({
        owner,
        repo,
        message: content,
        tree: tree.data.sha,
        parents: [parent],
      })
    ).data.sha;
  }

  test("create, get, matching, fast-forward update, forced update, delete", async () => {
    const { repo, handle, main } = await newRepo();
    const created = await octokit.rest.git.createRef({ owner, repo, ref: "refs/heads/feature/x", sha: main });
    expect(created.status).toBe(201);
    expect(created.data.object).toMatchObject({ sha: main, type: "commit" });
    const got = await octokit.rest.git.getRef({ owner, repo, ref: "heads/feature/x" });
    expect(got.data.ref).toBe("refs/heads/feature/x");
    const matching = await octokit.rest.git.listMatchingRefs({ owner, repo, ref: "heads/feature" });
    expect(matching.data.map((ref) => ref.ref)).toEqual(["refs/heads/feature/x"]);
    expect((await octokit.rest.git.listMatchingRefs({ owner, repo, ref: "heads/nothing" })).data).toEqual([]);

    const next = await commitOn(repo, main, "1");
    await octokit.rest.git.updateRef({ owner, repo, ref: "heads/feature/x", sha: next });
    expect(handle.branch("feature/x")).toBe(next);
    const sideways = await commitOn(repo, main, "2");
    const refused = await failure(
      octokit.rest.git.updateRef({ owner, repo, ref: "heads/feature/x", sha: sideways }),
    );
    expect(refused).toMatchObject({ status: 422, message: "Update is not a fast forward" });
    await octokit.rest.git.updateRef({ owner, repo, ref: "heads/feature/x", sha: sideways, force: true });
    expect(handle.branch("feature/x")).toBe(sideways);
    await sandbox.internalRepo(`acme/${repo}`).store.flush();
    expect(git(handle.gitDir, "rev-parse", "refs/heads/feature/x").trim()).toBe(sideways);

    const deleted = await octokit.rest.git.deleteRef({ owner, repo, ref: "heads/feature/x" });
    expect(deleted.status).toBe(204);
    expect((await failure(octokit.rest.git.getRef({ owner, repo, ref: "heads/feature/x" }))).status).toBe(
      404,
    );
    expect(await failure(octokit.rest.git.deleteRef({ owner, repo, ref: "heads/feature/x" }))).toMatchObject({
      status: 422,
      message: "Reference does not exist",
    });
  });

  test("creating an existing ref is 422 Reference already exists — also for concurrent creators", async () => {
    const { repo, main } = await newRepo();
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        octokit.rest.git.createRef({ owner, repo, ref: "refs/heads/ledger", sha: main }),
      ),
    );
    expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(1);
    for (const attempt of attempts.filter((a) => a.status === "rejected")) {
      const error = (attempt as PromiseRejectedResult).reason as {
        status: number;
        response: { data: { message: string; status: string; documentation_url: string } };
      };
      expect(error.status).toBe(422);
      expect(error.response.data).toMatchObject({ message: "Reference already exists", status: "422" });
      expect(error.response.data.documentation_url).toMatch(/^https:\/\/docs\.github\.com\//);
    }
  });

  test("the repository on disk follows every ref change, in order, also for quick create/delete/re-create", async () => {
    const { repo, handle, main } = await newRepo();
    const other = await commitOn(repo, main, "other");
    await Promise.all([
      octokit.rest.git.createRef({ owner, repo, ref: "refs/heads/a", sha: main }),
      octokit.rest.git.createRef({ owner, repo, ref: "refs/heads/b", sha: main }),
    ]);
    await octokit.rest.git.deleteRef({ owner, repo, ref: "heads/a" });
    await octokit.rest.git.createRef({ owner, repo, ref: "refs/heads/a", sha: other });
    await octokit.rest.git.deleteRef({ owner, repo, ref: "heads/b" });
    await sandbox.internalRepo(`acme/${repo}`).store.flush();
    const onDisk = git(handle.gitDir, "for-each-ref", "--format=%(refname) %(objectname)", "refs/heads/")
      .trim()
      .split("\n");
    const inMemory = sandbox
      .internalRepo(`acme/${repo}`)
      .refs.list("refs/heads/")
      .map(({ ref, sha }) => `${ref} ${sha}`);
    expect(onDisk).toEqual(inMemory);
    expect(inMemory).toContain(`refs/heads/a ${other}`);
  });

  test("refs need a valid name and an existing object", async () => {
    const { repo, main } = await newRepo();
    expect(
      (await failure(octokit.rest.git.createRef({ owner, repo, ref: "heads/x", sha: main }))).status,
    ).toBe(422);
    expect(
      (await failure(octokit.rest.git.createRef({ owner, repo, ref: "refs/heads/a..b", sha: main }))).status,
    ).toBe(422);
    expect(
      (await failure(octokit.rest.git.createRef({ owner, repo, ref: "refs/heads/y", sha: "4".repeat(40) })))
        .status,
    ).toBe(422);
  });
});

describe("annotated tags", () => {
  test("a tag object plus its ref; git verifies the tag", async () => {
    const { repo, handle, main } = await newRepo();
    const tag = await octokit.rest.git.createTag({
      owner,
      repo,
      tag: "hotfix-20260301-1200",
      message: "Hotfix release\n",
      object: main,
      type: "commit",
      tagger: { name: "hotfix-bot", email: "bot@example.com", date: "2026-03-01T12:00:00Z" },
    });
    expect(tag.status).toBe(201);
    expect(tag.data.object).toMatchObject({ sha: main, type: "commit" });
    const ref = await octokit.rest.git.createRef({
      owner,
      repo,
      ref: "refs/tags/hotfix-20260301-1200",
      sha: tag.data.sha,
    });
    expect(ref.data.object.type).toBe("tag");
    await sandbox.internalRepo(`acme/${repo}`).store.flush();
    expect(git(handle.gitDir, "rev-parse", "hotfix-20260301-1200^{commit}").trim()).toBe(main);
    const read = await octokit.rest.git.getTag({ owner, repo, tag_sha: tag.data.sha });
    expect(read.data.tag).toBe("hotfix-20260301-1200");
    expect(read.data.tagger.date).toBe("2026-03-01T12:00:00Z");
  });
});
