import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { ProbotOctokit } from "probot";
import { git } from "../../support/git.js";
import { appOctokit, FIXED_CLOCK, failure, type TestOctokit } from "../../support/sandbox-octokit.js";

const owner = "acme";
const repo = "misc";
let sandbox: Sandbox;
let octokit: TestOctokit;

beforeAll(async () => {
  sandbox = await startSandbox({ clock: FIXED_CLOCK });
  octokit = appOctokit(sandbox);
  await sandbox.createRepository({ name: repo, collaborators: { alice: "write", carol: "read" } });
});
afterAll(() => sandbox.close());

test("repository, branches, collaborator permission", async () => {
  const { data } = await octokit.rest.repos.get({ owner, repo });
  expect(data).toMatchObject({ full_name: "acme/misc", default_branch: "main", private: false });
  const branches = await octokit.rest.repos.listBranches({ owner, repo });
  expect(branches.data.map((branch) => branch.name)).toEqual(["develop", "main"]);
  const branch = await octokit.rest.repos.getBranch({ owner, repo, branch: "main" });
  expect(branch.data.commit.sha).toBe(sandbox.repository("acme/misc").branch("main"));
  expect((await failure(octokit.rest.repos.getBranch({ owner, repo, branch: "nope" }))).status).toBe(404);
  const permission = async (username: string) =>
    (await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username })).data.permission;
  expect(await permission("alice")).toBe("write");
  expect(await permission("carol")).toBe("read");
  expect(await permission("acme")).toBe("admin");
  expect(
    (
      await failure(
        octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: "ghost-user" }),
      )
    ).status,
  ).toBe(404);
});

test("releases: create (creating the tag), get by tag, list, 422 already_exists", async () => {
  const main = sandbox.repository("acme/misc").branch("main") as string;
  const release = await octokit.rest.repos.createRelease({
    owner,
    repo,
    tag_name: "hotfix-20260301-1200",
    target_commitish: main,
    name: "Hotfix",
    body: "notes",
  });
  expect(release.status).toBe(201);
  expect(release.data).toMatchObject({ tag_name: "hotfix-20260301-1200", draft: false, name: "Hotfix" });
  const handle = sandbox.repository("acme/misc");
  await sandbox.internalRepo("acme/misc").store.flush();
  expect(git(handle.gitDir, "rev-parse", "refs/tags/hotfix-20260301-1200").trim()).toBe(main);
  expect(
    (await octokit.rest.repos.getReleaseByTag({ owner, repo, tag: "hotfix-20260301-1200" })).data.id,
  ).toBe(release.data.id);
  expect((await failure(octokit.rest.repos.getReleaseByTag({ owner, repo, tag: "nope" }))).status).toBe(404);
  const again = await failure(
    octokit.rest.repos.createRelease({ owner, repo, tag_name: "hotfix-20260301-1200" }),
  );
  expect(again.body).toMatchObject({
    message: "Validation Failed",
    errors: [{ resource: "Release", code: "already_exists", field: "tag_name" }],
  });
  expect((await octokit.rest.repos.listReleases({ owner, repo })).data).toHaveLength(1);
  expect((await octokit.rest.repos.getLatestRelease({ owner, repo })).data.id).toBe(release.data.id);
});

test("deployments and deployment statuses", async () => {
  const deployment = await octokit.rest.repos.createDeployment({
    owner,
    repo,
    ref: "main",
    environment: "production",
    auto_merge: false,
    required_contexts: [],
  });
  expect(deployment.status).toBe(201);
  const id = (deployment.data as { id: number }).id;
  await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: id, state: "in_progress" });
  await octokit.rest.repos.createDeploymentStatus({
    owner,
    repo,
    deployment_id: id,
    state: "failure",
    description: "boom",
  });
  const statuses = await octokit.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id: id });
  expect(statuses.data.map((status) => status.state)).toEqual(["failure", "in_progress"]);
  expect(
    (await octokit.rest.repos.listDeployments({ owner, repo, environment: "production" })).data.map(
      (d) => d.id,
    ),
  ).toEqual([id]);
  expect((await failure(octokit.rest.repos.createDeployment({ owner, repo, ref: "nope" }))).status).toBe(422);
});

test("workflow dispatch is recorded", async () => {
  const result = await octokit.rest.actions.createWorkflowDispatch({
    owner,
    repo,
    workflow_id: "deploy.yml",
    ref: "main",
    inputs: { tag: "v1" },
  });
  expect(result.status).toBe(204);
  expect(sandbox.internalRepo("acme/misc").dispatches).toEqual([
    {
      workflowId: "deploy.yml",
      ref: "main",
      inputs: { tag: "v1" },
      by: "hotfix-bot[bot]",
      at: "2026-03-01T12:00:00Z",
    },
  ]);
});

test("App authentication: any JWT on /app routes, per-installation tokens, bad tokens are 401", async () => {
  const header = Buffer.from(JSON.stringify({ alg: "RS256", typ: "JWT" })).toString("base64url");
  const payload = Buffer.from(JSON.stringify({ iss: 1, iat: 0, exp: 1 })).toString("base64url");
  const jwt = sandbox.client(null);
  const withJwt = { authorization: `Bearer ${header}.${payload}.signature` };
  const app = await jwt.request<{ slug: string }>("GET", "/app", undefined, withJwt);
  expect(app.data.slug).toBe("hotfix-bot");
  const installation = await jwt.request<{ id: number }>(
    "GET",
    "/repos/acme/misc/installation",
    undefined,
    withJwt,
  );
  expect(installation.data.id).toBe(1);
  const token = await jwt.request<{ token: string }>(
    "POST",
    "/app/installations/1/access_tokens",
    undefined,
    withJwt,
  );
  expect(token.status).toBe(201);
  const repoAsApp = await sandbox
    .client(token.data.token)
    .request<{ full_name: string }>("GET", "/repos/acme/misc");
  expect(repoAsApp.data.full_name).toBe("acme/misc");
  expect(sandbox.counters.forIdentity("app:hotfix-bot").requests).toBeGreaterThan(0);
  await expect(sandbox.client("ghs_forged").request("GET", "/repos/acme/misc")).rejects.toMatchObject({
    status: 401,
  });
  await expect(sandbox.client(token.data.token).request("GET", "/app")).rejects.toMatchObject({
    status: 401,
  });
});

test("a route the sandbox lacks is 501 and names the route", async () => {
  const missing = await failure(octokit.request("GET /repos/{owner}/{repo}/hooks", { owner, repo }));
  expect(missing.status).toBe(501);
  expect(missing.message).toBe("The sandbox does not implement GET /repos/acme/misc/hooks");
  expect(sandbox.requests.all().at(-1)).toMatchObject({ route: "(unmatched)", status: 501 });
});

test("answers under /api/v3 as GitHub Enterprise Server does, and at the root as github.com does", async () => {
  const ghes = new ProbotOctokit({
    auth: { token: sandbox.appToken() },
    baseUrl: `${sandbox.url}/api/v3`,
    throttle: { enabled: false },
    retry: { enabled: false },
  });
  const { data } = await ghes.rest.repos.get({ owner, repo });
  expect(data.full_name).toBe("acme/misc");
  // The request log names the route without the prefix: the same route, whichever way it was reached.
  expect(sandbox.requests.all().at(-1)).toMatchObject({
    path: "/repos/acme/misc",
    route: "/repos/{owner}/{repo}",
  });
  expect((await octokit.rest.repos.get({ owner, repo })).data.full_name).toBe("acme/misc");
  // Only the exact segment is a prefix: /api/v3x is not GHES's API.
  const lookalike = await fetch(`${sandbox.url}/api/v3x/repos/acme/misc`, {
    headers: { authorization: `token ${sandbox.appToken()}` },
  });
  expect(lookalike.status).toBe(501);
});
