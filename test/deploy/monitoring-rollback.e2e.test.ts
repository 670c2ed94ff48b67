import {
  commentsOn,
  config,
  mergedHotfix,
  REPO,
  revertsOf,
  type Stage,
  startStage,
} from "./monitoring-scenario.js";

// The policy's watch after a deploy, end to end on the sandbox with the real App: the monitoring window on the
// timeline, its end found by the sweep with the clock moved on, `/rollback` from a writer, and a configured check
// failing inside (and after) the window.

let stage: Stage;
beforeEach(async () => {
  stage = await startStage();
});
afterEach(async () => {
  await stage.close();
});

const E2E_TIMEOUT = 150_000;
const texts = (issue: number) => stage.timelineOf(issue)?.entries.map((e) => e.text) ?? [];
const issueOf = (n: number) => stage.sandbox.internalRepo(REPO).issues.get(n);
const escalations = (issue: number) =>
  commentsOn(stage, issue).filter((c) => c.body.includes("hotfix-bot:escalation"));

test(
  "a deploy opens the window; the sweep, with the clock past its end, records stable and closes the incident; a failure after the window does nothing",
  async () => {
    const yml = config("windowMinutes: 20\ncloseWhenStable: true\nrollbackOn: [smoke-tests]");
    const { incident, pr, mergeSha, deployment, alice } = await mergedHotfix(stage, yml);
    await alice.setDeploymentStatus(deployment, "success");
    await stage.sandbox.settle();

    const monitor = stage.timelineOf(incident)?.pipelines[String(pr)]?.monitor;
    expect(monitor?.sha).toBe(mergeSha);
    expect(Date.parse(monitor?.until ?? "") - Date.parse(monitor?.since ?? "")).toBe(20 * 60_000);
    const until = (monitor?.until ?? "").slice(11, 16);
    expect(texts(incident)).toContain(
      `Monitoring until ${until} (UTC); check: error rates back to normal; no new error types; key metrics stable — unstable? comment /rollback [reason]`,
    );
    expect(issueOf(incident)?.state).toBe("open");

    // Before the end: the sweep writes nothing.
    stage.advance(19);
    stage.sandbox.counters.reset();
    expect((await stage.sweep()).results.filter((r) => r.task === "monitoring")).toEqual([]);
    expect(stage.sandbox.counters.forApp().writes).toBe(0);

    // Past the end: stable, and closed (no backports to wait for).
    stage.advance(2);
    const report = await stage.sweep();
    expect(report.results.filter((r) => r.task === "monitoring")).toEqual([
      { task: "monitoring", target: `#${pr}`, outcome: "finished", detail: "stable" },
    ]);
    expect(texts(incident)).toContain(
      `Stable: the monitoring window of #${pr} ended at ${until} (UTC) without a rollback`,
    );
    expect(texts(incident)).toContain(
      "Incident closed: stable after the monitoring window, and every backport has landed",
    );
    expect(issueOf(incident)?.state).toBe("closed");
    expect(stage.timelineOf(incident)?.pipelines[String(pr)]?.monitor?.stableAt).toBeDefined();

    // A second sweep finds it done.
    stage.sandbox.counters.reset();
    await stage.sweep();
    expect(stage.sandbox.counters.forApp().writes).toBe(0);

    // The watched check fails after the window: nothing is rolled back.
    await stage.sandbox.asApp("ci", REPO).runCheck("smoke-tests", mergeSha, "failure");
    await stage.sandbox.settle();
    expect(revertsOf(stage, pr)).toEqual([]);
    expect(escalations(incident)).toEqual([]);
  },
  E2E_TIMEOUT,
);

test(
  "/rollback from a writer inside the window: revert PR, label, escalation and timeline; a redelivery and a second /rollback make nothing new",
  async () => {
    const { incident, pr, deployment, alice } = await mergedHotfix(stage, config("windowMinutes: 30"));
    await alice.setDeploymentStatus(deployment, "success");
    await stage.sandbox.settle();
    stage.advance(5);

    stage.sandbox.counters.reset();
    const bob = stage.sandbox.as("bob", REPO);
    await bob.comment(incident, "/rollback error rate doubled since the deploy");
    await stage.sandbox.settle();
    const writes = stage.sandbox.counters
      .appWrites()
      .map((w) => `${w.method} ${w.route.replace("/repos/{owner}/{repo}", "")}`);
    expect(writes.sort()).toEqual([
      "PATCH /issues/comments/{comment_id}",
      "POST /check-runs",
      "POST /git/commits",
      "POST /git/refs",
      "POST /git/trees",
      "POST /issues/{issue_number}/comments",
      "POST /issues/{issue_number}/labels",
      "POST /pulls",
    ]);

    const [revert, ...more] = revertsOf(stage, pr);
    expect(more).toEqual([]);
    const revertIssue = issueOf(revert?.number ?? 0);
    expect(revertIssue?.title).toBe('Revert "[SPF-1290] Fix critical auth failure"');
    expect(revertIssue?.body).toContain(`Reverts #${pr}`);
    expect(revertIssue?.body).toContain(
      "bob asked for it with `/rollback`: error rate doubled since the deploy",
    );
    expect(revertIssue?.body).toContain(`Incident: #${incident}`);
    expect(issueOf(incident)?.labels).toContain("rollback");
    const [escalation] = escalations(incident);
    expect(escalation?.body).toContain(`@alice **#${pr} (`);
    expect(escalation?.body).toContain("is being rolled back**: bob asked for it with `/rollback`");
    expect(escalation?.body).toContain(`Revert PR #${revert?.number}`);
    const state = stage.timelineOf(incident);
    expect(state?.pipelines[String(pr)]?.rollbackBy).toMatchObject({
      kind: "command",
      by: "bob",
      reason: "error rate doubled since the deploy",
    });
    expect(texts(incident)).toEqual(
      expect.arrayContaining([
        `Rollback of #${pr}: bob asked for it with /rollback: error rate doubled since the deploy`,
        `Revert PR #${revert?.number} opened`,
        "Labelled rollback; escalated to @alice",
      ]),
    );

    // The same delivery again: nothing at all.
    stage.sandbox.counters.reset();
    for (const d of stage.sandbox.webhooks.find("issue_comment", "created")) {
      if (JSON.stringify(d.payload).includes("/rollback")) await stage.sandbox.webhooks.redeliver(d.id);
    }
    await stage.sandbox.settle();
    expect(stage.sandbox.counters.forApp().writes).toBe(0);

    // A second /rollback, on the hotfix PR: one reply saying where the rollback is, nothing else.
    stage.sandbox.counters.reset();
    await alice.comment(pr, "/rollback");
    await stage.sandbox.settle();
    expect(stage.sandbox.counters.forApp().writes).toBe(1);
    const reply = commentsOn(stage, pr).find((c) => c.body.includes("hotfix-bot:rollback-reply"));
    expect(reply?.body).toContain(`#${pr} is already being rolled back`);
    expect(reply?.body).toContain(`revert PR #${revert?.number}`);
    expect(revertsOf(stage, pr)).toHaveLength(1);
    expect(escalations(incident)).toHaveLength(1);

    // The window ended in the rollback: the sweep records no "stable" later.
    stage.advance(60);
    await stage.sweep();
    expect(texts(incident).some((t) => t.startsWith("Stable"))).toBe(false);
  },
  E2E_TIMEOUT,
);

test(
  "a watched check pinned to its App rolls the fix back when it fails inside the window; another App's failure of that name does not",
  async () => {
    const yml = config("windowMinutes: 30\nrollbackOn:\n  - { name: 'smoke-*', app: ci }");
    const { incident, pr, mergeSha, deployment, alice } = await mergedHotfix(stage, yml);
    await alice.setDeploymentStatus(deployment, "success");
    await stage.sandbox.settle();
    stage.advance(10);

    // Another App (or a workflow a writer wrote) reports the name: not the pinned reporter.
    await stage.sandbox.asApp("intruder", REPO).runCheck("smoke-checkout", mergeSha, "failure");
    // A status of that name from a writer: not a check run of the pinned App either.
    await stage.sandbox.as("bob", REPO).createStatus(mergeSha, "smoke-checkout", "failure");
    await stage.sandbox.settle();
    expect(revertsOf(stage, pr)).toEqual([]);

    await stage.sandbox.asApp("ci", REPO).runCheck("smoke-checkout", mergeSha, "timed_out");
    await stage.sandbox.settle();
    expect(revertsOf(stage, pr)).toHaveLength(1);
    expect(issueOf(incident)?.labels).toContain("rollback");
    expect(escalations(incident)[0]?.body).toContain(
      "the check `smoke-checkout` failed (timed\\_out) on the deployed commit during the monitoring window",
    );
    expect(stage.timelineOf(incident)?.pipelines[String(pr)]?.rollbackBy).toMatchObject({
      kind: "check",
      by: "smoke-checkout",
      reason: "timed_out",
    });

    // The same failure again changes nothing.
    stage.sandbox.counters.reset();
    await stage.sandbox.asApp("ci", REPO).runCheck("smoke-checkout", mergeSha, "failure");
    await stage.sandbox.settle();
    expect(revertsOf(stage, pr)).toHaveLength(1);
    expect(escalations(incident)).toHaveLength(1);
  },
  E2E_TIMEOUT,
);

test(
  "a /rollback after a failed deployment's rollback makes nothing new but one reply",
  async () => {
    const { incident, pr, deployment, alice } = await mergedHotfix(stage, config("windowMinutes: 30"));
    await alice.setDeploymentStatus(deployment, "failure");
    await stage.sandbox.settle();
    expect(revertsOf(stage, pr)).toHaveLength(1);
    expect(stage.timelineOf(incident)?.pipelines[String(pr)]?.monitor).toBeUndefined();

    stage.sandbox.counters.reset();
    await stage.sandbox.as("bob", REPO).comment(incident, "/rollback");
    await stage.sandbox.settle();
    expect(stage.sandbox.counters.forApp().writes).toBe(1);
    const reply = commentsOn(stage, incident).find((c) => c.body.includes("hotfix-bot:rollback-reply"));
    expect(reply?.body).toContain("is already being rolled back (its deployment failed)");
    expect(revertsOf(stage, pr)).toHaveLength(1);
    expect(escalations(incident)).toHaveLength(1);
  },
  E2E_TIMEOUT,
);

test(
  "without a sweep, the next comment on the incident after the window's end records it as stable",
  async () => {
    const { incident, pr, deployment, alice } = await mergedHotfix(stage, config("windowMinutes: 15"));
    await alice.setDeploymentStatus(deployment, "success");
    await stage.sandbox.settle();
    await alice.comment(incident, "Dashboards look fine so far");
    await stage.sandbox.settle();
    expect(texts(incident).some((t) => t.startsWith("Stable"))).toBe(false);

    stage.advance(16);
    await alice.comment(incident, "Error rates are back to normal");
    await stage.sandbox.settle();
    expect(texts(incident)).toContain(
      `Stable: the monitoring window of #${pr} ended at ${stage.timelineOf(incident)?.pipelines[String(pr)]?.monitor?.until.slice(11, 16)} (UTC) without a rollback`,
    );
    // Not closed: monitoring.closeWhenStable is off by default.
    expect(issueOf(incident)?.state).toBe("open");

    // The sweep afterwards finds nothing left.
    stage.sandbox.counters.reset();
    await stage.sweep();
    expect(stage.sandbox.counters.forApp().writes).toBe(0);
  },
  E2E_TIMEOUT,
);
