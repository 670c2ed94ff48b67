import { startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { githubContext } from "../cli/github-context.js";
import { incidentDurations, recoveryLine } from "../incident/incident-durations.js";
import { parseTimeline } from "../incident/timeline-markdown.js";
import { generateReport } from "../metrics/report.js";
import { startAppOnSandbox } from "../sandbox-app/start-app-on-sandbox.js";
import { sweepOneRepository } from "../sweep/sweep-repository.js";
import { narrate } from "./narrate.js";
import { type ReceivedPost, startNotificationReceiver } from "./notification-receiver.js";

export interface DemoOptions {
  /** End with one line of JSON describing the outcome. */
  json: boolean;
  write: (line: string) => void;
  /** Leave Probot's write pacing on (about a second between writes, as GitHub asks). Default true. */
  realisticPacing?: boolean;
  /**
   * Keep the sandbox up after the story until the returned promise settles (`--keep`: until Ctrl-C), with its
   * pages at hand: the incident, its pull request and the repository.
   */
  keep?: (pages: DemoPages) => Promise<void>;
  /**
   * `incident` (default): the whole incident, ending with the monitoring window and, the clock moved past its end,
   * "stable". `rollback`: the deployment fails (revert PR, label, escalation), then a person says `/rollback`.
   */
  scenario?: "incident" | "rollback";
}

/** The sandbox's pages of the demo's incident, for a person (or a browser test) to look at. */
export interface DemoPages {
  sandbox: string;
  repository: string;
  incident: string;
  pullRequest: string;
  /** A read-only user's token, for `report --api-url <sandbox>` against the demo's repository. */
  readToken: string;
}

export interface DemoSummary {
  tag: string | null;
  release: string | null;
  backports: { target: string; pr: number | null; conflict: boolean; merged: boolean }[];
  followUps: { kind: string; issue: number }[];
  /** Every backport merged and the incident resolved (and closed) after the last one. */
  resolved: boolean;
  botWrites: number;
  botRequests: number;
}

const REPO = "acme/webshop";

const CONFIG = `# hotfix-bot configuration of the demo repository
productionBranch: main
developBranch: develop
checks:
  criticalTests: [critical-tests]
  securityScan: [security-scan]
backport:
  targets: ["{develop}", "release/*"]
deploy:
  environment: production
  closeIncidentOnSuccess: true
notify:
  channels: [incident-room, status-page]
monitoring:
  windowMinutes: 30
`;

const FIX = `export function checkPassword(user, password) {
  if (!user || typeof password !== "string") return false;
  return user.password === password;
}
`;

// release/1.x changed the same lines another way, so that backport conflicts and shows the draft-PR path.
const RELEASE_TWEAK = `export function checkPassword(user, password) {
  if (user == null) return false;
  return user.password === password;
}
`;

/**
 * Plays a whole incident against the sandbox with the real App (its Probot server receiving signed webhooks):
 * the P1-hotfix label (timeline, hotfix branch, checklist), the fix pushed to the bot's branch (draft PR), the Jira
 * title, checks and gate, merge, then tag, release, the deployment, backports (one clean, one conflicting),
 * follow-ups, cleanup, the deploy's success and the incident's recovery figures, then the backports merged (the
 * conflicting one resolved by hand) and the incident resolved after the last one, printed as they happen. Returns
 * the process exit code.
 */
export async function runDemo(options: DemoOptions): Promise<number> {
  const { write } = options;
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s`;
  const say = (who: string, text: string) => write(`${elapsed()}  ${who.padEnd(10)} ${text}`);

  const sandbox = await startSandbox({ report: () => {} });
  const pacing = options.realisticPacing ?? true;
  const rollback = options.scenario === "rollback";
  // The App's clock: moved past the monitoring window's end at the close of the story, rather than waited out.
  let shiftMs = 0;
  const clock = () => new Date(Date.now() + shiftMs);
  // Slack's #incident-room and a status page, played by a local receiver that says what each one got.
  const receiver = await startNotificationReceiver({
    onPost: (post) => say("receiver", describePost(post)),
  });
  const notifyChannels = new Map([
    ["incident-room", { name: "incident-room", kind: "slack", url: receiver.url("incident-room") }],
    ["status-page", { name: "status-page", kind: "webhook", url: receiver.url("status-page") }],
  ] as const);
  const app = await startAppOnSandbox(sandbox, {
    clock,
    ...(pacing ? {} : { throttle: { enabled: false } }),
    retry: { enabled: false },
    notifyChannels,
  });
  try {
    await sandbox.createRepository(WEBSHOP);
    const alice = sandbox.as("alice", REPO);
    const bob = sandbox.as("bob", REPO);
    const ci = sandbox.asApp("ci", REPO);
    await alice.push("main", { ".github/hotfix.yml": CONFIG }, { message: "Configure hotfix-bot" });
    await bob.createBranch("release/1.x", "main");
    await bob.push("release/1.x", { "src/auth.js": RELEASE_TWEAK }, { message: "Harden null check on 1.x" });
    await sandbox.settle();
    write(`sandbox ${sandbox.url} — repository ${REPO} with main, develop and release/1.x`);
    write(
      `hotfix-bot (Probot) listening on ${app.url}, write pacing ${pacing ? "on (≈1 s per write)" : "off"}`,
    );
    write("");

    sandbox.counters.reset();
    const stopNarrating = sandbox.observe((exchange) => {
      if (exchange.identity.kind !== "installation" || exchange.identity.app.slug !== sandbox.app.slug)
        return;
      const line = narrate(exchange);
      if (line) say("hotfix-bot", line);
    });

    const incident = await alice.createIssue({
      title: "Checkout: logins fail for users without a password",
      body: "Production login is broken since 14:02.",
      labels: ["P1-hotfix"],
    });
    say("alice", `opens incident #${incident} with the P1-hotfix label`);
    await sandbox.settle();

    const branch = `hotfix/incident-${incident}`;
    const fix = await alice.push(branch, { "src/auth.js": FIX }, { message: "Reject empty passwords" });
    say("alice", `pushes the fix to ${branch}`);
    await sandbox.settle();
    const draft = [...sandbox.internalRepo(REPO).pulls.values()].find((p) => p.headRef === branch);
    if (!draft) throw new Error(`hotfix-bot opened no draft PR for ${branch}`);
    const pr = { number: draft.number };
    await alice.updatePullRequest(pr.number, { title: "[SPF-1290] Fix critical auth failure" });
    say(
      "alice",
      `puts the Jira key in the title of PR #${pr.number}: "[SPF-1290] Fix critical auth failure"`,
    );
    await sandbox.markReadyForReview(REPO, pr.number, "alice");
    say("alice", `marks PR #${pr.number} ready for review`);
    await sandbox.settle();

    await ci.runCheck("critical-tests", fix, "success");
    say("ci", "critical-tests: success");
    await ci.runCheck("security-scan", fix, "success");
    say("ci", "security-scan: success");
    await sandbox.settle();

    const mergeSha = await alice.merge(pr.number, "squash");
    say("alice", `squash-merges PR #${pr.number} (${mergeSha.slice(0, 7)})`);
    await sandbox.settle({ timeoutMs: 120_000 });

    const deployment = [...sandbox.internalRepo(REPO).deployments.values()].find(
      (d) => d.creator.login === `${sandbox.app.slug}[bot]`,
    );
    if (deployment && rollback) {
      await bob.setDeploymentStatus(deployment.id, "failure");
      say("deployer", `deployment of ${deployment.ref} to ${deployment.environment}: failure`);
      await sandbox.settle();
      await alice.comment(incident, "/rollback checkout errors are still climbing");
      say("alice", `comments "/rollback checkout errors are still climbing" on incident #${incident}`);
      await sandbox.settle();
    } else if (deployment) {
      await bob.setDeploymentStatus(deployment.id, "success");
      say("deployer", `deployment of ${deployment.ref} to ${deployment.environment}: success`);
      await sandbox.settle();
    }
    if (!rollback) await landBackports(sandbox, incident, pr.number, say);
    const monitor = parseTimeline(timelineComment(sandbox, incident)?.body ?? "")?.pipelines[
      String(pr.number)
    ]?.monitor;
    if (monitor) {
      say("clock", `moves past the monitoring window's end (${monitor.until.slice(11, 16)} UTC)`);
      shiftMs = Date.parse(monitor.until) - Date.now() + 60_000;
      const swept = await sweepOneRepository({
        ...githubContext({
          env: { GITHUB_TOKEN: sandbox.appToken(), HOTFIX_BOT_APP: String(sandbox.app.id) },
          repo: { owner: "acme", repo: "webshop" },
          apiUrl: sandbox.url,
          log: { debug() {}, info() {}, warn() {}, error() {} },
          access: "write",
        }),
        clock,
        // The sweep runs where the App runs, with the App's channels: the window's end is announced too.
        notifyChannels,
      });
      const ended = swept.results
        .filter((r) => r.task === "monitoring")
        .map((r) => `${r.target} ${r.detail}`);
      say("sweep", `monitoring windows ended: ${ended.join(", ") || "none"}`);
    }
    stopNarrating();

    const summary = summarize(sandbox, incident, pr.number);
    write("");
    write(`Timeline on incident #${incident}:`);
    for (const entry of timelineEntries(sandbox, incident)) write(`  ${entry}`);
    const state = parseTimeline(timelineComment(sandbox, incident)?.body ?? "");
    const recovery = state ? recoveryLine(incidentDurations(state)) : null;
    write("");
    write(`Recovery of incident #${incident}: ${recovery ?? "not measured"}`);
    write("");
    const report = await generateReport(
      githubContext({
        env: { GITHUB_TOKEN: sandbox.tokenFor("carol"), HOTFIX_BOT_APP: String(sandbox.app.id) },
        repo: { owner: "acme", repo: "webshop" },
        apiUrl: sandbox.url,
        log: { debug() {}, info() {}, warn() {}, error() {} },
        access: "read",
      }),
    );
    for (const line of report.text.trimEnd().split("\n")) write(line);
    write("");
    write(
      `Done in ${elapsed().trim()}: tag ${summary.tag ?? "none"}, ${summary.backports.length} backport(s), ` +
        `${summary.followUps.length} follow-up(s); the bot made ${summary.botWrites} writes in ${summary.botRequests} requests.`,
    );
    if (options.json) write(JSON.stringify(summary));
    if (options.keep) {
      const pages: DemoPages = {
        sandbox: sandbox.url,
        repository: sandbox.world.htmlUrl(`/${REPO}`),
        incident: sandbox.world.htmlUrl(`/${REPO}/issues/${incident}`),
        pullRequest: sandbox.world.htmlUrl(`/${REPO}/pull/${pr.number}`),
        readToken: sandbox.tokenFor("carol"),
      };
      write("");
      write(`The sandbox stays up (read-only pages, like GitHub's): incident ${pages.incident}`);
      write(`  pull request ${pages.pullRequest}, repository ${pages.repository}`);
      await options.keep(pages);
    }
    if (rollback) return rollbackComplete(sandbox, incident, pr.number) ? 0 : 1;
    const deployed = state?.pipelines[String(pr.number)]?.deploy?.deployedAt !== undefined;
    const stable = state?.pipelines[String(pr.number)]?.monitor?.stableAt !== undefined;
    const complete =
      stable &&
      summary.tag !== null &&
      summary.backports.length === 2 &&
      summary.followUps.length > 0 &&
      deployed &&
      summary.resolved;
    return complete ? 0 : 1;
  } finally {
    await app.close();
    await sandbox.close();
    await receiver.close();
  }
}

/** One line for what a channel received: Slack's header block, or the JSON's milestone and summary. */
function describePost(post: ReceivedPost): string {
  const body = post.body as { blocks?: { text?: { text?: string } }[]; milestone?: string; summary?: string };
  if (body.milestone) return `${post.channel} got ${body.milestone}: ${body.summary ?? ""}`;
  return `${post.channel} got Slack blocks: ${body.blocks?.[0]?.text?.text ?? ""}`;
}

/**
 * The rollback scenario went through: one revert PR, the incident labelled and escalated once, and alice's
 * `/rollback` answered without a second revert.
 */
function rollbackComplete(
  sandbox: Awaited<ReturnType<typeof startSandbox>>,
  incident: number,
  pr: number,
): boolean {
  const repo = sandbox.internalRepo(REPO);
  const reverts = [...repo.pulls.values()].filter((p) => p.headRef === `hotfix-bot/revert-${pr}`);
  const comments = [...repo.comments.values()].filter((c) => c.issueNumber === incident);
  return (
    reverts.length === 1 &&
    (repo.issues.get(incident)?.labels ?? []).includes("rollback") &&
    comments.filter((c) => c.body.includes("hotfix-bot:escalation")).length === 1 &&
    comments.some((c) => c.body.includes("hotfix-bot:rollback-reply"))
  );
}

// What bob makes of the conflict on release/1.x: both the fix and the branch's own hardening.
const RELEASE_RESOLVED = `export function checkPassword(user, password) {
  if (user == null || typeof password !== "string") return false;
  return user.password === password;
}
`;

/**
 * The backports land as people land them: bob merges the clean one, resolves the conflicting draft on its branch,
 * marks it ready and merges it; the incident resolves (and closes) after the last one.
 */
async function landBackports(
  sandbox: Awaited<ReturnType<typeof startSandbox>>,
  incident: number,
  pr: number,
  say: (who: string, text: string) => void,
): Promise<void> {
  const bob = sandbox.as("bob", REPO);
  const state = parseTimeline(timelineComment(sandbox, incident)?.body ?? "");
  const backports = Object.entries(state?.pipelines[String(pr)]?.backports ?? {});
  for (const [target, backport] of backports.sort(
    ([, a], [, b]) => Number(a.status === "conflict") - Number(b.status === "conflict"),
  )) {
    if (backport.pr === undefined) continue;
    if (backport.status === "conflict") {
      const branch = backport.branch ?? `hotfix-bot/backport-${pr}-to-${target}`;
      await bob.push(
        branch,
        { "src/auth.js": RELEASE_RESOLVED },
        { message: "Resolve the backport conflict" },
      );
      say("bob", `resolves the conflict of backport PR #${backport.pr} on ${branch}`);
      await sandbox.markReadyForReview(REPO, backport.pr, "bob");
      await sandbox.settle();
    }
    const sha = await bob.merge(backport.pr, "merge");
    say("bob", `merges backport PR #${backport.pr} into ${target} (${sha.slice(0, 7)})`);
    await sandbox.settle();
  }
}

function timelineComment(sandbox: Awaited<ReturnType<typeof startSandbox>>, issue: number) {
  return [...sandbox.internalRepo(REPO).comments.values()].find(
    (c) => c.issueNumber === issue && c.user.type === "Bot" && c.body.includes("hotfix-bot:timeline"),
  );
}

function timelineEntries(sandbox: Awaited<ReturnType<typeof startSandbox>>, issue: number): string[] {
  const state = parseTimeline(timelineComment(sandbox, issue)?.body ?? "");
  return (state?.entries ?? []).map((e) => `${e.at.slice(11, 19)}  ${e.text}${e.url ? `  ${e.url}` : ""}`);
}

function summarize(
  sandbox: Awaited<ReturnType<typeof startSandbox>>,
  incident: number,
  pr: number,
): DemoSummary {
  const state = parseTimeline(timelineComment(sandbox, incident)?.body ?? "");
  const pipeline = state?.pipelines[String(pr)];
  const counts = sandbox.counters.forApp();
  return {
    tag: pipeline?.tag ?? null,
    release: pipeline?.release?.url ?? null,
    backports: Object.entries(pipeline?.backports ?? {}).map(([target, b]) => ({
      target,
      pr: b.pr ?? null,
      conflict: b.status === "conflict",
      merged: b.end?.state === "merged",
    })),
    resolved:
      state?.resolvedAt !== undefined && sandbox.internalRepo(REPO).issues.get(incident)?.state === "closed",
    followUps: Object.entries(pipeline?.followUps ?? {}).map(([kind, f]) => ({ kind, issue: f?.issue ?? 0 })),
    botWrites: counts.writes,
    botRequests: counts.requests,
  };
}
