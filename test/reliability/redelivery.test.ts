import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { type AppOnSandbox, startAppOnSandbox } from "../../src/sandbox-app/start-app-on-sandbox.js";
import { type AppConformance, recordAppConformance } from "./app-conformance.js";
import { duplicatesIn, effectCounts, effectsSnapshot } from "./effects-snapshot.js";
import { playHotfix, REPO, scenarioOutcome, seedWebshop } from "./hotfix-scenario.js";

// GitHub redelivers on request (and sometimes twice); two deliveries of one event can also race. Every event of
// the end-to-end scenario delivered again, then twice at once, must leave GitHub exactly as it was.

let sandbox: Sandbox;
let app: AppOnSandbox;
let conformance: AppConformance;

beforeEach(async () => {
  sandbox = await startSandbox({ report: (message) => process.stderr.write(`${message}\n`) });
  await seedWebshop(sandbox);
  conformance = await recordAppConformance(sandbox);
  app = await startAppOnSandbox(sandbox, { throttle: { enabled: false }, retry: { enabled: false } });
});

afterEach(async () => {
  conformance.stop();
  await app.close();
  await sandbox.close();
});

test("every delivery of the scenario redelivered, then twice at once, changes nothing", async () => {
  const facts = await playHotfix(sandbox, () => sandbox.settle());
  sandbox.counters.reset();
  expect((await scenarioOutcome(sandbox, facts)).missing).toEqual([]);
  const before = await effectsSnapshot(sandbox, REPO);
  expect(duplicatesIn(before)).toEqual([]);

  // The seed's pushes happened before the App was listening (not sent): only what the App received counts.
  const originals = sandbox.webhooks.deliveries.filter((d) => !d.redelivery && d.state !== "not-sent");
  const events = new Set(originals.map((d) => `${d.event}.${d.action ?? ""}`));
  // The scenario reaches every workflow: gate, after-merge, /backport (and the incident label).
  expect([...events]).toEqual(
    expect.arrayContaining([
      "issues.labeled",
      "pull_request.opened",
      "check_run.completed",
      "check_suite.completed",
      "pull_request_review.submitted",
      "pull_request.closed",
      "issue_comment.created",
    ]),
  );

  for (const delivery of originals) await sandbox.webhooks.redeliver(delivery.id);
  await sandbox.settle();
  for (const delivery of originals) await sandbox.webhooks.duplicate(delivery.id, 2);
  await sandbox.settle();
  // Not even for a moment: no write took effect (a refused attempt, such as a PR that exists, is all there is).
  const applied = sandbox.counters.appWrites().filter((w) => w.status < 400);
  expect(applied.map((w) => `${w.method} ${w.path} ${w.status}`)).toEqual([]);

  const after = await effectsSnapshot(sandbox, REPO);
  expect(duplicatesIn(after)).toEqual([]);
  expect(after).toEqual(before);
  expect((await scenarioOutcome(sandbox, facts)).missing).toEqual([]);
  // 202: Probot's answer when a handler runs longer than GitHub waits (a loaded machine); still handled.
  const unanswered = sandbox.webhooks.deliveries.filter(
    (d) => d.state !== "not-sent" && d.status !== 200 && d.status !== 202,
  );
  expect(unanswered.map((d) => `${d.event}.${d.action} ${d.state} ${d.status}`)).toEqual([]);
  expect(app.background.failureCount).toBe(0);
  expect(conformance.undocumented).toEqual(new Set());
  expect(conformance.invalidBodies).toEqual([]);
  process.stdout.write(
    `redelivery: ${originals.length} deliveries x3 (once more, then twice at once); effects ${JSON.stringify(effectCounts(after))}; ` +
      `refused write attempts ${sandbox.counters.appWrites().length}; duplicates ${duplicatesIn(after).length}\n`,
  );
}, 300_000);
