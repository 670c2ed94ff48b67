import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { git, gitEnv, treeFiles } from "../../support/git.js";
import { appOctokit, FIXED_CLOCK } from "../../support/sandbox-octokit.js";

// git's smart HTTP protocol served by `git http-backend`: real git clients are the judge.

const env = gitEnv({ name: "Alice", email: "alice@users.noreply.github.com", date: "2026-03-01T12:00:00Z" });

/** Runs git in `cwd`; resolves with its exit code and output rather than throwing. */
function run(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "git",
      ["-c", "init.defaultBranch=main", ...args],
      { cwd, env, timeout: 20_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

async function ok(cwd: string, args: string[]): Promise<string> {
  const result = await run(cwd, args);
  if (result.code !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout.trim();
}

const basicAuth = (token: string) =>
  `http.extraHeader=Authorization: Basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`;

let sandbox: Sandbox;
let work: string;

beforeEach(async () => {
  sandbox = await startSandbox({ clock: FIXED_CLOCK, report: () => {} });
  await sandbox.createRepository({ ...WEBSHOP, collaborators: { alice: "write", rita: "read" } });
  work = await mkdtemp(join(tmpdir(), "hotfix-git-http-"));
});

afterEach(async () => {
  await sandbox.close();
  await rm(work, { recursive: true, force: true });
});

test("a clone over HTTP has every branch and the files of the default branch", async () => {
  const url = sandbox.gitUrl("acme/webshop");
  expect(url).toBe(`${sandbox.url}/acme/webshop.git`);
  await ok(work, ["clone", "--quiet", url, "clone"]);
  const clone = join(work, "clone");
  const handle = sandbox.repository("acme/webshop");
  expect(await ok(clone, ["rev-parse", "HEAD"])).toBe(handle.branch("main"));
  expect(await ok(clone, ["rev-parse", "origin/develop"])).toBe(handle.branch("develop"));
  for (const [path, content] of Object.entries(treeFiles(handle.gitDir, "main"))) {
    expect(await readFile(join(clone, path), "utf8")).toBe(content);
  }
  const served = sandbox.gitHttp.all();
  expect(served.map((record) => `${record.method} ${record.service} ${record.status}`)).toEqual(
    expect.arrayContaining(["GET git-upload-pack 200", "POST git-upload-pack 200"]),
  );
  expect(served.every((record) => record.identity === "anonymous")).toBe(true);
  expect(sandbox.gitHttp.total().bytesOut).toBeGreaterThan(0);
  // A clone is no REST request.
  expect(sandbox.counters.total().requests).toBe(0);
});

test("a blobless partial clone fetches the blobs a cherry-pick needs on demand", async () => {
  const alice = sandbox.as("alice", "acme/webshop");
  const fix = await alice.push("main", { "src/fix.txt": "fixed\n" }, { message: "Fix" });
  await ok(work, [
    "clone",
    "--quiet",
    "--filter=blob:none",
    "--branch",
    "develop",
    sandbox.gitUrl("acme/webshop"),
    "c",
  ]);
  const clone = join(work, "c");
  expect(await ok(clone, ["config", "remote.origin.promisor"])).toBe("true");
  sandbox.gitHttp.reset();
  await ok(clone, ["cherry-pick", "-x", fix]);
  expect(await readFile(join(clone, "src/fix.txt"), "utf8")).toBe("fixed\n");
  // The blob was not in the clone: git fetched it lazily.
  expect(sandbox.gitHttp.all().some((record) => record.service === "git-upload-pack")).toBe(true);
});

test("a push with a token moves the branch in the sandbox and is announced", async () => {
  await ok(work, ["clone", "--quiet", sandbox.gitUrl("acme/webshop"), "c"]);
  const clone = join(work, "c");
  await writeFile(join(clone, "pushed.txt"), "over http\n");
  await ok(clone, ["add", "pushed.txt"]);
  await ok(clone, ["commit", "--quiet", "-m", "Pushed over HTTP"]);
  const head = await ok(clone, ["rev-parse", "HEAD"]);
  await ok(clone, [
    "-c",
    basicAuth(sandbox.tokenFor("alice")),
    "push",
    "--quiet",
    "origin",
    "HEAD:refs/heads/feature/http",
  ]);

  // The ref table (the REST API's view) has the branch as soon as the push returns.
  expect(sandbox.repository("acme/webshop").branch("feature/http")).toBe(head);
  const { data } = await appOctokit(sandbox).rest.git.getRef({
    owner: "acme",
    repo: "webshop",
    ref: "heads/feature/http",
  });
  expect(data.object.sha).toBe(head);
  expect(git(sandbox.repository("acme/webshop").gitDir, "cat-file", "blob", `${head}:pushed.txt`)).toBe(
    "over http\n",
  );
  const push = sandbox.webhooks.find("push", undefined).at(-1)?.payload as
    | { ref?: string; after?: string; pusher?: { name?: string }; created?: boolean }
    | undefined;
  expect(push).toMatchObject({
    ref: "refs/heads/feature/http",
    after: head,
    created: true,
    pusher: { name: "alice" },
  });
  expect(
    sandbox.gitHttp
      .all()
      .filter((record) => record.service === "git-receive-pack")
      .map((r) => r.identity),
  ).toContain("user:alice");
});

test("a push to a PR's head branch synchronizes the PR; a deleting push removes the branch", async () => {
  const alice = sandbox.as("alice", "acme/webshop");
  await alice.push("feature/x", { "x.txt": "x\n" }, { from: "main" });
  const pr = await alice.openPullRequest({ head: "feature/x", base: "main", title: "X" });
  await ok(work, ["clone", "--quiet", "--branch", "feature/x", sandbox.gitUrl("acme/webshop"), "c"]);
  const clone = join(work, "c");
  await ok(clone, ["commit", "--quiet", "--allow-empty", "-m", "More"]);
  const head = await ok(clone, ["rev-parse", "HEAD"]);
  const auth = basicAuth(sandbox.tokenFor("alice"));
  await ok(clone, ["-c", auth, "push", "--quiet", "origin", "HEAD:refs/heads/feature/x"]);

  expect(sandbox.internalRepo("acme/webshop").pulls.get(pr.number)?.headSha).toBe(head);
  const synchronize = sandbox.webhooks.find("pull_request", "synchronize").at(-1)?.payload as
    | { number?: number; after?: string }
    | undefined;
  expect(synchronize).toMatchObject({ number: pr.number, after: head });

  await ok(clone, ["-c", auth, "push", "--quiet", "origin", ":refs/heads/feature/x"]);
  expect(sandbox.repository("acme/webshop").branch("feature/x")).toBeNull();
  // GitHub closes a PR whose head branch is deleted.
  expect(sandbox.internalRepo("acme/webshop").issues.get(pr.number)?.state).toBe("closed");
});

test("pushing needs credentials with write access; reading a public repository does not", async () => {
  await ok(work, ["clone", "--quiet", sandbox.gitUrl("acme/webshop"), "c"]);
  const clone = join(work, "c");
  await ok(clone, ["commit", "--quiet", "--allow-empty", "-m", "Empty"]);

  const anonymous = await run(clone, ["push", "origin", "HEAD:refs/heads/anon"]);
  expect(anonymous.code).not.toBe(0);
  const reader = await run(clone, [
    "-c",
    basicAuth(sandbox.tokenFor("rita")),
    "push",
    "origin",
    "HEAD:refs/heads/rita",
  ]);
  expect(reader.code).not.toBe(0);
  expect(reader.stderr).toMatch(/403|denied/i);
  const forged = await run(clone, ["-c", basicAuth("ghs_not_a_token"), "fetch", "origin"]);
  expect(forged.code).not.toBe(0);

  const handle = sandbox.repository("acme/webshop");
  expect(handle.branch("anon")).toBeNull();
  expect(handle.branch("rita")).toBeNull();
  const statuses = sandbox.gitHttp.all().map((record) => record.status);
  expect(statuses).toContain(401);
  expect(statuses).toContain(403);
});

test("the App's token is accepted as GitHub's x-access-token and counted as the App", async () => {
  await ok(work, [
    "-c",
    basicAuth(sandbox.appToken()),
    "clone",
    "--quiet",
    sandbox.gitUrl("acme/webshop"),
    "c",
  ]);
  const identities = new Set(sandbox.gitHttp.all().map((record) => record.identity));
  expect([...identities]).toEqual([sandbox.app.identity]);
  expect(sandbox.gitHttp.total(sandbox.app.identity).requests).toBeGreaterThanOrEqual(2);
});

test("paths outside the smart protocol and unknown repositories are not served", async () => {
  const dumb = await fetch(`${sandbox.url}/acme/webshop.git/HEAD`);
  expect(dumb.status).toBe(404);
  const missing = await fetch(`${sandbox.url}/acme/nothing.git/info/refs?service=git-upload-pack`);
  expect(missing.status).toBe(404);
  // The REST API still answers next to it.
  const api = await fetch(`${sandbox.url}/repos/acme/webshop`);
  expect(api.status).toBe(200);
});
