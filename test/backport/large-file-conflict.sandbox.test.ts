import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { cherryPickCommits } from "../../src/backport/cherry-pick.js";
import { MAX_LOCAL_MERGE_BYTES } from "../../src/backport/local-pick.js";
import { appOctokit, git, importCommits } from "../sandbox/sandbox-test-kit.js";

// A file over the local merge's limit that both sides changed on the same line: git conflicts and writes its
// blocks; the bot's draft cannot, so it must say so for that file rather than pass it off as drafted.

const REPO = { owner: "acme", repo: "webshop" };
let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startSandbox({ report: () => {} });
  await sandbox.createRepository(WEBSHOP);
});
afterEach(async () => {
  await sandbox.close();
});

test("a conflicting file over 1 MB is listed and reported as committed without git's conflict blocks", async () => {
  const gitDir = sandbox.repository("acme/webshop").gitDir;
  const rest = "row\n".repeat(MAX_LOCAL_MERGE_BYTES / 4 + 10);
  const [base = ""] = importCommits(gitDir, git(gitDir, "rev-parse", "main").trim(), [
    { message: "Data", files: { "data/big.csv": `header\n${rest}` } },
  ]);
  const [develop = ""] = importCommits(gitDir, base, [
    { message: "Develop", files: { "data/big.csv": `header,develop\n${rest}` } },
  ]);
  const [fix = ""] = importCommits(gitDir, base, [
    { message: "Fix", files: { "data/big.csv": `header,fix\n${rest}` } },
  ]);

  const result = await cherryPickCommits(appOctokit(sandbox), REPO, {
    ontoSha: develop,
    ontoLabel: "develop",
    picks: [{ sha: fix, parent: base }],
    verified: true,
  });

  expect(result.status).toBe("conflict");
  expect(result.conflictFiles).toEqual(["data/big.csv"]);
  expect(result.undraftedFiles).toEqual([
    {
      path: "data/big.csv",
      reason: expect.stringMatching(/keeps the target's version, without the fix's change/),
    },
  ]);
}, 300_000);
