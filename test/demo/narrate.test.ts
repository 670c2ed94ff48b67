import { narrate } from "../../src/demo/narrate.js";

const write = (method: string, path: string, requestBody: unknown, responseBody: unknown = {}) =>
  narrate({ method, route: `/repos/{owner}/{repo}${path}`, status: 201, requestBody, responseBody });

test("intake, deploy and rollback writes read as steps", () => {
  expect(write("POST", "/git/refs", { ref: "refs/heads/hotfix/incident-3" })).toBe(
    "branch hotfix/incident-3 cut",
  );
  expect(
    write("POST", "/pulls", { head: "hotfix/incident-3", base: "main" }, { number: 4, title: "[KEY-000] x" }),
  ).toBe("draft PR #4 into main: [KEY-000] x");
  expect(
    write(
      "POST",
      "/pulls",
      { head: "hotfix-bot/revert-4", base: "main" },
      { number: 9, title: 'Revert "x"' },
    ),
  ).toBe('revert PR #9: Revert "x"');
  expect(
    write(
      "POST",
      "/pulls",
      { head: "hotfix-bot/backport-4-to-develop", base: "develop", draft: true },
      { number: 5, title: "t" },
    ),
  ).toBe("backport PR #5 into develop (draft: conflict to resolve): t");
  expect(write("POST", "/deployments", { ref: "v1.0.1", environment: "production" })).toBe(
    "deployment of v1.0.1 to production created",
  );
  expect(
    write("POST", "/issues/{issue_number}/comments", {
      body: '<!-- hotfix-bot:checklist {"incident":3} -->',
    }),
  ).toBe("checklist and rollback plan posted");
  expect(
    write("POST", "/issues/{issue_number}/comments", { body: '<!-- hotfix-bot:escalation {"pr":4} -->' }),
  ).toBe("escalation posted");
  expect(write("PATCH", "/issues/{issue_number}", { state: "closed" }, { number: 3 })).toBe(
    "issue #3 closed",
  );
  expect(write("PATCH", "/issues/{issue_number}", { title: "x" }, { number: 3 })).toBeNull();
  expect(
    narrate({
      method: "POST",
      route: "/repos/{owner}/{repo}/pulls",
      status: 422,
      requestBody: {},
      responseBody: {},
    }),
  ).toBeNull();
});
