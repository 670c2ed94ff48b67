import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { runReport } from "../../src/cli/report.js";
import { emptyTimeline, type TimelineState } from "../../src/incident/timeline-state.js";
import { writeTimeline } from "../../src/incident/upsert-timeline.js";
import { appOctokit } from "../sandbox/sandbox-test-kit.js";

// The report reads incident records from a (sandbox) GitHub: issues with a severity label and the timeline
// state in the bot's comment. Records are written here as hotfix-bot writes them, with fixed times.

const REPO = "acme/webshop";
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
  await sandbox.createRepository(WEBSHOP);
  const alice = sandbox.as("alice", REPO);
  const octokit = appOctokit(sandbox);
  const repo = { owner: "acme", repo: "webshop" };
  const identity = async () => ({ appId: sandbox.app.id, stateSecret: null });
  const record = async (issue: number, state: Partial<TimelineState>) =>
    writeTimeline({ octokit, repo, identity }, issue, null, { ...emptyTimeline(issue), ...state });
  const pipeline = (pr: number, mergedAt: string, deploy: object, followUps: object) => ({
    pr,
    mergeSha: "a".repeat(40),
    mergedAt,
    tag: `v1.0.${pr}`,
    backports: {},
    followUps,
    done: true,
    heartbeatAt: mergedAt,
    deploy,
  });

  // #1 resolved in 31 min; its post-mortem (#3) closed, its regression-test issue (#4) open.
  const one = await alice.createIssue({ title: "Checkout is down", labels: ["P1-hotfix"] });
  const two = await alice.createIssue({ title: "Payments fail", labels: ["P0-hotfix"] });
  const postMortem = await alice.createIssue({ title: "Post-mortem" });
  const tests = await alice.createIssue({ title: "Regression tests" });
  await alice.updateIssue(postMortem, { state: "closed" });
  await record(one, {
    detectedAt: "2026-03-01T12:00:00Z",
    severity: "P1",
    intake: {
      trigger: "label",
      branch: `hotfix/incident-${one}`,
      cutFrom: "main",
      baseSha: "b",
      productionSha: "b",
      pr: { number: 20, url: "u", openedAt: "2026-03-01T12:04:00Z", byBot: true },
    },
    pipelines: {
      "20": pipeline(
        20,
        "2026-03-01T12:23:00Z",
        { deployedAt: "2026-03-01T12:31:00Z" },
        {
          "post-mortem": { issue: postMortem, url: "u" },
          "regression-tests": { issue: tests, url: "u" },
        },
      ),
    },
  });
  // #2 deployed and failed: rolled back, then fixed again 2 h after detection.
  await record(two, {
    detectedAt: "2026-03-05T08:00:00Z",
    severity: "P0",
    pipelines: {
      "21": pipeline(
        21,
        "2026-03-05T08:30:00Z",
        { failedAt: "2026-03-05T08:40:00Z", rollback: { status: "open", pr: 22 } },
        {},
      ),
      "23": pipeline(23, "2026-03-05T09:30:00Z", { deployedAt: "2026-03-05T10:00:00Z" }, {}),
    },
  });
  // A person's comment with a forged timeline is no record; a PR with the label is no incident.
  const forged = await alice.createIssue({ title: "Forged", labels: ["P2-hotfix"] });
  await alice.comment(
    forged,
    `<!-- hotfix-bot:timeline ${JSON.stringify({ ...emptyTimeline(forged), detectedAt: "2020-01-01T00:00:00Z" })} -->`,
  );
  await alice.push("hotfix/x", { "a.txt": "a\n" }, { from: "main" });
  const pr = await alice.openPullRequest({ head: "hotfix/x", title: "labelled PR" });
  await alice.addLabels(pr.number, ["P1-hotfix"]);
});

afterAll(async () => {
  await sandbox.close();
});

function io(env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), env } };
}

const env = () => ({
  GITHUB_TOKEN: sandbox.tokenFor("carol"),
  HOTFIX_BOT_APP: "hotfix-bot",
  HOTFIX_BOT_WRITE_PACING: "off",
});

test("the report: figures against the policy, and each incident's own", async () => {
  const run = io(env());
  sandbox.counters.reset();
  const code = await runReport(["--repo", REPO, "--api-url", sandbox.url], run.io);
  expect(run.err).toEqual([]);
  expect(code).toBe(0);
  const lines = run.out.join("").split("\n");
  const row = (name: string) => lines.find((l) => l.startsWith(name))?.split(/\s{2,}/);
  expect(lines[0]).toBe("Recovery report for acme/webshop: 3 incidents");
  expect(row("detection → PR")).toEqual(["detection → PR", "1", "4 min", "4 min"]);
  expect(row("detection → merge")).toEqual(["detection → merge", "2", "27 min", "30 min"]);
  expect(row("merge → deploy")).toEqual(["merge → deploy", "2", "19 min", "30 min"]);
  expect(row("resolution")).toEqual([
    "resolution",
    "2",
    "1 h 16 min",
    "2 h 00 min",
    "< 1 h",
    "MISSED (1 of 2 within 1 h)",
  ]);
  expect(row("rollback rate")).toEqual(["rollback rate", "1 of 2", "50 %", "< 5 %", "MISSED"]);
  expect(row("follow-up completion")).toEqual(["follow-up completion", "1 of 2", "50 %", "100 %", "MISSED"]);
  expect(lines.filter((l) => /^#\d/.test(l)).map((l) => l.split(/\s{2,}/).slice(0, 7))).toEqual([
    ["#1 (open)", "P1", "4 min", "23 min", "31 min", "no", "1/2"],
    ["#2 (open)", "P0", "–", "30 min", "2 h 00 min", "yes", "0/0"],
    ["#5 (open)", "P2", "–", "–", "–", "no", "0/0"],
  ]);
  // Reads only, with carol's read access.
  expect(sandbox.counters.total().writes).toBe(0);
  expect(sandbox.counters.forIdentity("user:carol").requests).toBeGreaterThan(3);
});

test("--since and --json", async () => {
  const run = io(env());
  expect(
    await runReport(["--repo", REPO, "--api-url", sandbox.url, "--since", "2026-03-02", "--json"], run.io),
  ).toBe(0);
  const json = JSON.parse(run.out.join(""));
  expect(json.perIncident.map((r: { number: number }) => r.number)).toEqual([2, 5]);
  expect(json.rollback).toEqual({ shipped: 1, rolledBack: 1, rate: 1, target: 0.05, met: false });
});

test("--html FILE writes the page with the same figures as --json", async () => {
  const dir = await mkdtemp(join(tmpdir(), "hotfix-report-"));
  try {
    const file = join(dir, "report.html");
    const run = io(env());
    expect(
      await runReport(["--repo", REPO, "--api-url", sandbox.url, "--json", "--html", file], run.io),
    ).toBe(0);
    expect(run.err.join("")).toMatch(/^HTML report written to .*report\.html \(\d+ bytes\)$/);
    const json = JSON.parse(run.out.join(""));
    const html = await readFile(file, "utf8");
    const value = (name: string) => new RegExp(`data-figure="${name}" data-value="([^"]*)"`).exec(html)?.[1];
    expect(value("incidents")).toBe(String(json.incidents));
    expect(value("rollback-rate")).toBe(String(json.rollback.rate));
    expect(value("follow-up-completion")).toBe(String(json.followUps.completion));
    expect(value("resolution-median")).toBe(String(json.resolution.medianMs));
    expect([...html.matchAll(/data-incident="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([1, 2, 5]);
    const missing = io(env());
    expect(
      await runReport(
        ["--repo", REPO, "--api-url", sandbox.url, "--html", join(dir, "no/such/dir.html")],
        missing.io,
      ),
    ).toBe(1);
    expect(missing.err.join("")).toContain("--html: cannot write");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("no token, a bad flag: usage errors", async () => {
  const noToken = io({});
  expect(await runReport(["--repo", REPO, "--api-url", sandbox.url], noToken.io)).toBe(2);
  expect(noToken.err.join("")).toContain("GITHUB_TOKEN is not set");
  const bad = io(env());
  expect(await runReport(["--repo", REPO, "--fast"], bad.io)).toBe(2);
  expect(bad.err.join("")).toContain("unknown argument --fast");
});

test("npm run report runs the report command", async () => {
  const main = fileURLToPath(new URL("../../scripts/hotfix-bot.ts", import.meta.url));
  const result = await new Promise<{ code: number; stdout: string }>((resolve, reject) =>
    execFile(
      process.execPath,
      ["--import", "tsx", main, "report", "--repo", REPO, "--api-url", sandbox.url, "--json"],
      { env: { PATH: process.env.PATH, ...env() }, timeout: 30_000 },
      (error, stdout) => {
        if (error && typeof error.code !== "number") return reject(error);
        resolve({ code: error ? Number(error.code) : 0, stdout });
      },
    ),
  );
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout).incidents).toBe(3);
});
