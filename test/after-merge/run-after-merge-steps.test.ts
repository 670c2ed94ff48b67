import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import type { AfterMergeSteps } from "../../src/after-merge/after-merge-steps.js";
import { runAfterMerge } from "../../src/after-merge/run-after-merge.js";
import { visibleTimeline } from "../../src/incident/timeline-markdown.js";
import type { BackportState, TimelineState } from "../../src/incident/timeline-state.js";
import { readTimeline } from "../../src/incident/upsert-timeline.js";
import { REPO, seedWebshop } from "../reliability/hotfix-scenario.js";
import { mergedHotfix } from "./merged-hotfix.js";

// The after-merge pipeline with steps of the test's own making (the engine hands in the features' steps, see
// after-merge-wiring.ts): the pipeline records what the steps return, in their order, and writes the timeline at
// the end, plus once right after the deploy when the deploy step says its start must be recorded at once.

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startSandbox();
  await seedWebshop(sandbox);
});
afterEach(() => sandbox.close());

interface StubOptions {
  mustRecord: boolean;
  backport?: BackportState;
}

/** Steps that touch nothing in GitHub; they log their calls and what the timeline in GitHub held at the backport. */
function stubSteps(incident: number, options: StubOptions) {
  const calls: string[] = [];
  const timelineAtBackport: (TimelineState | null)[] = [];
  const steps: AfterMergeSteps = {
    async release(_ctx, _config, { pr }) {
      calls.push(`release #${pr.number}`);
      return {
        tag: "v-stub.1",
        release: { id: 7, url: "https://releases.example/v-stub.1" },
        entries: [{ key: `stub-release-${pr.number}`, at: pr.mergedAt, text: "Stub release v-stub.1" }],
      };
    },
    async deploy(_ctx, _config, { pr, tag }) {
      calls.push(`deploy ${tag}`);
      return {
        deploy: { workflow: { id: "deploy.yml", ref: pr.baseRef, at: pr.mergedAt } },
        entries: [{ key: `stub-deploy-${pr.number}`, at: pr.mergedAt, text: `Stub deploy of ${tag}` }],
        mustRecord: options.mustRecord,
      };
    },
    async backport(ctx, _config, { pr, target, plan }) {
      calls.push(`backport ${target} (${plan instanceof Error ? "no plan" : `${plan.picks.length} picks`})`);
      timelineAtBackport.push((await readTimeline(ctx, incident)).state);
      return {
        backport: options.backport ?? { status: "open", pr: 99, url: "https://pulls.example/99" },
        entries: [
          {
            key: `stub-backport-${pr.number}-${target}`,
            at: pr.mergedAt,
            text: `Stub backport to ${target}`,
          },
        ],
      };
    },
    async noticeBackportsWithoutPr(_ctx, pr, targets) {
      calls.push(`notice #${pr} ${targets.join(",")}`);
    },
    async followUps(_ctx, _config, { pr, tag }) {
      calls.push(`follow-ups ${tag}`);
      return {
        opened: [{ kind: "post-mortem", issue: 42, url: "https://issues.example/42", dueAt: pr.mergedAt }],
        entries: [{ key: `stub-follow-up-${pr.number}`, at: pr.mergedAt, text: "Stub follow-up #42" }],
      };
    },
  };
  return { steps, calls, timelineAtBackport };
}

/** The App's writes of the timeline comment (intake's comment exists already, so each is a PATCH of it). */
function timelineWrites(commentId: number): string[] {
  return sandbox.counters
    .appWrites()
    .filter((write) => write.path.endsWith(`/issues/comments/${commentId}`))
    .map((write) => write.method);
}

async function timelineOf(ctx: Parameters<typeof readTimeline>[0], incident: number) {
  const read = await readTimeline(ctx, incident);
  if (read.commentId === null || read.state === null) throw new Error("no timeline");
  return { commentId: read.commentId, state: read.state };
}

/** A merged hotfix whose pipeline ran with stub steps; the timeline writes it made are counted from its start. */
async function runWithStubs(mustRecord: boolean) {
  const { ctx, config, pr, facts } = await mergedHotfix(sandbox);
  const { commentId } = await timelineOf(ctx, facts.incident);
  const stub = stubSteps(facts.incident, { mustRecord });
  sandbox.counters.reset();
  const outcome = await runAfterMerge(ctx, config, pr, stub.steps);
  const { data: comment } = await ctx.octokit.rest.issues.getComment({ ...ctx.repo, comment_id: commentId });
  return { ctx, pr, facts, commentId, stub, outcome, writtenMarkdown: visibleTimeline(comment.body ?? "") };
}

test("the pipeline runs the steps it is handed in order and records what they return", async () => {
  const { ctx, pr, facts, commentId, stub, outcome, writtenMarkdown } = await runWithStubs(false);

  expect(stub.calls).toEqual([
    `release #${pr.number}`,
    "deploy v-stub.1",
    "backport develop (1 picks)",
    `notice #${pr.number} develop`,
    "follow-ups v-stub.1",
  ]);
  // One write, at the end: nothing asked for an earlier one.
  expect(timelineWrites(commentId)).toEqual(["PATCH"]);
  expect(stub.timelineAtBackport[0]?.pipelines[String(pr.number)]).toBeUndefined();
  const { state } = await timelineOf(ctx, facts.incident);
  const pipeline = state.pipelines[String(pr.number)];
  expect(pipeline).toMatchObject({
    tag: "v-stub.1",
    release: { id: 7, url: "https://releases.example/v-stub.1" },
    deploy: { workflow: { id: "deploy.yml", ref: "main" } },
    backports: { develop: { status: "open", pr: 99 } },
    followUps: { "post-mortem": { issue: 42, url: "https://issues.example/42", dueAt: pr.mergedAt } },
    done: true,
  });
  expect(state.entries.map((entry) => entry.key)).toEqual(
    expect.arrayContaining([
      `merged-${pr.number}`,
      `stub-release-${pr.number}`,
      `stub-deploy-${pr.number}`,
      `stub-backport-${pr.number}-develop`,
      `stub-follow-up-${pr.number}`,
    ]),
  );
  expect(outcome).toMatchObject({
    tag: "v-stub.1",
    releaseUrl: "https://releases.example/v-stub.1",
    backports: [{ target: "develop", pr: 99, status: "open" }],
    followUps: [{ kind: "post-mortem", issue: 42 }],
  });
  // The outcome's timeline is what a person reads in the comment the run wrote.
  expect(outcome.timeline).toBe(writtenMarkdown);
  expect(outcome.timeline).toContain("**done**");
});

test("a deploy start that must be recorded is written before the backports, and once more at the end", async () => {
  const { pr, commentId, stub, outcome, writtenMarkdown } = await runWithStubs(true);

  expect(timelineWrites(commentId)).toEqual(["PATCH", "PATCH"]);
  // What the backport step found in GitHub: the deploy already recorded, the pipeline not yet done.
  const early = stub.timelineAtBackport[0]?.pipelines[String(pr.number)];
  expect(early).toMatchObject({ tag: "v-stub.1", deploy: { workflow: { id: "deploy.yml" } }, done: false });
  expect(early?.backports).toEqual({});
  expect(stub.timelineAtBackport[0]?.entries.map((entry) => entry.key)).toContain(`stub-deploy-${pr.number}`);
  // The outcome carries the last write's markdown, not the early one's.
  expect(outcome.timeline).toBe(writtenMarkdown);
  expect(outcome.timeline).toContain("**done**");
});

test("a re-run of an unfinished pipeline does not deploy again: the deploy is once per pipeline", async () => {
  const { ctx, config, pr, facts } = await mergedHotfix(sandbox);
  const failing = stubSteps(facts.incident, {
    mustRecord: false,
    backport: { status: "failed", error: "the target moved" },
  });
  await runAfterMerge(ctx, config, pr, failing.steps);
  const { state } = await timelineOf(ctx, facts.incident);
  expect(state.pipelines[String(pr.number)]).toMatchObject({
    backports: { develop: { status: "failed", error: "the target moved" } },
    done: false,
  });

  const again = stubSteps(facts.incident, { mustRecord: false });
  await runAfterMerge(ctx, config, pr, again.steps);
  expect(again.calls).toEqual([
    `release #${pr.number}`,
    "backport develop (1 picks)",
    `notice #${pr.number} develop`,
    "follow-ups v-stub.1",
  ]);
  expect((await timelineOf(ctx, facts.incident)).state.pipelines[String(pr.number)]).toMatchObject({
    deploy: { workflow: { id: "deploy.yml" } },
    backports: { develop: { status: "open", pr: 99 } },
    done: true,
  });
  expect(sandbox.internalRepo(REPO).refs.list("refs/hotfix-bot/claims/")).toEqual([]);
});
