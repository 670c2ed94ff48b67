import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { PickListError } from "../../src/cherry-pick/pick-list.js";
import { readPickPlan, readPullCommits } from "../../src/cherry-pick/read-pick-plan.js";
import { git, importCommits } from "../support/git.js";
import { appOctokit } from "../support/sandbox-octokit.js";

// The pick list as the after-merge step reads it from GitHub: every page of the pull request's commits and of the
// merge commit's history, against the sandbox, which pages and caps these lists as GitHub does (Link headers,
// 100 a page, at most 250 commits of a pull request).

const REPO = { owner: "acme", repo: "webshop" };
// The sandbox rewrites 150 commits with real git for the rebase merge: room for a loaded machine.
const SLOW_SANDBOX_TIMEOUT = 600_000;
let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startSandbox({ report: () => {} });
  await sandbox.createRepository(WEBSHOP);
});
afterEach(async () => {
  await sandbox.close();
});

/** A pull request of `count` commits (one file each) from main, merged by `method` after main moved on. */
async function mergedPullRequest(
  count: number,
  method: "rebase" | "squash",
): Promise<{ pr: number; mergeSha: string }> {
  const gitDir = sandbox.repository("acme/webshop").gitDir;
  const alice = sandbox.as("alice", "acme/webshop");
  const steps = Array.from({ length: count }, (_, k) => ({
    message: `Fix step ${k}\n\nStep ${k} of ${count}.`,
    files: { [`src/fix-${k}.js`]: `export const step = ${k};\n` },
  }));
  const shas = importCommits(gitDir, git(gitDir, "rev-parse", "main").trim(), steps);
  await alice.setBranch("hotfix/incident-1", shas.at(-1) ?? "");
  await alice.push("main", { "CHANGELOG.md": "# Changes\n" }, { message: "Start a changelog" });
  const { number } = await alice.openPullRequest({ head: "hotfix/incident-1", base: "main", title: "Fix" });
  return { pr: number, mergeSha: await alice.merge(number, method) };
}

test(
  "a rebase merge of 150 commits is picked as 150 commits, oldest first, read over several pages",
  async () => {
    const { pr, mergeSha } = await mergedPullRequest(150, "rebase");
    const ctx = { octokit: appOctokit(sandbox), repo: REPO };
    sandbox.counters.reset();

    const pulled = await readPullCommits(ctx, pr);
    const plan = await readPickPlan(ctx, mergeSha, pulled);

    const gitDir = sandbox.repository("acme/webshop").gitDir;
    const rebased = git(gitDir, "rev-list", "--reverse", `${mergeSha}~150..${mergeSha}`).trim().split("\n");
    expect(pulled).toMatchObject({ total: 150 });
    expect(plan.method).toBe("rebase");
    expect(plan.picks.map((pick) => pick.sha)).toEqual(rebased);
    expect(plan.picks[0]?.parent).toBe(git(gitDir, "rev-parse", `${mergeSha}~150`).trim());
    // Two pages of the pull request's commits, at least two of the history: one page would have said "squash".
    expect(sandbox.counters.forApp().requests).toBeGreaterThanOrEqual(4);
  },
  SLOW_SANDBOX_TIMEOUT,
);

test(
  "a pull request of more commits than GitHub lists is refused with a clear reason, not guessed",
  async () => {
    // Squashed, so that the sandbox writes one commit; the list alone cannot tell a squash from a rebase here.
    const { pr, mergeSha } = await mergedPullRequest(260, "squash");
    const ctx = { octokit: appOctokit(sandbox), repo: REPO };

    const pulled = await readPullCommits(ctx, pr);
    expect(pulled.commits).toHaveLength(250);
    expect(pulled.total).toBe(260);
    const failure = await readPickPlan(ctx, mergeSha, pulled).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PickListError);
    expect(String(failure)).toMatch(/has 260 commits and GitHub lists only 250 .* backport it by hand/);
  },
  SLOW_SANDBOX_TIMEOUT,
);

test("a merge commit is picked alone however many commits the pull request has", async () => {
  const gitDir = sandbox.repository("acme/webshop").gitDir;
  const alice = sandbox.as("alice", "acme/webshop");
  const steps = Array.from({ length: 120 }, (_, k) => ({
    message: `Step ${k}`,
    files: { [`f-${k}`]: `${k}\n` },
  }));
  const shas = importCommits(gitDir, git(gitDir, "rev-parse", "main").trim(), steps);
  await alice.setBranch("hotfix/incident-1", shas.at(-1) ?? "");
  const { number } = await alice.openPullRequest({ head: "hotfix/incident-1", base: "main", title: "Fix" });
  const mergeSha = await alice.merge(number, "merge");
  const ctx = { octokit: appOctokit(sandbox), repo: REPO };

  const plan = await readPickPlan(ctx, mergeSha, await readPullCommits(ctx, number));
  expect(plan).toEqual({
    method: "merge",
    picks: [{ sha: mergeSha, parent: git(gitDir, "rev-parse", `${mergeSha}^1`).trim(), mainline: 1 }],
  });
}, 120_000);
