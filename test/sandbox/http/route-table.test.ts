import { RouteTable } from "../../../packages/sandbox/http/route-table.js";

const table = new RouteTable<string>();
table.add("GET", "/repos/{owner}/{repo}/commits/{ref+}", "commit");
table.add("GET", "/repos/{owner}/{repo}/issues/{issue_number}", "issue");
table.add("GET", "/repos/{owner}/{repo}/commits/{ref+}/check-runs", "check-runs");
table.add("GET", "/repos/{owner}/{repo}/issues/comments", "repo-comments");
table.add("GET", "/repos/{owner}/{repo}/contents/{path*}", "contents");
table.add("POST", "/repos/{owner}/{repo}/issues/{issue_number}", "wrong-method");

test.each([
  ["/repos/acme/shop/commits/main", "commit", { ref: "main" }],
  ["/repos/acme/shop/commits/hotfix%2Fincident-1", "commit", { ref: "hotfix/incident-1" }],
  ["/repos/acme/shop/commits/hotfix/incident-1", "commit", { ref: "hotfix/incident-1" }],
  ["/repos/acme/shop/commits/hotfix%2Fx/check-runs", "check-runs", { ref: "hotfix/x" }],
  ["/repos/acme/shop/commits/hotfix/x/check-runs", "check-runs", { ref: "hotfix/x" }],
  ["/repos/acme/shop/issues/comments", "repo-comments", {}],
  ["/repos/acme/shop/issues/12", "issue", { issue_number: "12" }],
  ["/repos/acme/shop/contents", "contents", { path: "" }],
  ["/repos/acme/shop/contents/.github%2Fhotfix.yml", "contents", { path: ".github/hotfix.yml" }],
  ["/repos/acme/shop/contents/a/b%20c.txt", "contents", { path: "a/b c.txt" }],
])("GET %s -> %s", (path, handler, params) => {
  const match = table.match("GET", path);
  expect(match?.handler).toBe(handler);
  expect(match?.params).toMatchObject({ owner: "acme", repo: "shop", ...params });
});

test("templates are reported in GitHub's notation; no match is null", () => {
  expect(table.match("GET", "/repos/acme/shop/commits/x/check-runs")?.template).toBe(
    "/repos/{owner}/{repo}/commits/{ref}/check-runs",
  );
  expect(table.match("GET", "/repos/acme/shop/hooks")).toBeNull();
  expect(table.match("DELETE", "/repos/acme/shop/issues/1")).toBeNull();
  expect(table.match("GET", "/repos/acme/shop/commits")).toBeNull();
});
