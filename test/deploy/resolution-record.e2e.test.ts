import { execFileSync } from "node:child_process";
import { config, mergedHotfix, REPO, type Stage, startStage } from "./monitoring-scenario.js";

// The incident's Resolution record, end to end on the sandbox with the real App: with the incident report on, the
// deploy's success opens one small PR into production adding the Resolution section (never a push to production);
// with it off, the timeline holds the same facts. Redeliveries, repeated statuses and a PR that failed after its
// branch was made add nothing twice.

let stage: Stage;
beforeEach(async () => {
  stage = await startStage();
});
afterEach(async () => {
  await stage.close();
});

const E2E_TIMEOUT = 150_000;
const WITH_REPORT = `${config("windowMinutes: 20")}intake:\n  incidentReport: true\n`;
const PR_CREATE = "POST /repos/{owner}/{repo}/pulls";

const git = (...args: string[]) =>
  execFileSync("git", ["--git-dir", stage.sandbox.repository(REPO).gitDir, ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", GIT_CONFIG_NOSYSTEM: "1", HOME: "/nonexistent" },
  });
const resolutionPrs = (incident: number) =>
  [...stage.sandbox.internalRepo(REPO).pulls.values()].filter((p) =>
    p.headRef.startsWith(`hotfix-bot/resolution-${incident}`),
  );
const appWrites = () => stage.sandbox.counters.appWrites().map((r) => `${r.method} ${r.route}`);

test(
  "report on: a deploy's success opens one resolution PR into production whose diff adds the Resolution to the report; redeliveries and a repeated success add nothing",
  async () => {
    const { alice, incident, pr, deployment } = await mergedHotfix(stage, WITH_REPORT);
    const reportPath = stage.timelineOf(incident)?.intake?.report?.path ?? "";
    expect(reportPath).toMatch(
      /^docs\/incidents\/HOTFIX-\d{4}-\d{2}-\d{2}-logins-fail-without-a-password\.md$/,
    );
    const mainBefore = git("rev-parse", "main").trim();
    const tag = stage.timelineOf(incident)?.pipelines[String(pr)]?.tag ?? "";

    stage.sandbox.counters.reset();
    await alice.setDeploymentStatus(deployment, "success");
    await stage.sandbox.settle();
    const writes = appWrites();

    const prs = resolutionPrs(incident);
    expect(prs).toHaveLength(1);
    const record = prs[0];
    expect(record?.headRef).toBe(`hotfix-bot/resolution-${incident}`);
    expect(record?.baseRef).toBe("main");
    expect(stage.sandbox.internalRepo(REPO).issues.get(record?.number ?? 0)?.title).toBe(
      `Incident #${incident}: add the Resolution to the incident report`,
    );
    // Production itself is untouched: the section arrives only by merging the PR.
    expect(git("rev-parse", "main").trim()).toBe(mainBefore);

    const head = git("rev-parse", `hotfix-bot/resolution-${incident}`).trim();
    expect(git("rev-parse", `${head}^`).trim()).toBe(mainBefore);
    expect(git("diff", "--name-only", mainBefore, head).trim()).toBe(reportPath);
    const before = git("show", `${mainBefore}:${reportPath}`);
    const after = git("show", `${head}:${reportPath}`);
    expect(after.startsWith(before.trimEnd())).toBe(true);
    const section = after.slice(before.trimEnd().length);
    expect(section).toMatch(/^\n\n## Resolution\n\n/);
    expect(section).toContain(`- Fixed by: [#${pr}](`);
    expect(section).toContain("\\[SPF\\-1290\\] Fix critical auth failure");
    expect(section).toContain(`- Tag: \`${tag}\``);
    expect(section).toMatch(/- Deployed: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC to `production`/);
    expect(section).toMatch(/- Time to recovery: detection → PR \d+ s, → merge \d+ s, → deploy \d+ s/);
    expect(section).toContain("- Backports: none");
    expect(section).toMatch(/- Follow-ups: (#\d+ \([a-z-]+\)(, )?)+\n$/);

    const timeline = stage.timelineOf(incident);
    expect(timeline?.resolution).toMatchObject({ status: "proposed", fix: pr, pr: record?.number });
    expect(timeline?.entries.find((e) => e.key === "resolution")?.text).toBe(
      `Resolution section for ${reportPath} proposed in PR #${record?.number}`,
    );
    // The writes the record adds to the deploy's own: one tree, one commit, the branch, the PR.
    for (const route of [
      "POST /repos/{owner}/{repo}/git/trees",
      "POST /repos/{owner}/{repo}/git/commits",
      "POST /repos/{owner}/{repo}/git/refs",
      PR_CREATE,
    ])
      expect(writes.filter((w) => w === route)).toHaveLength(1);

    // Every deployment_status redelivered, and the same success sent again: nothing more is written.
    stage.sandbox.counters.reset();
    for (const d of stage.sandbox.webhooks.find("deployment_status"))
      await stage.sandbox.webhooks.redeliver(d.id);
    await alice.setDeploymentStatus(deployment, "success");
    await stage.sandbox.settle();
    expect(appWrites()).toEqual([]);
    expect(resolutionPrs(incident)).toHaveLength(1);
  },
  E2E_TIMEOUT,
);

test(
  "report on: the PR fails after the branch was made; the sweep adopts the bot's own branch and opens the one PR, once",
  async () => {
    const { alice, incident, pr, deployment } = await mergedHotfix(stage, WITH_REPORT);
    stage.sandbox.setFaults({ seed: 1, rate: 1, kinds: ["500"], routes: [PR_CREATE] });
    await alice.setDeploymentStatus(deployment, "success");
    await stage.sandbox.settle();
    stage.sandbox.setFaults(null);
    expect(git("branch", "--list", "hotfix-bot/resolution-*").trim()).toBe(
      `hotfix-bot/resolution-${incident}`,
    );
    expect(resolutionPrs(incident)).toEqual([]);
    expect(stage.timelineOf(incident)?.resolution?.status).toBe("failed");
    expect(stage.timelineOf(incident)?.entries.find((e) => e.key === "resolution")?.text).toMatch(
      /^The Resolution section could not be proposed \(.*\); retried on the next successful deployment status\. Resolution: fixed by #/,
    );

    // The sweep (as a repeated success status would) tries again.
    const swept = await stage.sweep();
    // The new PR's own webhooks (the gate's neutral run on it) finish before anything is counted.
    await stage.sandbox.settle();
    expect(swept.results.filter((r) => r.task === "deploy")).toEqual([
      { task: "deploy", target: `#${pr}`, outcome: "finished", detail: "resolution record retried" },
    ]);
    expect(resolutionPrs(incident).map((p) => p.headRef)).toEqual([`hotfix-bot/resolution-${incident}`]);
    expect(git("branch", "--list", "hotfix-bot/resolution-*").trim()).toBe(
      `hotfix-bot/resolution-${incident}`,
    );
    const resolution = stage.timelineOf(incident)?.resolution;
    expect(resolution?.status).toBe("proposed");
    expect(resolution?.refused).toBeUndefined();
    stage.sandbox.counters.reset();
    await stage.sweep();
    await alice.setDeploymentStatus(deployment, "success");
    await stage.sandbox.settle();
    expect(appWrites()).toEqual([]);
  },
  E2E_TIMEOUT,
);

test(
  "report on: a branch someone else prepared under the resolution name is refused, named on the timeline, and left alone",
  async () => {
    const { alice, incident, deployment } = await mergedHotfix(stage, WITH_REPORT);
    const planted = await alice.push(
      `hotfix-bot/resolution-${incident}`,
      { "docs/x.md": "not the report\n" },
      {
        from: "main",
      },
    );
    await stage.sandbox.settle();
    await alice.setDeploymentStatus(deployment, "success");
    await stage.sandbox.settle();
    expect(git("rev-parse", `hotfix-bot/resolution-${incident}`).trim()).toBe(planted);
    const prs = resolutionPrs(incident);
    expect(prs).toHaveLength(1);
    expect(prs[0]?.headRef).not.toBe(`hotfix-bot/resolution-${incident}`);
    const resolution = stage.timelineOf(incident)?.resolution;
    expect(resolution?.branch).toBe(prs[0]?.headRef);
    expect(resolution?.refused).toEqual([{ branch: `hotfix-bot/resolution-${incident}`, tip: planted }]);
    expect(stage.timelineOf(incident)?.entries.map((e) => e.key)).toContain(
      `refused-branch-hotfix-bot/resolution-${incident}`,
    );
  },
  E2E_TIMEOUT,
);

test(
  "report off: the timeline holds the resolution, no PR or branch is made, and a redelivery repeats nothing",
  async () => {
    const { alice, incident, pr, deployment } = await mergedHotfix(stage, config("windowMinutes: 20"));
    const tag = stage.timelineOf(incident)?.pipelines[String(pr)]?.tag ?? "";
    stage.sandbox.counters.reset();
    await alice.setDeploymentStatus(deployment, "success");
    await stage.sandbox.settle();
    expect(appWrites().filter((w) => w.includes("/git/") || w === PR_CREATE)).toEqual([]);
    expect(resolutionPrs(incident)).toEqual([]);

    const timeline = stage.timelineOf(incident);
    expect(timeline?.resolution).toMatchObject({ status: "timeline", fix: pr });
    const lines = timeline?.entries.filter((e) => e.key === "resolution") ?? [];
    expect(lines).toHaveLength(1);
    expect(lines[0]?.text).toMatch(
      new RegExp(
        `^Resolution: fixed by #${pr} "\\[SPF-1290\\] Fix critical auth failure"; tag ${tag.replace(/\./g, "\\.")}; deployed \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC to production; recovery: detection → PR \\d+ s, → merge \\d+ s, → deploy \\d+ s; backports: none; follow-ups: #\\d+`,
      ),
    );

    stage.sandbox.counters.reset();
    for (const d of stage.sandbox.webhooks.find("deployment_status"))
      await stage.sandbox.webhooks.redeliver(d.id);
    await stage.sandbox.settle();
    expect(appWrites()).toEqual([]);
    expect(stage.timelineOf(incident)?.entries.filter((e) => e.key === "resolution")).toHaveLength(1);
  },
  E2E_TIMEOUT,
);
