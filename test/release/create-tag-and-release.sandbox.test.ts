import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { type TagAndReleaseInput, tagAndRelease } from "../../src/release/create-tag-and-release.js";
import { configOf } from "../support/config-of.js";
import { git } from "../support/git.js";
import { appOctokit, loseNextAnswer, retryingOctokit, type TestOctokit } from "../support/sandbox-octokit.js";

// End to end on the sandbox: real refs and tag objects in a bare git repository, judged by git itself.

const owner = "acme";
const mergedAt = new Date("2026-11-21T14:05:30Z");
let sandbox: Sandbox;
let octokit: TestOctokit;
let count = 0;

beforeAll(async () => {
  sandbox = await startSandbox({ clock: () => new Date("2026-11-21T14:00:00Z") });
  octokit = appOctokit(sandbox);
});
afterAll(() => sandbox.close());

/** A repository with a hotfix PR merged into main by `method`; returns the merge result on main. */
async function mergedHotfix(method: "merge" | "squash" | "rebase" = "merge") {
  const name = `release-${++count}`;
  const handle = await sandbox.createRepository({
    name,
    history: [
      { message: "base", files: { "src/login.ts": "ok\n" } },
      { message: "feature", files: { "src/cart.ts": "cart\n" } },
    ],
    collaborators: { alice: "write" },
  });
  const alice = sandbox.as("alice", `${owner}/${name}`);
  await alice.push("hotfix/incident-5", { "src/login.ts": "fixed\n" }, { message: "Fix login" });
  await alice.push("hotfix/incident-5", { "test/login.test.ts": "test\n" }, { message: "Test login" });
  await alice.push("main", { "docs/x.md": "moved on\n" }, { message: "unrelated" });
  const pr = await alice.openPullRequest({ head: "hotfix/incident-5", title: "[SPF-7] Fix login" });
  const mergeSha = await alice.merge(pr.number, method);
  const input: TagAndReleaseInput = {
    config: configOf(),
    mergeSha,
    mergedAt,
    pr: {
      number: pr.number,
      title: "[SPF-7] Fix login",
      url: `https://github.com/acme/${name}/pull/${pr.number}`,
      author: "alice",
    },
    incident: 5,
    jiraKey: "SPF-7",
    commits: [{ sha: pr.headSha, message: "Fix login" }],
  };
  return { name, handle, alice, mergeSha, input, repo: { owner, repo: name } };
}

const tagsPointingAt = (gitDir: string, sha: string) =>
  git(gitDir, "tag", "--points-at", sha).split("\n").filter(Boolean).sort();

describe.each(["merge", "squash", "rebase"] as const)("after a %s", (method) => {
  it("puts one annotated tag on the merge result and one release, and a rerun writes nothing", async () => {
    const { handle, mergeSha, input, repo } = await mergedHotfix(method);
    expect(handle.branch("main")).toBe(mergeSha);
    sandbox.counters.reset();
    const first = await tagAndRelease(octokit, repo, input);
    expect(first).toMatchObject({ tag: "hotfix-20261121-1405", created: true, writes: 3 });
    expect(sandbox.counters.forApp().writes).toBe(3);
    expect(git(handle.gitDir, "cat-file", "-t", "hotfix-20261121-1405").trim()).toBe("tag");
    expect(git(handle.gitDir, "rev-parse", "hotfix-20261121-1405^{commit}").trim()).toBe(mergeSha);
    expect(git(handle.gitDir, "rev-parse", "refs/tags/hotfix-20261121-1405").trim()).toBe(first.tagSha);
    expect(git(handle.gitDir, "cat-file", "tag", first.tagSha)).toContain(
      "Hotfix hotfix-20261121-1405 for incident #5",
    );

    sandbox.counters.reset();
    const second = await tagAndRelease(octokit, repo, input);
    expect(second).toEqual({ ...first, created: false, writes: 0, reads: second.reads });
    expect(sandbox.counters.forApp().writes).toBe(0);
    expect(tagsPointingAt(handle.gitDir, mergeSha)).toEqual(["hotfix-20261121-1405"]);
    const releases = await octokit.rest.repos.listReleases({ ...repo });
    expect(releases.data.map((r) => r.tag_name)).toEqual(["hotfix-20261121-1405"]);
    expect(releases.data[0]?.body).toContain("- Jira: SPF\\-7");
  });
});

it("two concurrent calls make one tag and one release", async () => {
  const { handle, mergeSha, input, repo } = await mergedHotfix();
  sandbox.counters.reset();
  const [a, b] = await Promise.all([
    tagAndRelease(octokit, repo, input),
    tagAndRelease(octokit, repo, input),
  ]);
  expect(a.tag).toBe(b.tag);
  expect(a.release).toEqual(b.release);
  expect(tagsPointingAt(handle.gitDir, mergeSha)).toEqual([a.tag]);
  expect((await octokit.rest.repos.listReleases({ ...repo })).data).toHaveLength(1);
});

it("a second hotfix merged in the same minute gets -2, and the first keeps its tag", async () => {
  const { handle, alice, mergeSha, input, repo } = await mergedHotfix();
  const first = await tagAndRelease(octokit, repo, input);
  await alice.push("hotfix/incident-6", { "src/cart.ts": "fixed\n" }, { message: "Fix cart" });
  const pr = await alice.openPullRequest({ head: "hotfix/incident-6", title: "[SPF-8] Fix cart" });
  const secondSha = await alice.merge(pr.number, "squash");
  const second = await tagAndRelease(octokit, repo, {
    ...input,
    mergeSha: secondSha,
    pr: { ...input.pr, number: pr.number },
  });
  expect([first.tag, second.tag]).toEqual(["hotfix-20261121-1405", "hotfix-20261121-1405-2"]);
  expect(tagsPointingAt(handle.gitDir, mergeSha)).toEqual(["hotfix-20261121-1405"]);
  expect(tagsPointingAt(handle.gitDir, secondSha)).toEqual(["hotfix-20261121-1405-2"]);
});

it("semver-patch counts only tags reachable from production", async () => {
  const { handle, alice, input, repo } = await mergedHotfix();
  const history = git(handle.gitDir, "rev-list", "--first-parent", "main").trim().split("\n");
  const older = history[2] as string;
  await alice.request("POST", `/repos/${owner}/${repo.repo}/git/refs`, {
    ref: "refs/tags/v1.9.9",
    sha: older,
  });
  await alice.request("POST", `/repos/${owner}/${repo.repo}/git/refs`, {
    ref: "refs/tags/v1.10.0-rc.1",
    sha: older,
  });
  const release = await alice.push("release/2.x", { "v2.txt": "2\n" }, { from: older, message: "2.x" });
  await alice.request("POST", `/repos/${owner}/${repo.repo}/git/refs`, {
    ref: "refs/tags/v2.0.0",
    sha: release,
  });
  const result = await tagAndRelease(octokit, repo, {
    ...input,
    config: configOf({ release: { tagScheme: "semver-patch" } }),
  });
  expect(result.tag).toBe("v1.9.10");
  expect(git(handle.gitDir, "rev-parse", "v1.9.10^{commit}").trim()).toBe(input.mergeSha);
  const again = await tagAndRelease(octokit, repo, {
    ...input,
    config: configOf({ release: { tagScheme: "semver-patch" } }),
  });
  expect(again).toMatchObject({ tag: "v1.9.10", created: false, writes: 0 });
});

it("adds one CHANGELOG.md entry on production when configured", async () => {
  const { handle, input, repo } = await mergedHotfix();
  const withChangelog = { ...input, config: configOf({ release: { changelog: true } }) };
  const first = await tagAndRelease(octokit, repo, withChangelog);
  expect(first.changelog).toMatchObject({ updated: true });
  expect(first.writes).toBe(4);
  const second = await tagAndRelease(octokit, repo, withChangelog);
  expect(second.changelog).toEqual({ updated: false });
  const changelog = git(handle.gitDir, "show", "main:CHANGELOG.md");
  expect(changelog.match(/## hotfix-20261121-1405/g)).toHaveLength(1);
  expect(git(handle.gitDir, "rev-parse", "main~1").trim()).toBe(input.mergeSha);
});

describe("when GitHub applies a write but the answer is lost", () => {
  afterEach(() => sandbox.setFaults(null));

  it.each(["POST /repos/{owner}/{repo}/git/refs", "POST /repos/{owner}/{repo}/releases"])(
    "a retried %s still ends with one tag and one release",
    async (route) => {
      const { handle, mergeSha, input, repo } = await mergedHotfix();
      const fault = loseNextAnswer(sandbox, route);
      const result = await tagAndRelease(retryingOctokit(sandbox), repo, input);
      expect(fault.lost()).toBe(1);
      expect(result.tag).toBe("hotfix-20261121-1405");
      expect(tagsPointingAt(handle.gitDir, mergeSha)).toEqual([result.tag]);
      expect((await octokit.rest.repos.listReleases({ ...repo })).data).toHaveLength(1);
    },
  );

  it("a redelivery after the failed run finishes the job without duplicates", async () => {
    const { handle, mergeSha, input, repo } = await mergedHotfix();
    loseNextAnswer(sandbox, "POST /repos/{owner}/{repo}/git/refs");
    await expect(tagAndRelease(octokit, repo, input)).rejects.toMatchObject({ status: 500 });
    const again = await tagAndRelease(octokit, repo, input);
    expect(again).toMatchObject({ tag: "hotfix-20261121-1405", created: false, writes: 1 });
    expect(tagsPointingAt(handle.gitDir, mergeSha)).toEqual([again.tag]);
  });
});
