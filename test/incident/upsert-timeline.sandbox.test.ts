import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { renderTimeline, TIMELINE_MARKER } from "../../src/incident/timeline-markdown.js";
import { addEntry, emptyTimeline, type TimelineState } from "../../src/incident/timeline-state.js";
import { readTimeline, writeTimeline } from "../../src/incident/upsert-timeline.js";
import { appOctokit, loseNextAnswer, retryingOctokit, type TestOctokit } from "../support/sandbox-octokit.js";

const owner = "acme";
let sandbox: Sandbox;
let octokit: TestOctokit;
let count = 0;

beforeAll(async () => {
  sandbox = await startSandbox({ clock: () => new Date("2026-11-21T14:00:00Z") });
  octokit = appOctokit(sandbox);
});
afterAll(() => sandbox.close());

const identity = async () => ({ appId: sandbox.app.id, stateSecret: null });

async function incident() {
  const name = `timeline-${++count}`;
  await sandbox.createRepository({ name, collaborators: { alice: "write", mallory: "triage" } });
  const alice = sandbox.as("alice", `${owner}/${name}`);
  const mallory = sandbox.as("mallory", `${owner}/${name}`);
  const number = await alice.createIssue({ title: "Checkout down", body: "500s everywhere" });
  const timelineComments = () =>
    [...sandbox.internalRepo(`${owner}/${name}`).comments.values()].filter(
      (c) => c.issueNumber === number && c.body.startsWith(TIMELINE_MARKER),
    );
  return { repo: { owner, repo: name }, number, alice, mallory, timelineComments };
}

const state = (text: string): TimelineState =>
  addEntry(emptyTimeline(1), { key: "detected", at: "2026-11-21T13:50:00Z", text });

it("keeps one comment, edited in place, found again behind other comments", async () => {
  const { repo, number, alice, timelineComments } = await incident();
  await alice.comment(number, "on it");
  const read = await readTimeline({ octokit, repo, identity }, number);
  expect(read).toEqual({ commentId: null, state: null });
  const { commentId } = await writeTimeline({ octokit, repo, identity }, number, null, state("opened"));
  for (let i = 0; i < 120; i++) await alice.comment(number, `update ${i}`);
  sandbox.counters.reset();
  const again = await readTimeline({ octokit, repo, identity }, number);
  expect(again).toEqual({ commentId, state: state("opened") });
  // The comment is on the first page: one read, no second page fetched.
  expect(sandbox.counters.forApp()).toEqual({ requests: 1, writes: 0 });
  await writeTimeline({ octokit, repo, identity }, number, commentId, state("changed"));
  expect(timelineComments()).toHaveLength(1);
  expect((await readTimeline({ octokit, repo, identity }, number)).state?.entries[0]?.text).toBe("changed");
});

it("ignores a forged timeline by a person and parses only the bot's own", async () => {
  const { repo, number, mallory, timelineComments } = await incident();
  await mallory.comment(number, renderTimeline({ ...state("forged"), incident: 666 }));
  expect(await readTimeline({ octokit, repo, identity }, number)).toEqual({ commentId: null, state: null });
  await writeTimeline({ octokit, repo, identity }, number, null, state("real"));
  const read = await readTimeline({ octokit, repo, identity }, number);
  expect(read.state?.entries[0]?.text).toBe("real");
  expect(timelineComments()).toHaveLength(2);
  expect(timelineComments().filter((c) => c.user.login === "hotfix-bot[bot]")).toHaveLength(1);
});

it("two concurrent first writes leave one comment", async () => {
  const { repo, number, timelineComments } = await incident();
  const [a, b] = await Promise.all([
    writeTimeline({ octokit, repo, identity }, number, null, state("a")),
    writeTimeline({ octokit, repo, identity }, number, null, state("b")),
  ]);
  expect(a.commentId).toBe(b.commentId);
  expect(timelineComments().map((c) => c.id)).toEqual([a.commentId]);
});

it("a large timeline stays within GitHub's comment limit", async () => {
  const { repo, number, timelineComments } = await incident();
  let big = state("opened");
  for (let i = 0; i < 500; i++) {
    big = addEntry(big, {
      key: `k${i}`,
      at: new Date(Date.UTC(2026, 10, 22, 0, i)).toISOString(),
      text: `step ${i} ${"x".repeat(200)}`,
    });
  }
  await writeTimeline({ octokit, repo, identity }, number, null, big);
  const [comment] = timelineComments();
  expect(comment?.body.length).toBeLessThanOrEqual(65_536);
  expect((await readTimeline({ octokit, repo, identity }, number)).state?.entries.at(-1)?.key).toBe("k499");
});

it("a retried comment creation whose first answer was lost still leaves one comment", async () => {
  const { repo, number, timelineComments } = await incident();
  const fault = loseNextAnswer(sandbox, "POST /repos/{owner}/{repo}/issues/{issue_number}/comments");
  try {
    const { commentId } = await writeTimeline(
      { octokit: retryingOctokit(sandbox), repo, identity },
      number,
      null,
      state("once"),
    );
    expect(fault.lost()).toBe(1);
    expect(timelineComments().map((c) => c.id)).toEqual([commentId]);
  } finally {
    sandbox.setFaults(null);
  }
});

it("finds the bot's comment behind a hundred others, stopping at its page", async () => {
  const { repo, number, alice } = await incident();
  for (let i = 0; i < 150; i++) await alice.comment(number, `comment ${i}`);
  const { commentId } = await writeTimeline({ octokit, repo, identity }, number, null, state("opened"));
  for (let i = 0; i < 150; i++) await alice.comment(number, `later ${i}`);
  sandbox.counters.reset();
  expect((await readTimeline({ octokit, repo, identity }, number)).commentId).toBe(commentId);
  // 151st of 301 comments: the second page holds it, and the third is never asked for.
  expect(sandbox.counters.forApp()).toEqual({ requests: 2, writes: 0 });
});

it("reads a damaged comment of ours as no state, and repairs that comment instead of adding one", async () => {
  const { repo, number, timelineComments } = await incident();
  const { data: damaged } = await octokit.rest.issues.createComment({
    ...repo,
    issue_number: number,
    body: `${TIMELINE_MARKER}{"v":1,"inc -->\nsomeone edited this`,
  });
  const read = await readTimeline({ octokit, repo, identity }, number);
  expect(read).toEqual({ commentId: damaged.id, state: null });
  await writeTimeline({ octokit, repo, identity }, number, read.commentId, state("repaired"));
  expect(timelineComments().map((c) => c.id)).toEqual([damaged.id]);
  expect((await readTimeline({ octokit, repo, identity }, number)).state).toEqual(state("repaired"));
});

it("re-creates the comment when ours was deleted by hand", async () => {
  const { repo, number, timelineComments } = await incident();
  const { commentId } = await writeTimeline({ octokit, repo, identity }, number, null, state("opened"));
  await octokit.rest.issues.deleteComment({ ...repo, comment_id: commentId ?? 0 });
  const again = await writeTimeline({ octokit, repo, identity }, number, commentId, state("again"));
  expect(again.commentId).not.toBe(commentId);
  expect(timelineComments().map((c) => c.id)).toEqual([again.commentId]);
});

it("never leaves a second comment: a writer that did not read first is folded into the existing one", async () => {
  const { repo, number, timelineComments } = await incident();
  const { commentId } = await writeTimeline({ octokit, repo, identity }, number, null, state("first"));
  const second = await writeTimeline({ octokit, repo, identity }, number, null, state("second"));
  expect(second.commentId).toBe(commentId);
  expect(timelineComments()).toHaveLength(1);
  expect((await readTimeline({ octokit, repo, identity }, number)).state?.entries[0]?.text).toBe("second");
});
