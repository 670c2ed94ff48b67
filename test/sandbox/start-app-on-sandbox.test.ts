import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import type { Probot } from "probot";
import { startAppOnSandbox } from "../../src/sandbox-app/start-app-on-sandbox.js";

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startSandbox();
  await sandbox.createRepository({ name: "webshop", collaborators: { alice: "write" } });
});
afterEach(() => sandbox.close());

/** A tiny App: greets new PRs, labels commented issues, and ignores its own comments. */
function greeter(app: Probot): void {
  app.on("pull_request.opened", async (context) => {
    await context.octokit.rest.issues.createComment(context.issue({ body: "Thanks!" }));
  });
  app.on("issue_comment.created", async (context) => {
    if (context.payload.comment.user?.type === "Bot") return;
    await context.octokit.rest.issues.addLabels(context.issue({ labels: ["seen"] }));
  });
}

test("the real Probot server authenticates as an installation, verifies signatures, and its writes come back as webhooks", async () => {
  const app = await startAppOnSandbox(sandbox, {
    appFn: greeter,
    throttle: { enabled: false },
    retry: { enabled: false },
  });
  try {
    const alice = sandbox.as("alice", "acme/webshop");
    await alice.push("feature", { "x.txt": "x\n" });
    const pr = await alice.openPullRequest({ head: "feature", title: "Feature" });
    await sandbox.settle();
    const comments = [...sandbox.internalRepo("acme/webshop").comments.values()];
    expect(comments.map((c) => `${c.user.login}: ${c.body}`)).toEqual(["hotfix-bot[bot]: Thanks!"]);
    // The App's own comment was delivered back to it (and ignored by it), as on GitHub.
    expect(sandbox.webhooks.find("issue_comment", "created").map((d) => d.state)).toEqual(["delivered"]);
    await alice.comment(pr.number, "ping");
    await sandbox.settle();
    expect(sandbox.internalRepo("acme/webshop").issues.get(pr.number)?.labels).toEqual(["seen"]);
    expect(sandbox.webhooks.deliveries.every((d) => d.status === 200)).toBe(true);
    // Writes are attributed per token: the App's are told apart from the scripted person's.
    expect(sandbox.counters.forApp()).toEqual({ requests: 2, writes: 2 });
    expect(sandbox.counters.appRoutes()).toEqual([
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
      "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
    ]);
    expect(sandbox.counters.forIdentity("user:alice").writes).toBeGreaterThan(0);
    expect(sandbox.counters.forIdentity("jwt:hotfix-bot")).toEqual({ requests: 1, writes: 1 });
  } finally {
    await app.close();
  }
});

test("a delivery signed with another secret is refused by Probot", async () => {
  const app = await startAppOnSandbox(sandbox, { appFn: greeter, secret: "right" });
  try {
    sandbox.setWebhook({ url: `${app.url}/api/github/webhooks`, secret: "wrong" });
    await sandbox.as("alice", "acme/webshop").createIssue({ title: "x" });
    await sandbox.settle();
    const delivery = sandbox.webhooks.find("issues", "opened")[0];
    expect(delivery?.state).toBe("failed");
    expect(delivery?.status).toBe(400);
  } finally {
    await app.close();
  }
});

test("hotfix-bot itself starts on the sandbox and answers every delivery", async () => {
  const app = await startAppOnSandbox(sandbox, { throttle: { enabled: false }, retry: { enabled: false } });
  try {
    const alice = sandbox.as("alice", "acme/webshop");
    await alice.createIssue({ title: "Checkout down" });
    await alice.push("feature", { "x.txt": "x\n" });
    await sandbox.settle();
    expect(sandbox.webhooks.deliveries.length).toBeGreaterThan(0);
    expect(sandbox.webhooks.deliveries.every((d) => d.state === "delivered")).toBe(true);
  } finally {
    await app.close();
  }
});
