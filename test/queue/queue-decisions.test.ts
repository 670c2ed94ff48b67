import { isFinalFailure, stepJobId } from "../../src/queue/durable-steps.js";
import { sweepIntervalMs } from "../../src/queue/sweep-schedule.js";

test("a step's job id is the step and the delivery: a redelivery (same delivery id) names the same job", () => {
  const delivery = "72d3162e-cc78-11e3-81ab-4c9367dc0958";
  expect(stepJobId("after-merge", delivery)).toBe(`after-merge-${delivery}`);
  expect(stepJobId("after-merge", delivery)).not.toBe(stepJobId("draft-pr", delivery));
  // BullMQ refuses ':' in ids; nothing from a delivery header can smuggle one in.
  expect(stepJobId("intake", "a:b c/d")).toBe("intake-a_b_c_d");
});

test("only the last run's failure is final", () => {
  expect([1, 2, 3].map((made) => isFinalFailure(made, 3))).toEqual([false, false, true]);
});

test("SWEEP_INTERVAL_MINUTES: 10 minutes by default, 0 turns the timer off, anything else is refused by name", () => {
  expect(sweepIntervalMs({})).toBe(600_000);
  expect(sweepIntervalMs({ SWEEP_INTERVAL_MINUTES: " 2.5 " })).toBe(150_000);
  expect(sweepIntervalMs({ SWEEP_INTERVAL_MINUTES: "0" })).toBe(0);
  expect(() => sweepIntervalMs({ SWEEP_INTERVAL_MINUTES: "ten" })).toThrow(/SWEEP_INTERVAL_MINUTES.*"ten"/);
  expect(() => sweepIntervalMs({ SWEEP_INTERVAL_MINUTES: "-1" })).toThrow(/SWEEP_INTERVAL_MINUTES/);
});
