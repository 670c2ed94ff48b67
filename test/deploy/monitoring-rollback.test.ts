import { createRequire } from "node:module";
import { parseConfigText } from "../../src/config/parse-config.js";
import type { HotfixConfig } from "../../src/config/schema.js";
import { escalationComment } from "../../src/deploy/escalation.js";
import {
  monitoringEntry,
  monitoringPhase,
  stableEntry,
  startMonitoring,
} from "../../src/deploy/monitoring-window.js";
import { revertBody, revertMessage } from "../../src/deploy/revert-pr-text.js";
import { failedCheckFrom, rollbackCheckFor } from "../../src/deploy/rollback-check-route.js";
import { parseRollbackCommand } from "../../src/deploy/rollback-command.js";
import type { PipelineState } from "../../src/incident/timeline-state.js";

type Json = Record<string, unknown>;
const require = createRequire(import.meta.url);
const definitions = require("@octokit/webhooks-examples") as { name: string; examples: Json[] }[];

function example(name: string, predicate: (e: Json) => boolean = () => true): Json {
  const found = definitions.find((d) => d.name === name)?.examples.find(predicate);
  if (!found) throw new Error(name);
  return structuredClone(found);
}

function config(yml: string): HotfixConfig {
  const result = parseConfigText(yml);
  if (!result.ok) throw new Error(result.error.message);
  return result.config;
}

const SHA = "a".repeat(40);
const pipeline = (extra: Partial<PipelineState> = {}): PipelineState => ({
  pr: 7,
  mergeSha: SHA,
  mergedAt: "2026-01-01T10:00:00.000Z",
  backports: {},
  followUps: {},
  done: true,
  heartbeatAt: "2026-01-01T10:00:00.000Z",
  ...extra,
});

describe("monitoring configuration", () => {
  test("defaults follow the policy: 30 minutes, its checklist, no watched check, no close", () => {
    expect(config("").monitoring).toEqual({
      enabled: true,
      windowMinutes: 30,
      checklist: ["error rates back to normal", "no new error types", "key metrics stable"],
      rollbackOn: [],
      closeWhenStable: false,
    });
  });

  test("a typo or an out-of-range window is an error naming the field", () => {
    const typo = parseConfigText("monitoring:\n  windowMinute: 15\n");
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.error.message).toContain("windowMinute");
    const zero = parseConfigText("monitoring:\n  windowMinutes: 0\n");
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.error.message).toContain("monitoring.windowMinutes");
  });

  test("rollbackOn takes names, globs and pinned entries", () => {
    expect(
      config("monitoring:\n  rollbackOn: [smoke, { name: 'e2e-*', app: ci }, { name: x, creator: 42 }]")
        .monitoring.rollbackOn,
    ).toEqual([
      { name: "smoke", app: null, creator: null },
      { name: "e2e-*", app: "ci", creator: null },
      { name: "x", app: null, creator: 42 },
    ]);
  });
});

describe("the monitoring window", () => {
  const monitoring = config("monitoring:\n  windowMinutes: 15").monitoring;
  const start = new Date("2026-01-01T10:50:00.000Z");
  const monitor = startMonitoring(monitoring, SHA, start);

  test("opens for windowMinutes on the deployed commit, with the checklist on the timeline", () => {
    expect(monitor).toEqual({
      sha: SHA,
      since: "2026-01-01T10:50:00.000Z",
      until: "2026-01-01T11:05:00.000Z",
    });
    expect(monitoringEntry(7, monitor, monitoring)).toEqual({
      key: "monitoring-7",
      at: monitor.since,
      text: "Monitoring until 11:05 (UTC); check: error rates back to normal; no new error types; key metrics stable — unstable? comment /rollback [reason]",
    });
    expect(stableEntry(7, monitor, "2026-01-01T11:06:00.000Z").text).toBe(
      "Stable: the monitoring window of #7 ended at 11:05 (UTC) without a rollback",
    );
  });

  test("is open before its end, due at and after it, ended by stable or by any rollback", () => {
    expect(monitoringPhase(pipeline(), start)).toBe("none");
    expect(monitoringPhase(pipeline({ monitor }), new Date("2026-01-01T11:04:59.999Z"))).toBe("open");
    expect(monitoringPhase(pipeline({ monitor }), new Date("2026-01-01T11:05:00.000Z"))).toBe("due");
    const late = new Date("2026-01-02T00:00:00.000Z");
    expect(monitoringPhase(pipeline({ monitor: { ...monitor, stableAt: late.toISOString() } }), late)).toBe(
      "ended",
    );
    const asked = { kind: "command" as const, at: late.toISOString(), by: "bob", reason: "" };
    expect(monitoringPhase(pipeline({ monitor, rollbackBy: asked }), late)).toBe("ended");
    expect(monitoringPhase(pipeline({ monitor, deploy: { failedAt: late.toISOString() } }), late)).toBe(
      "ended",
    );
    // An unreadable end is never due.
    expect(monitoringPhase(pipeline({ monitor: { ...monitor, until: "soon" } }), late)).toBe("open");
  });
});

describe("/rollback", () => {
  const comment = (body: string, user: Json = { id: 5, login: "bob", type: "User" }) => {
    const payload = example("issue_comment", (e) => e.action === "created");
    (payload.comment as Json).body = body;
    (payload.comment as Json).user = user;
    return payload;
  };

  test("alone on the first line, with an optional reason", () => {
    expect(parseRollbackCommand(comment("/rollback"))).toMatchObject({
      reason: "",
      commenter: "bob",
      commenterId: 5,
    });
    expect(parseRollbackCommand(comment("/rollback  error rate up \nmore text"))).toMatchObject({
      reason: "error rate up",
    });
    expect(parseRollbackCommand(comment("please /rollback"))).toBeNull();
    expect(parseRollbackCommand(comment("/rollbacks"))).toBeNull();
  });

  test("never from a bot", () => {
    expect(
      parseRollbackCommand(comment("/rollback", { id: 9, login: "other[bot]", type: "Bot" })),
    ).toBeNull();
  });

  test("a reason is echoed without mentions or markup in the revert PR and the escalation", () => {
    const trigger = { kind: "command" as const, at: "", by: "bob", reason: "@ops *now*" };
    const body = revertBody({
      pr: 3,
      mergeSha: SHA,
      tag: "v1.0.1",
      environment: "",
      state: "rollback",
      description: "",
      logUrl: null,
      incident: 2,
      previousTag: null,
      conflictFiles: [],
      trigger,
    });
    expect(body).toContain(
      "Reverts #3 (`aaaaaaa`), released as `v1.0.1`: a rollback — bob asked for it with `/rollback`: @&#8203;ops",
    );
    expect(body).not.toContain("@ops");
    expect(revertMessage({ title: "Fix", pr: 3, mergeSha: SHA, tag: "v1.0.1", trigger })).toContain(
      "a rollback of v1.0.1: bob asked for it with /rollback: @ops *now*.",
    );
    const escalation = escalationComment({
      pr: 3,
      tag: "v1.0.1",
      environment: "",
      state: "rollback",
      description: "",
      logUrl: null,
      commander: "alice",
      rollback: { status: "open", pr: 9 },
      label: "rollback",
      trigger,
    });
    expect(escalation).toContain(
      "@alice **#3 (`v1.0.1`) is being rolled back**: bob asked for it with `/rollback`",
    );
    expect(escalation).not.toContain("@ops");
  });
});

describe("a watched check", () => {
  const failedRun = () =>
    example("check_run", (e) => e.action === "completed" && (e.check_run as Json).conclusion === "failure");

  test("a failed check run or a failure/error status is read with its reporter; others are not events to act on", () => {
    const run = failedCheckFrom({ name: "check_run", id: "1", payload: failedRun() });
    expect(run).toMatchObject({ conclusion: "failure", creator: null });
    expect(run?.app?.id).toEqual(expect.any(Number));
    const passed = example(
      "check_run",
      (e) => e.action === "completed" && (e.check_run as Json).conclusion === "success",
    );
    expect(failedCheckFrom({ name: "check_run", id: "2", payload: passed })).toBeNull();
    const status = example("status");
    expect(failedCheckFrom({ name: "status", id: "3", payload: status })).toBeNull();
    status.state = "error";
    expect(failedCheckFrom({ name: "status", id: "3", payload: status })).toMatchObject({
      conclusion: "error",
      app: null,
      creator: { login: "Codertocat" },
    });
  });

  test("counts when its name matches and, when pinned, only from the pinned reporter", () => {
    const check = {
      sha: SHA,
      name: "smoke-checkout",
      conclusion: "failure",
      app: { id: 101, slug: "ci" },
      creator: null,
    };
    const watched = (yml: string) => config(`monitoring:\n  rollbackOn: ${yml}`).monitoring.rollbackOn;
    expect(rollbackCheckFor(check, watched("[smoke-checkout]"))?.name).toBe("smoke-checkout");
    expect(rollbackCheckFor(check, watched("['smoke-*']"))?.name).toBe("smoke-*");
    expect(rollbackCheckFor(check, watched("[smoke]"))).toBeNull();
    expect(rollbackCheckFor(check, watched("[{ name: 'smoke-*', app: ci }]"))).not.toBeNull();
    expect(rollbackCheckFor(check, watched("[{ name: 'smoke-*', app: 101 }]"))).not.toBeNull();
    expect(rollbackCheckFor(check, watched("[{ name: 'smoke-*', app: other }]"))).toBeNull();
    // A status pinned to a creator: a check run (no creator) never counts, another user's status neither.
    expect(rollbackCheckFor(check, watched("[{ name: 'smoke-*', creator: jenkins }]"))).toBeNull();
    const status = { ...check, app: null, creator: { id: 7, login: "jenkins" } };
    expect(rollbackCheckFor(status, watched("[{ name: 'smoke-*', creator: jenkins }]"))).not.toBeNull();
    expect(
      rollbackCheckFor(
        { ...status, creator: { id: 8, login: "bob" } },
        watched("[{ name: 'smoke-*', creator: 7 }]"),
      ),
    ).toBeNull();
  });
});
