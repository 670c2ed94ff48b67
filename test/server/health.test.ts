import { healthAnswer } from "../../src/server/health.js";

test("health is 200 while serving and 503 once draining, with the background work and uptime", () => {
  const startedAt = Date.parse("2026-03-01T12:00:00Z");
  expect(healthAnswer({ draining: false, backgroundSteps: 2, startedAt, now: startedAt + 61_900 })).toEqual({
    status: 200,
    body: { status: "ok", backgroundSteps: 2, uptimeSeconds: 61 },
  });
  expect(healthAnswer({ draining: true, backgroundSteps: 0, startedAt, now: startedAt })).toEqual({
    status: 503,
    body: { status: "draining", backgroundSteps: 0, uptimeSeconds: 0 },
  });
});
