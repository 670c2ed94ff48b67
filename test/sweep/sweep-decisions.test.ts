import type { PipelineState, TimelineState } from "../../src/incident/timeline-state.js";
import {
  discoveryQueries,
  groupByRepository,
  repoOfRepositoryUrl,
} from "../../src/sweep/discover-active-repositories.js";
import { dueNow } from "../../src/sweep/sweep-task.js";
import { intakeUnfinished, recordedIntakeRequest } from "../../src/sweep/tasks/finish-intake.js";
import { deployOutcomePending } from "../../src/sweep/tasks/record-deploy-outcome.js";

const since = new Date("2026-11-13T10:00:00.000Z");

describe("discovery queries", () => {
  it("scope the search to the installation's account and the lookback, one query per kind of mark", () => {
    expect(
      discoveryQueries({
        scope: { kind: "account", login: "acme", organization: true },
        since,
        severityLabels: ["P0-hotfix", "P1 hotfix"],
        appSlug: "hotfix-bot",
      }),
    ).toEqual([
      'org:acme updated:>=2026-11-13T10:00:00Z is:issue label:"P0-hotfix","P1 hotfix"',
      "org:acme updated:>=2026-11-13T10:00:00Z is:pr author:app/hotfix-bot",
    ]);
  });

  it("use user: for a personal account and repo: for one repository; no App, no PR query", () => {
    expect(
      discoveryQueries({
        scope: { kind: "account", login: "bob", organization: false },
        since,
        severityLabels: [],
        appSlug: "x",
      }),
    ).toEqual(["user:bob updated:>=2026-11-13T10:00:00Z is:pr author:app/x"]);
    expect(
      discoveryQueries({
        scope: { kind: "repo", repo: { owner: "acme", repo: "webshop" } },
        since,
        severityLabels: ['say "hi"'],
        appSlug: null,
      }),
    ).toEqual(['repo:acme/webshop updated:>=2026-11-13T10:00:00Z is:issue label:"say hi"']);
  });

  it("group search items by repository, each found once", () => {
    const item = (repo: string, number: number, pr = false) => ({
      number,
      title: `t${number}`,
      state: "open",
      html_url: `https://github.com/${repo}/issues/${number}`,
      repository_url: `https://api.github.com/repos/${repo}`,
      updated_at: "2026-11-20T00:00:00Z",
      labels: [{ name: "P1-hotfix" }],
      ...(pr ? { pull_request: {} } : {}),
    });
    const groups = groupByRepository([
      item("acme/a", 1),
      item("acme/b", 2, true),
      item("acme/a", 1),
      item("acme/a", 3),
    ]);
    expect(
      [...groups.values()].map((g) => [
        `${g.repo.owner}/${g.repo.repo}`,
        g.found.map((f) => [f.number, f.isPull]),
      ]),
    ).toEqual([
      [
        "acme/a",
        [
          [1, false],
          [3, false],
        ],
      ],
      ["acme/b", [[2, true]]],
    ]);
    expect(repoOfRepositoryUrl("https://ghe.example/api/v3/repos/acme/x")).toEqual({
      owner: "acme",
      repo: "x",
    });
    expect(repoOfRepositoryUrl("https://api.github.com/users/acme")).toBeNull();
  });
});

describe("due items", () => {
  it("are those due at now, earliest first; an unreadable time is never due", () => {
    const now = new Date("2026-11-27T12:00:00Z");
    const items = [
      { key: "late", dueAt: "2026-11-27T11:00:00Z" },
      { key: "future", dueAt: "2026-11-27T13:00:00Z" },
      { key: "now", dueAt: "2026-11-27T12:00:00Z" },
      { key: "early", dueAt: "2026-11-26T00:00:00Z" },
      { key: "garbage", dueAt: "soon" },
    ];
    expect(dueNow(items, now).map((i) => i.key)).toEqual(["early", "late", "now"]);
  });
});

describe("what the sweep finishes", () => {
  const declared: TimelineState = {
    v: 1,
    incident: 4,
    detectedAt: "2026-11-27T10:00:00.000Z",
    severity: "P0",
    commander: "alice",
    entries: [
      {
        key: "declared",
        at: "2026-11-27T10:00:00.000Z",
        text: "Incident declared by @alice (/hotfix), severity P0",
      },
    ],
    pipelines: {},
  };
  const intake = {
    trigger: "label" as const,
    branch: "hotfix/incident-4",
    cutFrom: "main",
    baseSha: "a",
    productionSha: "a",
  };

  it("an intake is unfinished from its recorded declaration until its checklist (and report, when asked for)", () => {
    expect(intakeUnfinished({ ...declared, detectedAt: undefined } as TimelineState, false)).toBe(false);
    expect(intakeUnfinished(declared, false)).toBe(true);
    expect(intakeUnfinished({ ...declared, intake }, false)).toBe(true);
    expect(intakeUnfinished({ ...declared, intake: { ...intake, checklist: true } }, false)).toBe(false);
    expect(intakeUnfinished({ ...declared, intake: { ...intake, checklist: true } }, true)).toBe(true);
  });

  it("resumes intake as declared: commander, time, severity and trigger from the timeline", () => {
    const issue = {
      number: 4,
      title: "Down",
      state: "open" as const,
      labels: [],
      url: "u",
      isPull: false,
      updatedAt: "",
    };
    expect(recordedIntakeRequest(issue, declared, "P1")).toMatchObject({
      trigger: "command",
      severity: "P0",
      actor: "alice",
      at: "2026-11-27T10:00:00.000Z",
    });
  });

  it("a deploy is pending until deployed, or until its rollback is open and escalated", () => {
    const pipeline: PipelineState = {
      pr: 7,
      mergeSha: "m",
      mergedAt: "2026-11-27T10:00:00Z",
      tag: "v1.0.1",
      backports: {},
      followUps: {},
      done: true,
      heartbeatAt: "2026-11-27T10:00:00Z",
    };
    const environment = { name: "production", deployment: 9, at: "2026-11-27T10:01:00Z" };
    expect(deployOutcomePending(pipeline)).toBe(false);
    expect(deployOutcomePending({ ...pipeline, deploy: { environment } })).toBe(true);
    expect(deployOutcomePending({ ...pipeline, deploy: { environment, deployedAt: "x" } })).toBe(false);
    expect(deployOutcomePending({ ...pipeline, deploy: { environment, failedAt: "x" } })).toBe(true);
    const rollback = { status: "open" as const, pr: 8 };
    expect(deployOutcomePending({ ...pipeline, deploy: { environment, failedAt: "x", rollback } })).toBe(
      true,
    );
    expect(
      deployOutcomePending({
        ...pipeline,
        deploy: { environment, failedAt: "x", rollback, escalated: true },
      }),
    ).toBe(false);
    expect(
      deployOutcomePending({
        ...pipeline,
        deploy: { environment, failedAt: "x", rollback: { status: "failed" }, escalated: true },
      }),
    ).toBe(true);
  });
});
