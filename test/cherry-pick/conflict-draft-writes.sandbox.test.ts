import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { cherryPickCommits } from "../../src/cherry-pick/cherry-pick.js";
import { git, importConflictingModules } from "../support/git.js";
import { appOctokit } from "../support/sandbox-octokit.js";

// A conflict draft costs a bounded number of writes, however many files conflict: GitHub paces content-creating
// requests, so a draft of 50 files must not take 50 server-side merges.

const REPO = { owner: "acme", repo: "webshop" };
/** Writes before the backport PR, the branch ref included (the design's budget for a conflict draft). */
const CONFLICT_DRAFT_WRITE_BUDGET = 10;

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startSandbox({ report: () => {} });
  await sandbox.createRepository(WEBSHOP);
});
afterEach(async () => {
  await sandbox.close();
});

test("a pick conflicting in 50 files is drafted in at most 10 writes, every file listed and marked", async () => {
  const gitDir = sandbox.repository("acme/webshop").gitDir;
  const { base, develop, fix, paths } = importConflictingModules(
    gitDir,
    git(gitDir, "rev-parse", "main").trim(),
    50,
  );
  const octokit = appOctokit(sandbox);
  sandbox.counters.reset();

  const result = await cherryPickCommits(octokit, REPO, {
    ontoSha: develop,
    ontoLabel: "develop",
    picks: [{ sha: fix, parent: base }],
    verified: true,
  });
  await octokit.rest.git.createRef({
    ...REPO,
    ref: "refs/heads/hotfix-bot/backport-1-to-develop",
    sha: result.headSha,
  });

  expect(result.status).toBe("conflict");
  expect(result.conflictFiles).toEqual(paths);
  expect(sandbox.counters.forApp().writes).toBeLessThanOrEqual(CONFLICT_DRAFT_WRITE_BUDGET);
  for (const path of [paths[0] ?? "", paths[49] ?? ""]) {
    const drafted = git(gitDir, "show", `${result.headSha}:${path}`);
    expect(drafted).toContain(
      "<<<<<<< develop\nexport const b = 20;\n=======\nexport const b = 200;\n>>>>>>> ",
    );
  }
  // The temporary branch of the server-side merge is gone.
  expect(git(gitDir, "for-each-ref", "refs/heads/hotfix-bot/tmp-")).toBe("");
}, 300_000);
