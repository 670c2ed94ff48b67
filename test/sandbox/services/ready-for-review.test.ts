import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startSandbox();
  await sandbox.createRepository(WEBSHOP);
});

afterEach(async () => {
  await sandbox.close();
});

test("a draft PR marked ready for review stops being a draft, can merge, and says so once", async () => {
  const alice = sandbox.as("alice", "acme/webshop");
  await alice.push("hotfix/x", { "a.txt": "a\n" }, { from: "main" });
  const { number } = await alice.openPullRequest({ head: "hotfix/x", title: "Draft", draft: true });
  await expect(alice.merge(number)).rejects.toMatchObject({ status: 405 });

  await sandbox.markReadyForReview("acme/webshop", number, "alice");
  await sandbox.markReadyForReview("acme/webshop", number, "alice");
  await sandbox.settle();
  expect(sandbox.internalRepo("acme/webshop").pulls.get(number)?.draft).toBe(false);
  const events = sandbox.webhooks.find("pull_request", "ready_for_review");
  expect(events).toHaveLength(1);
  expect(events[0]?.payload).toMatchObject({
    number,
    pull_request: { draft: false },
    sender: { login: "alice" },
  });
  await expect(alice.merge(number)).resolves.toMatch(/^[0-9a-f]{40}$/);
});
