import type { Sandbox } from "@hotfix-bot/sandbox";
import { type RecordedWrite, recordWrites } from "../src/action/record-writes.js";
import { loadConfig } from "../src/config/load-config.js";
import type { Log, Octokit } from "../src/context.js";
import { type SettledEvent, settleEvent } from "../src/engine.js";
import { createEngineContext, createEngineLocks } from "../src/engine-context.js";
import { visibleTimeline } from "../src/incident/timeline-markdown.js";
import type { EngineEvent } from "../src/route.js";
import { appOnSandboxOnDemand } from "./support/app-on-sandbox.js";
import { appOctokit } from "./support/sandbox-octokit.js";

// The engine's outcome carries what its steps rendered: the `hotfix-gate` check run and the incident timeline,
// exactly as GitHub (here the sandbox) stores them. Adapters report from it; in a dry run a step stops at its first
// write, and the outcome still says what that write would have been.

const REPO = "acme/webshop";
const quiet: Log = { debug() {}, info() {}, warn() {}, error() {} };

/** Runs the engine on one delivery the sandbox recorded, as the Action does (optionally refusing every write). */
async function settle(sandbox: Sandbox, event: EngineEvent, options: { dryRun?: boolean } = {}) {
  const writes: RecordedWrite[] = [];
  const octokit = recordWrites(appOctokit(sandbox) as Octokit, {
    writes,
    dryRun: options.dryRun ?? false,
    log: quiet,
  });
  const repo = { owner: "acme", repo: "webshop" };
  const ctx = createEngineContext({
    octokit,
    repo,
    log: quiet,
    locks: createEngineLocks(),
    readConfig: () => loadConfig(octokit, repo),
    identity: async () => ({ appId: sandbox.app.id, stateSecret: null }),
  });
  const settled: SettledEvent = await settleEvent(event, ctx);
  return { ...settled, writes };
}

function lastDelivery(sandbox: Sandbox, name: string, action: string): EngineEvent {
  const delivery = sandbox.webhooks.find(name, action).at(-1);
  if (!delivery) throw new Error(`the sandbox announced no ${name}.${action}`);
  return { name, id: delivery.id, payload: delivery.payload };
}

const gateRuns = (sandbox: Sandbox, sha: string) =>
  [...sandbox.internalRepo(REPO).checkRuns.values()].filter(
    (run) => run.name === "hotfix-gate" && run.headSha === sha,
  );

const timelineComments = (sandbox: Sandbox, issue: number) =>
  [...sandbox.internalRepo(REPO).comments.values()].filter(
    (c) => c.issueNumber === issue && c.body.includes("hotfix-bot:timeline"),
  );

describe("the engine's outcome on the sandbox", () => {
  // The webshop without the App: each test hands the engine the very delivery the sandbox recorded.
  const stage = appOnSandboxOnDemand();
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await stage.startSandbox();
  });

  async function openHotfixPull(title: string) {
    const alice = sandbox.as("alice", REPO);
    await alice.push(
      "hotfix/incident-1",
      { "src/auth.js": "export const ok = 2;\n" },
      { message: "Fix auth" },
    );
    const pr = await alice.openPullRequest({ head: "hotfix/incident-1", base: "main", title });
    return { ...pr, event: lastDelivery(sandbox, "pull_request", "opened") };
  }

  it("carries the gate's check run as written: status, conclusion, title, and summary and text as one markdown", async () => {
    const pr = await openHotfixPull("fix login");
    const { outcome, failures } = await settle(sandbox, pr.event);

    expect(failures).toEqual([]);
    expect(outcome.stopped).toEqual([]);
    const runs = gateRuns(sandbox, pr.headSha);
    expect(runs).toHaveLength(1);
    const stored = runs[0]?.output;
    expect(stored?.text).toBeTruthy();
    expect(outcome.gate?.rendered).toEqual({
      status: "completed",
      conclusion: "failure",
      title: stored?.title,
      markdown: `${stored?.summary}\n\n${stored?.text}`,
    });
    expect(outcome.gate?.rendered?.markdown).toMatch(/\| ❌ \| Title \|/);
    expect(outcome.gate?.conclusion).toBe("failure");
  });

  it("carries no rendered gate when the check run already shows the evaluation (nothing written)", async () => {
    const pr = await openHotfixPull("fix login");
    await settle(sandbox, pr.event);
    const again = await settle(sandbox, pr.event);
    expect(again.writes).toEqual([]);
    expect(again.outcome.gate).toMatchObject({ conclusion: "failure" });
    expect(again.outcome.gate?.rendered).toBeUndefined();
  });

  it("in a dry run stops the gate at its refused write, and carries the check run a real run then writes", async () => {
    const pr = await openHotfixPull("fix login");
    const dry = await settle(sandbox, pr.event, { dryRun: true });

    expect(dry.failures).toEqual([]);
    expect(dry.outcome.steps).toEqual(["gate"]);
    expect(dry.outcome.stopped).toEqual([
      { step: "gate", reason: `dry run: refused POST /repos/${REPO}/check-runs` },
    ]);
    expect(dry.writes.map((w) => w.result)).toEqual(["refused"]);
    expect(gateRuns(sandbox, pr.headSha)).toEqual([]);
    expect(dry.outcome.gate?.conclusion).toBe("failure");

    const real = await settle(sandbox, pr.event);
    expect(real.outcome.gate?.rendered?.markdown).toBeTruthy();
    // The same markdown, except the run's own time: the dry run's clock is a moment earlier.
    const withoutTimes = (markdown = "") =>
      markdown.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z|\d\d:\d\d UTC/g, "<t>");
    expect(withoutTimes(dry.outcome.gate?.rendered?.markdown)).toBe(
      withoutTimes(real.outcome.gate?.rendered?.markdown),
    );
  });

  it("carries the timeline that intake wrote, as a person reads it (no hidden state line)", async () => {
    const alice = sandbox.as("alice", REPO);
    const issue = await alice.createIssue({ title: "Checkout: logins fail", labels: ["P1-hotfix"] });
    const { outcome, failures } = await settle(sandbox, lastDelivery(sandbox, "issues", "labeled"));

    expect(failures).toEqual([]);
    expect(outcome.steps).toContain("intake");
    const comments = timelineComments(sandbox, issue);
    expect(comments).toHaveLength(1);
    expect(outcome.timeline).toBe(visibleTimeline(comments[0]?.body ?? ""));
    expect(outcome.timeline).toContain("### Hotfix timeline");
    expect(outcome.timeline).toContain("Checklist and rollback plan posted");
    expect(outcome.timeline).not.toContain("<!--");
  });

  it("in a dry run stops intake at its first write and carries the timeline it would have written", async () => {
    const alice = sandbox.as("alice", REPO);
    const issue = await alice.createIssue({ title: "Checkout: logins fail", labels: ["P1-hotfix"] });
    const { outcome, failures, writes } = await settle(sandbox, lastDelivery(sandbox, "issues", "labeled"), {
      dryRun: true,
    });

    expect(failures).toEqual([]);
    expect(outcome.stopped).toEqual([
      { step: "intake", reason: `dry run: refused POST /repos/${REPO}/issues/${issue}/comments` },
    ]);
    expect(writes.map((w) => w.result)).toEqual(["refused"]);
    expect(timelineComments(sandbox, issue)).toEqual([]);
    // User text is escaped in the timeline (a mention is broken so that it notifies no one).
    expect(outcome.timeline).toMatch(/\| \[Incident declared by @&#8203;alice .*severity P1\]/);
    expect(outcome.timeline).not.toContain("Checklist and rollback plan posted");
    expect(outcome.timeline).not.toContain("<!--");
  });

  it("keeps the declared timeline in the outcome when intake fails after writing it", async () => {
    const alice = sandbox.as("alice", REPO);
    const issue = await alice.createIssue({ title: "Checkout: logins fail", labels: ["P1-hotfix"] });
    // The incident branch cannot be cut: every create of a ref fails, after the declaration is on the timeline.
    sandbox.setFaults({
      seed: 1,
      rate: 1,
      kinds: ["502"],
      phase: "before",
      routes: ["POST /repos/{owner}/{repo}/git/refs"],
    });
    const { outcome, failures } = await settle(sandbox, lastDelivery(sandbox, "issues", "labeled"));
    sandbox.setFaults(null);

    expect(failures).toHaveLength(1);
    expect(outcome.stopped).toEqual([]);
    const comments = timelineComments(sandbox, issue);
    expect(comments).toHaveLength(1);
    expect(outcome.timeline).toBe(visibleTimeline(comments[0]?.body ?? ""));
    expect(outcome.timeline).toMatch(/Incident declared by @&#8203;alice/);
  });
});
