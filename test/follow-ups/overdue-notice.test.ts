import { overdueMentions, overdueNoticeText } from "../../src/follow-ups/overdue-notice.js";

test("mentions the assignees as GitHub lists them, else the commander, never a bot or a malformed login", () => {
  expect(overdueMentions(["bob", "carol"], "alice")).toEqual(["bob", "carol"]);
  expect(overdueMentions([], "alice")).toEqual(["alice"]);
  expect(overdueMentions(["renovate[bot]"], "alice")).toEqual(["alice"]);
  expect(overdueMentions([], undefined)).toEqual([]);
  expect(overdueMentions([], "alice **x**")).toEqual([]);
});

test("the notice starts with its marker and says what is late since when", () => {
  const text = overdueNoticeText({
    issue: 41,
    kind: "security-review",
    pr: 12,
    incident: 5,
    dueAt: "2026-11-21T09:00:00.000Z",
    mentions: [],
  });
  expect(text.split("\n")[0]).toBe('<!-- hotfix-bot:follow-up-overdue {"issue":41} -->');
  expect(text).toContain(
    "this security-review follow-up of incident #5 (hotfix #12) was due 2026-11-21 09:00 UTC",
  );
  expect(text).toContain("Nobody is assigned, and the incident records no commander to ask.");
  expect(text).not.toContain("@");
});
