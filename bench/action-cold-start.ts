import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { startSandbox } from "@hotfix-bot/sandbox";

/**
 * `npm run bench:action`: the cold start of the bundled Action (dist/index.js) as a runner starts it, against
 * an empty node script, measured in one run with the variants interleaved (so machine load hits all alike).
 * - empty: `node empty.mjs`, the floor of any node step;
 * - not ours: the Action on an event no step handles (loads the bundle, parses inputs, makes no request);
 * - title check: the Action on a pull_request with a bad title against the sandbox (config read, the gate's
 *   reads, one check run written on the first run and left unchanged on the later ones).
 * Prints medians and ratios to `empty`, and how much of the title check the sandbox itself spent answering. BENCH_RUNS sets the runs per variant (default 15).
 */

const runs = Number(process.env.BENCH_RUNS ?? 15);
const bundle = fileURLToPath(new URL("../dist/index.js", import.meta.url));

function time(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    execFile(process.execPath, args, { env, timeout: 60_000 }, (error) => {
      const ms = performance.now() - start;
      // The title check fails the step on purpose (exit 1); anything else is a broken measurement.
      if (error && error.code !== 1) return reject(error);
      resolve(ms);
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const dir = mkdtempSync(join(tmpdir(), "hotfix-bot-bench-"));
const sandbox = await startSandbox();
try {
  await sandbox.createRepository({
    name: "webshop",
    history: [
      {
        message: "Initial commit",
        files: {
          "src/auth.ts": "export const ok = 1;\n",
          ".github/hotfix.yml": "title:\n  projects: [SPF]\n",
        },
      },
    ],
    collaborators: { alice: "write" },
  });
  const alice = sandbox.as("alice", "acme/webshop");
  await alice.push("hotfix/incident-1", { "src/auth.ts": "export const ok = 2;\n" }, { message: "Fix" });
  await alice.openPullRequest({ head: "hotfix/incident-1", base: "main", title: "fix login" });
  const payload = sandbox.webhooks.find("pull_request", "opened").at(-1)?.payload;
  if (!payload) throw new Error("no pull_request.opened payload");

  const empty = join(dir, "empty.mjs");
  writeFileSync(empty, "");
  const gateEvent = join(dir, "gate.json");
  writeFileSync(gateEvent, JSON.stringify(payload));
  const otherEvent = join(dir, "other.json");
  writeFileSync(otherEvent, JSON.stringify({ ...payload, action: "assigned" }));
  const token = sandbox.appToken();
  const actionEnv = (eventPath: string): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_API_URL: sandbox.url,
    GITHUB_REPOSITORY: "acme/webshop",
    GITHUB_OUTPUT: join(dir, "output"),
    GITHUB_STEP_SUMMARY: join(dir, "summary.md"),
    "INPUT_GITHUB-TOKEN": token,
    "INPUT_CONFIG-PATH": ".github/hotfix.yml",
    "INPUT_DRY-RUN": "false",
  });
  writeFileSync(join(dir, "output"), "");
  writeFileSync(join(dir, "summary.md"), "");

  const variants = [
    { name: "empty node script", run: () => time([empty], { PATH: process.env.PATH }) },
    { name: "Action, event not ours", run: () => time([bundle], actionEnv(otherEvent)) },
    {
      name: "Action, title check (sandbox)",
      run: async () => {
        sandbox.requests.reset();
        const ms = await time([bundle], actionEnv(gateEvent));
        serverMs.push(sandbox.requests.all().reduce((sum, r) => sum + r.ms, 0));
        return ms;
      },
    },
  ];
  const serverMs: number[] = [];
  const samples = variants.map(() => [] as number[]);
  // One warm-up round (file cache, the sandbox's first check run), then interleaved measured rounds.
  for (const variant of variants) await variant.run();
  serverMs.length = 0;
  for (let i = 0; i < runs; i++) {
    for (const [index, variant] of variants.entries()) samples[index]?.push(await variant.run());
  }
  const floor = median(samples[0] ?? []);
  console.log(`bundled Action cold start, ${runs} interleaved runs each (median), node ${process.version}`);
  for (const [index, variant] of variants.entries()) {
    const ms = median(samples[index] ?? []);
    console.log(`${variant.name.padEnd(32)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / floor).toFixed(2)}x`);
  }
  // The sandbox answers in this process; its git-backed compare dominates the title check's own time.
  console.log(
    `  of which the sandbox answering (sum of its request times, median): ${median(serverMs).toFixed(1)} ms`,
  );
} finally {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
}
