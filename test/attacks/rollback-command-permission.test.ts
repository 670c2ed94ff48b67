import {
  commentsOn,
  config,
  mergedHotfix,
  REPO,
  revertsOf,
  type Stage,
  startStage,
} from "../deploy/monitoring-scenario.js";

// `/rollback` opens a revert PR into production, labels the incident and pages the commander: a reader (or a
// triager) must not be able to do that, nor spend the installation's writes by repeating the command.

let stage: Stage;
beforeEach(async () => {
  stage = await startStage();
});
afterEach(async () => {
  await stage.close();
});

test("a reader's /rollback, on the incident and on the hotfix PR, gets one refusal per thread and rolls nothing back", async () => {
  const { incident, pr, deployment, alice } = await mergedHotfix(stage, config("windowMinutes: 30"));
  await alice.setDeploymentStatus(deployment, "success");
  await stage.sandbox.settle();
  const before = stage.timelineOf(incident);

  stage.sandbox.counters.reset();
  const carol = stage.sandbox.as("carol", REPO);
  await carol.comment(incident, "/rollback error rate up");
  await carol.comment(incident, "/rollback really");
  await carol.comment(pr, "/rollback");
  await stage.sandbox.settle();

  // One refusal on each thread, nothing else.
  const writes = stage.sandbox.counters
    .appWrites()
    .map((w) => `${w.method} ${w.route.replace("/repos/{owner}/{repo}", "")}`);
  expect(writes).toEqual(["POST /issues/{issue_number}/comments", "POST /issues/{issue_number}/comments"]);
  expect(revertsOf(stage, pr)).toEqual([]);
  expect(stage.sandbox.internalRepo(REPO).issues.get(incident)?.labels).not.toContain("rollback");
  const refusals = (issue: number) =>
    commentsOn(stage, issue).filter(
      (c) => c.user.login === "hotfix-bot[bot]" && c.body.includes("command-refused"),
    );
  expect(refusals(incident)).toHaveLength(1);
  expect(refusals(incident)[0]?.body).toContain("only people with write access can ask for a rollback");
  expect(refusals(pr)).toHaveLength(1);
  expect(commentsOn(stage, incident).some((c) => c.body.includes("hotfix-bot:escalation"))).toBe(false);
  const after = stage.timelineOf(incident);
  expect(after?.pipelines[String(pr)]?.rollbackBy).toBeUndefined();
  expect(after?.entries).toEqual(before?.entries);
}, 120_000);
