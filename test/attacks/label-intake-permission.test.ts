import { REPO, type Stage, startStage, timelineOf } from "./approval-scenario.js";

// Finding 8: intake by label had no permission check, so a triage user (or an auto-labeler acting for one) made
// herself incident commander and had a branch cut.

let stage: Stage;
beforeEach(async () => {
  stage = await startStage();
});
afterEach(async () => {
  await stage.close();
});

test("a severity label from a non-writer gets one polite reply and nothing else", async () => {
  const carol = stage.as("carol");
  const issue = await carol.createIssue({ title: "Checkout is down" });
  await carol.addLabels(issue, ["P1-hotfix"]);
  await stage.sandbox.settle();
  // Again, as an auto-labeler would: still one reply.
  await carol.removeLabel(issue, "P1-hotfix");
  await carol.addLabels(issue, ["P1-hotfix"]);
  await stage.sandbox.settle();

  expect(await stage.as("alice").branchSha(`hotfix/incident-${issue}`)).toBeNull();
  expect(timelineOf(stage, issue)).toBeNull();
  const replies = [...stage.sandbox.internalRepo(REPO).comments.values()].filter(
    (comment) => comment.issueNumber === issue,
  );
  expect(replies).toHaveLength(1);
  expect(replies[0]?.user.login).toBe("hotfix-bot[bot]");
  expect(replies[0]?.body).toMatch(
    /P1\\?-hotfix label declares a hotfix incident only when someone with write access/,
  );

  // A writer's label declares the incident, with the writer as commander.
  await stage.as("alice").removeLabel(issue, "P1-hotfix");
  await stage.as("alice").addLabels(issue, ["P1-hotfix"]);
  await stage.sandbox.settle();
  expect(timelineOf(stage, issue)?.commander).toBe("alice");
  expect(await stage.as("alice").branchSha(`hotfix/incident-${issue}`)).not.toBeNull();
});
