import { revertBody, revertBranchName, revertMessage, revertTitle } from "../../src/deploy/revert-pr-text.js";

test("names: the branch is the ledger, the title is git's", () => {
  expect(revertBranchName(12)).toBe("hotfix-bot/revert-12");
  expect(() => revertBranchName(0)).toThrow(RangeError);
  expect(revertTitle("[SPF-1] Fix\nlogin")).toBe('Revert "[SPF-1] Fix login"');
  const long = revertTitle("x".repeat(300));
  expect(long.length).toBe(256);
  expect(long.endsWith('…"')).toBe(true);
});

test("the commit message says what is reverted and why", () => {
  expect(revertMessage({ title: "[SPF-1] Fix", pr: 3, mergeSha: "b".repeat(40), tag: "v1.0.1" })).toBe(
    `Revert "[SPF-1] Fix"\n\nThis reverts commit ${"b".repeat(40)} (#3): the deployment of v1.0.1 failed.\n`,
  );
});

test("the body links the PR and the incident, escapes the deploy's description, lists conflicts", () => {
  const body = revertBody({
    pr: 3,
    mergeSha: "b".repeat(40),
    tag: "v1.0.1",
    environment: "production",
    state: "failure",
    description: "health check @ops failed",
    logUrl: "https://ci.example/run/1(x)",
    incident: 2,
    previousTag: "v1.0.0",
    conflictFiles: ["src/a`b.js"],
  });
  expect(body).toContain(
    "Reverts #3 (`bbbbbbb`): the deployment of `v1.0.1` to `production` failed (failure: health check @&#8203;ops failed).",
  );
  expect(body).toContain("the last good tag was `v1.0.0`");
  expect(body).toContain("[Deploy log](https://ci.example/run/1%28x%29)");
  expect(body).toContain("Incident: #2");
  expect(body).toContain("- `src/a'b.js`");
});
