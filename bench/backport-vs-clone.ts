import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { cherryPickCommits } from "../src/cherry-pick/cherry-pick.js";
import type { Octokit } from "../src/context.js";
import { startAppOnSandbox } from "../src/sandbox-app/start-app-on-sandbox.js";
import { median, ratio, seconds } from "./figures.js";
import { buildSyntheticRepo, gitEnv, type SyntheticRepo } from "./synthetic-repo.js";

/**
 * `npm run bench:backport`: one commit backported onto `develop` of synthetic repositories of growing size,
 * two ways, interleaved in one run against the same sandbox with 50 ms added to every request of the App:
 * - ours: the Git Data API through the App's own Octokit (Probot's, write pacing on: ≥ 1 s between writes),
 *   from reading the target branch to the backport branch existing;
 * - clone: what clone-based backport tools do, `git clone --filter=blob:none` over HTTP with the App's token,
 *   `git cherry-pick -x`, `git push` of the branch.
 * Both must produce the same tree (git compares them). BENCH_SIZES (default 1000,10000,100000), BENCH_COMMITS
 * (default 2000), BENCH_RUNS (default 3) and BENCH_LARGE_RUNS (runs above 10k files, default 1: a clone of 100k
 * files takes minutes on a small machine) change the work; prints a markdown section.
 */

const sizes = (process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
const commits = Number(process.env.BENCH_COMMITS ?? 2000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const largeRuns = Number(process.env.BENCH_LARGE_RUNS ?? 1);
const LARGE = 10_000;
const LATENCY_MS = 50;
/** No single step may hang the benchmark. */
const STEP_TIMEOUT_MS = 300_000;

interface OursRun {
  ms: number;
  requests: number;
  writes: number;
  /** Time the sandbox spent answering, the added latency left out. */
  serverMs: number;
  tree: string;
}

interface CloneRun {
  ms: number;
  cloneMs: number;
  pickMs: number;
  pushMs: number;
  requests: number;
  bytesDown: number;
  bytesUp: number;
  /** Time git http-backend spent answering, the added latency left out. */
  serverMs: number;
  tree: string;
}

interface SizeResult {
  files: number;
  repo: SyntheticRepo;
  importSeconds: number;
  ours: OursRun[];
  clone: CloneRun[];
  mismatches: number;
}

function git(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      ["-c", "init.defaultBranch=main", ...args],
      { cwd, env: gitEnv(), timeout: STEP_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`git ${args[0]} failed: ${String(stderr).trim() || error.message}`));
        else resolve(String(stdout).trim());
      },
    );
  });
}

async function oursOnce(
  sandbox: Sandbox,
  octokit: Octokit,
  repo: { owner: string; repo: string },
  synthetic: SyntheticRepo,
  branch: string,
): Promise<OursRun> {
  sandbox.counters.reset();
  const started = performance.now();
  const { data: target } = await octokit.rest.git.getRef({ ...repo, ref: "heads/develop" });
  const picked = await cherryPickCommits(octokit, repo, {
    ontoSha: target.object.sha,
    ontoLabel: "develop",
    picks: [{ sha: synthetic.fix, parent: synthetic.fixParent }],
    verified: true,
  });
  await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: picked.headSha });
  const ms = performance.now() - started;
  const records = sandbox.counters.all().filter((record) => record.identity === sandbox.app.identity);
  const counts = sandbox.counters.forApp();
  const { data: commit } = await octokit.rest.git.getCommit({ ...repo, commit_sha: picked.headSha });
  return {
    ms,
    requests: counts.requests,
    writes: counts.writes,
    serverMs: records.reduce((sum, record) => sum + Math.max(0, record.ms - LATENCY_MS), 0),
    tree: commit.tree.sha,
  };
}

async function cloneOnce(
  sandbox: Sandbox,
  name: string,
  synthetic: SyntheticRepo,
  branch: string,
): Promise<CloneRun> {
  const dir = await mkdtemp(join(tmpdir(), "hotfix-bench-clone-"));
  const auth = Buffer.from(`x-access-token:${sandbox.appToken()}`).toString("base64");
  const withToken = ["-c", `http.extraHeader=Authorization: Basic ${auth}`];
  try {
    sandbox.gitHttp.reset();
    const started = performance.now();
    await git(
      [
        ...withToken,
        "clone",
        "--quiet",
        "--filter=blob:none",
        "--branch",
        "develop",
        sandbox.gitUrl(name),
        "work",
      ],
      dir,
    );
    const cloned = performance.now();
    const work = join(dir, "work");
    await git([...withToken, "cherry-pick", "-x", synthetic.fix], work);
    const picked = performance.now();
    await git([...withToken, "push", "--quiet", "origin", `HEAD:refs/heads/${branch}`], work);
    const pushed = performance.now();
    const records = sandbox.gitHttp.all();
    const total = sandbox.gitHttp.total();
    return {
      ms: pushed - started,
      cloneMs: cloned - started,
      pickMs: picked - cloned,
      pushMs: pushed - picked,
      requests: total.requests,
      bytesDown: total.bytesOut,
      bytesUp: total.bytesIn,
      serverMs: records.reduce((sum, record) => sum + Math.max(0, record.ms - LATENCY_MS), 0),
      tree: await git(["rev-parse", "HEAD^{tree}"], work),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function measureSize(files: number, scratch: string): Promise<SizeResult> {
  const synthetic = await buildSyntheticRepo(join(scratch, `synthetic-${files}.git`), { files, commits });
  // No webhooks: the App's Octokit is what is measured, not its handlers.
  const sandbox = await startSandbox({
    events: [],
    report: (message) => process.stderr.write(`${message}\n`),
  });
  const app = await startAppOnSandbox(sandbox, { appFn: () => {}, retry: { enabled: false } });
  try {
    const imported = performance.now();
    const name = `synthetic-${files}`;
    await sandbox.importRepository({ name, from: synthetic.gitDir });
    const importSeconds = (performance.now() - imported) / 1000;
    // The App's installation Octokit exactly as Probot builds it for a webhook: throttling on, keyed by installation.
    const octokit = (await app.probot.auth(sandbox.app.installationId)) as unknown as Octokit;
    sandbox.setLatency({ fixedMs: LATENCY_MS });
    const repo = { owner: "acme", repo: name };
    const result: SizeResult = { files, repo: synthetic, importSeconds, ours: [], clone: [], mismatches: 0 };
    // One warm-up of each (the sandbox's object cache, the file cache), then measured runs in alternating order.
    // A large clone is not warmed up: it takes minutes, and the clone reads the same files the warm-up would.
    const large = files > LARGE;
    await oursOnce(sandbox, octokit, repo, synthetic, "bench/warm-ours");
    if (!large) await cloneOnce(sandbox, `acme/${name}`, synthetic, "bench/warm-clone");
    for (let run = 0; run < (large ? largeRuns : runs); run++) {
      const doOurs = async () =>
        result.ours.push(await oursOnce(sandbox, octokit, repo, synthetic, `bench/ours-${run}`));
      const doClone = async () =>
        result.clone.push(await cloneOnce(sandbox, `acme/${name}`, synthetic, `bench/clone-${run}`));
      if (run % 2 === 0) {
        await doOurs();
        await doClone();
      } else {
        await doClone();
        await doOurs();
      }
      if (result.ours.at(-1)?.tree !== result.clone.at(-1)?.tree) result.mismatches++;
    }
    return result;
  } finally {
    await app.close();
    await sandbox.close();
    await rm(synthetic.gitDir, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const scratch = await mkdtemp(join(tmpdir(), "hotfix-bench-repos-"));
const results: SizeResult[] = [];
try {
  for (const files of sizes) results.push(await measureSize(files, scratch));
} finally {
  await rm(scratch, { recursive: true, force: true });
}

const lines: string[] = [];
lines.push(`### Backport of one commit: Git Data API vs. clone + cherry-pick + push`);
lines.push("");
lines.push(
  `${commits} commits per repository; ${LATENCY_MS} ms added to every request of the App (REST and git over ` +
    `HTTP); ours with Probot's write pacing on. Medians of ${runs} interleaved runs after one warm-up each ` +
    `(above ${LARGE.toLocaleString("en-US")} files: ${largeRuns} run${largeRuns === 1 ? "" : "s"}, the clone ` +
    "not warmed up). Every file count is timed in its own sandbox.",
);
lines.push("");
lines.push(
  "| files | ours | clone-based (clone + pick + push) | clone / ours | ours: requests (writes) | clone: HTTP requests, downloaded | same tree |",
);
lines.push("| ---: | ---: | ---: | ---: | ---: | ---: | :---: |");
for (const result of results) {
  const ours = median(result.ours.map((run) => run.ms));
  const clone = median(result.clone.map((run) => run.ms));
  const split = ["cloneMs", "pickMs", "pushMs"] as const;
  const parts = split.map((key) => seconds(median(result.clone.map((run) => run[key])))).join(" + ");
  const last = result.ours.at(-1);
  const lastClone = result.clone.at(-1);
  lines.push(
    `| ${result.files.toLocaleString("en-US")} | ${seconds(ours)} | ${seconds(clone)} (${parts}) | ` +
      `${ratio(clone, ours)} | ${last?.requests} (${last?.writes}) | ` +
      `${lastClone?.requests}, ${mb(lastClone?.bytesDown ?? 0)} | ` +
      `${result.mismatches === 0 ? "yes" : `NO (${result.mismatches})`} |`,
  );
}
lines.push("");
const base = results[0];
if (base && results.length > 1) {
  const baseOurs = median(base.ours.map((run) => run.ms));
  const baseClone = median(base.clone.map((run) => run.ms));
  lines.push(`Growth with size (time relative to ${base.files.toLocaleString("en-US")} files):`);
  lines.push("");
  lines.push("| files | ours | clone-based |");
  lines.push("| ---: | ---: | ---: |");
  for (const result of results) {
    lines.push(
      `| ${result.files.toLocaleString("en-US")} | ${ratio(median(result.ours.map((run) => run.ms)), baseOurs)} | ` +
        `${ratio(median(result.clone.map((run) => run.ms)), baseClone)} |`,
    );
  }
  lines.push("");
}
lines.push(
  "Where the time goes (medians): each server's own answering time on this machine (added latency left out), " +
    "the ratio without it (as if both servers answered instantly), and the setup.",
);
lines.push("");
lines.push(
  "| files | ours: sandbox answering | clone: http-backend answering | clone / ours without server time | uploaded by push | repo built (fast-import) | imported |",
);
lines.push("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const result of results) {
  const oursServer = median(result.ours.map((run) => run.serverMs));
  const cloneServer = median(result.clone.map((run) => run.serverMs));
  const oursClient = median(result.ours.map((run) => run.ms - run.serverMs));
  const cloneClient = median(result.clone.map((run) => run.ms - run.serverMs));
  lines.push(
    `| ${result.files.toLocaleString("en-US")} | ${seconds(oursServer)} | ${seconds(cloneServer)} | ` +
      `${ratio(cloneClient, oursClient)} | ${mb(median(result.clone.map((run) => run.bytesUp)))} | ` +
      `${result.repo.buildSeconds.toFixed(1)} s | ${result.importSeconds.toFixed(1)} s |`,
  );
}
console.log(lines.join("\n"));
if (results.some((result) => result.mismatches > 0)) process.exitCode = 1;
