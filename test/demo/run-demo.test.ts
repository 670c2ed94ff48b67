import { runDemo } from "../../src/demo/run-demo.js";

test("the demo plays the incident from the label to the deploy and the backports' merge, and ends with the JSON outcome", async () => {
  const lines: string[] = [];
  const code = await runDemo({ json: true, realisticPacing: false, write: (line) => lines.push(line) });
  expect(code).toBe(0);
  const text = lines.join("\n");
  // In order: the label, the bot's intake, the push, the bot's draft PR, ..., the deploy.
  const order = [
    "alice      opens incident #1 with the P1-hotfix label",
    "hotfix-bot branch hotfix/incident-1 cut",
    "hotfix-bot checklist and rollback plan posted",
    "alice      pushes the fix to hotfix/incident-1",
    "hotfix-bot draft PR #2 into main: [KEY-000] Checkout: logins fail for users without a password",
    "alice      squash-merges PR #2",
    "hotfix-bot deployment of hotfix-",
    "deployer   deployment of hotfix-",
    "bob        merges backport PR #3 into develop",
    "bob        resolves the conflict of backport PR #4",
    "bob        merges backport PR #4 into release/1.x",
    "hotfix-bot issue #1 closed",
  ].map((needle) => text.indexOf(needle));
  expect(order.every((at) => at >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  // Each milestone reaches the demo's Slack room and status page once.
  const milestones = [
    "declared",
    "draft-pr",
    "gate-green",
    "merged",
    "deployed",
    "resolved",
    "monitoring-done",
  ];
  for (const milestone of milestones)
    expect(text.match(new RegExp(`receiver   status-page got ${milestone}: `, "g"))).toHaveLength(1);
  expect(text.match(/receiver {3}incident-room got Slack blocks: /g)).toHaveLength(milestones.length);
  expect(text).not.toContain("not sent");
  expect(text).toMatch(/Recovery of incident #1: detection → PR \d+ s, → merge \d+ s, → deploy \d+ s/);
  expect(text).toMatch(/rollback rate\s+0 of 1\s+0 %\s+< 5 %\s+met/);
  // Recovered at the deploy, resolved (and closed) only after the last backport.
  expect(text).toMatch(
    /Recovered: the fix is deployed; resolved once every backport lands — waiting for release\/1\.x \(#4, conflict\)/,
  );
  expect(text).toMatch(/Backport to release\/1\.x merged \(conflicts resolved\): #4 as [0-9a-f]{7} by @bob/);
  expect(text).toMatch(
    /Resolved: the fix is deployed and has landed on every backport target\n.*Incident closed/,
  );
  expect(text).toMatch(/backports landed\s+2 of 2\s+100 %\s+100 %\s+met/);
  // It ends with the monitoring window: opened at the deploy, recorded stable once the clock passed its end.
  expect(text).toMatch(
    /Monitoring until (\d\d:\d\d) \(UTC\); check: error rates back to normal; no new error types; key metrics stable/,
  );
  const until = /Monitoring until (\d\d:\d\d)/.exec(text)?.[1];
  expect(text).toContain(`sweep      monitoring windows ended: #2 stable`);
  expect(text).toContain(`Stable: the monitoring window of #2 ended at ${until} (UTC) without a rollback`);
  expect(text).toMatch(/merge → backport merged\s+2\s+\d+ s/);
  const outcome = JSON.parse(lines.at(-1) ?? "");
  expect(Object.keys(outcome).sort()).toEqual([
    "backports",
    "botRequests",
    "botWrites",
    "followUps",
    "release",
    "resolved",
    "tag",
  ]);
  expect(outcome.resolved).toBe(true);
  expect(outcome.backports.every((b: { merged: boolean }) => b.merged)).toBe(true);
  expect(outcome.backports.map((b: { target: string }) => b.target).sort()).toEqual([
    "develop",
    "release/1.x",
  ]);
}, 240_000);

test("the rollback scenario: the deployment fails, the bot rolls back once, and a later /rollback is answered without a second revert", async () => {
  const lines: string[] = [];
  const code = await runDemo({
    json: false,
    realisticPacing: false,
    scenario: "rollback",
    write: (line) => lines.push(line),
  });
  expect(code).toBe(0);
  const text = lines.join("\n");
  const order = [
    "alice      squash-merges PR #2",
    "deployer   deployment of hotfix-",
    "hotfix-bot revert PR #",
    "hotfix-bot labels rollback added",
    "hotfix-bot escalation posted",
    'alice      comments "/rollback checkout errors are still climbing" on incident #1',
    "hotfix-bot reply to /rollback: #2 is already being rolled back (its deployment failed): revert PR #",
  ].map((needle) => text.indexOf(needle));
  expect(order.every((at) => at >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect(text.match(/hotfix-bot revert PR #/g)).toHaveLength(1);
  expect(text).not.toContain("Monitoring until");
}, 240_000);
