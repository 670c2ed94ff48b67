import { isCi, planRedisSuites } from "../support/redis-server.js";

// When the Redis suites run: a developer's machine without redis-server skips them with the install command; CI
// runs them regardless, so that a missing redis-server fails there instead of passing quietly.

test("without redis-server outside CI: skipped, with a reason naming the install command", () => {
  for (const env of [{}, { CI: "" }, { CI: "false" }, { CI: "0" }]) {
    const plan = planRedisSuites(false, env);
    expect(plan.run).toBe(false);
    if (!plan.run) expect(plan.reason).toContain("apt-get install redis-server");
  }
});

test("under CI the suites run even without redis-server, so its absence fails them", () => {
  for (const CI of ["true", "1", "TRUE"]) expect(planRedisSuites(false, { CI })).toEqual({ run: true });
});

test("with redis-server installed the suites always run", () => {
  expect(planRedisSuites(true, {})).toEqual({ run: true });
  expect(planRedisSuites(true, { CI: "true" })).toEqual({ run: true });
});

test("CI is recognised as CI services set it", () => {
  expect([undefined, "", " ", "false", "0", "FALSE"].map((CI) => isCi({ CI }))).toEqual(Array(6).fill(false));
  expect(["true", "1", "yes"].map((CI) => isCi({ CI }))).toEqual([true, true, true]);
});
