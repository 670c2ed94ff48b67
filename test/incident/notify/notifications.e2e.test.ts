import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import type { NotifyChannel } from "../../../src/context.js";
import {
  type NotificationReceiver,
  startNotificationReceiver,
} from "../../../src/demo/notification-receiver.js";
import { parseTimeline } from "../../../src/incident/timeline-markdown.js";
import { type AppOnSandbox, startAppOnSandbox } from "../../../src/sandbox-app/start-app-on-sandbox.js";

// A whole incident on the sandbox, with the App's channels pointed at a local receiver: what each channel gets,
// once per milestone, whatever is redelivered or delivered twice at once, and what a failing receiver leaves.

const REPO = "acme/webshop";
/** A whole incident is some twenty deliveries and writes: more than jest's default on a loaded machine. */
const WHOLE_INCIDENT_MS = 120_000;
const FIX = "export function checkPassword(user, password) {\n  return Boolean(user && password);\n}\n";

let sandbox: Sandbox;
let app: AppOnSandbox;
let receiver: NotificationReceiver;

async function start(channels: [string, NotifyChannel["kind"]][]) {
  sandbox = await startSandbox();
  await sandbox.createRepository(WEBSHOP);
  receiver = await startNotificationReceiver();
  const notifyChannels = new Map(
    channels.map(([name, kind]) => [name, { name, kind, url: receiver.url(name) }] as const),
  );
  app = await startAppOnSandbox(sandbox, {
    throttle: { enabled: false },
    retry: { enabled: false },
    notifyChannels,
  });
}

afterEach(async () => {
  await app?.close();
  await sandbox?.close();
  await receiver?.close();
});

const repo = () => sandbox.internalRepo(REPO);
const timelineOf = (issue: number) =>
  parseTimeline(
    [...repo().comments.values()].find(
      (c) => c.issueNumber === issue && c.user.type === "Bot" && c.body.includes("hotfix-bot:timeline"),
    )?.body ?? "",
  );

function config(notify: string, deploy = "environment: production") {
  return [
    "checks:",
    "  criticalTests: [critical-tests]",
    "  securityScan: [security-scan]",
    "backport:",
    "  targets: []",
    "deploy:",
    `  ${deploy}`,
    "notify:",
    ...notify.split("\n").map((line) => `  ${line}`),
    "",
  ].join("\n");
}

/** Label, push, draft PR, real title, ready, green checks, merge; then the deploy system reports `state`. */
async function incidentToDeploy(state: "success" | "failure") {
  const alice = sandbox.as("alice", REPO);
  const incident = await alice.createIssue({
    title: "Logins fail without a password",
    labels: ["P1-hotfix"],
  });
  await sandbox.settle();
  const branch = `hotfix/incident-${incident}`;
  const fix = await alice.push(branch, { "src/auth.js": FIX }, { message: "Reject empty passwords" });
  await sandbox.settle();
  const pr = [...repo().pulls.values()].find((p) => p.headRef === branch);
  if (!pr) throw new Error("no draft PR");
  await alice.updatePullRequest(pr.number, { title: "[SPF-1290] Fix critical auth failure" });
  await sandbox.markReadyForReview(REPO, pr.number, "alice");
  const ci = sandbox.asApp("ci", REPO);
  await ci.runCheck("critical-tests", fix, "success");
  await ci.runCheck("security-scan", fix, "success");
  await sandbox.settle();
  await alice.merge(pr.number, "merge");
  await sandbox.settle();
  const deployment = [...repo().deployments.values()].find((d) => d.creator.login === "hotfix-bot[bot]");
  if (!deployment) throw new Error("no deployment");
  await alice.setDeploymentStatus(deployment.id, state);
  await sandbox.settle();
  return { incident, pr: pr.number, deployment: deployment.id };
}

const milestonesOf = (channel: string) =>
  receiver.received
    .filter((r) => r.channel === channel)
    .map((r) => {
      const body = r.body as {
        milestone?: string;
        blocks?: { text?: { text?: string } }[];
        attachments?: unknown;
      };
      if (body.milestone) return body.milestone;
      return r.channel === "room"
        ? String(body.blocks?.[0]?.text?.text)
        : JSON.stringify(body.attachments).match(/"text":"([^"]+) — incident/)?.[1];
    });

test(
  "a whole incident tells each channel each milestone once; redeliveries and duplicate deliveries tell nothing more",
  async () => {
    await start([
      ["room", "slack"],
      ["ops", "teams"],
      ["status", "webhook"],
    ]);
    await sandbox
      .as("alice", REPO)
      .push("main", { ".github/hotfix.yml": config("channels: [room, ops, status]") });
    await sandbox.settle();
    const { incident, pr } = await incidentToDeploy("success");

    expect(milestonesOf("status")).toEqual([
      "declared",
      "draft-pr",
      "gate-green",
      "merged",
      "deployed",
      "resolved",
    ]);
    const titles = (n: number) =>
      [
        "Incident declared",
        "Draft hotfix PR opened",
        "Hotfix gate passed",
        "Hotfix merged",
        "Hotfix deployed",
        "Incident resolved",
      ].map((t) => `${t} — incident #${n}`);
    expect(milestonesOf("room")).toEqual(titles(incident));
    expect(milestonesOf("ops")).toEqual(
      titles(incident).map((t) => t.replace(` — incident #${incident}`, "")),
    );

    const merged = receiver.received.find(
      (r) => r.channel === "status" && (r.body as { milestone: string }).milestone === "merged",
    )?.body as {
      repository: string;
      incident: { number: number; severity: string; commander: string };
      links: unknown[];
    };
    expect(merged.repository).toBe(REPO);
    expect(merged.incident).toMatchObject({ number: incident, severity: "P1", commander: "alice" });
    expect(merged.links).toContainEqual({
      label: `PR #${pr}`,
      url: expect.stringMatching(new RegExp(`/pull/${pr}$`)),
    });

    const state = timelineOf(incident);
    expect(Object.keys(state?.notifications ?? {}).sort()).toEqual(
      ["declared", "deployed", "draft-pr", "gate-green", "merged", "resolved"].sort(),
    );
    expect(state?.entries.find((e) => e.key === "notified-merged")?.text).toBe(
      'Notification "Hotfix merged" sent to room (slack), ops (teams), status (webhook)',
    );

    // Every event again, one after the other, then the deployment's success twice at the same moment.
    const count = receiver.received.length;
    for (const delivery of [...sandbox.webhooks.deliveries]) await sandbox.webhooks.redeliver(delivery.id);
    await sandbox.settle();
    const [success] = sandbox.webhooks.find("deployment_status").filter((d) => d.payload.deployment_status);
    await sandbox.webhooks.duplicate(success?.id ?? "", 3);
    await sandbox.settle();
    expect(receiver.received.length).toBe(count);

    // The URLs (secrets) are nowhere in GitHub.
    const everything = JSON.stringify([...repo().comments.values(), ...repo().issues.values()]);
    for (const channel of ["room", "ops", "status"])
      expect(everything).not.toContain(receiver.secretOf(channel));
  },
  WHOLE_INCIDENT_MS,
);

test(
  "a failing receiver leaves the workflow complete and the timeline saying which channel failed and how",
  async () => {
    await start([
      ["room", "slack"],
      ["status", "webhook"],
    ]);
    receiver.behave("status", { status: 500 });
    await sandbox.as("alice", REPO).push("main", {
      ".github/hotfix.yml": config("channels: [room, status]\ntimeoutSeconds: 1"),
    });
    await sandbox.settle();
    const { incident, pr } = await incidentToDeploy("success");

    const state = timelineOf(incident);
    // The hotfix went all the way.
    expect(state?.pipelines[String(pr)]?.tag).toBeDefined();
    expect(state?.pipelines[String(pr)]?.deploy?.deployedAt).toBeDefined();
    expect(state?.resolvedAt).toBeDefined();
    expect(milestonesOf("room")).toHaveLength(6);
    expect(state?.entries.find((e) => e.key === "notified-deployed")?.text).toBe(
      'Notification "Hotfix deployed" sent to room (slack); not sent: status (webhook) failed: HTTP 500',
    );
    expect(state?.notifications?.deployed?.channels).toContainEqual({
      channel: "status",
      kind: "webhook",
      ok: false,
      status: 500,
      error: "HTTP 500",
    });
    expect(JSON.stringify(state)).not.toContain(receiver.secretOf("status"));
  },
  WHOLE_INCIDENT_MS,
);

test(
  "a failed deployment announces the rollback with its revert PR",
  async () => {
    await start([["status", "webhook"]]);
    await sandbox.as("alice", REPO).push("main", {
      ".github/hotfix.yml": config("channels: [status]\nmilestones: [merged, rollback, deployed]"),
    });
    await sandbox.settle();
    const { pr } = await incidentToDeploy("failure");
    expect(milestonesOf("status")).toEqual(["merged", "rollback"]);
    const rollback = receiver.received[1]?.body as { summary: string; links: { label: string }[] };
    const revert = [...repo().pulls.values()].find((p) => p.headRef === `hotfix-bot/revert-${pr}`);
    expect(rollback.summary).toMatch(/failed \(failure\); revert PR #\d+ opened$/);
    expect(rollback.links.map((l) => l.label)).toContain(`Revert PR #${revert?.number}`);
  },
  WHOLE_INCIDENT_MS,
);

test("a channel the App does not define is a readable error on the timeline, and the others are still told", async () => {
  await start([["incidents", "webhook"]]);
  await sandbox.as("alice", REPO).push("main", {
    ".github/hotfix.yml": config("channels: [incident, war-room]\nmilestones: [declared]"),
  });
  await sandbox.settle();
  const alice = sandbox.as("alice", REPO);
  const incident = await alice.createIssue({ title: "Checkout is down", labels: ["P1-hotfix"] });
  await sandbox.settle();
  const text = timelineOf(incident)?.entries.find((e) => e.key === "notified-declared")?.text;
  expect(text).toBe(
    'Notification "Incident declared" not sent: unknown channel "incident" (notify.channels in .github/hotfix.yml): ' +
      'hotfix-bot defines no channel of that name; did you mean "incidents"?; unknown channel "war-room" ' +
      "(notify.channels in .github/hotfix.yml): hotfix-bot defines no channel of that name",
  );
  // Intake itself went on.
  expect(timelineOf(incident)?.intake?.branch).toBe(`hotfix/incident-${incident}`);
  expect(receiver.received).toEqual([]);
});
