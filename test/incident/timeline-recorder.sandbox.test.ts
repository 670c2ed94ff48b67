import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { TIMELINE_MARKER, visibleTimeline } from "../../src/incident/timeline-markdown.js";
import { TimelineRecorder } from "../../src/incident/timeline-recorder.js";
import { emptyTimeline } from "../../src/incident/timeline-state.js";
import { readTimeline } from "../../src/incident/upsert-timeline.js";
import { appOctokit, type TestOctokit } from "../support/sandbox-octokit.js";

const owner = "acme";
let sandbox: Sandbox;
let octokit: TestOctokit;

beforeAll(async () => {
  sandbox = await startSandbox({ clock: () => new Date("2026-11-21T14:00:00Z") });
  octokit = appOctokit(sandbox);
});
afterAll(() => sandbox.close());

const identity = async () => ({ appId: sandbox.app.id, stateSecret: null });

it("holds the run's changes until a flush, then edits the one comment it created and remembers its markdown", async () => {
  await sandbox.createRepository({ name: "recorder", collaborators: { alice: "write" } });
  const repo = { owner, repo: "recorder" };
  const issue = await sandbox.as("alice", `${owner}/recorder`).createIssue({ title: "Checkout down" });
  const ctx = { octokit, repo, identity };
  const timelineComments = () =>
    [...sandbox.internalRepo(`${owner}/recorder`).comments.values()].filter(
      (c) => c.issueNumber === issue && c.body.startsWith(TIMELINE_MARKER),
    );
  const recorder = new TimelineRecorder(ctx, issue, { state: emptyTimeline(issue), commentId: null });
  expect(recorder.markdown).toBeUndefined();

  recorder.add({ key: "merged-2", at: "2026-11-21T13:55:00Z", text: "#2 merged" });
  recorder.add({ key: "merged-2", at: "2026-11-21T13:55:00Z", text: "#2 merged into main" });
  const pipeline = {
    pr: 2,
    mergeSha: "a".repeat(40),
    mergedAt: "2026-11-21T13:55:00Z",
    backports: {},
    followUps: {},
    done: false,
    heartbeatAt: "2026-11-21T13:55:00Z",
  };
  recorder.setPipeline(pipeline);
  sandbox.counters.reset();
  // Nothing is written before a flush.
  expect(timelineComments()).toHaveLength(0);
  const first = await recorder.flush();
  expect(recorder.markdown).toBe(first);
  expect(timelineComments()).toHaveLength(1);
  expect(first).toBe(visibleTimeline(timelineComments()[0]?.body ?? ""));

  recorder.update((state) => ({ ...state, commander: "alice" }));
  recorder.setPipeline({ ...pipeline, done: true });
  const second = await recorder.flush();
  // The second flush edits the comment the first created (the recorder remembers its id).
  expect(timelineComments()).toHaveLength(1);
  expect(sandbox.counters.appWrites().map((w) => `${w.method} ${w.route}`)).toEqual([
    "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
    "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
  ]);
  expect(second).not.toBe(first);
  expect(recorder.markdown).toBe(second);
  const read = await readTimeline(ctx, issue);
  expect(read.state?.entries.map((entry) => entry.text)).toEqual(["#2 merged into main"]);
  expect(read.state?.commander).toBe("alice");
  expect(read.state?.pipelines["2"]?.done).toBe(true);
});
