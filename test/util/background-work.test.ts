import { BackgroundWork, NO_RETRY, STEP_RETRY } from "../../src/util/background-work.js";

const quickRetry = { attempts: 3, delayMs: () => 1 };

function flaky(failures: number): { task: () => Promise<string>; runs: () => number } {
  let runs = 0;
  return {
    task: async () => {
      runs++;
      if (runs <= failures) throw new Error(`outage ${runs}`);
      return "done";
    },
    runs: () => runs,
  };
}

test("a failed task runs again until it succeeds, within the policy's attempts", async () => {
  const errors: string[] = [];
  const work = new BackgroundWork({ error: (message) => errors.push(message) }, quickRetry);
  const step = flaky(2);
  work.run("after-merge", step.task);
  expect(work.busy).toBe(true);
  await work.idle();
  expect(step.runs()).toBe(3);
  expect(work.failureCount).toBe(0);
  expect(work.retryCount).toBe(2);
  expect(errors).toEqual([
    "after-merge failed (run 1 of 3, runs again): outage 1",
    "after-merge failed (run 2 of 3, runs again): outage 2",
  ]);
});

test("a task that fails every run is counted and logged once as failed for good", async () => {
  const errors: string[] = [];
  const work = new BackgroundWork({ error: (message) => errors.push(message) }, quickRetry);
  const step = flaky(10);
  work.run("intake", step.task);
  await work.idle();
  expect(step.runs()).toBe(3);
  expect(work.failureCount).toBe(1);
  expect(errors.at(-1)).toBe("intake failed: outage 3");
  expect(work.busy).toBe(false);
});

test("without a policy a failure is not retried (reconcile's business)", async () => {
  const work = new BackgroundWork({ error: () => {} });
  const step = flaky(1);
  work.run("after-merge", step.task);
  await work.idle();
  expect(step.runs()).toBe(1);
  expect(work.failureCount).toBe(1);
  expect(NO_RETRY.attempts).toBe(1);
});

test("the App's policy pauses between runs long enough for a rate limit to pass", () => {
  expect(STEP_RETRY.attempts).toBeGreaterThan(1);
  expect(STEP_RETRY.delayMs(1)).toBeGreaterThanOrEqual(10_000);
});
