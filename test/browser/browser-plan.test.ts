import { findChromium, planBrowserSuites } from "../support/browser.js";

test("without chromium outside CI: skipped, with a reason naming the install command", () => {
  const plan = planBrowserSuites(false, { CI: "" });
  expect(plan).toEqual({
    run: false,
    reason: "chromium is not installed (apt-get install -y chromium); under CI=true these tests are required",
  });
});

test("under CI the browser tests run even without chromium, so its absence fails them", () => {
  expect(planBrowserSuites(false, { CI: "true" })).toEqual({ run: true });
  expect(planBrowserSuites(true, { CI: "false" })).toEqual({ run: true });
});

test("chromium is looked up on PATH, as `which chromium` does", () => {
  expect(findChromium("/nonexistent-dir")).toBeNull();
});
