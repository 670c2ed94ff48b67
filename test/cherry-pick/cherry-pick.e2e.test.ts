import { type CommitSpec, type FileSpec, type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { ProbotOctokit } from "probot";
import { WorkflowPermissionError } from "../../src/cherry-pick/backport-errors.js";
import { type CherryPickResult, cherryPickCommits } from "../../src/cherry-pick/cherry-pick.js";
import { commitsToPick, type MergeMethod, type Pick } from "../../src/cherry-pick/pick-list.js";
import type { Octokit } from "../../src/context.js";
import { splitCoAuthors } from "./co-author.js";
import { GitRepo } from "./git-repo.js";

const OWNER = "acme";
const NAME = "webshop";
const REPO = `${OWNER}/${NAME}`;
const repo = { owner: OWNER, repo: NAME };

const APP = [
  "import { session } from './session';",
  "",
  "export function login(user) {",
  "  const s = session();",
  "  if (!s) return null;",
  "  return s.user === user;",
  "}",
  "",
  "export const version = 1;",
  "",
].join("\n");

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startSandbox({ clock: () => new Date("2024-05-01T12:00:00Z") });
});
afterEach(async () => {
  await sandbox.close();
});

function appOctokit(fetch?: typeof globalThis.fetch): Octokit {
  return new ProbotOctokit({
    auth: { token: sandbox.appToken() },
    baseUrl: sandbox.url,
    throttle: { enabled: false },
    retry: { enabled: false },
    ...(fetch ? { request: { fetch } } : {}),
  }) as Octokit;
}

interface Setup {
  base?: Record<string, FileSpec>;
  develop?: CommitSpec[];
  /** The hotfix pull request's commits, pushed one by one to `hotfix/incident-1`. */
  fix: { files: Record<string, FileSpec>; message: string }[];
  method: MergeMethod;
}

/** A repository where develop went its own way, and a hotfix pull request merged into main by `method`. */
async function mergedHotfix(
  setup: Setup,
): Promise<{ pr: number; mergeSha: string; picks: Pick[]; method: MergeMethod }> {
  await sandbox.createRepository({
    owner: OWNER,
    name: NAME,
    history: [
      { message: "Initial commit", files: setup.base ?? { "src/app.ts": APP, "README.md": "# webshop\n" } },
    ],
    branches: { develop: { commits: setup.develop ?? [] } },
    collaborators: { alice: "write" },
  });
  const alice = sandbox.as("alice", REPO);
  for (const commit of setup.fix) {
    await alice.push("hotfix/incident-1", commit.files, { message: commit.message, from: "main" });
  }
  // main moves on too, so that a rebase merge really rewrites the commits.
  await alice.push("main", { "CHANGELOG.md": "# Changes\n" }, { message: "Start a changelog" });
  const { number } = await alice.openPullRequest({
    head: "hotfix/incident-1",
    base: "main",
    title: "Fix login",
  });
  const mergeSha = await alice.merge(number, setup.method);

  // What the after-merge step reads to decide what to pick.
  const octokit = appOctokit();
  const { data: merged } = await octokit.rest.repos.getCommit({ ...repo, ref: mergeSha });
  const { data: prCommits } = await octokit.rest.pulls.listCommits({ ...repo, pull_number: number });
  const chain: { sha: string; message: string; parents: string[] }[] = [];
  for (let sha: string | undefined = mergeSha; sha && chain.length < prCommits.length + 1; ) {
    const { data } = await octokit.rest.git.getCommit({ ...repo, commit_sha: sha });
    chain.push({ sha: data.sha, message: data.message, parents: data.parents.map((p) => p.sha) });
    sha = data.parents[0]?.sha;
  }
  const { method, picks } = commitsToPick({
    mergeCommitSha: mergeSha,
    mergeCommitParents: merged.parents.map((p) => p.sha),
    prCommits: prCommits.map((c) => ({ sha: c.sha, message: c.commit.message })),
    firstParentChain: chain,
  });
  return { pr: number, mergeSha, picks, method };
}

async function backport(picks: Pick[], octokit = appOctokit()): Promise<CherryPickResult> {
  const develop = sandbox.repository(REPO).branch("develop");
  if (!develop) throw new Error("no develop");
  sandbox.requests.reset();
  return cherryPickCommits(octokit, repo, { ontoSha: develop, ontoLabel: "develop", picks, verified: true });
}

/** git's own `cherry-pick -x` of the same picks onto develop, in a clone of the sandbox's repository. */
function gitCherryPick(picks: Pick[]): { tree: string; messages: string[]; authors: string[] } {
  const gitDir = sandbox.repository(REPO).gitDir;
  const clone = new GitRepo();
  try {
    clone.git(["fetch", "-q", gitDir, "+refs/heads/*:refs/remotes/origin/*"]);
    clone.git(["checkout", "-q", "--detach", "origin/develop"]);
    for (const pick of picks)
      clone.git(["cherry-pick", "-x", ...(pick.mainline ? ["-m", "1"] : []), pick.sha]);
    const messages = clone
      .git(["log", "--format=%B%x00", "origin/develop..HEAD"])
      .split("\0")
      .map((m) => m.trim())
      .filter(Boolean)
      .reverse();
    const authors = clone
      .git(["log", "--format=%an <%ae>", "--reverse", "origin/develop..HEAD"])
      .split("\n")
      .filter(Boolean);
    return { tree: clone.git(["rev-parse", "HEAD^{tree}"]).trim(), messages, authors };
  } finally {
    clone.remove();
  }
}

function bare(args: string[]): string {
  const gitDir = sandbox.repository(REPO).gitDir;
  return new GitRepo({ dir: gitDir }).git(args);
}

const fixedApp = APP.replace("if (!s) return null;", "if (!s || s.expired) return null;");

test.each<MergeMethod>(["squash", "merge"])(
  "a one-commit fix merged by %s: 2 writes, git's tree and message, develop's own work kept",
  async (mergeMethod) => {
    const { picks, method } = await mergedHotfix({
      develop: [
        {
          message: "Develop: bump version",
          files: { "src/app.ts": APP.replace("version = 1", "version = 2") },
        },
      ],
      fix: [{ files: { "src/app.ts": fixedApp }, message: "Fix the login loop" }],
      method: mergeMethod,
    });
    expect(method).toBe(mergeMethod);
    expect(picks).toHaveLength(1);
    const result = await backport(picks);

    expect(result).toMatchObject({ status: "clean", usedServerMerge: false, writes: 2, conflictFiles: [] });
    expect(sandbox.requests.forApp().writes).toBe(2);
    expect(sandbox.requests.forApp().requests).toBe(result.writes + result.reads);
    // Three commits, src/ and the root of each of the three trees, three versions of src/app.ts.
    expect(result.reads).toBeLessThanOrEqual(12);
    const expected = gitCherryPick(picks);
    expect(bare(["rev-parse", `${result.headSha}^{tree}`]).trim()).toBe(expected.tree);
    const made = splitCoAuthors(bare(["log", "-1", "--format=%B", result.headSha]).trim());
    expect(made.message).toBe(expected.messages[0]);
    // GitHub signs the commit, so its author is the App; the original author is credited in a trailer.
    expect(made.coAuthors).toEqual([`Co-authored-by: ${expected.authors[0]}`]);
    expect(bare(["show", `${result.headSha}:src/app.ts`])).toContain("version = 2");
    expect(bare(["show", `${result.headSha}:src/app.ts`])).toContain("s.expired");

    // The caller's one write: the backport branch, created atomically at the new tip.
    await appOctokit().rest.git.createRef({
      ...repo,
      ref: "refs/heads/hotfix-bot/backport-1-to-develop",
      sha: result.headSha,
    });
    expect(sandbox.requests.forApp().writes).toBeLessThanOrEqual(4);
  },
);

test("a rebase merge picks every commit in order: one tree and one commit each", async () => {
  const { picks, method } = await mergedHotfix({
    develop: [{ message: "Develop: docs", files: { "README.md": "# webshop\n\nDocs.\n" } }],
    fix: [
      { files: { "src/app.ts": fixedApp }, message: "Check expiry" },
      {
        files: { "src/app.ts": fixedApp.replace("return s.user === user;", "return s.user === user.id;") },
        message: "Compare ids",
      },
    ],
    method: "rebase",
  });
  expect(method).toBe("rebase");
  expect(picks).toHaveLength(2);
  const result = await backport(picks);
  expect(result).toMatchObject({ status: "clean", usedServerMerge: false, writes: 4 });
  expect(result.commits.map((c) => c.pick)).toEqual(picks.map((p) => p.sha));
  const expected = gitCherryPick(picks);
  expect(bare(["rev-parse", `${result.headSha}^{tree}`]).trim()).toBe(expected.tree);
  const ours = bare([
    "log",
    "--format=%B%x00",
    `${sandbox.repository(REPO).branch("develop")}..${result.headSha}`,
  ])
    .split("\0")
    .map((m) => splitCoAuthors(m.trim()).message)
    .filter(Boolean)
    .reverse();
  expect(ours).toEqual(expected.messages);
});

test("a conflict is committed with git-style markers and reported, never resolved by picking a side", async () => {
  const { picks } = await mergedHotfix({
    develop: [
      {
        message: "Develop: rework the guard",
        files: {
          "src/app.ts": APP.replace("if (!s) return null;", "if (s === undefined) throw new Error();"),
        },
      },
    ],
    fix: [{ files: { "src/app.ts": fixedApp }, message: "Fix the login loop" }],
    method: "squash",
  });
  const result = await backport(picks);
  // A content conflict git is certain to have: drafted locally, one tree and one commit.
  expect(result).toMatchObject({
    status: "conflict",
    usedServerMerge: false,
    writes: 2,
    conflictFiles: ["src/app.ts"],
  });
  expect(result.conflictPick).toBe(picks[0]?.sha);
  const text = bare(["show", `${result.headSha}:src/app.ts`]);
  expect(text).toContain(
    "<<<<<<< develop\n  if (s === undefined) throw new Error();\n=======\n  if (!s || s.expired) return null;\n",
  );
  expect(text).toContain(`>>>>>>> ${picks[0]?.sha.slice(0, 7)} (`);
  // The temporary branch of the server-side merge is gone.
  expect(bare(["for-each-ref", "refs/heads/hotfix-bot/"])).toBe("");
  // git agrees that this conflicts.
  expect(() => gitCherryPick(picks)).toThrow();
});

test("a fix develop already has is empty: no commit, no write", async () => {
  const { picks } = await mergedHotfix({
    develop: [{ message: "Develop: same fix, by hand", files: { "src/app.ts": fixedApp } }],
    fix: [{ files: { "src/app.ts": fixedApp }, message: "Fix the login loop" }],
    method: "squash",
  });
  const result = await backport(picks);
  expect(result).toMatchObject({
    status: "empty",
    writes: 0,
    commits: [{ pick: picks[0]?.sha, commit: null }],
  });
  expect(result.headSha).toBe(sandbox.repository(REPO).branch("develop"));
  expect(sandbox.requests.forApp().writes).toBe(0);
});

test("a file develop renamed takes the fix at its new path, as git's merge does, in 2 writes", async () => {
  const { picks } = await mergedHotfix({
    develop: [{ message: "Develop: move app.ts", files: { "src/app.ts": null, "src/login.ts": APP } }],
    fix: [{ files: { "src/app.ts": fixedApp }, message: "Fix the login loop" }],
    method: "squash",
  });
  const result = await backport(picks);
  // The rename is certain (identical content), so the line merge into src/login.ts is done here: one tree, one
  // commit, no temporary branch.
  expect(result).toMatchObject({ status: "clean", usedServerMerge: false, conflictFiles: [] });
  expect(result.writes).toBe(2);
  expect(bare(["rev-parse", `${result.headSha}^{tree}`]).trim()).toBe(gitCherryPick(picks).tree);
  expect(bare(["show", `${result.headSha}:src/login.ts`])).toContain("s.expired");
});

test("binary files changed on both sides are git's to judge: a conflict keeps develop's bytes", async () => {
  const png = (n: number) => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, n, 0, n]);
  const { picks } = await mergedHotfix({
    base: { "logo.png": png(1), "src/app.ts": APP },
    develop: [{ message: "Develop: new logo", files: { "logo.png": png(2) } }],
    fix: [{ files: { "logo.png": png(3), "src/app.ts": fixedApp }, message: "Fix logo and login" }],
    method: "squash",
  });
  const result = await backport(picks);
  expect(result).toMatchObject({ status: "conflict", usedServerMerge: true, conflictFiles: ["logo.png"] });
  const logo = new GitRepo({ dir: sandbox.repository(REPO).gitDir }).bytes([
    "cat-file",
    "blob",
    `${result.headSha}:logo.png`,
  ]);
  expect(logo.equals(png(2))).toBe(true);
  // The text part of the pick is applied all the same.
  expect(bare(["show", `${result.headSha}:src/app.ts`])).toContain("s.expired");
});

test("a binary file only the fix changed, and modes, are carried without a merge", async () => {
  const { picks } = await mergedHotfix({
    base: {
      "logo.png": Buffer.from([0, 1, 2]),
      "bin/run": { content: "#!/bin/sh\necho run\n", mode: "100755" },
      "src/app.ts": APP,
    },
    develop: [
      { message: "Develop: app", files: { "src/app.ts": APP.replace("version = 1", "version = 2") } },
    ],
    fix: [
      {
        files: {
          "logo.png": Buffer.from([0, 9, 9]),
          "bin/run": { content: "#!/bin/sh\necho fixed\n", mode: "100755" },
          "bin/link": { content: "run", mode: "120000" },
          "src/app.ts": fixedApp,
        },
        message: "Fix assets",
      },
    ],
    method: "squash",
  });
  const result = await backport(picks);
  expect(result).toMatchObject({ status: "clean", usedServerMerge: false, writes: 2 });
  expect(bare(["rev-parse", `${result.headSha}^{tree}`]).trim()).toBe(gitCherryPick(picks).tree);
  expect(bare(["ls-tree", result.headSha, "bin/"])).toMatch(
    /^120000 blob \w+\tbin\/link\n100755 blob \w+\tbin\/run\n$/,
  );
});

test("GitHub refusing a workflow file becomes a WorkflowPermissionError naming it", async () => {
  const { picks } = await mergedHotfix({
    base: { ".github/workflows/ci.yml": "on: push\njobs: {}\n", "src/app.ts": APP },
    develop: [
      { message: "Develop: app", files: { "src/app.ts": APP.replace("version = 1", "version = 2") } },
    ],
    fix: [
      {
        files: { ".github/workflows/ci.yml": "on: [push]\njobs: {}\n", "src/app.ts": fixedApp },
        message: "Fix CI",
      },
    ],
    method: "squash",
  });
  // GitHub's answer to an App without the workflows permission, in front of the sandbox.
  const refusing: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (
      init?.method === "POST" &&
      url.endsWith("/git/trees") &&
      String(init.body).includes(".github/workflows/")
    ) {
      const message =
        "refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows` permission";
      return new Response(JSON.stringify({ message }), {
        status: 403,
        headers: { "content-type": "application/json" },
      });
    }
    return fetch(input, init);
  };
  const failure = await backport(picks, appOctokit(refusing)).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(WorkflowPermissionError);
  expect((failure as WorkflowPermissionError).files).toEqual([".github/workflows/ci.yml"]);
  expect((failure as Error).message).toContain(".github/workflows/ci.yml");
});
