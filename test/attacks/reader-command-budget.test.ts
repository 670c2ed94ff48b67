import type { Sandbox } from "@hotfix-bot/sandbox";
import { appOnSandboxOnDemand } from "../support/app-on-sandbox.js";

// Attack: a read-only user (carol) repeats `/hotfix` and `/backport` on a long issue and a pull request. Each
// command from a non-writer used to get its own reply, and each reply paged through every comment three times:
// the reader spends the installation's request and write budget (shared by every repository of the installation)
// at will. A reader gets one reply per issue, however often she asks, and a command costs one comment scan.

const REPO = "acme/webshop";
const COMMENTS = 600;

const stage = appOnSandboxOnDemand();
let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await stage.startSandbox();
});

/** What the App sent while `act` ran and its events were handled. */
async function appCost(
  act: () => Promise<unknown>,
): Promise<{ requests: number; writes: number; routes: string[] }> {
  sandbox.counters.reset();
  await act();
  await sandbox.settle();
  const { requests, writes } = sandbox.counters.forApp();
  return { requests, writes, routes: sandbox.counters.appRoutes() };
}

const botReplies = (issue: number) =>
  [...sandbox.internalRepo(REPO).comments.values()].filter(
    (c) => c.issueNumber === issue && c.user.type === "Bot" && c.body.includes("write access"),
  );

test(`a reader's repeated /hotfix on an issue with ${COMMENTS} comments: one reply, one comment scan per command`, async () => {
  const bob = sandbox.as("bob", REPO);
  const issue = await bob.createIssue({ title: "Checkout is slow" });
  // The discussion exists before the App starts, so that it costs the App nothing but the scans under test.
  for (let i = 0; i < COMMENTS; i++) await bob.comment(issue, `Observation ${i + 1}`);
  // ... and it happened over the last days, not in the second before the reader's command.
  const earlier = new Date(Date.now() - 3_600_000).toISOString();
  for (const comment of sandbox.internalRepo(REPO).comments.values()) {
    comment.createdAt = earlier;
    comment.updatedAt = earlier;
  }
  await stage.startApp();
  const carol = sandbox.as("carol", REPO);

  const first = await appCost(() => carol.comment(issue, "/hotfix"));
  // One permission check, one scan of the 7 pages of comments, the reply, one page to see no twin was posted.
  expect(first.writes).toBe(1);
  expect(first.requests).toBeLessThanOrEqual(10);
  expect(botReplies(issue)).toHaveLength(1);

  for (const command of ["/hotfix", "/hotfix P0"]) {
    const again = await appCost(() => carol.comment(issue, command));
    expect(again.writes).toBe(0);
    // The permission check and one scan that finds the earlier reply.
    expect(again.requests).toBeLessThanOrEqual(8);
  }
  expect(botReplies(issue)).toHaveLength(1);
  expect(botReplies(issue)[0]?.body).toContain("@carol");
}, 120_000);

test("a reader's repeated /backport on a pull request is answered once", async () => {
  await stage.startApp();
  const alice = sandbox.as("alice", REPO);
  await alice.createBranch("hotfix/incident-1", "main");
  await alice.push("hotfix/incident-1", { "src/auth.js": "export const ok = 1;\n" }, { message: "Fix" });
  const pr = await alice.openPullRequest({ head: "hotfix/incident-1", base: "main", title: "[SPF-1] Fix" });
  await sandbox.settle();
  const carol = sandbox.as("carol", REPO);

  const first = await appCost(() => carol.comment(pr.number, "/backport develop"));
  expect(first.writes).toBe(1);
  for (const target of ["develop", "release/1.x", "develop"]) {
    const again = await appCost(() => carol.comment(pr.number, `/backport ${target}`));
    expect(again.writes).toBe(0);
  }
  expect(botReplies(pr.number)).toHaveLength(1);
});

test("each reader gets her own one reply", async () => {
  await stage.startApp();
  const issue = await sandbox.as("bob", REPO).createIssue({ title: "Checkout is slow" });
  // dave is no collaborator at all: like carol, not a writer.
  for (const reader of ["carol", "dave", "carol", "dave"])
    await sandbox.as(reader, REPO).comment(issue, "/hotfix");
  await sandbox.settle();
  // The four deliveries are handled side by side, so the two replies may land in either order.
  const addressed = botReplies(issue).map((c) => c.body.match(/@\w+/)?.[0]);
  expect(addressed.sort()).toEqual(["@carol", "@dave"]);
});

test("two commands from one reader handled at once still get one reply", async () => {
  await stage.startApp();
  const issue = await sandbox.as("bob", REPO).createIssue({ title: "Checkout is slow" });
  const carol = sandbox.as("carol", REPO);
  await Promise.all([
    carol.comment(issue, "/hotfix"),
    carol.comment(issue, "/hotfix P0"),
    carol.comment(issue, "/hotfix"),
  ]);
  await sandbox.settle();
  expect(botReplies(issue)).toHaveLength(1);
});
