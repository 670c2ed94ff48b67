import { randomBytes } from "node:crypto";
import { type Exchange, type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { type AppProcess, ProcessWork, startAppProcess } from "./app-processes.js";
import { duplicatesIn, effectCounts, effectsSnapshot } from "./effects-snapshot.js";
import { CONFIG, REPO } from "./hotfix-scenario.js";
import { readTimelineState } from "./timeline-of.js";

/**
 * One incident through every workflow that runs as a long step — intake, the draft PR, the after-merge pipeline's
 * deploy trigger, the rollback of a failed deployment — with the App process SIGKILLed in the middle of each
 * (right after a chosen write of it). Recovery is either the next process's sweep at start (no Redis), or, with
 * Redis, the next process taking the killed process's job from the queue (no sweep). Every workflow must end
 * complete, with no effect twice.
 */

export interface KillRecovery {
  workflow: string;
  /** From the SIGKILL to the workflow's completion (the next process's start included). */
  ms: number;
}

export interface KillRun {
  recoveries: KillRecovery[];
  missing: string[];
  duplicates: string[];
  effects: Record<string, number>;
  processes: number;
}

const DEPLOY_CONFIG = `${CONFIG}deploy:\n  environment: production\n`;

function isAppWrite(sandbox: Sandbox, exchange: Exchange): boolean {
  return (
    exchange.identity.kind === "installation" &&
    exchange.identity.app.slug === sandbox.app.slug &&
    exchange.method !== "GET"
  );
}

export async function runWorkflowKills(mode: { redisUrl?: string }): Promise<KillRun> {
  const sandbox = await startSandbox();
  const processes: AppProcess[] = [];
  let front: AppProcess | null = null;
  try {
    await sandbox.createRepository(WEBSHOP);
    const alice = sandbox.as("alice", REPO);
    await alice.push("main", { ".github/hotfix.yml": DEPLOY_CONFIG }, { message: "Configure deploys" });
    const secret = randomBytes(16).toString("hex");
    const start = async () => {
      front = await startAppProcess(sandbox, {
        secret,
        // Without Redis the sweep at start recovers; with it, the queue does (and no sweep runs at all).
        reconcileOnStart: !mode.redisUrl,
        ...(mode.redisUrl ? { redisUrl: mode.redisUrl } : {}),
      });
      processes.push(front);
      sandbox.setWebhook({ url: front.webhookUrl, secret });
    };
    sandbox.trackWork(new ProcessWork(sandbox, () => (front ? [front] : [])));
    const settle = () => sandbox.settle({ timeoutMs: 180_000 });
    const recoveries: KillRecovery[] = [];

    /** Does `act`, kills the App right after its write that `at` picks, starts the next one, waits for `done`. */
    const killDuring = async (
      workflow: string,
      act: () => Promise<unknown>,
      at: (exchange: Exchange, n: number) => boolean,
      done: () => boolean,
    ) => {
      const victim = front as AppProcess;
      let n = 0;
      let hit = false;
      const stop = sandbox.observe((exchange) => {
        if (hit || !isAppWrite(sandbox, exchange)) return;
        n++;
        if (at(exchange, n)) {
          hit = true;
          void victim.kill();
        }
      });
      await act();
      await Promise.race([
        victim.exited,
        new Promise((_, reject) =>
          setTimeout(
            () => reject(new Error(`${workflow}: the kill point was never reached`)),
            60_000,
          ).unref(),
        ),
      ]);
      stop();
      const killedAt = Date.now();
      if (done()) throw new Error(`${workflow}: complete before the kill; the kill point proves nothing`);
      await start();
      const deadline = Date.now() + 120_000;
      while (!done() && Date.now() < deadline) {
        await settle();
        if (!done()) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      recoveries.push({ workflow, ms: Date.now() - killedAt });
    };

    await start();
    const repo = () => sandbox.internalRepo(REPO);
    const timeline = (issue: number) => readTimelineState(sandbox, REPO, issue);

    // Intake: killed right after its second write (the declaration is recorded; the branch is being cut).
    let incident = 0;
    await killDuring(
      "intake",
      async () => {
        incident = await alice.createIssue({ title: "Logins fail", labels: ["P1-hotfix"] });
      },
      (_, n) => n === 2,
      () => timeline(incident)?.intake?.checklist === true,
    );
    const branch = `hotfix/incident-${incident}`;

    // The draft PR: killed right after the PR was created, before the timeline records it.
    await killDuring(
      "draft PR",
      () => alice.push(branch, { "src/auth.js": "export const fixed = true;\n" }, { message: "Fix logins" }),
      (exchange) => exchange.method === "POST" && exchange.route.endsWith("/pulls"),
      () => timeline(incident)?.intake?.pr !== undefined,
    );
    const pull = [...repo().pulls.values()].find((p) => p.headRef === branch);
    if (!pull) throw new Error("no draft PR");
    await alice.updatePullRequest(pull.number, {
      title: "[SPF-1290] Fix logins",
      body: `Incident: #${incident}`,
    });
    pull.draft = false;
    const ci = sandbox.asApp("ci", REPO);
    await ci.runCheck("critical-tests", pull.headSha, "success");
    await ci.runCheck("security-scan", pull.headSha, "success");
    await sandbox.as("bob", REPO).review(pull.number, "APPROVE", "Looks right");
    await settle();

    // The deploy trigger: killed right after the deployment of the tag was created, before anything records it.
    await killDuring(
      "deploy trigger",
      () => alice.merge(pull.number, "merge"),
      (exchange) => exchange.method === "POST" && exchange.route.endsWith("/deployments"),
      () => timeline(incident)?.pipelines[String(pull.number)]?.done === true,
    );
    const deployment = [...repo().deployments.values()][0];
    if (!deployment) throw new Error("no deployment");

    // The rollback: killed right after its second write (the revert commit exists; no branch, PR or label yet).
    await killDuring(
      "rollback",
      () => alice.setDeploymentStatus(deployment.id, "failure"),
      (_, n) => n === 2,
      () => {
        const deploy = timeline(incident)?.pipelines[String(pull.number)]?.deploy;
        return deploy?.rollback?.status === "open" && deploy.escalated === true;
      },
    );
    await settle();

    const missing: string[] = [];
    const state = timeline(incident);
    if (!state?.intake?.checklist) missing.push("intake checklist");
    if (!state?.intake?.pr) missing.push("draft PR recorded");
    if (!state?.pipelines[String(pull.number)]?.done) missing.push("after-merge pipeline");
    if (repo().deployments.size !== 1) missing.push(`one deployment (found ${repo().deployments.size})`);
    const reverts = [...repo().pulls.values()].filter((p) => p.headRef.startsWith("hotfix-bot/revert-"));
    if (reverts.length !== 1) missing.push(`one revert PR (found ${reverts.length})`);
    if (!repo().issues.get(incident)?.labels.includes("rollback")) missing.push("rollback label");
    const snapshot = await effectsSnapshot(sandbox, REPO);
    return {
      recoveries,
      missing,
      duplicates: duplicatesIn(snapshot),
      effects: effectCounts(snapshot),
      processes: processes.length,
    };
  } finally {
    await Promise.all(processes.map((p) => p.kill()));
    await sandbox.close();
  }
}
