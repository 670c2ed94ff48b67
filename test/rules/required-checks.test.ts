import type { HotfixConfigInput } from "../../src/config/schema.js";
import {
  type CheckRunFact,
  checkRequiredChecks,
  isRequiredCheckName,
  latestRunPerName,
  statusAsCheckRun,
} from "../../src/rules/required-checks.js";
import { configOf } from "../support/config-of.js";

let nextId = 100;
const CI = { id: 15368, slug: "github-actions" };
function run(
  name: string,
  status: string,
  conclusion: string | null,
  minute = 0,
  extra: Partial<CheckRunFact> = {},
) {
  nextId += 1;
  const at = (m: number) => `2024-05-01T10:${String(m).padStart(2, "0")}:00Z`;
  const fact: CheckRunFact = {
    id: nextId,
    name,
    status,
    conclusion,
    startedAt: at(minute),
    completedAt: status === "completed" ? at(minute + 1) : null,
    app: CI,
    ...extra,
  };
  return fact;
}

const checks = (input: HotfixConfigInput["checks"]) => configOf({ checks: input });

describe("latestRunPerName", () => {
  it("keeps the latest run of each name", () => {
    const failed = run("unit", "completed", "failure", 1);
    const rerun = run("unit", "completed", "success", 5);
    const other = run("lint", "completed", "success", 2);
    expect(latestRunPerName([rerun, failed, other]).map((r) => r.id)).toEqual([rerun.id, other.id]);
    expect(latestRunPerName([failed, rerun, other]).map((r) => r.id)).toEqual([rerun.id, other.id]);
  });

  it("treats a run that has not started as the newest", () => {
    const failed = run("unit", "completed", "failure", 1);
    const queued = run("unit", "queued", null, 0, { startedAt: null });
    expect(latestRunPerName([queued, failed])).toEqual([queued]);
  });

  it("breaks ties by completion, then by id", () => {
    const a = run("unit", "completed", "failure", 1, { completedAt: "2024-05-01T11:00:00Z" });
    const b = { ...a, id: a.id + 1, conclusion: "success", completedAt: "2024-05-01T10:30:00Z" };
    expect(latestRunPerName([a, b])).toEqual([a]);
    const c = { ...a, id: a.id + 2, conclusion: "success" };
    expect(latestRunPerName([c, a])).toEqual([c]);
  });
});

describe("checkRequiredChecks", () => {
  const config = checks({ criticalTests: ["unit", "e2e (*)"], securityScan: ["codeql"] });

  it.each<[string, CheckRunFact[], string, string, RegExp]>([
    [
      "all green",
      [
        run("unit", "completed", "success"),
        run("e2e (1)", "completed", "success"),
        run("codeql", "completed", "success"),
      ],
      "pass",
      "pass",
      /passed: unit, e2e \(1\) \(github-actions\)/,
    ],
    [
      "nothing reported",
      [],
      "pending",
      "pending",
      /waiting for unit \(not reported yet\), e2e \(\*\) \(not reported yet\)/,
    ],
    [
      "one in progress",
      [
        run("unit", "in_progress", null),
        run("e2e (1)", "completed", "success"),
        run("codeql", "completed", "success"),
      ],
      "pending",
      "pass",
      /waiting for unit \(in_progress, github-actions\)/,
    ],
    [
      "one failed among pending",
      [
        run("unit", "queued", null),
        run("e2e (1)", "completed", "timed_out"),
        run("codeql", "completed", "success"),
      ],
      "fail",
      "pass",
      /failed: e2e \(1\) \(timed_out, github-actions\)/,
    ],
    [
      "every matrix leg counts",
      [
        run("e2e (1)", "completed", "success"),
        run("e2e (2)", "completed", "cancelled"),
        run("unit", "completed", "success"),
      ],
      "fail",
      "pending",
      /failed: e2e \(2\) \(cancelled, github-actions\)/,
    ],
    [
      "a re-run replaces a failure",
      [
        run("unit", "completed", "failure", 1),
        run("unit", "completed", "success", 9),
        run("e2e (1)", "completed", "success"),
        run("codeql", "completed", "success"),
      ],
      "pass",
      "pass",
      /passed/,
    ],
    [
      "a re-run that fails replaces a success",
      [
        run("unit", "completed", "success", 1),
        run("unit", "completed", "failure", 9),
        run("e2e (1)", "completed", "success"),
        run("codeql", "completed", "success"),
      ],
      "fail",
      "pass",
      /failed: unit \(failure, github-actions\)/,
    ],
  ])("%s", (_name, runs, critical, security, reason) => {
    const [c, s] = checkRequiredChecks(runs, config, "hotfix-gate");
    expect([c.state, s.state]).toEqual([critical, security]);
    expect(c.reason).toMatch(reason);
  });

  it.each([
    "failure",
    "cancelled",
    "timed_out",
    "action_required",
    "stale",
    "startup_failure",
    "something_new",
  ])("%s fails", (conclusion) => {
    const [c] = checkRequiredChecks(
      [run("unit", "completed", conclusion)],
      checks({ criticalTests: ["unit"] }),
      "g",
    );
    expect(c.state).toBe("fail");
  });

  it.each([
    ["neutral", false, false, "fail"],
    ["neutral", true, false, "pass"],
    ["skipped", false, false, "fail"],
    ["skipped", false, true, "pass"],
    ["skipped", true, false, "fail"],
  ] as const)(
    "%s with neutralPasses %s, skippedPasses %s -> %s",
    (conclusion, neutralPasses, skippedPasses, state) => {
      const config = checks({ criticalTests: ["unit"], neutralPasses, skippedPasses });
      const [c] = checkRequiredChecks([run("unit", "completed", conclusion)], config, "hotfix-gate");
      expect(c.state).toBe(state);
      if (state === "fail") expect(c.reason).toMatch(/count as passing only with checks\.neutralPasses/);
    },
  );

  it.each(["waiting", "requested", "pending", "queued"])("status %s is pending", (status) => {
    const [c] = checkRequiredChecks([run("unit", status, null)], checks({ criticalTests: ["unit"] }), "g");
    expect(c.state).toBe("pending");
  });

  it("says so when nothing is configured instead of passing silently", () => {
    const [c, s] = checkRequiredChecks([run("unit", "completed", "failure")], configOf(), "hotfix-gate");
    expect(c).toMatchObject({
      state: "warn",
      reason: expect.stringMatching(/none configured \(checks\.criticalTests is empty\)/),
    });
    expect(s).toMatchObject({
      state: "warn",
      reason: expect.stringMatching(/checks\.securityScan is empty/),
    });
  });

  it("ignores its own check run, even when a glob would match it", () => {
    const config = checks({ criticalTests: ["*"] });
    const [c] = checkRequiredChecks(
      [run("hotfix-gate", "in_progress", null), run("unit", "completed", "success")],
      config,
      "hotfix-gate",
    );
    expect(c.state).toBe("pass");
  });

  it("lists every run in the details", () => {
    const [c] = checkRequiredChecks(
      [run("e2e (1)", "completed", "success"), run("e2e (2)", "in_progress", null)],
      config,
      "hotfix-gate",
    );
    expect(c.details).toEqual([
      "unit: not reported yet",
      "e2e (1): success (github-actions)",
      "e2e (2): in_progress (github-actions)",
    ]);
  });
});

describe("checkRequiredChecks: who reported it", () => {
  const EVIL = { id: 666, slug: "evil" };
  const unpinned = checks({ criticalTests: ["unit"] });

  it("keeps each App's latest run of a name: another App's later run does not replace CI's", () => {
    const failed = run("unit", "completed", "failure", 1);
    const forged = run("unit", "completed", "success", 9, { app: EVIL });
    expect(latestRunPerName([failed, forged])).toEqual([failed, forged]);
    const [c] = checkRequiredChecks([failed, forged], unpinned, "hotfix-gate");
    expect(c).toMatchObject({ state: "fail", reason: "failed: unit (failure, github-actions)" });
    expect(c.details).toEqual(["unit: failure (github-actions)", "unit: success (evil)"]);
  });

  it("unpinned: any App's unfinished run is waited for", () => {
    const runs = [run("unit", "completed", "success"), run("unit", "in_progress", null, 2, { app: EVIL })];
    expect(checkRequiredChecks(runs, unpinned, "g")[0].state).toBe("pending");
  });

  it("pinned: only the named App's success passes, by slug (any case) or by id", () => {
    const forged = run("unit", "completed", "success", 1, { app: EVIL });
    for (const app of ["github-actions", "GitHub-Actions", 15368, "15368"] as const) {
      const config = checks({ criticalTests: [{ name: "unit", app }] });
      const [alone] = checkRequiredChecks([forged], config, "g");
      expect(alone).toMatchObject({
        state: "pending",
        reason: `waiting for unit from ${app} (not reported yet)`,
      });
      const [both] = checkRequiredChecks([forged, run("unit", "completed", "success", 2)], config, "g");
      expect(both.state).toBe("pass");
    }
  });

  it("pinned: another App's failure still fails the row, its pending run is not waited for", () => {
    const config = checks({ criticalTests: [{ name: "unit", app: "github-actions" }] });
    const ci = run("unit", "completed", "success", 1);
    const [failing] = checkRequiredChecks(
      [ci, run("unit", "completed", "failure", 2, { app: EVIL })],
      config,
      "g",
    );
    expect(failing).toMatchObject({ state: "fail", reason: "failed: unit (failure, evil)" });
    const [pending] = checkRequiredChecks([ci, run("unit", "queued", null, 2, { app: EVIL })], config, "g");
    expect(pending.state).toBe("pass");
  });
});

describe("isRequiredCheckName", () => {
  it("matches configured names and globs of both kinds", () => {
    const config = checks({ criticalTests: ["unit", "e2e (*)"], securityScan: ["codeql"] });
    expect(isRequiredCheckName("unit", config)).toBe(true);
    expect(isRequiredCheckName("e2e (3)", config)).toBe(true);
    expect(isRequiredCheckName("codeql", config)).toBe(true);
    expect(isRequiredCheckName("lint", config)).toBe(false);
    expect(isRequiredCheckName("unit", configOf())).toBe(false);
  });
});

describe("commit statuses", () => {
  const JENKINS = { id: 501, login: "jenkins" };
  const MALLORY = { id: 666, login: "mallorys-ci[bot]" };
  function status(context: string, state: string, minute: number, creator = JENKINS): CheckRunFact {
    nextId += 1;
    return statusAsCheckRun({
      id: nextId,
      context,
      state,
      createdAt: `2024-05-01T10:${String(minute).padStart(2, "0")}:00Z`,
      creator,
    });
  }

  it("reads pending as waiting, success as passing, failure and error as failing", () => {
    expect(status("ci/jenkins", "pending", 1)).toMatchObject({
      status: "pending",
      conclusion: null,
      app: null,
    });
    const config = checks({ criticalTests: ["ci/jenkins"] });
    const verdict = (state: string) =>
      checkRequiredChecks([status("ci/jenkins", state, 1)], config, "g")[0].state;
    expect(["pending", "success", "failure", "error"].map(verdict)).toEqual([
      "pending",
      "pass",
      "fail",
      "fail",
    ]);
  });

  it("keeps each creator's newest status of a context: a re-run replaces a failure of the same creator only", () => {
    const config = checks({ criticalTests: ["ci/jenkins"] });
    const failed = status("ci/jenkins", "failure", 1);
    const rerun = status("ci/jenkins", "success", 5);
    expect(checkRequiredChecks([failed, rerun], config, "g")[0].state).toBe("pass");
    const other = status("ci/jenkins", "success", 9, MALLORY);
    expect(checkRequiredChecks([failed, other], config, "g")[0].state).toBe("fail");
  });

  it("of two statuses created in the same second, the later one counts (GitHub's times have whole seconds)", () => {
    const config = checks({ criticalTests: ["ci/jenkins"] });
    const pending = status("ci/jenkins", "pending", 1);
    const success = status("ci/jenkins", "success", 1);
    expect(checkRequiredChecks([pending, success], config, "g")[0].state).toBe("pass");
    expect(checkRequiredChecks([success, pending], config, "g")[0].state).toBe("pass");
    const failure = status("ci/jenkins", "failure", 1);
    expect(checkRequiredChecks([success, failure], config, "g")[0].state).toBe("fail");
  });

  it("a context pinned to a creator (login, case-insensitive, or id) passes only on that creator's status", () => {
    for (const creator of ["Jenkins", 501] as const) {
      const config = checks({ criticalTests: [{ name: "ci/jenkins", creator }] });
      const [byOther] = checkRequiredChecks([status("ci/jenkins", "success", 1, MALLORY)], config, "g");
      expect(byOther.state).toBe("pending");
      expect(byOther.reason).toBe(`waiting for ci/jenkins from ${creator} (not reported yet)`);
      // A check run of the name, from any App, never stands in for a pinned status.
      const [byApp] = checkRequiredChecks([run("ci/jenkins", "completed", "success")], config, "g");
      expect(byApp.state).toBe("pending");
      const [byJenkins] = checkRequiredChecks([status("ci/jenkins", "success", 1)], config, "g");
      expect(byJenkins.state).toBe("pass");
    }
  });

  it("a check pinned to an App is never passed by a status, whoever created it", () => {
    const config = checks({ criticalTests: [{ name: "unit", app: "github-actions" }] });
    expect(checkRequiredChecks([status("unit", "success", 1)], config, "g")[0].state).toBe("pending");
  });
});
