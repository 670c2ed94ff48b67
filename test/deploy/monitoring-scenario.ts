import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { ProbotOctokit } from "probot";
import { loadConfig } from "../../src/config/load-config.js";
import type { EngineContext, NotifyChannel, Octokit } from "../../src/context.js";
import { createEngineLocks } from "../../src/engine-context.js";
import { parseTimeline } from "../../src/incident/timeline-markdown.js";
import type { TimelineState } from "../../src/incident/timeline-state.js";
import { type AppOnSandbox, startAppOnSandbox } from "../../src/sandbox-app/start-app-on-sandbox.js";
import { sweepOneRepository } from "../../src/sweep/sweep-repository.js";

// A deployed hotfix on the sandbox, with the App's clock in the test's hands: the monitoring window's end is
// reached by moving the clock, not by waiting.

export const REPO = "acme/webshop";
const FIX =
  "export function checkPassword(user, password) {\n  if (!user || !password) return false;\n  return user.password === password;\n}\n";

export const config = (monitoring: string) =>
  [
    "checks:",
    "  criticalTests: [critical-tests]",
    "  securityScan: [security-scan]",
    "backport:",
    "  targets: []",
    "deploy:",
    "  environment: production",
    "monitoring:",
    ...monitoring.split("\n").map((line) => `  ${line}`),
    "",
  ].join("\n");

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

export interface Stage {
  sandbox: Sandbox;
  app: AppOnSandbox;
  /** Moves the App's (and the sweep's) clock forward. */
  advance(minutes: number): void;
  now(): Date;
  /** One sweep of the repository, as the App's timer, the Action's schedule or `hotfix-bot sweep` run it. */
  sweep(): ReturnType<typeof sweepOneRepository>;
  timelineOf(issue: number): TimelineState | null;
  close(): Promise<void>;
}

/** `notifyChannels`: the channels the App (and the sweep, which runs in it) may post to. */
export async function startStage(
  options: { notifyChannels?: ReadonlyMap<string, NotifyChannel> } = {},
): Promise<Stage> {
  const sandbox = await startSandbox();
  await sandbox.createRepository(WEBSHOP);
  let shiftMs = 0;
  const now = () => new Date(Date.now() + shiftMs);
  const app = await startAppOnSandbox(sandbox, {
    clock: now,
    throttle: { enabled: false },
    retry: { enabled: false },
    ...options,
  });
  const [owner = "", repo = ""] = REPO.split("/");
  const ref = { owner, repo };
  const sweepContext = (): EngineContext => {
    const octokit = new ProbotOctokit({
      auth: { token: sandbox.appToken() },
      baseUrl: sandbox.url,
      throttle: { enabled: false },
      retry: { enabled: false },
      log: quiet,
    }) as Octokit;
    return {
      octokit,
      repo: ref,
      config: () => loadConfig(octokit, ref),
      log: quiet,
      clock: now,
      identity: async () => ({ appId: sandbox.app.id, stateSecret: null }),
      locks: createEngineLocks(),
      ...(options.notifyChannels ? { notifyChannels: options.notifyChannels } : {}),
    };
  };
  return {
    sandbox,
    app,
    now,
    advance(minutes) {
      shiftMs += minutes * 60_000;
    },
    async sweep() {
      // The App's timer sweeps under the App's own locks, so an event the sweep causes (its close of the incident)
      // is handled once the sweep has written the timeline. This sweep has locks of its own: holding the
      // deliveries until it is done gives the same order.
      sandbox.webhooks.hold();
      try {
        return await sweepOneRepository(sweepContext());
      } finally {
        sandbox.webhooks.release();
        await sandbox.settle();
      }
    },
    timelineOf: (issue) =>
      parseTimeline(
        [...sandbox.internalRepo(REPO).comments.values()].find(
          (c) => c.issueNumber === issue && c.user.type === "Bot" && c.body.includes("hotfix-bot:timeline"),
        )?.body ?? "",
      ),
    async close() {
      await app.close();
      await sandbox.close();
    },
  };
}

/** Label → branch → push → draft PR → gate → merge, as people do it; the deploy's outcome is left to the test. */
export async function mergedHotfix(stage: Stage, hotfixYml: string) {
  const { sandbox } = stage;
  const alice = sandbox.as("alice", REPO);
  await alice.push("main", { ".github/hotfix.yml": hotfixYml });
  await sandbox.settle();
  const incident = await alice.createIssue({
    title: "Logins fail without a password",
    labels: ["P1-hotfix"],
  });
  await sandbox.settle();
  const branch = `hotfix/incident-${incident}`;
  const fix = await alice.push(branch, { "src/auth.js": FIX }, { message: "Reject empty passwords" });
  await sandbox.settle();
  const pr = [...sandbox.internalRepo(REPO).pulls.values()].find((p) => p.headRef === branch);
  if (!pr) throw new Error("no draft PR");
  await alice.updatePullRequest(pr.number, { title: "[SPF-1290] Fix critical auth failure" });
  await sandbox.markReadyForReview(REPO, pr.number, "alice");
  const ci = sandbox.asApp("ci", REPO);
  await ci.runCheck("critical-tests", fix, "success");
  await ci.runCheck("security-scan", fix, "success");
  await sandbox.settle();
  const mergeSha = await alice.merge(pr.number, "merge");
  await sandbox.settle();
  const deployment = [...sandbox.internalRepo(REPO).deployments.values()].find(
    (d) => d.creator.login === "hotfix-bot[bot]",
  );
  if (!deployment) throw new Error("no deployment");
  return { alice, incident, pr: pr.number, mergeSha, deployment: deployment.id };
}

/** The revert PRs the bot opened for `pr`. */
export function revertsOf(stage: Stage, pr: number) {
  return [...stage.sandbox.internalRepo(REPO).pulls.values()].filter(
    (p) => p.headRef === `hotfix-bot/revert-${pr}`,
  );
}

export function commentsOn(stage: Stage, issue: number) {
  return [...stage.sandbox.internalRepo(REPO).comments.values()].filter((c) => c.issueNumber === issue);
}
