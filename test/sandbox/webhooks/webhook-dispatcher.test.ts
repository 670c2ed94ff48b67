import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { verify } from "@octokit/webhooks-methods";
import { FIXED_CLOCK } from "../../support/sandbox-octokit.js";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1 that records requests and can be told to hold its answers. */
async function receiver(handle: (received: Received) => Promise<void> = async () => {}) {
  const received: Received[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const entry = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
    received.push(entry);
    await handle(entry);
    res.writeHead(202).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startSandbox({ clock: FIXED_CLOCK });
  await sandbox.createRepository({ name: "hooks", collaborators: { alice: "write" } });
});
afterEach(() => sandbox.close());

test("deliveries are signed with the secret (X-Hub-Signature-256) and carry event, delivery id and payload", async () => {
  const target = await receiver();
  try {
    sandbox.setWebhook({ url: target.url, secret: "s3cret" });
    const alice = sandbox.as("alice", "acme/hooks");
    await alice.push("topic", { "a.txt": "a\n" });
    await sandbox.settle();
    expect(target.received.map((r) => r.headers["x-github-event"])).toEqual(["push", "create"]);
    for (const entry of target.received) {
      const signature = entry.headers["x-hub-signature-256"] as string;
      expect(await verify("s3cret", entry.body, signature)).toBe(true);
      expect(await verify("wrong", entry.body, signature)).toBe(false);
      const delivery = sandbox.webhooks.get(entry.headers["x-github-delivery"] as string);
      expect(delivery?.state).toBe("delivered");
      expect(delivery?.status).toBe(202);
      const payload = JSON.parse(entry.body);
      expect(payload.installation.id).toBe(1);
      expect(payload.repository.full_name).toBe("acme/hooks");
      expect(payload.sender.login).toBe("alice");
    }
    const push = JSON.parse(target.received[0]?.body ?? "{}");
    expect(push).toMatchObject({
      ref: "refs/heads/topic",
      created: true,
      deleted: false,
      before: "0".repeat(40),
    });
    expect(push.commits.map((commit: { added: string[] }) => commit.added)).toEqual([["a.txt"]]);
  } finally {
    await target.close();
  }
});

test("GitHub's events for a PR's life: opened, synchronize, labeled, review, check runs, closed+merged", async () => {
  const alice = sandbox.as("alice", "acme/hooks");
  const bob = sandbox.as("bob", "acme/hooks");
  sandbox.internalRepo("acme/hooks").collaborators.set("bob", "write");
  await alice.push("hotfix/x", { "a.txt": "1\n" });
  const pr = await alice.openPullRequest({ head: "hotfix/x", title: "[SPF-1] x" });
  const head = await alice.push("hotfix/x", { "a.txt": "2\n" });
  await alice.addLabels(pr.number, ["P1-hotfix"]);
  await bob.review(pr.number, "APPROVE");
  await sandbox.asApp("ci", "acme/hooks").runCheck("critical-tests", head, "success");
  await bob.merge(pr.number, "squash");
  await sandbox.settle();
  const events = sandbox.webhooks.deliveries.map((d) => `${d.event}${d.action ? `.${d.action}` : ""}`);
  expect(events).toEqual([
    "push",
    "create",
    "pull_request.opened",
    "push",
    "pull_request.synchronize",
    "label.created",
    "pull_request.labeled",
    "pull_request_review.submitted",
    "check_run.created",
    "check_run.completed",
    "check_suite.completed",
    "push",
    "pull_request.closed",
  ]);
  const closed = sandbox.webhooks.find("pull_request", "closed")[0]?.payload as {
    pull_request: { merged: boolean; merge_commit_sha: string };
  };
  expect(closed.pull_request.merged).toBe(true);
  expect(closed.pull_request.merge_commit_sha).toBe(sandbox.repository("acme/hooks").branch("main"));
  // Nothing was sent: no target configured.
  expect(sandbox.webhooks.deliveries.every((d) => d.state === "not-sent")).toBe(true);
});

test("redeliver sends the same delivery id again; duplicate sends copies at the same time", async () => {
  let concurrent = 0;
  let peak = 0;
  // While `barrier` is set, a handler waits until that many are in at once (or 2 s pass): copies sent one at a
  // time never get there, and copies sent together do, whatever the order the machine lets them arrive in.
  let barrier = 0;
  const waiting: (() => void)[] = [];
  const target = await receiver(async () => {
    concurrent++;
    peak = Math.max(peak, concurrent);
    if (barrier > 0 && concurrent < barrier) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2_000);
        waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    } else for (const release of waiting.splice(0)) release();
    concurrent--;
  });
  try {
    sandbox.setWebhook({ url: target.url, secret: "x" });
    const number = await sandbox.as("alice", "acme/hooks").createIssue({ title: "incident" });
    await sandbox.settle();
    const original = sandbox.webhooks.find("issues", "opened")[0];
    expect(original).toBeDefined();
    const again = await sandbox.webhooks.redeliver(original?.id as string);
    expect(again).toMatchObject({ id: original?.id, redelivery: true, state: "delivered" });
    peak = 0;
    barrier = 3;
    const copies = await sandbox.webhooks.duplicate(original?.id as string, 3);
    expect(copies).toHaveLength(3);
    expect(peak).toBe(3);
    const ids = target.received
      .filter((r) => r.headers["x-github-event"] === "issues")
      .map((r) => r.headers["x-github-delivery"]);
    expect(ids).toEqual(Array(5).fill(original?.id));
    expect(new Set(target.received.map((r) => JSON.parse(r.body).issue?.number)).has(number)).toBe(true);
  } finally {
    await target.close();
  }
});

test("with concurrency 1 deliveries go one at a time, in order; settle waits for all of them", async () => {
  const order: string[] = [];
  let concurrent = 0;
  let peak = 0;
  const target = await receiver(async (entry) => {
    concurrent++;
    peak = Math.max(peak, concurrent);
    await new Promise((resolve) => setTimeout(resolve, 10));
    order.push(JSON.parse(entry.body).issue.title);
    concurrent--;
  });
  try {
    sandbox.setWebhook({ url: target.url, secret: "x" });
    const alice = sandbox.as("alice", "acme/hooks");
    for (const title of ["one", "two", "three"]) await alice.createIssue({ title });
    await sandbox.settle();
    expect(order).toEqual(["one", "two", "three"]);
    expect(peak).toBe(1);
  } finally {
    await target.close();
  }
});

test("with higher concurrency deliveries overlap, and settle still waits for all of them", async () => {
  await sandbox.close();
  sandbox = await startSandbox({ clock: FIXED_CLOCK, webhookConcurrency: 4 });
  await sandbox.createRepository({ name: "hooks", collaborators: { alice: "write" } });
  let concurrent = 0;
  let peak = 0;
  let done = 0;
  const target = await receiver(async () => {
    concurrent++;
    peak = Math.max(peak, concurrent);
    await new Promise((resolve) => setTimeout(resolve, 40));
    concurrent--;
    done++;
  });
  try {
    sandbox.setWebhook({ url: target.url, secret: "x" });
    sandbox.webhooks.hold();
    const alice = sandbox.as("alice", "acme/hooks");
    for (const title of ["one", "two", "three", "four"]) await alice.createIssue({ title });
    sandbox.webhooks.release();
    await sandbox.settle();
    expect(done).toBe(4);
    expect(peak).toBeGreaterThan(1);
  } finally {
    await target.close();
  }
});

test("hold() queues deliveries until release(); a failed delivery is logged as failed", async () => {
  sandbox.setWebhook({ url: "http://127.0.0.1:9/unreachable", secret: "x" });
  sandbox.webhooks.hold();
  await sandbox.as("alice", "acme/hooks").createIssue({ title: "queued" });
  await sandbox.settle();
  expect(sandbox.webhooks.pending().map((d) => d.event)).toEqual(["issues"]);
  sandbox.webhooks.release();
  await sandbox.settle();
  const delivery = sandbox.webhooks.find("issues", "opened")[0];
  expect(delivery?.state).toBe("failed");
  expect(delivery?.error).toBeTruthy();
});
