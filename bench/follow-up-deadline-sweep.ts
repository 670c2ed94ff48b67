import { startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { ProbotOctokit } from "probot";
import { loadConfig } from "../src/config/load-config.js";
import type { EngineContext, Octokit } from "../src/context.js";
import { createEngineLocks } from "../src/engine-context.js";
import { startAppOnSandbox } from "../src/sandbox-app/start-app-on-sandbox.js";
import { sweepRepository } from "../src/sweep/sweep-repository.js";
import type { SweepTask } from "../src/sweep/sweep-task.js";
import { noticeOverdueFollowUps } from "../src/sweep/tasks/notice-overdue-follow-ups.js";

const HOUR = 3_600_000;
const REPO = { owner: "acme", repo: "webshop" };
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * What the follow-up deadline task adds to one repository's sweep, at each moment of a hotfix's follow-ups
 * (post-mortem and regression tests due in a week, the post-deploy review in 24 h): the requests and writes of a
 * sweep with the task, less those of the same sweep without it (the shared reads: configuration, merged PRs,
 * claims, timelines). Returns markdown lines.
 */
export async function measureFollowUpDeadlines(): Promise<string[]> {
  let now = Date.parse("2026-11-20T09:00:00Z");
  const clock = () => new Date(now);
  const sandbox = await startSandbox({ clock, report: () => {} });
  try {
    await sandbox.createRepository(WEBSHOP);
    const app = await startAppOnSandbox(sandbox, {
      clock,
      throttle: { enabled: false },
      retry: { enabled: false },
    });
    const alice = sandbox.as("alice", "acme/webshop");
    await alice.push("main", { ".github/hotfix.yml": "backport: { targets: [] }\n" });
    const incident = await alice.createIssue({ title: "Logins fail", labels: ["P1-hotfix"] });
    await sandbox.settle();
    const branch = `hotfix/incident-${incident}`;
    await alice.push(branch, { "src/auth.js": "export const fixed = true;\n" });
    await sandbox.settle();
    const pr = [...sandbox.internalRepo("acme/webshop").pulls.values()].find((p) => p.headRef === branch);
    if (!pr) throw new Error("no draft PR");
    await alice.updatePullRequest(pr.number, { title: "[SPF-1] Fix logins" });
    await sandbox.markReadyForReview("acme/webshop", pr.number, "alice");
    await alice.merge(pr.number, "merge");
    await sandbox.settle();
    await app.close();
    const mergedAt = now;
    const octokit = new ProbotOctokit({
      auth: { token: sandbox.appToken() },
      baseUrl: sandbox.url,
      log: quiet,
      throttle: { enabled: false },
      retry: { enabled: false },
    }) as Octokit;
    const ctx: EngineContext = {
      octokit,
      repo: REPO,
      config: () => loadConfig(octokit, REPO),
      log: quiet,
      clock,
      identity: async () => ({ appId: sandbox.app.id, stateSecret: null }),
      locks: createEngineLocks(),
    };
    const cost = async (tasks: readonly SweepTask[]) => {
      sandbox.requests.reset();
      await sweepRepository(ctx, [], { tasks });
      return sandbox.requests.forApp();
    };
    const followUp = (kind: string) =>
      [...sandbox.internalRepo("acme/webshop").issues.values()].find((i) =>
        i.body?.includes(`"kind":"${kind}"`),
      );
    const rows: string[] = [];
    const measure = async (moment: string, at: number) => {
      now = at;
      const without = await cost([]);
      // The task's own effect happens once: the baseline is measured first, then the sweep with the task.
      const withTask = await cost([noticeOverdueFollowUps]);
      rows.push(
        `| ${moment} | ${withTask.requests - without.requests} | ${withTask.writes - without.writes} |`,
      );
    };
    await measure("before any due time", mergedAt + HOUR);
    await measure("24 h review overdue and open: comment + timeline", mergedAt + 25 * HOUR);
    await measure("the next sweep", mergedAt + 26 * HOUR);
    const postMortem = followUp("post-mortem");
    if (postMortem) await alice.updateIssue(postMortem.number, { state: "closed" });
    await measure("a week later: one closed (recorded), one overdue", mergedAt + 7 * 24 * HOUR + HOUR);
    await measure("every follow-up settled", mergedAt + 7 * 24 * HOUR + 2 * HOUR);
    return [
      "### Follow-up deadlines: what the task adds to one repository's sweep",
      "",
      "One merged hotfix with 3 follow-ups (post-deploy review due in 24 h; post-mortem and regression tests in a " +
        "week); requests and writes of the sweep with the task less the same sweep without it.",
      "",
      "| moment | requests | writes |",
      "| --- | ---: | ---: |",
      ...rows,
      "",
    ];
  } finally {
    await sandbox.close();
  }
}
