import {
  type NotificationReceiver,
  startNotificationReceiver,
} from "../../src/demo/notification-receiver.js";
import { config, mergedHotfix, type Stage, startStage } from "./monitoring-scenario.js";

// What the incident's channel hears of the watch after the deploy: "monitoring-done" when the sweep records the
// window stable, "rollback" when a writer's `/rollback` or a watched check rolls the fix back — once each, however
// often the event comes again.

let stage: Stage;
let receiver: NotificationReceiver;
beforeEach(async () => {
  receiver = await startNotificationReceiver();
  const room = { name: "room", kind: "webhook" as const, url: receiver.url("room") };
  stage = await startStage({ notifyChannels: new Map([["room", room]]) });
});
afterEach(async () => {
  await stage.close();
  await receiver.close();
});

const E2E_TIMEOUT = 150_000;
const withRoom = (monitoring: string) => `${config(monitoring)}notify:\n  channels: [room]\n`;
const heard = (milestone: string) =>
  receiver.received
    .map((post) => post.body as { milestone: string; summary: string; incident: { number: number } })
    .filter((body) => body.milestone === milestone);

test(
  "the window's end by the sweep is told once as monitoring-done",
  async () => {
    const { incident, pr, deployment, alice } = await mergedHotfix(stage, withRoom("windowMinutes: 20"));
    await alice.setDeploymentStatus(deployment, "success");
    await stage.sandbox.settle();
    expect(heard("deployed")).toHaveLength(1);
    expect(heard("monitoring-done")).toEqual([]);

    stage.advance(21);
    await stage.sweep();
    await stage.sweep();
    const done = heard("monitoring-done");
    expect(done).toHaveLength(1);
    expect(done[0]?.incident.number).toBe(incident);
    expect(done[0]?.summary).toContain(`No rollback in the monitoring window after the deploy of PR #${pr}`);
    expect(heard("rollback")).toEqual([]);
  },
  E2E_TIMEOUT,
);

test(
  "a writer's /rollback is told once as rollback, with the revert PR; its redelivery tells nothing more",
  async () => {
    const { incident, pr, deployment, alice } = await mergedHotfix(stage, withRoom("windowMinutes: 30"));
    await alice.setDeploymentStatus(deployment, "success");
    await stage.sandbox.settle();
    stage.advance(5);
    await stage.sandbox.as("bob", "acme/webshop").comment(incident, "/rollback error rate doubled");
    await stage.sandbox.settle();
    const rollback = heard("rollback");
    expect(rollback).toHaveLength(1);
    expect(rollback[0]?.summary).toMatch(
      new RegExp(`^Rollback of PR #${pr}: bob asked for it .*revert PR #\\d+ opened$`),
    );

    // A snapshot: each redelivery is itself a delivery of the same comment.
    for (const d of stage.sandbox.webhooks.find("issue_comment", "created"))
      if (JSON.stringify(d.payload).includes("/rollback")) await stage.sandbox.webhooks.redeliver(d.id);
    await stage.sandbox.settle();
    expect(heard("rollback")).toHaveLength(1);
  },
  E2E_TIMEOUT,
);

test(
  "a watched check failing inside the window is told once as rollback",
  async () => {
    const { pr, mergeSha, deployment, alice } = await mergedHotfix(
      stage,
      withRoom("rollbackOn: [smoke-tests]"),
    );
    await alice.setDeploymentStatus(deployment, "success");
    await stage.sandbox.settle();
    await stage.sandbox.asApp("ci", "acme/webshop").runCheck("smoke-tests", mergeSha, "failure");
    await stage.sandbox.settle();
    const rollback = heard("rollback");
    expect(rollback).toHaveLength(1);
    expect(rollback[0]?.summary).toContain(`Rollback of PR #${pr}: `);
    expect(rollback[0]?.summary).toContain("smoke-tests");
  },
  E2E_TIMEOUT,
);
