import { searchTerms } from "../../../packages/sandbox/routes/search-routes.js";
import { type Sandbox, startSandbox } from "../../../packages/sandbox/start-sandbox.js";
import { appOctokit, failure } from "../../support/sandbox-octokit.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
  for (const name of ["one", "two"])
    await sandbox.createRepository({ name, collaborators: { alice: "write" } });
  await sandbox.createRepository({ owner: "other", name: "three", collaborators: { alice: "write" } });
});
afterAll(() => sandbox.close());

test("terms keep quoted label names whole", () => {
  expect(searchTerms('org:acme  label:"in progress",P1 "two words" x')).toEqual([
    "org:acme",
    'label:"in progress",P1',
    '"two words"',
    "x",
  ]);
});

test("GET /search/issues filters by account, repository, kind, labels (any of), author App and update time", async () => {
  const conformance = await sandbox.recordConformance();
  const octokit = appOctokit(sandbox);
  const before = new Date(Date.now() - 60_000).toISOString();
  const one = sandbox.as("alice", "acme/one");
  const incident = await one.createIssue({ title: "Down", labels: ["P1-hotfix"] });
  await sandbox.as("alice", "acme/two").createIssue({ title: "Slow", labels: ["in progress"] });
  await sandbox.as("alice", "other/three").createIssue({ title: "Elsewhere", labels: ["P1-hotfix"] });
  const byApp = await octokit.rest.issues.create({ owner: "acme", repo: "two", title: "Filed by the App" });

  const search = async (q: string) =>
    (await octokit.rest.search.issuesAndPullRequests({ q, per_page: 100 })).data.items.map(
      (item) => `${item.repository_url.split("/repos/")[1]}#${item.number}`,
    );
  expect(await search(`org:acme is:issue label:"P1-hotfix","in progress" updated:>=${before}`)).toEqual(
    expect.arrayContaining([`acme/one#${incident}`, "acme/two#1"]),
  );
  expect(await search('org:acme label:"P1-hotfix"')).toEqual([`acme/one#${incident}`]);
  expect(await search("repo:other/three is:issue")).toEqual(["other/three#1"]);
  expect(await search(`org:acme author:app/${sandbox.app.slug}`)).toEqual([`acme/two#${byApp.data.number}`]);
  expect(await search("org:acme is:pr")).toEqual([]);
  expect(await search(`org:acme updated:>${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([]);
  expect(await search("org:acme -label:P1-hotfix elsewhere")).toEqual([]);
  // A qualifier the sandbox does not know is refused by name rather than read differently from GitHub.
  expect(
    await failure(octokit.rest.search.issuesAndPullRequests({ q: "org:acme language:go" })),
  ).toMatchObject({
    status: 422,
  });
  expect(conformance.violations).toEqual([]);
});
