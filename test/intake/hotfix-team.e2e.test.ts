import { afterEach, expect, test } from "@jest/globals";
import {
  BASE_CONFIG,
  followUpKinds,
  REPO,
  type Stage,
  startStage,
  timelineOf,
} from "../attacks/approval-scenario.js";

/**
 * The hotfix team (team.reviewers, team.assignees) on the sandbox with the real App: who is asked to review the
 * draft PR, who is assigned to the incident and the follow-ups, and what the timeline says about whoever GitHub
 * refused. alice (write) declares the incident and is its commander; erin has read access only.
 */

const E2E_TIMEOUT = 120_000;

const CONFIG = `${BASE_CONFIG}team:\n  reviewers: [bob, acme/sre, ghost, other/ops]\n  assignees: [dave, erin]\n`;

let stage: Stage | null = null;
afterEach(async () => {
  await stage?.close();
  stage = null;
});

const entries = (s: Stage, incident: number) => timelineOf(s, incident)?.entries.map((e) => e.text) ?? [];
const appWrites = (s: Stage, route: string) =>
  s.sandbox.requests.appWrites().filter((r) => r.route === route).length;

test(
  "the team is assigned to the incident and asked to review the draft PR; refusals are on the timeline, nothing twice on redelivery",
  async () => {
    stage = await startStage(CONFIG);
    const s = stage;
    s.sandbox.createTeam("acme", "sre", ["frank"]);
    const alice = s.as("alice");
    const incident = await alice.createIssue({ title: "Checkout: logins fail", labels: ["P1-hotfix"] });
    await s.sandbox.settle();
    const repo = s.sandbox.internalRepo(REPO);

    expect(repo.issues.get(incident)?.assignees).toEqual(["alice", "dave"]);
    expect(entries(s, incident)).toContain(
      "Assigned @alice, @dave; GitHub did not assign @erin (no such user, or no access to the repository)",
    );

    const branch = `hotfix/incident-${incident}`;
    await alice.push(branch, { "src/auth.js": "export const check = () => false;\n" }, { message: "Fix" });
    await s.sandbox.settle();
    const pr = timelineOf(s, incident)?.intake?.pr?.number as number;
    const pull = repo.pulls.get(pr);
    expect(pull?.draft).toBe(true);
    expect(pull?.requestedReviewers).toEqual(["bob"]);
    expect(pull?.requestedTeams).toEqual(["sre"]);
    const line = entries(s, incident).find((t) => t.startsWith(`Review requested on #${pr}`)) ?? "";
    expect(line).toContain("from @bob, acme/sre");
    expect(line).toContain("could not request a review");
    expect(line).toContain("@ghost (Reviews may only be requested from collaborators");
    expect(line).toContain("other/ops (not a team of acme, which owns the repository)");

    // Redelivered label and push: no second assignment or review request.
    const before = {
      assign: appWrites(s, "POST /repos/{owner}/{repo}/issues/{issue_number}/assignees"),
      review: appWrites(s, "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"),
    };
    for (const delivery of [
      ...s.sandbox.webhooks.find("issues", "labeled"),
      ...s.sandbox.webhooks.find("push"),
    ])
      await s.sandbox.webhooks.redeliver(delivery.id);
    await s.sandbox.settle();
    expect(appWrites(s, "POST /repos/{owner}/{repo}/issues/{issue_number}/assignees")).toBe(before.assign);
    expect(appWrites(s, "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers")).toBe(
      before.review,
    );
    expect(entries(s, incident).filter((t) => t.startsWith("Assigned"))).toHaveLength(1);

    // Follow-ups go to the team and the commander (alice), not only to whoever opened the PR (the bot here).
    await alice.updatePullRequest(pr, { title: "[SPF-1290] Fix critical auth failure" });
    await s.sandbox.markReadyForReview(REPO, pr, "alice");
    await alice.merge(pr);
    await s.sandbox.settle();
    expect(followUpKinds(s, pr)).toContain("post-mortem");
    const postMortem = [...repo.issues.values()].find((i) => i.body?.includes('"kind":"post-mortem"'));
    expect(postMortem?.assignees).toEqual(["dave", "alice"]);
  },
  E2E_TIMEOUT,
);
