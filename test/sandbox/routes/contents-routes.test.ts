import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { treeFiles } from "../../support/git.js";
import { appOctokit, FIXED_CLOCK, failure, type TestOctokit } from "../../support/sandbox-octokit.js";

const owner = "acme";
const repo = "shop";
let sandbox: Sandbox;
let octokit: TestOctokit;

beforeAll(async () => {
  sandbox = await startSandbox({ clock: FIXED_CLOCK });
  octokit = appOctokit(sandbox);
  await sandbox.createRepository({
    name: repo,
    history: [
      {
        message: "base",
        files: {
          ".github/hotfix.yml": "checks:\n  criticalTests: [critical-tests]\n",
          "src/app.js": "console.log(1);\n",
          "run.sh": { content: "#!/bin/sh\n", mode: "100755" },
        },
      },
    ],
    branches: { develop: { commits: [{ message: "d", files: { "src/app.js": "console.log(2);\n" } }] } },
  });
});
afterAll(() => sandbox.close());

test("a file as JSON (base64) and raw, at the default branch or a ref", async () => {
  const json = await octokit.rest.repos.getContent({ owner, repo, path: "src/app.js" });
  const file = json.data as {
    type: string;
    encoding: string;
    content: string;
    sha: string;
    size: number;
    path: string;
  };
  expect(file).toMatchObject({ type: "file", encoding: "base64", path: "src/app.js", size: 16 });
  expect(Buffer.from(file.content, "base64").toString()).toBe("console.log(1);\n");
  const raw = await octokit.rest.repos.getContent({
    owner,
    repo,
    path: "src/app.js",
    ref: "develop",
    mediaType: { format: "raw" },
  });
  expect(raw.data).toBe("console.log(2);\n");
});

test("a directory lists its entries; a missing path or ref is 404", async () => {
  const listing = await octokit.rest.repos.getContent({ owner, repo, path: "src" });
  expect(
    (listing.data as { name: string; type: string }[]).map((entry) => `${entry.type}:${entry.name}`),
  ).toEqual(["file:app.js"]);
  const root = await octokit.request("GET /repos/{owner}/{repo}/contents", { owner, repo });
  expect((root.data as { name: string }[]).map((entry) => entry.name)).toEqual([".github", "run.sh", "src"]);
  expect((await failure(octokit.rest.repos.getContent({ owner, repo, path: "nope.txt" }))).status).toBe(404);
  expect(
    (await failure(octokit.rest.repos.getContent({ owner, repo, path: "src/app.js", ref: "nope" }))).status,
  ).toBe(404);
});

test("the Octokit config plugin reads .github/hotfix.yml (raw) and gets 404 handled for a repository without one", async () => {
  const { config } = await octokit.config.get({ owner, repo, path: ".github/hotfix.yml" });
  expect(config).toEqual({ checks: { criticalTests: ["critical-tests"] } });
  await sandbox.createRepository({ name: "bare-config" });
  const missing = await octokit.config.get({ owner, repo: "bare-config", path: ".github/hotfix.yml" });
  expect(missing.config).toEqual({});
  expect(
    missing.files.map((entry) => `${entry.repo}:${entry.config === null ? "missing" : "found"}`),
  ).toEqual(["bare-config:missing", ".github:missing"]);
});

test("PUT contents creates (201) and updates (200, needs the blob sha) a file in one commit on a branch", async () => {
  const created = await octokit.rest.repos.createOrUpdateFileContents({
    owner,
    repo,
    path: "CHANGELOG.md",
    message: "Add changelog",
    content: Buffer.from("# Changes\n").toString("base64"),
    branch: "develop",
  });
  expect(created.status).toBe(201);
  const handle = sandbox.repository(`acme/${repo}`);
  expect(handle.branch("develop")).toBe(created.data.commit.sha);
  expect(treeFiles(handle.gitDir, created.data.commit.sha as string)["CHANGELOG.md"]).toBe("# Changes\n");
  const noSha = await failure(
    octokit.rest.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: "CHANGELOG.md",
      message: "m",
      content: "eA==",
      branch: "develop",
    }),
  );
  expect(noSha.status).toBe(422);
  const stale = await failure(
    octokit.rest.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: "CHANGELOG.md",
      message: "m",
      content: "eA==",
      branch: "develop",
      sha: "5".repeat(40),
    }),
  );
  expect(stale.status).toBe(409);
  const updated = await octokit.rest.repos.createOrUpdateFileContents({
    owner,
    repo,
    path: "CHANGELOG.md",
    message: "Update changelog",
    content: Buffer.from("# Changes\n\n- fix\n").toString("base64"),
    branch: "develop",
    sha: created.data.content?.sha as string,
  });
  expect(updated.status).toBe(200);
  expect(updated.data.commit.parents?.map((parent) => parent.sha)).toEqual([created.data.commit.sha]);
});
