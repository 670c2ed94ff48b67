import { openFollowUps } from "../../src/follow-ups/open-follow-ups.js";
import { type FollowUpPlan, followUpMarker, planFollowUps } from "../../src/follow-ups/plan-follow-ups.js";
import { FakeGitHub, fakeIdentity, HUMAN } from "../release/fake-github.js";
import { configOf } from "../support/config-of.js";

const since = new Date("2026-11-21T14:05:00Z");

function plans(overrides: { author?: string } = {}): FollowUpPlan[] {
  return planFollowUps({
    config: configOf(),
    pr: {
      number: 12,
      title: "[SPF-7] Fix login",
      author: overrides.author ?? "octocat",
      labels: ["temporary-fix"],
      url: "https://github.com/acme/shop/pull/12",
    },
    changedFiles: ["src/login.ts"],
    severity: "P1",
    approved: true,
    incident: 5,
    jiraKey: "SPF-7",
    tag: "hotfix-20261121-1405",
  });
}

function setup() {
  const gh = new FakeGitHub();
  return { gh, repo: { owner: gh.owner, repo: gh.repo } };
}

const followUpIssues = (gh: FakeGitHub) => gh.issues.filter((i) => i.body.includes("hotfix-bot:follow-up"));

describe("openFollowUps", () => {
  it("creates each planned issue, assigned to the PR author, with one read before and one after", async () => {
    const { gh, repo } = setup();
    const result = await openFollowUps(
      { octokit: gh.octokit(), repo, identity: fakeIdentity },
      { plans: plans(), since, pr: 12 },
    );
    expect(result.map((r) => [r.kind, r.created, r.writes])).toEqual([
      ["post-mortem", true, 1],
      ["proper-fix", true, 1],
      ["regression-tests", true, 1],
    ]);
    expect(gh.writes).toBe(3);
    expect(gh.reads).toBe(2);
    const created = followUpIssues(gh);
    expect(created.map((i) => i.assignees)).toEqual([["octocat"], ["octocat"], ["octocat"]]);
    expect(created.map((i) => i.labels)).toEqual([["post-mortem"], ["tech-debt"], ["testing"]]);
    expect(result[0]).toMatchObject({
      issue: created[0]?.number,
      url: `https://github.com/acme/shop/issues/${created[0]?.number}`,
    });
  });

  it("is idempotent: a second call finds every issue by its marker in one read and writes nothing", async () => {
    const { gh, repo } = setup();
    const first = await openFollowUps(
      { octokit: gh.octokit(), repo, identity: fakeIdentity },
      { plans: plans(), since, pr: 12 },
    );
    const writes = gh.writes;
    const reads = gh.reads;
    const second = await openFollowUps(
      { octokit: gh.octokit(), repo, identity: fakeIdentity },
      { plans: plans(), since, pr: 12 },
    );
    expect(second.map((r) => r.issue)).toEqual(first.map((r) => r.issue));
    expect(second.every((r) => !r.created && r.writes === 0)).toBe(true);
    expect(gh.writes).toBe(writes);
    expect(gh.reads).toBe(reads + 1);
    expect(followUpIssues(gh)).toHaveLength(3);
  });

  it("creates only the missing ones after a crash half-way, and finds closed ones too", async () => {
    const { gh, repo } = setup();
    const [postMortem] = await openFollowUps(
      { octokit: gh.octokit(), repo, identity: fakeIdentity },
      {
        plans: plans().slice(0, 1),
        since,
        pr: 12,
      },
    );
    const issue = gh.issues.find((i) => i.number === postMortem?.issue);
    if (issue) issue.state = "closed";
    const result = await openFollowUps(
      { octokit: gh.octokit(), repo, identity: fakeIdentity },
      { plans: plans(), since, pr: 12 },
    );
    expect(result.map((r) => r.created)).toEqual([false, true, true]);
    expect(followUpIssues(gh)).toHaveLength(3);
  });

  it("does not count a marker a person typed into their own issue, nor another PR's follow-up", async () => {
    const { gh, repo } = setup();
    gh.addIssue({ title: "fake", body: `haha ${followUpMarker(12, "post-mortem")}`, user: HUMAN });
    gh.addIssue({
      title: "other",
      body: followUpMarker(13, "post-mortem"),
      user: { login: "hotfix-bot[bot]", type: "Bot" },
    });
    const result = await openFollowUps(
      { octokit: gh.octokit(), repo, identity: fakeIdentity },
      { plans: plans().slice(0, 1), since, pr: 12 },
    );
    expect(result[0]?.created).toBe(true);
    expect(result[0]?.issue).toBe(3);
  });

  it("keeps the issue when GitHub refuses the assignee, retrying without one", async () => {
    const { gh, repo } = setup();
    const result = await openFollowUps(
      { octokit: gh.octokit(), repo, identity: fakeIdentity },
      {
        plans: plans({ author: "drive-by" }).slice(0, 1),
        since,
        pr: 12,
      },
    );
    expect(result[0]).toMatchObject({ created: true, writes: 2 });
    expect(followUpIssues(gh)[0]?.assignees).toEqual([]);
  });

  it("creates bot-authored PRs' follow-ups without an assignee", async () => {
    const { gh, repo } = setup();
    await openFollowUps(
      { octokit: gh.octokit(), repo, identity: fakeIdentity },
      {
        plans: plans({ author: "dependabot[bot]" }).slice(0, 1),
        since,
        pr: 12,
      },
    );
    expect(gh.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("two concurrent calls end with one open issue per kind, and both report the same issues", async () => {
    const { gh, repo } = setup();
    const [a, b] = await Promise.all([
      openFollowUps(
        { octokit: gh.octokit(), repo, identity: fakeIdentity },
        { plans: plans(), since, pr: 12 },
      ),
      openFollowUps(
        { octokit: gh.octokit(), repo, identity: fakeIdentity },
        { plans: plans(), since, pr: 12 },
      ),
    ]);
    expect(a.map((r) => r.issue)).toEqual(b.map((r) => r.issue));
    const open = followUpIssues(gh).filter((i) => i.state === "open");
    expect(open.map((i) => i.number).sort((x, y) => x - y)).toEqual(
      a.map((r) => r.issue).sort((x, y) => x - y),
    );
    for (const closed of followUpIssues(gh).filter((i) => i.state === "closed")) {
      expect(closed.state_reason).toBe("not_planned");
    }
    // The race really happened: both calls created each kind, and the later duplicates were closed.
    expect(followUpIssues(gh).filter((i) => i.state === "closed")).toHaveLength(3);
    // Each kind reported as created by exactly one of the two calls.
    for (let i = 0; i < a.length; i++) expect([a[i]?.created, b[i]?.created].filter(Boolean)).toHaveLength(1);
  });

  it("returns nothing and calls nothing but the list for an empty plan", async () => {
    const { gh, repo } = setup();
    expect(
      await openFollowUps(
        { octokit: gh.octokit(), repo, identity: fakeIdentity },
        { plans: [], since, pr: 12 },
      ),
    ).toEqual([]);
    expect(gh.writes).toBe(0);
  });
});
