import { startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { startAppOnSandbox } from "../src/sandbox-app/start-app-on-sandbox.js";
import { appOctokit } from "../test/support/sandbox-octokit.js";

// `npx tsx bench/sandbox-latency.ts`: what the sandbox costs per operation, over HTTP with the App's Octokit,
// and the round trip of a webhook through the real Probot server. Medians of N runs; figures depend on the
// machine's load (every git plumbing call is a process).

const N = Number(process.env.N ?? 20);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function time(fn: (i: number) => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < N; i++) {
    const started = performance.now();
    await fn(i);
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const sandbox = await startSandbox();
const rows: [string, number][] = [];
try {
  const started = performance.now();
  await sandbox.createRepository(WEBSHOP);
  rows.push(["seed acme/webshop (5 commits, 2 branches)", performance.now() - started]);
  const octokit = appOctokit(sandbox);
  const owner = "acme";
  const repo = "webshop";
  const main = sandbox.repository("acme/webshop").branch("main") as string;
  rows.push(["GET ref", await time(() => octokit.rest.git.getRef({ owner, repo, ref: "heads/main" }))]);
  rows.push([
    "GET commit with files",
    await time(() => octokit.rest.repos.getCommit({ owner, repo, ref: main })),
  ]);
  rows.push([
    "GET contents (raw)",
    await time(() =>
      octokit.rest.repos.getContent({ owner, repo, path: "src/auth.js", mediaType: { format: "raw" } }),
    ),
  ]);
  const tree = (await octokit.rest.git.getCommit({ owner, repo, commit_sha: main })).data.tree.sha;
  rows.push([
    "tree (base_tree + inline) + commit + ref",
    await time(async (i) => {
      const t = await octokit.rest.git.createTree({
        owner,
        repo,
        base_tree: tree,
        tree: [{ path: "x.txt", mode: "100644", type: "blob", content: `${i}\n` }],
      });
      const c = await octokit.rest.git.createCommit({
        owner,
        repo,
        message: `${i}`,
        tree: t.data.sha,
        parents: [main],
      });
      await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/bench-${i}`, sha: c.data.sha });
    }),
  ]);
  rows.push([
    "compare main...develop",
    await time(() =>
      octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: "main...develop" }),
    ),
  ]);
  const alice = sandbox.as("alice", "acme/webshop");
  rows.push([
    "open a PR (push + PR, as a person)",
    await time(async (i) => {
      await alice.push(`feature-${i}`, { [`f${i}.txt`]: "f\n" }, { from: "main" });
      await alice.openPullRequest({ head: `feature-${i}`, title: `f${i}` });
    }),
  ]);
  rows.push(["merge a PR (merge commit)", await time((i) => alice.merge(i + 1, "merge"))]);

  const app = await startAppOnSandbox(sandbox, {
    throttle: { enabled: false },
    retry: { enabled: false },
    appFn: (probot) => {
      probot.on("issues.opened", async (context) => {
        await context.octokit.rest.issues.createComment(context.issue({ body: "ack" }));
      });
    },
  });
  try {
    rows.push([
      "webhook round trip: issue opened -> App comments -> settle",
      await time(async (i) => {
        await alice.createIssue({ title: `incident ${i}` });
        await sandbox.settle();
      }),
    ]);
  } finally {
    await app.close();
  }
} finally {
  await sandbox.close();
}

process.stdout.write(`sandbox latency, median of ${N} (ms)\n`);
for (const [name, ms] of rows) process.stdout.write(`${ms.toFixed(1).padStart(8)}  ${name}\n`);
