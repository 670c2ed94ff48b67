import { parseTimeline } from "../incident/timeline-markdown.js";
import { startAppOnSandbox } from "../sandbox/start-app-on-sandbox.js";
import { startSandbox } from "../sandbox/start-sandbox.js";
import { WEBSHOP } from "../sandbox/webshop-seed.js";
import { narrate } from "./narrate.js";

export interface DemoOptions {
  /** End with one line of JSON describing the outcome. */
  json: boolean;
  write: (line: string) => void;
  /** Leave Probot's write pacing on (about a second between writes, as GitHub asks). Default true. */
  realisticPacing?: boolean;
}

export interface DemoSummary {
  tag: string | null;
  release: string | null;
  backports: { target: string; pr: number | null; conflict: boolean }[];
  followUps: { kind: string; issue: number }[];
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
 * hotfix branch, PR with a Jira title, checks, gate, merge, then tag, release, backports (one clean, one
 * conflicting), follow-ups, cleanup and the timeline, printed as they happen. Returns the process exit code.
 */
export async function runDemo(options: DemoOptions): Promise<number> {
  const { write } = options;
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s`;
  const say = (who: string, text: string) => write(`${elapsed()}  ${who.padEnd(10)} ${text}`);

  const sandbox = await startSandbox({ report: () => {} });
  const pacing = options.realisticPacing ?? true;
  const app = await startAppOnSandbox(sandbox, {
    ...(pacing ? {} : { throttle: { enabled: false } }),
    retry: { enabled: false },
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
    say("alice", `opens incident #${incident} (P1-hotfix)`);
    await alice.createBranch(`hotfix/incident-${incident}`, "main");
    const fix = await alice.push(
      `hotfix/incident-${incident}`,
      { "src/auth.js": FIX },
      { message: "Reject empty passwords" },
    );
    say("alice", `pushes the fix to hotfix/incident-${incident}`);
    const pr = await alice.openPullRequest({
      head: `hotfix/incident-${incident}`,
      base: "main",
      title: "[SPF-1290] Fix critical auth failure",
      body: `Incident: #${incident}\n\nRejects logins without a password.`,
    });
    say("alice", `opens PR #${pr.number} "[SPF-1290] Fix critical auth failure"`);
    await sandbox.settle();

    await ci.runCheck("critical-tests", fix, "success");
    say("ci", "critical-tests: success");
    await ci.runCheck("security-scan", fix, "success");
    say("ci", "security-scan: success");
    await sandbox.settle();

    const mergeSha = await alice.merge(pr.number, "squash");
    say("alice", `squash-merges PR #${pr.number} (${mergeSha.slice(0, 7)})`);
    await sandbox.settle({ timeoutMs: 120_000 });
    stopNarrating();

    const summary = summarize(sandbox, incident, pr.number);
    write("");
    write(`Timeline on incident #${incident}:`);
    for (const entry of timelineEntries(sandbox, incident)) write(`  ${entry}`);
    write("");
    write(
      `Done in ${elapsed().trim()}: tag ${summary.tag ?? "none"}, ${summary.backports.length} backport(s), ` +
        `${summary.followUps.length} follow-up(s); the bot made ${summary.botWrites} writes in ${summary.botRequests} requests.`,
    );
    if (options.json) write(JSON.stringify(summary));
    const complete = summary.tag !== null && summary.backports.length === 2 && summary.followUps.length > 0;
    return complete ? 0 : 1;
  } finally {
    await app.close();
    await sandbox.close();
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
    })),
    followUps: Object.entries(pipeline?.followUps ?? {}).map(([kind, f]) => ({ kind, issue: f?.issue ?? 0 })),
    botWrites: counts.writes,
    botRequests: counts.requests,
  };
}
