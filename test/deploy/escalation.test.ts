import { escalationComment, escalationMarker } from "../../src/deploy/escalation.js";

const base = {
  pr: 3,
  tag: "v1.0.1",
  environment: "production",
  state: "failure",
  description: "",
  logUrl: null,
  commander: "alice",
  rollback: { status: "open" as const, pr: 9 },
  label: "rollback",
};

test("the escalation mentions the commander and points at the revert PR", () => {
  const text = escalationComment(base);
  expect(text.split("\n", 1)[0]).toBe(escalationMarker(3));
  expect(escalationMarker(3)).toBe('<!-- hotfix-bot:escalation {"pr":3} -->');
  expect(text).toContain("@alice **The deployment of `v1.0.1` to `production` failed** (failure).");
  expect(text).toContain("Revert PR #9 takes #3 back out of production");
  expect(text).toContain("labelled `rollback`");
});

test("each revert outcome is said plainly", () => {
  expect(escalationComment({ ...base, rollback: { status: "conflict", pr: 9 } })).toContain(
    "Revert PR #9 is a draft",
  );
  expect(escalationComment({ ...base, rollback: { status: "empty" } })).toContain("nothing to revert");
  expect(escalationComment({ ...base, rollback: { status: "failed", error: "boom" } })).toContain(
    "could not be built (boom)",
  );
});

test("only a real login is mentioned; anything else and the description are escaped", () => {
  const text = escalationComment({ ...base, commander: "x @team", description: "see @ops" });
  expect(text).not.toMatch(/(^|[^&#\w])@team/);
  expect(text).toContain("see @&#8203;ops");
  expect(escalationComment({ ...base, logUrl: "javascript:alert(1)" })).not.toContain("Deploy log");
  expect(escalationComment({ ...base, logUrl: "https://ci.example/1" })).toContain(
    "[Deploy log](https://ci.example/1)",
  );
  expect(escalationComment({ ...base, commander: null })).toMatch(/^<!--[^\n]*\n\*\*The deployment/);
});
