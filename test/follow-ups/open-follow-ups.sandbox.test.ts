import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { openFollowUps } from "../../src/follow-ups/open-follow-ups.js";
import { followUpMarker, planFollowUps } from "../../src/follow-ups/plan-follow-ups.js";
import { configOf } from "../support/config-of.js";
import { appOctokit, loseNextAnswer, retryingOctokit, type TestOctokit } from "../support/sandbox-octokit.js";

const owner = "acme";
let now = Date.parse("2026-11-21T14:00:00Z");
let sandbox: Sandbox;
let octokit: TestOctokit;
let count = 0;

beforeAll(async () => {
  sandbox = await startSandbox({ clock: () => new Date(now) });
  octokit = appOctokit(sandbox);
});
afterAll(() => sandbox.close());

const identity = async () => ({ appId: sandbox.app.id, stateSecret: null });

const mergedAt = new Date("2026-11-21T14:05:00Z");

function plans(author = "alice") {
  return planFollowUps({
    config: configOf(),
    pr: {
      number: 12,
      title: "[SPF-7] Fix login",
      author,
      labels: ["temporary-fix"],
      url: "https://github.com/acme/x/pull/12",
    },
    changedFiles: ["src/login.ts"],
    severity: "P1",
    approved: false,
    incident: 5,
    jiraKey: "SPF-7",
    tag: "hotfix-20261121-1405",
    mergedAt: new Date("2026-11-21T14:05:00Z"),
  });
}

async function newRepo() {
  const name = `follow-ups-${++count}`;
  await sandbox.createRepository({ name, collaborators: { alice: "write", mallory: "triage" } });
  now = Date.parse("2026-11-21T14:00:00Z");
  // An issue from before the merge, with a real marker: outside the `since` window, so never even read.
  const alice = sandbox.as("alice", `${owner}/${name}`);
  await alice.createIssue({ title: "old", body: "old" });
  now = mergedAt.getTime() + 60_000;
  return { repo: { owner, repo: name }, internal: () => sandbox.internalRepo(`${owner}/${name}`) };
}

const followUps = (
  issues: Iterable<{ body: string | null; isPull: boolean; number: number; state: string }>,
) => [...issues].filter((i) => !i.isPull && i.body?.includes("hotfix-bot:follow-up"));

it("opens the four follow-ups, assigned and labelled, and a rerun finds them with one read and no write", async () => {
  const { repo, internal } = await newRepo();
  sandbox.counters.reset();
  const first = await openFollowUps({ octokit, repo, identity }, { plans: plans(), since: mergedAt, pr: 12 });
  expect(first.map((f) => [f.kind, f.created])).toEqual([
    ["post-mortem", true],
    ["proper-fix", true],
    ["regression-tests", true],
    ["post-deploy-review", true],
  ]);
  expect(sandbox.counters.forApp()).toEqual({ requests: 6, writes: 4 });
  const issues = followUps(internal().issues.values());
  expect(issues).toHaveLength(4);
  for (const issue of internal().issues.values()) {
    if (!issue.body?.includes("hotfix-bot:follow-up")) continue;
    expect(issue.assignees).toEqual(["alice"]);
    expect(issue.user).toMatchObject({ login: "hotfix-bot[bot]", type: "Bot" });
  }
  const postMortem = await octokit.rest.issues.get({ ...repo, issue_number: first[0]?.issue as number });
  expect(postMortem.data.title).toBe("Post-mortem: [SPF-7] Fix login");
  expect(postMortem.data.labels.map((l) => (typeof l === "string" ? l : l.name))).toEqual(["post-mortem"]);
  expect(postMortem.data.html_url).toBe(first[0]?.url);

  sandbox.counters.reset();
  const second = await openFollowUps(
    { octokit, repo, identity },
    { plans: plans(), since: mergedAt, pr: 12 },
  );
  expect(second.map((f) => f.issue)).toEqual(first.map((f) => f.issue));
  expect(second.every((f) => !f.created)).toBe(true);
  expect(sandbox.counters.forApp()).toEqual({ requests: 1, writes: 0 });
});

it("two concurrent runs leave one open issue per kind and report the same ones", async () => {
  const { repo, internal } = await newRepo();
  const [a, b] = await Promise.all([
    openFollowUps({ octokit, repo, identity }, { plans: plans(), since: mergedAt, pr: 12 }),
    openFollowUps({ octokit, repo, identity }, { plans: plans(), since: mergedAt, pr: 12 }),
  ]);
  expect(a.map((f) => f.issue)).toEqual(b.map((f) => f.issue));
  const open = followUps(internal().issues.values()).filter((i) => i.state === "open");
  expect(open.map((i) => i.number).sort((x, y) => x - y)).toEqual(
    a.map((f) => f.issue).sort((x, y) => x - y),
  );
});

it("a follow-up forged by a person does not stop the real one", async () => {
  const { repo } = await newRepo();
  const mallory = sandbox.as("mallory", `${owner}/${repo.repo}`);
  await mallory.createIssue({ title: "nothing to see", body: followUpMarker(12, "post-mortem") });
  const [postMortem] = await openFollowUps(
    { octokit, repo, identity },
    {
      plans: plans().slice(0, 1),
      since: mergedAt,
      pr: 12,
    },
  );
  expect(postMortem?.created).toBe(true);
});

it("an assignee GitHub refuses does not lose the issue", async () => {
  const { repo, internal } = await newRepo();
  const [postMortem] = await openFollowUps(
    { octokit, repo, identity },
    {
      plans: plans("stranger").slice(0, 1),
      since: mergedAt,
      pr: 12,
    },
  );
  expect(postMortem).toMatchObject({ created: true, writes: 3 });
  expect(internal().issues.get(postMortem?.issue as number)?.assignees).toEqual([]);
});

it("an issue creation whose answer was lost is found, not sent again: one issue", async () => {
  const { repo, internal } = await newRepo();
  const posts = () =>
    sandbox.counters.appRoutes().filter((r) => r === "POST /repos/{owner}/{repo}/issues").length;
  const postsBefore = posts();
  const fault = loseNextAnswer(sandbox, "POST /repos/{owner}/{repo}/issues");
  try {
    const result = await openFollowUps(
      { octokit: retryingOctokit(sandbox), repo, identity },
      {
        plans: plans().slice(0, 1),
        since: mergedAt,
        pr: 12,
      },
    );
    expect(fault.lost()).toBe(1);
    const all = followUps(internal().issues.values());
    expect(all.map((i) => [i.number, i.state])).toEqual([[result[0]?.issue, "open"]]);
    expect(posts() - postsBefore).toBe(1);
  } finally {
    sandbox.setFaults(null);
  }
});

it("the later duplicates of a race are closed as not planned, and each kind counts as created once", async () => {
  const { repo, internal } = await newRepo();
  // Both runs' first listing is answered only once both have asked: both list before either creates.
  let asked = 0;
  let bothAsked: () => void = () => {};
  const barrier = new Promise<void>((resolve) => {
    bothAsked = resolve;
  });
  sandbox.intercept({
    route: "GET /repos/{owner}/{repo}/issues",
    times: 2,
    before: async () => {
      if (++asked === 2) bothAsked();
      await barrier;
    },
  });
  const [a, b] = await Promise.all([
    openFollowUps({ octokit, repo, identity }, { plans: plans(), since: mergedAt, pr: 12 }),
    openFollowUps({ octokit, repo, identity }, { plans: plans(), since: mergedAt, pr: 12 }),
  ]);
  const closed = followUps(internal().issues.values()).filter((i) => i.state === "closed");
  // The race really happened: both runs created each kind, and the later duplicates were closed.
  expect(closed).toHaveLength(a.length);
  for (const issue of closed) expect(internal().issues.get(issue.number)?.stateReason).toBe("not_planned");
  for (let i = 0; i < a.length; i++) expect([a[i]?.created, b[i]?.created].filter(Boolean)).toHaveLength(1);
});

it("creates only the missing ones after a crash half-way, and finds closed ones too", async () => {
  const { repo, internal } = await newRepo();
  const [postMortem] = await openFollowUps(
    { octokit, repo, identity },
    { plans: plans().slice(0, 1), since: mergedAt, pr: 12 },
  );
  await octokit.rest.issues.update({ ...repo, issue_number: postMortem?.issue as number, state: "closed" });
  const result = await openFollowUps(
    { octokit, repo, identity },
    { plans: plans(), since: mergedAt, pr: 12 },
  );
  expect(result.map((r) => r.created)).toEqual([false, true, true, true]);
  expect(result[0]?.issue).toBe(postMortem?.issue);
  expect(followUps(internal().issues.values())).toHaveLength(4);
});

it("does not count the bot's follow-up of another PR", async () => {
  const { repo } = await newRepo();
  const { data: other } = await octokit.rest.issues.create({
    ...repo,
    title: "Post-mortem of another fix",
    body: followUpMarker(13, "post-mortem"),
  });
  const [postMortem] = await openFollowUps(
    { octokit, repo, identity },
    { plans: plans().slice(0, 1), since: mergedAt, pr: 12 },
  );
  expect(postMortem?.created).toBe(true);
  expect(postMortem?.issue).not.toBe(other.number);
});

it("creates a bot-authored PR's follow-up without an assignee, in one write", async () => {
  const { repo, internal } = await newRepo();
  sandbox.counters.reset();
  const [postMortem] = await openFollowUps(
    { octokit, repo, identity },
    { plans: plans("dependabot[bot]").slice(0, 1), since: mergedAt, pr: 12 },
  );
  expect(sandbox.counters.forApp().writes).toBe(1);
  expect(internal().issues.get(postMortem?.issue as number)?.assignees).toEqual([]);
});

it("returns nothing and writes nothing for an empty plan", async () => {
  const { repo } = await newRepo();
  sandbox.counters.reset();
  expect(await openFollowUps({ octokit, repo, identity }, { plans: [], since: mergedAt, pr: 12 })).toEqual(
    [],
  );
  expect(sandbox.counters.forApp().writes).toBe(0);
});
