import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { backportToTarget } from "../src/backport/backport-to-target.js";
import { commitsToPick } from "../src/cherry-pick/pick-list.js";
import { parseConfigText } from "../src/config/parse-config.js";
import type { EngineContext, Octokit } from "../src/context.js";
import { createEngineLocks } from "../src/engine-context.js";
import { mergedPullRequestFrom } from "../src/incident/merged-pull-request.js";
import { type AppOnSandbox, startAppOnSandbox } from "../src/sandbox-app/start-app-on-sandbox.js";
import { appOctokit, userOctokit } from "../test/support/sandbox-octokit.js";
import { openHotfixPr } from "./hotfix-pr.js";

/**
 * `npm run bench:sibling`: writes and requests of a backport and of the whole after-merge pipeline, counted by the
 * sandbox, beside the sibling-commit technique of tibdex/github-cherry-pick (5 writes + 1 read per commit, plus
 * 3 writes and 2 reads, plus the PR), computed from that formula. Two merges of a 3-commit hotfix PR: squash
 * (1 commit to pick) and rebase (3 commits). Counts are exact; `--paced` also times the squash pipeline with
 * Probot's write pacing on. Prints a markdown section.
 */

const REPO = { owner: "acme", repo: "webshop" };
const paced = process.argv.includes("--paced");

const CONFIG = `productionBranch: main
developBranch: develop
checks: { criticalTests: [critical-tests], securityScan: [security-scan] }
backport: { targets: ["{develop}"] }
`;

const FIX =
  "export function checkPassword(user, password) {\n  if (!user || !password) return false;\n  return user.password === password;\n}\n";
const AUTH_TEST =
  'import { checkPassword } from "../src/auth.js";\n\ntest("rejects a missing user", () => {\n  expect(checkPassword(null, "x")).toBe(false);\n});\n';

/** The sibling-commit technique's cost for `n` commits, from its published method (the PR added separately). */
export function siblingTechnique(n: number): { reads: number; writes: number } {
  return { reads: n + 2, writes: 5 * n + 3 };
}

interface Counted {
  requests: number;
  writes: number;
}

interface BackportFigures {
  /** The whole backport step: looks for an existing PR, cherry-picks, branch, PR, label, reviewer. */
  step: Counted;
  /** What the formula covers: target read, cherry-pick, branch, PR. */
  core: Counted;
}

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

async function freshSandbox(): Promise<Sandbox> {
  const sandbox = await startSandbox({ report: () => {} });
  await sandbox.createRepository(WEBSHOP);
  const alice = sandbox.as("alice", "acme/webshop");
  await alice.push("main", { ".github/hotfix.yml": CONFIG }, { message: "Configure" });
  return sandbox;
}

/** A 3-commit hotfix PR, green and merged with `method`; returns its number. */
async function mergeHotfix(
  sandbox: Sandbox,
  method: "squash" | "rebase",
  beforeMerge: () => void = () => {},
): Promise<number> {
  // Three commits on files develop has not touched: each backport pick is clean.
  const { number, head } = await openHotfixPr(sandbox, [
    { "src/auth.js": FIX },
    {
      "CHANGELOG.md":
        "# Changelog\n\n## 1.0.1\n\n- Fix logins without a password\n\n## 1.0.0\n\n- First release\n",
    },
    {
      "test/auth.test.js": `${AUTH_TEST}\ntest("rejects a missing password", () => {\n  expect(checkPassword({}, "")).toBe(false);\n});\n`,
    },
  ]);
  const ci = sandbox.asApp("ci", "acme/webshop");
  await ci.runCheck("critical-tests", head, "success");
  await ci.runCheck("security-scan", head, "success");
  await sandbox.settle();
  beforeMerge();
  await sandbox.as("alice", "acme/webshop").merge(number, method);
  return number;
}

const FORMULA_ROUTES = new Set([
  "GET /repos/{owner}/{repo}/git/ref/{ref}",
  "POST /repos/{owner}/{repo}/git/refs",
  "POST /repos/{owner}/{repo}/pulls",
]);

/** The backport step alone, on a merged PR, with the App's token (no App running: nothing else is counted). */
async function backportStep(method: "squash" | "rebase"): Promise<BackportFigures & { picks: number }> {
  const sandbox = await freshSandbox();
  try {
    const number = await mergeHotfix(sandbox, method);
    // Reading the PR and working out the picks is the pipeline's, shared by every target: not counted here.
    const reader = userOctokit(sandbox, "alice");
    const { data } = await reader.rest.pulls.get({ ...REPO, pull_number: number });
    const pr = mergedPullRequestFrom(data);
    if (!pr) throw new Error(`#${number} is not merged`);
    const { data: prCommits } = await reader.rest.pulls.listCommits({ ...REPO, pull_number: number });
    const { data: chain } = await reader.rest.repos.listCommits({ ...REPO, sha: pr.mergeSha, per_page: 10 });
    const plan = commitsToPick({
      mergeCommitSha: pr.mergeSha,
      mergeCommitParents: chain[0]?.parents.map((p) => p.sha) ?? [],
      prCommits: prCommits.map((c) => ({ sha: c.sha, message: c.commit.message })),
      firstParentChain: chain.map((c) => ({
        sha: c.sha,
        message: c.commit.message,
        parents: c.parents.map((p) => p.sha),
      })),
    });
    const config = parseConfigText(CONFIG, ".github/hotfix.yml");
    const ctx: EngineContext = {
      octokit: appOctokit(sandbox) as unknown as Octokit,
      repo: REPO,
      config: async () => config,
      log: quiet,
      clock: () => new Date(),
      identity: async () => ({ appId: sandbox.app.id, stateSecret: null }),
      locks: createEngineLocks(),
    };
    sandbox.counters.reset();
    const outcome = await backportToTarget(ctx, {
      pr,
      target: "develop",
      picks: plan.picks,
      method: plan.method,
      labels: ["backport"],
      incident: null,
      verified: true,
    });
    if (outcome.status !== "open") throw new Error(`backport ended ${outcome.status}`);
    const records = sandbox.counters.all().filter((record) => record.identity === sandbox.app.identity);
    const core = records.filter(
      (record) =>
        FORMULA_ROUTES.has(`${record.method} ${record.route}`) ||
        (record.route.includes("/git/") && record.method !== "DELETE"),
    );
    const count = (list: typeof records) => ({
      requests: list.length,
      writes: list.filter((record) => record.write).length,
    });
    return { step: count(records), core: count(core), picks: plan.picks.length };
  } finally {
    await sandbox.close();
  }
}

/** The whole pipeline through the real App (Probot server, signed webhooks): merge to timeline. */
async function wholePipeline(
  method: "squash" | "rebase",
  pacing: boolean,
): Promise<Counted & { seconds: number; routes: Map<string, number> }> {
  const sandbox = await freshSandbox();
  let app: AppOnSandbox | undefined;
  try {
    app = await startAppOnSandbox(sandbox, {
      ...(pacing ? {} : { throttle: { enabled: false } }),
      retry: { enabled: false },
    });
    // The PR is opened with the App running (the gate answers); counting starts at the merge.
    let started = 0;
    await mergeHotfix(sandbox, method, () => {
      sandbox.counters.reset();
      started = performance.now();
    });
    await sandbox.settle({ timeoutMs: 300_000 });
    const seconds = (performance.now() - started) / 1000;
    const routes = new Map<string, number>();
    for (const write of sandbox.counters.appWrites()) {
      const key = `${write.method} ${write.route}`;
      routes.set(key, (routes.get(key) ?? 0) + 1);
    }
    return { ...sandbox.counters.forApp(), seconds, routes };
  } finally {
    await app?.close();
    await sandbox.close();
  }
}

const lines: string[] = [];
const rows: string[] = [];
const pipelines: string[] = [];
for (const method of ["squash", "rebase"] as const) {
  const step = await backportStep(method);
  const pipeline = await wholePipeline(method, false);
  const theirs = siblingTechnique(step.picks);
  const theirsWrites = theirs.writes + 1;
  const theirsRequests = theirs.reads + theirsWrites;
  rows.push(
    `| ${method}, ${step.picks} commit${step.picks === 1 ? "" : "s"} to pick | ${step.core.requests} (${step.core.writes}) | ` +
      `${theirsRequests} (${theirsWrites}) | ${(theirsWrites / step.core.writes).toFixed(1)}× | ` +
      `${step.step.requests} (${step.step.writes}) |`,
  );
  // The pipeline with the sibling technique in place of our cherry-pick: everything else unchanged.
  const swappedWrites = pipeline.writes - step.core.writes + theirsWrites;
  const swappedRequests = pipeline.requests - step.core.requests + theirsRequests;
  pipelines.push(
    `| ${method} | ${pipeline.requests} (${pipeline.writes}) | ≥ ${Math.max(0, pipeline.writes - 1)} s | ` +
      `${swappedRequests} (${swappedWrites}) | ≥ ${Math.max(0, swappedWrites - 1)} s | ` +
      [...pipeline.routes]
        .sort((a, b) => b[1] - a[1])
        .map(([route, n]) => `${n}× ${route.replace("/repos/{owner}/{repo}", "")}`)
        .join(", ") +
      " |",
  );
}

lines.push("### Writes and requests: our cherry-pick vs. the sibling-commit technique");
lines.push("");
lines.push(
  "A 3-commit hotfix PR merged by squash (1 commit to pick) or by rebase (3). Ours counted by the sandbox " +
    "(exact); the sibling-commit technique of tibdex/github-cherry-pick computed from its method: 5 writes + " +
    "1 read per commit, + 3 writes and 2 reads, + the PR.",
);
lines.push("");
lines.push(
  "| backport | ours: requests (writes), target read + cherry-pick + branch + PR | sibling technique: requests (writes), same scope | their writes / ours | ours: whole backport step (+ PR lookup, label, reviewer) |",
);
lines.push("| --- | ---: | ---: | ---: | ---: |");
lines.push(...rows);
lines.push("");
lines.push(
  "Whole after-merge pipeline through the real App (one backport target, tag, release, follow-ups, branch " +
    "cleanup, timeline); pacing floor = (writes − 1) × 1 s between writes:",
);
lines.push("");
lines.push(
  "| merge | ours: requests (writes) | ours: pacing floor | with the sibling technique: requests (writes) | its pacing floor | our writes by route |",
);
lines.push("| --- | ---: | ---: | ---: | ---: | --- |");
lines.push(...pipelines);
if (paced) {
  const timed = await wholePipeline("squash", true);
  lines.push("");
  lines.push(
    `Squash pipeline with Probot's write pacing on: ${timed.seconds.toFixed(1)} s from the merge to a settled ` +
      `pipeline, for ${timed.writes} writes and ${timed.requests} requests.`,
  );
}
console.log(lines.join("\n"));
