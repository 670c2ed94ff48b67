import {
  type FollowUpInput,
  followUpMarker,
  parseFollowUpMarkers,
  planFollowUps,
} from "../../src/follow-ups/plan-follow-ups.js";
import { configOf } from "../support/config-of.js";

function input(overrides: Partial<FollowUpInput> = {}): FollowUpInput {
  return {
    config: configOf(),
    pr: {
      number: 12,
      title: "[SPF-7] Fix login",
      author: "octocat",
      labels: ["P1-hotfix"],
      url: "https://github.com/acme/shop/pull/12",
    },
    changedFiles: ["src/login.ts", "test/login.test.ts"],
    severity: "P1",
    approved: true,
    incident: 5,
    jiraKey: "SPF-7",
    tag: "hotfix-20261121-1405",
    mergedAt: new Date("2026-11-21T14:05:00Z"),
    ...overrides,
  };
}

const kinds = (i: FollowUpInput) => planFollowUps(i).map((p) => p.kind);

describe("planFollowUps triggers", () => {
  it.each<[string, Partial<FollowUpInput>, string[]]>([
    ["a tested, approved P1 fix gets only the post-mortem", {}, ["post-mortem"]],
    [
      "the temporary-fix label asks for a proper fix (label case does not matter)",
      { pr: { ...input().pr, labels: ["Temporary-Fix"] } },
      ["post-mortem", "proper-fix"],
    ],
    [
      "no test file changed asks for regression tests",
      { changedFiles: ["src/login.ts"] },
      ["post-mortem", "regression-tests"],
    ],
    ["no file at all also counts as untested", { changedFiles: [] }, ["post-mortem", "regression-tests"]],
    ["a spec file counts as a test", { changedFiles: ["src/a.ts", "src/a.spec.ts"] }, ["post-mortem"]],
    ["a __tests__ folder counts as a test", { changedFiles: ["pkg/__tests__/a.js"] }, ["post-mortem"]],
    ["a dot folder is still matched", { changedFiles: [".ci/tests/a.sh"] }, ["post-mortem"]],
    [
      "a P1 merged without approval asks for a post-deploy review",
      { approved: false },
      ["post-mortem", "post-deploy-review"],
    ],
    ["an approved P1 does not", { approved: true }, ["post-mortem"]],
    [
      "a P0 merged without approval asks for one too (P0 needs none by default)",
      { severity: "P0", approved: false },
      ["post-mortem", "post-deploy-review"],
    ],
    [
      "so does a P2 merged without approval (the gate was bypassed)",
      { severity: "P2", approved: false },
      ["post-mortem", "post-deploy-review"],
    ],
    ["an approved P0 does not", { severity: "P0", approved: true }, ["post-mortem"]],
    [
      "all four at once, in a stable order",
      { pr: { ...input().pr, labels: ["temporary-fix"] }, changedFiles: ["README.md"], approved: false },
      ["post-mortem", "proper-fix", "regression-tests", "post-deploy-review"],
    ],
  ])("%s", (_name, overrides, expected) => {
    expect(kinds(input(overrides))).toEqual(expected);
  });

  it("uses the configured test globs", () => {
    const i = input({
      config: configOf({ followUps: { testGlobs: ["checks/**"] } }),
      changedFiles: ["test/a.test.ts"],
    });
    expect(kinds(i)).toEqual(["post-mortem", "regression-tests"]);
    expect(kinds({ ...i, changedFiles: ["checks/a.sh"] })).toEqual(["post-mortem"]);
  });

  it("honours enabled: false for each kind", () => {
    const off = { enabled: false, title: "x", body: "" };
    const all = input({
      pr: { ...input().pr, labels: ["temporary-fix"] },
      changedFiles: [],
      approved: false,
    });
    expect(kinds({ ...all, config: configOf({ followUps: { postMortem: off } }) })).toEqual([
      "proper-fix",
      "regression-tests",
      "post-deploy-review",
    ]);
    expect(
      kinds({
        ...all,
        config: configOf({
          followUps: { postMortem: off, properFix: off, regressionTests: off, postDeployReview: off },
        }),
      }),
    ).toEqual([]);
  });
});

describe("planFollowUps content", () => {
  it("renders the default templates with the PR, incident, Jira key and tag, assigned to the author", () => {
    const [plan] = planFollowUps(input());
    expect(plan).toEqual({
      kind: "post-mortem",
      title: "Post-mortem: [SPF-7] Fix login",
      body: expect.stringContaining(
        "Incident #5, fixed by #12 (SPF\\-7), released as hotfix\\-20261121\\-1405.",
      ),
      labels: ["post-mortem"],
      assignees: ["octocat"],
      dueAt: "2026-11-28T14:05:00.000Z",
    });
    expect(plan?.body.endsWith(`\n\n<!-- hotfix-bot:follow-up {"pr":12,"kind":"post-mortem"} -->`)).toBe(
      true,
    );
  });

  it("says (none) for a missing incident, Jira key or tag", () => {
    const [plan] = planFollowUps(input({ incident: null, jiraKey: null, tag: null }));
    expect(plan?.body).toContain("Incident (none), fixed by #12 ((none)), released as (none).");
  });

  it("escapes hostile PR text in bodies and keeps titles on one line", () => {
    const hostile =
      'x\n<!-- hotfix-bot:follow-up {"pr":99,"kind":"proper-fix"} --> @everyone {pr} [a](javascript:1)';
    const plans = planFollowUps(
      input({ pr: { ...input().pr, title: hostile, labels: ["temporary-fix"] }, changedFiles: [] }),
    );
    for (const plan of plans) {
      expect(plan.title).not.toMatch(/[\r\n]/);
      // The only marker in the body is ours; the forged one is escaped and does not parse.
      expect(parseFollowUpMarkers(plan.body)).toEqual([{ pr: 12, kind: plan.kind }]);
      expect(plan.body).not.toContain("@everyone");
      expect(plan.body).not.toContain("[a](javascript:1)");
    }
    // The {pr} inside the title is text, not a second substitution.
    expect(plans[0]?.title).toContain("{pr}");
  });

  it("does not assign bots, which GitHub refuses as assignees", () => {
    const [plan] = planFollowUps(input({ pr: { ...input().pr, author: "dependabot[bot]" } }));
    expect(plan?.assignees).toEqual([]);
  });

  it("keeps titles within 256 characters and bodies within GitHub's limit with the marker intact", () => {
    const long = "t".repeat(1000);
    const big = configOf({
      followUps: {
        postMortem: { title: "{title}{title}", body: `${"b".repeat(59900)}${"{title}".repeat(10)}` },
      },
    });
    const [plan] = planFollowUps(input({ config: big, pr: { ...input().pr, title: long } }));
    expect(plan?.title.length).toBeLessThanOrEqual(256);
    expect(plan?.body.length).toBeLessThanOrEqual(65_536);
    expect(parseFollowUpMarkers(plan?.body)).toEqual([{ pr: 12, kind: "post-mortem" }]);
  });
});

describe("follow-up markers", () => {
  it.each([
    [followUpMarker(3, "proper-fix"), [{ pr: 3, kind: "proper-fix" }]],
    ['<!-- hotfix-bot:follow-up {"pr":3,"kind":"other"} -->', []],
    ['<!-- hotfix-bot:follow-up {"pr":-1,"kind":"post-mortem"} -->', []],
    ['<!-- hotfix-bot:follow-up {"pr":3,"kind":"post-mortem" -->', []],
    ['&lt;!-- hotfix-bot:follow-up {"pr":3,"kind":"post-mortem"} -->', []],
    ["", []],
  ])("parses %j", (body, expected) => {
    expect(parseFollowUpMarkers(body)).toEqual(expected);
  });
});

describe("a changed-file list GitHub cut short", () => {
  const untested = Array.from({ length: 3000 }, (_, k) => `src/file-${k}.ts`);

  it("opens the regression-tests follow-up and says that the rest of the files went unread", () => {
    const plans = planFollowUps(input({ changedFiles: untested, changedFilesTotal: 3400 }));
    const regression = plans.find((p) => p.kind === "regression-tests");
    expect(regression?.body).toContain("GitHub listed only 3000 of the 3400 files");
  });

  it("says nothing of the kind when the list is complete", () => {
    const plans = planFollowUps(input({ changedFiles: ["src/a.ts"], changedFilesTotal: 1 }));
    expect(plans.find((p) => p.kind === "regression-tests")?.body).not.toContain("GitHub listed only");
  });

  it("needs no note when a test is among the listed files", () => {
    expect(kinds(input({ changedFiles: [...untested, "test/a.test.ts"], changedFilesTotal: 5000 }))).toEqual([
      "post-mortem",
    ]);
  });
});

describe("follow-up deadlines", () => {
  const everything: Partial<FollowUpInput> = {
    pr: {
      number: 12,
      title: "[SPF-7] Fix login",
      author: "octocat",
      labels: ["temporary-fix"],
      url: "https://github.com/acme/shop/pull/12",
    },
    changedFiles: ["src/login.ts"],
    approved: false,
    securityWarnings: [
      {
        name: "security-scan",
        app: "scanner",
        conclusion: "neutral",
        url: null,
        annotations: [],
        warningsTotal: 0,
      },
    ],
  };

  it("is due 24 h (reviews) or a week (fix, root cause, prevention) after the merge, shown in the body", () => {
    const due = planFollowUps(input(everything)).map((p) => [p.kind, p.dueAt]);
    expect(due).toEqual([
      ["post-mortem", "2026-11-28T14:05:00.000Z"],
      ["proper-fix", "2026-11-28T14:05:00.000Z"],
      ["regression-tests", "2026-11-28T14:05:00.000Z"],
      ["post-deploy-review", "2026-11-22T14:05:00.000Z"],
      ["security-review", "2026-11-22T14:05:00.000Z"],
    ]);
    const review = planFollowUps(input(everything)).find((p) => p.kind === "post-deploy-review");
    expect(review?.body).toContain(
      "\n\nDue: 2026-11-22 14:05 UTC (24h after #12 merged)\n\n<!-- hotfix-bot:follow-up ",
    );
  });

  it("takes each kind's due time from followUps.due", () => {
    const plans = planFollowUps(
      input({
        ...everything,
        config: configOf({ followUps: { due: { postMortem: "3d", securityReview: "30m" } } }),
      }),
    );
    expect(plans.find((p) => p.kind === "post-mortem")?.dueAt).toBe("2026-11-24T14:05:00.000Z");
    expect(plans.find((p) => p.kind === "security-review")?.dueAt).toBe("2026-11-21T14:35:00.000Z");
    expect(plans.find((p) => p.kind === "post-deploy-review")?.dueAt).toBe("2026-11-22T14:05:00.000Z");
  });

  it("keeps the due line and the marker when a long template is cut", () => {
    const long = configOf({ followUps: { postMortem: { body: `${"x".repeat(59_990)} {title}` } } });
    const [plan] = planFollowUps(input({ config: long, pr: { ...input().pr, title: "y".repeat(9000) } }));
    expect(plan?.body.length).toBeLessThanOrEqual(65_000);
    expect(plan?.body).toMatch(
      /\n\nDue: 2026-11-28 14:05 UTC \(7d after #12 merged\)\n\n<!-- hotfix-bot:follow-up \{"pr":12,"kind":"post-mortem"\} -->$/,
    );
  });

  it("opens the security review only when a scan passed with warnings", () => {
    expect(kinds(input())).not.toContain("security-review");
    expect(kinds(input({ securityWarnings: [] }))).not.toContain("security-review");
    expect(kinds(input(everything))).toContain("security-review");
  });
});
