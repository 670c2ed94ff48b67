import { afterEach, expect, test } from "@jest/globals";
import { loadConfig } from "../../src/config/load-config.js";
import type { EngineContext } from "../../src/context.js";
import { createEngineLocks } from "../../src/engine-context.js";
import { sweepOneRepository } from "../../src/sweep/sweep-repository.js";
import { fireFastTrack } from "../../src/sweep/tasks/fire-fast-track.js";
import { appOctokit } from "../support/sandbox-octokit.js";
import {
  followUpKinds,
  gateRow,
  gateState,
  REPO,
  type Stage,
  startStage,
  timelineOf,
} from "./approval-scenario.js";

/**
 * Fast-track approval (approvals.<P>.timeoutMinutes) against a writer who wants unreviewed code in production:
 * the real App on the sandbox, its clock advanced past the timeout, the sweep firing what is due. Each attack
 * ends with the honest path, so a missing fast-track fails these tests as surely as a bypass does.
 */

const E2E_TIMEOUT = 120_000;
const MINUTE = 60_000;

const CONFIG = [
  "checks:",
  "  criticalTests: [critical-tests]",
  "approvals:",
  "  P1: { required: 1, timeoutMinutes: 5 }",
  "",
].join("\n");

let stage: Stage | null = null;
/** How far the App's clock (and the sweep's) runs ahead of the sandbox's. */
let offset = 0;
const clock = () => new Date(Date.now() + offset);

afterEach(async () => {
  await stage?.close();
  stage = null;
  offset = 0;
});

async function start(): Promise<Stage> {
  stage = await startStage(CONFIG, { clock });
  return stage;
}

/** An incident, alice's fix on its branch (the bot's draft PR, titled properly), CI green, ready for review. */
async function readyHotfix(
  s: Stage,
): Promise<{ incident: number; pr: number; head: string; branch: string }> {
  const alice = s.as("alice");
  const incident = await alice.createIssue({ title: "Checkout: logins fail", labels: ["P1-hotfix"] });
  await s.sandbox.settle();
  const branch = `hotfix/incident-${incident}`;
  const head = await alice.push(
    branch,
    { "src/auth.js": "export const check = (u, p) => Boolean(u) && u.password === p;\n" },
    { message: "Fix critical auth failure" },
  );
  await s.sandbox.settle();
  const pr = timelineOf(s, incident)?.intake?.pr?.number;
  if (pr === undefined) throw new Error("intake opened no draft PR");
  await alice.updatePullRequest(pr, { title: "[SPF-1290] Fix critical auth failure" });
  await s.sandbox.asApp("ci", REPO).runCheck("critical-tests", head, "success");
  await s.sandbox.markReadyForReview(REPO, pr, "alice");
  await s.sandbox.settle();
  return { incident, pr, head, branch };
}

/** The periodic sweep of the repository, with only the fast-track task, at the App's clock. */
async function sweep(s: Stage) {
  const octokit = appOctokit(s.sandbox);
  const ref = { owner: "acme", repo: "webshop" };
  const ctx: EngineContext = {
    octokit,
    repo: ref,
    config: () => loadConfig(octokit, ref),
    log: { debug() {}, info() {}, warn() {}, error() {} },
    clock,
    identity: async () => ({ appId: s.sandbox.app.id, stateSecret: null }),
    locks: createEngineLocks(),
  };
  const report = await sweepOneRepository(ctx, { tasks: [fireFastTrack] });
  await s.sandbox.settle();
  return report;
}

const entryTexts = (s: Stage, incident: number) => timelineOf(s, incident)?.entries.map((e) => e.text) ?? [];

test(
  "an unreviewed ready hotfix is fast-tracked by the sweep once the timeout passes, once, and its merge opens the post-deploy review",
  async () => {
    const s = await start();
    const { incident, pr, head } = await readyHotfix(s);
    expect(gateState(s, head)).toBe("in_progress/null");
    expect(gateRow(s, head, "Approvals")).toMatch(/fast-track at \d\d:\d\d UTC \(5 min without review\)/);
    expect(timelineOf(s, incident)?.fastTrack?.[String(pr)]).toMatchObject({ head, minutes: 5 });
    expect(entryTexts(s, incident).some((t) => t.startsWith(`Fast-track clock started for #${pr}`))).toBe(
      true,
    );

    // Not due yet: the sweep leaves the gate waiting.
    offset = 4 * MINUTE;
    await sweep(s);
    expect(gateState(s, head)).toBe("in_progress/null");

    offset = 6 * MINUTE;
    const report = await sweep(s);
    expect(report.results).toEqual([
      expect.objectContaining({ task: "fast-track", target: `#${pr}`, outcome: "finished" }),
    ]);
    expect(gateState(s, head)).toBe("completed/success");
    expect(gateRow(s, head, "Approvals")).toContain("fast-tracked after 5 min without review");
    expect(entryTexts(s, incident)).toContain(
      `#${pr} fast-tracked after 5 min without review: its approvals row passed, and a post-deploy review follow-up opens at merge`,
    );
    expect(timelineOf(s, incident)?.fastTrack?.[String(pr)]?.firedAt).toBeDefined();

    // Fired once: a later sweep finds nothing due and writes nothing.
    s.sandbox.counters.reset();
    offset = 10 * MINUTE;
    expect((await sweep(s)).results).toEqual([]);
    expect(s.sandbox.counters.forApp().writes).toBe(0);

    await s.as("alice").merge(pr);
    await s.sandbox.settle();
    expect(followUpKinds(s, pr)).toContain("post-deploy-review");
  },
  E2E_TIMEOUT,
);

test(
  "attack: a push after the clock started restarts it, so new unreviewed code never inherits the old timeout",
  async () => {
    const s = await start();
    const { incident, pr, branch } = await readyHotfix(s);

    offset = 4 * MINUTE;
    const pushed = await s
      .as("alice")
      .push(branch, { "src/payments.js": "export const pay = () => true;\n" }, { message: "One more thing" });
    await s.sandbox.settle();
    // CI on the new head finishes after the old clock's timeout: the gate re-evaluates on that event.
    offset = 6 * MINUTE;
    await s.sandbox.asApp("ci", REPO).runCheck("critical-tests", pushed, "success");
    await s.sandbox.settle();
    await sweep(s);
    expect(gateState(s, pushed)).toBe("in_progress/null");
    expect(gateRow(s, pushed, "Approvals")).toMatch(/1 more approval needed.*fast-track at/);
    expect(timelineOf(s, incident)?.fastTrack?.[String(pr)]).toMatchObject({ head: pushed });

    // The new head's own clock runs its full five minutes.
    offset = 12 * MINUTE;
    await sweep(s);
    expect(gateState(s, pushed)).toBe("completed/success");
    expect(gateRow(s, pushed, "Approvals")).toContain("fast-tracked after 5 min without review");
  },
  E2E_TIMEOUT,
);

test(
  "attack: a writer's change request blocks the fast-track; once it is dismissed the clock starts over",
  async () => {
    const s = await start();
    const { pr, head } = await readyHotfix(s);

    offset = 2 * MINUTE;
    const review = await s.as("bob").review(pr, "REQUEST_CHANGES", "This breaks guest checkout");
    await s.sandbox.settle();
    offset = 6 * MINUTE;
    await sweep(s);
    expect(gateState(s, head)).toBe("completed/failure");
    expect(gateRow(s, head, "Approvals")).toContain("changes requested by bob");

    await s.as("dave").dismissReview(pr, review, "discussed on the call");
    await s.sandbox.settle();
    expect(gateState(s, head)).toBe("in_progress/null");
    offset = 10 * MINUTE;
    await sweep(s);
    expect(gateState(s, head)).toBe("in_progress/null");
    offset = 12 * MINUTE;
    await sweep(s);
    expect(gateState(s, head)).toBe("completed/success");
  },
  E2E_TIMEOUT,
);

test(
  "attack: a writer who backdates the clock's start in the timeline comment does not fast-track the hotfix",
  async () => {
    const s = await start();
    const { incident, pr, head } = await readyHotfix(s);
    const since = timelineOf(s, incident)?.fastTrack?.[String(pr)]?.since as string;
    const backdated = new Date(Date.parse(since) - 60 * MINUTE).toISOString();

    // Writers may edit any comment of the repository, the bot's timeline included (no state secret in the App).
    const comment = [...s.sandbox.internalRepo(REPO).comments.values()].find(
      (c) => c.issueNumber === incident && c.body.includes(`"since":"${since}"`),
    );
    if (!comment) throw new Error("no timeline comment");
    await s.as("alice").request("PATCH", `/repos/${REPO}/issues/comments/${comment.id}`, {
      body: comment.body.replace(`"since":"${since}"`, `"since":"${backdated}"`),
    });
    expect(timelineOf(s, incident)?.fastTrack?.[String(pr)]?.since).toBe(backdated);

    // The forged record is due at once: the sweep and the next event both look, and neither fast-tracks.
    offset = 1 * MINUTE;
    await sweep(s);
    await s.as("alice").addLabels(pr, ["needs-deploy"]);
    await s.sandbox.settle();
    expect(gateState(s, head)).toBe("in_progress/null");
    expect(gateRow(s, head, "Approvals")).toMatch(/1 more approval needed.*fast-track at/);

    // The clock the gate started (kept in its own check run too) still runs its five minutes.
    offset = 6 * MINUTE;
    await sweep(s);
    expect(gateState(s, head)).toBe("completed/success");
  },
  E2E_TIMEOUT,
);
