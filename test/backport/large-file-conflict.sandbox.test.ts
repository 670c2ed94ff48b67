import { execFileSync } from "node:child_process";
import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { cherryPickCommits } from "../../src/backport/cherry-pick.js";
import { appOctokit, git, importCommits } from "../sandbox/sandbox-test-kit.js";

// Files over 1 MB that both sides changed on the same line: git conflicts and writes its blocks, and so does the
// bot's draft (the blobs are read through git/blobs, the draft written as a blob). Only where git's diff is not
// reproduced does the draft keep the target's bytes, and then it says so for that file.

const REPO = { owner: "acme", repo: "webshop" };
let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startSandbox({ report: () => {} });
  await sandbox.createRepository(WEBSHOP);
});
afterEach(async () => {
  await sandbox.close();
});

async function pickBigFile(rest: string) {
  const gitDir = sandbox.repository("acme/webshop").gitDir;
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
  // Megabytes of output: more than the kit's git() buffers.
  const committed = execFileSync(
    "git",
    ["--git-dir", gitDir, "cat-file", "blob", `${result.headSha}:data/big.csv`],
    {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return { result, committed, fix };
}

test("a conflicting text file over 1 MB is committed with git's conflict blocks", async () => {
  const rest = Array.from({ length: 90_000 }, (_, k) => `row ${k},${k % 7}\n`).join("");
  expect(rest.length).toBeGreaterThan(1_000_000);
  const { result, committed, fix } = await pickBigFile(rest);

  expect(result.status).toBe("conflict");
  expect(result.conflictFiles).toEqual(["data/big.csv"]);
  expect(result.undraftedFiles).toEqual([]);
  expect(committed).toBe(
    `<<<<<<< develop\nheader,develop\n=======\nheader,fix\n>>>>>>> ${fix.slice(0, 7)} (Fix)\n${rest}`,
  );
}, 300_000);

test("a conflicting file whose diff git makes with its Myers algorithm is named as committed without markers", async () => {
  const rest = "row\n".repeat(300_000);
  const { result, committed } = await pickBigFile(rest);

  expect(result.status).toBe("conflict");
  expect(result.conflictFiles).toEqual(["data/big.csv"]);
  expect(result.undraftedFiles).toEqual([
    {
      path: "data/big.csv",
      reason: expect.stringMatching(
        /does not reproduce.*keeps the target's version, without the fix's change/,
      ),
    },
  ]);
  expect(committed).toBe(`header,develop\n${rest}`);
}, 300_000);
