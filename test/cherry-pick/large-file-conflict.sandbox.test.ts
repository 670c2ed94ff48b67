import { execFileSync } from "node:child_process";
import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { cherryPickCommits } from "../../src/cherry-pick/cherry-pick.js";
import { git, importCommits } from "../support/git.js";
import { appOctokit } from "../support/sandbox-octokit.js";

// Files over 1 MB that both sides changed on the same line: git conflicts and writes its blocks, and so does the
// bot's draft (the blobs are read through git/blobs, the draft written as a blob). A binary file keeps the
// target's bytes, as git does ("Cannot merge binary files"), and the draft says so for that file.

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

test("a conflicting binary file is named as committed without markers, with git's reason", async () => {
  const gitDir = sandbox.repository("acme/webshop").gitDir;
  const bytes = (tag: number) => `\0${tag}${"x".repeat(1_200_000)}`;
  const [base = ""] = importCommits(gitDir, git(gitDir, "rev-parse", "main").trim(), [
    { message: "Data", files: { "data/big.bin": bytes(1) } },
  ]);
  const [develop = ""] = importCommits(gitDir, base, [
    { message: "Develop", files: { "data/big.bin": bytes(2) } },
  ]);
  const [fix = ""] = importCommits(gitDir, base, [{ message: "Fix", files: { "data/big.bin": bytes(3) } }]);
  const result = await cherryPickCommits(appOctokit(sandbox), REPO, {
    ontoSha: develop,
    ontoLabel: "develop",
    picks: [{ sha: fix, parent: base }],
    verified: true,
  });

  expect(result.status).toBe("conflict");
  expect(result.conflictFiles).toEqual(["data/big.bin"]);
  expect(result.undraftedFiles).toEqual([
    {
      path: "data/big.bin",
      reason: expect.stringMatching(/binary file, which git does not merge either/),
      asGit: true,
    },
  ]);
  expect(git(gitDir, "rev-parse", `${result.headSha}:data/big.bin`).trim()).toBe(
    git(gitDir, "rev-parse", `${develop}:data/big.bin`).trim(),
  );
}, 300_000);
