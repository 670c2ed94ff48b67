import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { appOctokit, failure, type TestOctokit } from "../../support/sandbox-octokit.js";

const owner = "acme";
let sandbox: Sandbox;
let octokit: TestOctokit;
let now = new Date("2026-03-01T12:00:00Z");
let count = 0;

async function newRepo() {
  const repo = `issues-${++count}`;
  await sandbox.createRepository({
    name: repo,
    collaborators: { alice: "write", bob: "write" },
    labels: ["P1-hotfix"],
  });
  return { repo, alice: sandbox.as("alice", `acme/${repo}`), carol: sandbox.as("carol", `acme/${repo}`) };
}

beforeAll(async () => {
  sandbox = await startSandbox({ clock: () => now });
  octokit = appOctokit(sandbox);
});
afterAll(() => sandbox.close());

test("issues and comments an App writes carry performed_via_github_app; a person's do not", async () => {
  const { repo, alice } = await newRepo();
  const byApp = await octokit.rest.issues.create({ owner, repo, title: "Post-mortem" });
  expect(byApp.data.performed_via_github_app).toMatchObject({ id: sandbox.app.id, slug: "hotfix-bot" });
  const comment = await octokit.rest.issues.createComment({ owner, repo, issue_number: 1, body: "x" });
  expect(comment.data.performed_via_github_app?.id).toBe(sandbox.app.id);
  const other = sandbox.asApp("other-ci", `acme/${repo}`);
  await other.comment(1, "y");
  const byPerson = await alice.createIssue({ title: "Checkout down" });
  const comments = await octokit.rest.issues.listComments({ owner, repo, issue_number: 1 });
  expect(comments.data.map((c) => c.performed_via_github_app?.slug ?? null)).toEqual([
    "hotfix-bot",
    "other-ci",
  ]);
  const person = await octokit.rest.issues.get({ owner, repo, issue_number: byPerson });
  expect(person.data.performed_via_github_app).toBeNull();
  const app = await octokit.rest.apps.getBySlug({ app_slug: "other-ci" });
  expect(app.data?.id).toBe(comments.data[1]?.performed_via_github_app?.id);
});

test("create, get, update an issue; labels are created on first use; assignees must have access", async () => {
  const { repo } = await newRepo();
  const created = await octokit.rest.issues.create({
    owner,
    repo,
    title: "Checkout down",
    body: "500s",
    labels: ["P1-hotfix", "incident"],
    assignees: ["alice"],
  });
  expect(created.status).toBe(201);
  expect(created.data).toMatchObject({ number: 1, state: "open", title: "Checkout down", body: "500s" });
  expect(created.data.labels.map((label) => (typeof label === "string" ? label : label.name))).toEqual([
    "P1-hotfix",
    "incident",
  ]);
  expect(created.data.user?.login).toBe("hotfix-bot[bot]");
  expect(created.data.user?.type).toBe("Bot");
  expect((await octokit.rest.issues.getLabel({ owner, repo, name: "incident" })).data.color).toBe("ededed");
  const rejected = await failure(
    octokit.rest.issues.create({ owner, repo, title: "x", assignees: ["nobody-here"] }),
  );
  expect(rejected.status).toBe(422);
  expect(rejected.body).toMatchObject({
    errors: [{ resource: "Issue", field: "assignees", code: "invalid", value: "nobody-here" }],
  });
  await octokit.rest.issues.update({
    owner,
    repo,
    issue_number: 1,
    state: "closed",
    state_reason: "completed",
  });
  const closed = await octokit.rest.issues.get({ owner, repo, issue_number: 1 });
  expect(closed.data).toMatchObject({ state: "closed", state_reason: "completed" });
  expect(closed.data.closed_by?.login).toBe("hotfix-bot[bot]");
  expect((await failure(octokit.rest.issues.get({ owner, repo, issue_number: 99 }))).status).toBe(404);
});

test("list issues with state, labels, creator, since filters and pagination", async () => {
  const { repo, alice, carol } = await newRepo();
  now = new Date("2026-03-01T10:00:00Z");
  await alice.createIssue({ title: "old", labels: ["bug"] });
  now = new Date("2026-03-01T11:00:00Z");
  await carol.createIssue({ title: "by carol" });
  await octokit.rest.issues.create({ owner, repo, title: "bot one", labels: ["bug", "post-mortem"] });
  now = new Date("2026-03-01T12:00:00Z");
  const closedNumber = await alice.createIssue({ title: "closed" });
  await alice.updateIssue(closedNumber, { state: "closed" });
  const titles = async (query: Record<string, string | number>) =>
    (await octokit.request("GET /repos/{owner}/{repo}/issues", { owner, repo, ...query })).data.map(
      (issue: { title: string }) => issue.title,
    );
  expect(await titles({})).toEqual(["bot one", "by carol", "old"]);
  expect(await titles({ state: "all" })).toEqual(["closed", "bot one", "by carol", "old"]);
  expect(await titles({ labels: "bug,post-mortem" })).toEqual(["bot one"]);
  expect(await titles({ creator: "hotfix-bot[bot]", state: "all" })).toEqual(["bot one"]);
  expect(await titles({ since: "2026-03-01T11:00:00Z", state: "all" })).toEqual([
    "closed",
    "bot one",
    "by carol",
  ]);
  expect(await titles({ direction: "asc", state: "all" })).toEqual(["old", "by carol", "bot one", "closed"]);
  // A person without push access may open an issue, but their labels are dropped (as on GitHub).
  expect(await titles({ labels: "bug", state: "all" })).toEqual(["bot one", "old"]);
  const page = await octokit.rest.issues.listForRepo({ owner, repo, state: "all", per_page: 3 });
  expect(page.data).toHaveLength(3);
  expect(page.headers.link).toMatch(/<[^>]*page=2[^>]*>; rel="next"/);
  const all = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner,
    repo,
    state: "all",
    per_page: 1,
  });
  expect(all).toHaveLength(4);
});

test("comments: create, list, update, delete; 65536 limit", async () => {
  const { repo, alice } = await newRepo();
  const number = await alice.createIssue({ title: "incident" });
  const first = await octokit.rest.issues.createComment({
    owner,
    repo,
    issue_number: number,
    body: "timeline v1",
  });
  await alice.comment(number, "human note");
  await octokit.rest.issues.updateComment({ owner, repo, comment_id: first.data.id, body: "timeline v2" });
  const listed = await octokit.rest.issues.listComments({ owner, repo, issue_number: number });
  expect(listed.data.map((comment) => [comment.user?.login, comment.body])).toEqual([
    ["hotfix-bot[bot]", "timeline v2"],
    ["alice", "human note"],
  ]);
  const tooLong = await failure(
    octokit.rest.issues.createComment({ owner, repo, issue_number: number, body: "x".repeat(65537) }),
  );
  expect(tooLong.status).toBe(422);
  await octokit.rest.issues.deleteComment({ owner, repo, comment_id: first.data.id });
  expect(
    (await failure(octokit.rest.issues.getComment({ owner, repo, comment_id: first.data.id }))).status,
  ).toBe(404);
  expect((await octokit.rest.issues.get({ owner, repo, issue_number: number })).data.comments).toBe(1);
});

test("labels on issues: add, set, remove one (404 when absent), remove all; repository labels", async () => {
  const { repo, alice } = await newRepo();
  const number = await alice.createIssue({ title: "x" });
  const added = await octokit.rest.issues.addLabels({
    owner,
    repo,
    issue_number: number,
    labels: ["a", "b"],
  });
  expect(added.data.map((label) => label.name)).toEqual(["a", "b"]);
  const set = await octokit.rest.issues.setLabels({ owner, repo, issue_number: number, labels: ["b", "c"] });
  expect(set.data.map((label) => label.name)).toEqual(["b", "c"]);
  const removed = await octokit.rest.issues.removeLabel({ owner, repo, issue_number: number, name: "b" });
  expect(removed.data.map((label) => label.name)).toEqual(["c"]);
  expect(
    await failure(octokit.rest.issues.removeLabel({ owner, repo, issue_number: number, name: "zzz" })),
  ).toMatchObject({
    status: 404,
    message: "Label does not exist",
  });
  await octokit.rest.issues.removeAllLabels({ owner, repo, issue_number: number });
  expect((await octokit.rest.issues.listLabelsOnIssue({ owner, repo, issue_number: number })).data).toEqual(
    [],
  );
  const label = await octokit.rest.issues.createLabel({
    owner,
    repo,
    name: "backport-conflict",
    color: "d73a4a",
    description: "needs a human",
  });
  expect(label.status).toBe(201);
  expect(
    (await failure(octokit.rest.issues.createLabel({ owner, repo, name: "Backport-Conflict" }))).body,
  ).toMatchObject({
    errors: [{ resource: "Label", code: "already_exists" }],
  });
});

test("a person without push access cannot label", async () => {
  const { carol } = await newRepo();
  const number = await carol.createIssue({ title: "x" });
  expect((await failure(carol.addLabels(number, ["P1-hotfix"]))).status).toBe(403);
});
