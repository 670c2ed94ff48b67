import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import {
  appOctokit,
  FIXED_CLOCK,
  failure,
  type TestOctokit,
  userOctokit,
} from "../../support/sandbox-octokit.js";

const owner = "acme";
const repo = "checks";
let sandbox: Sandbox;
let octokit: TestOctokit;
let head: string;

beforeAll(async () => {
  sandbox = await startSandbox({ clock: FIXED_CLOCK });
  octokit = appOctokit(sandbox);
  await sandbox.createRepository({ name: repo, collaborators: { alice: "write" } });
  const alice = sandbox.as("alice", `acme/${repo}`);
  head = await alice.push("hotfix/incident-1", { "fix.txt": "fix\n" });
  await alice.openPullRequest({ head: "hotfix/incident-1", title: "[SPF-1] fix" });
});
afterAll(() => sandbox.close());

test("the App creates and updates its check run; other apps' runs are listed beside it", async () => {
  const created = await octokit.rest.checks.create({
    owner,
    repo,
    name: "hotfix-gate",
    head_sha: head,
    status: "in_progress",
    output: { title: "Pending", summary: "waiting" },
  });
  expect(created.status).toBe(201);
  expect(created.data).toMatchObject({
    name: "hotfix-gate",
    status: "in_progress",
    conclusion: null,
    head_sha: head,
  });
  expect(created.data.app?.slug).toBe("hotfix-bot");
  expect(created.data.pull_requests.map((pull) => pull.number)).toEqual([1]);
  const ci = sandbox.asApp("ci", `acme/${repo}`);
  await ci.runCheck("critical-tests", head, "success");
  const updated = await octokit.rest.checks.update({
    owner,
    repo,
    check_run_id: created.data.id,
    conclusion: "success",
    output: { title: "Passed", summary: "all good" },
  });
  expect(updated.data).toMatchObject({ status: "completed", conclusion: "success" });
  expect(updated.data.completed_at).toBe("2026-03-01T12:00:00Z");
  expect(
    (await octokit.rest.checks.get({ owner, repo, check_run_id: created.data.id })).data.output.summary,
  ).toBe("all good");
  const listed = await octokit.rest.checks.listForRef({ owner, repo, ref: head });
  expect(listed.data.total_count).toBe(2);
  expect(
    listed.data.check_runs.map((run) => `${run.app?.slug}:${run.name}:${run.conclusion}`).sort(),
  ).toEqual(["ci:critical-tests:success", "hotfix-bot:hotfix-gate:success"]);
  // Only the App that created a run may change it.
  const foreign = listed.data.check_runs.find((run) => run.name === "critical-tests");
  expect(
    (
      await failure(
        octokit.rest.checks.update({
          owner,
          repo,
          check_run_id: foreign?.id as number,
          conclusion: "failure",
        }),
      )
    ).status,
  ).toBe(403);
});

test("filter=latest keeps the newest run per name (a re-run replaces a failure); filter=all keeps every run", async () => {
  const scanner = sandbox.asApp("scanner", `acme/${repo}`);
  await scanner.runCheck("security-scan", head, "failure");
  await scanner.runCheck("security-scan", head, "success");
  const latest = await octokit.rest.checks.listForRef({
    owner,
    repo,
    ref: head,
    check_name: "security-scan",
  });
  expect(latest.data.check_runs.map((run) => run.conclusion)).toEqual(["success"]);
  const all = await octokit.rest.checks.listForRef({
    owner,
    repo,
    ref: head,
    check_name: "security-scan",
    filter: "all",
  });
  expect(all.data.check_runs.map((run) => run.conclusion)).toEqual(["success", "failure"]);
  const paged = await octokit.rest.checks.listForRef({
    owner,
    repo,
    ref: "hotfix/incident-1",
    filter: "all",
    per_page: 1,
  });
  expect(paged.data.check_runs).toHaveLength(1);
  expect(paged.headers.link).toContain('rel="next"');
});

test("check suites per app and head, completed when all their runs completed", async () => {
  const suites = await octokit.rest.checks.listSuitesForRef({ owner, repo, ref: head });
  const bySlug = Object.fromEntries(suites.data.check_suites.map((suite) => [suite.app?.slug, suite]));
  expect(bySlug.ci).toMatchObject({
    status: "completed",
    conclusion: "success",
    head_sha: head,
    head_branch: "hotfix/incident-1",
  });
  const runs = await octokit.rest.checks.listForSuite({
    owner,
    repo,
    check_suite_id: bySlug.ci?.id as number,
  });
  expect(runs.data.check_runs.map((run) => run.name)).toEqual(["critical-tests"]);
});

test("people cannot create check runs; a missing head SHA is 422; bad conclusions are 422", async () => {
  const alice = userOctokit(sandbox, "alice");
  expect((await failure(alice.rest.checks.create({ owner, repo, name: "x", head_sha: head }))).status).toBe(
    403,
  );
  expect(
    (await failure(octokit.rest.checks.create({ owner, repo, name: "x", head_sha: "7".repeat(40) }))).status,
  ).toBe(422);
  expect(
    (
      await failure(
        octokit.request("POST /repos/{owner}/{repo}/check-runs", {
          owner,
          repo,
          name: "x",
          head_sha: head,
          conclusion: "great",
        } as never),
      )
    ).status,
  ).toBe(422);
  const tooLong = await failure(
    octokit.rest.checks.create({
      owner,
      repo,
      name: "x",
      head_sha: head,
      output: { title: "t", summary: "s".repeat(65536) },
    }),
  );
  expect(tooLong.status).toBe(422);
});

test("commit statuses and the combined status", async () => {
  const alice = sandbox.as("alice", `acme/${repo}`);
  await alice.createStatus(head, "ci/build", "pending");
  await alice.createStatus(head, "ci/build", "success");
  await alice.createStatus(head, "ci/lint", "success");
  const combined = await octokit.rest.repos.getCombinedStatusForRef({ owner, repo, ref: head });
  expect(combined.data).toMatchObject({ state: "success", total_count: 2, sha: head });
  await alice.createStatus(head, "ci/lint", "failure");
  expect((await octokit.rest.repos.getCombinedStatusForRef({ owner, repo, ref: head })).data.state).toBe(
    "failure",
  );
  expect((await octokit.rest.repos.listCommitStatusesForRef({ owner, repo, ref: head })).data).toHaveLength(
    4,
  );
});

test("annotations are appended per request, listed in pages, counted on the run, and checked like GitHub's", async () => {
  const ci = sandbox.asApp("scanner", `acme/${repo}`);
  const warning = (n: number) => ({
    path: `src/f${n}.js`,
    start_line: n,
    end_line: n,
    annotation_level: "warning" as const,
    message: `finding ${n}`,
  });
  const id = await ci.createCheckRun({
    name: "security-scan",
    headSha: head,
    status: "in_progress",
    output: {
      title: "scanning",
      summary: "…",
      annotations: Array.from({ length: 50 }, (_, i) => warning(i + 1)),
    },
  });
  await ci.completeCheckRun(id, "neutral", {
    title: "done",
    summary: "…",
    annotations: [{ ...warning(51), annotation_level: "failure", title: "Injection" }],
  });
  const run = await octokit.rest.checks.get({ owner, repo, check_run_id: id });
  expect(run.data.output.annotations_count).toBe(51);
  const all = await octokit.paginate(octokit.rest.checks.listAnnotations, {
    owner,
    repo,
    check_run_id: id,
    per_page: 20,
  });
  expect(all).toHaveLength(51);
  expect(all[50]).toMatchObject({
    path: "src/f51.js",
    start_line: 51,
    annotation_level: "failure",
    title: "Injection",
    message: "finding 51",
    raw_details: null,
  });
  expect(all[0]?.blob_href).toContain(`/acme/${repo}/blob/${head}/src/f1.js`);
  // A level GitHub does not know, or a missing message, is refused.
  await expect(
    ci.updateCheckRun(id, {
      output: { summary: "x", annotations: [{ ...warning(1), annotation_level: "info" }] },
    }),
  ).rejects.toThrow();
  await expect(
    ci.updateCheckRun(id, {
      output: {
        summary: "x",
        annotations: [{ path: "a", start_line: 1, end_line: 1, annotation_level: "notice" }],
      },
    }),
  ).rejects.toThrow();
  const missing = await failure(octokit.rest.checks.listAnnotations({ owner, repo, check_run_id: 999_999 }));
  expect(missing.status).toBe(404);
});
