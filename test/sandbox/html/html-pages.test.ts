import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { HOSTILE_BODY, HOSTILE_TITLE } from "../../support/hostile-text.js";

// The sandbox's read-only web view: the html_url of every record it hands out answers with a page.

const REPO = "acme/webshop";
let sandbox: Sandbox;
let issue: number;
let pr: number;
let head: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  await sandbox.createRepository(WEBSHOP);
  const mallory = sandbox.as("mallory", REPO);
  issue = await mallory.createIssue({ title: HOSTILE_TITLE, body: HOSTILE_BODY, labels: ["P1-hotfix"] });
  await mallory.comment(issue, `${HOSTILE_BODY}\n\n<!-- hidden state --> visible **bold** text`);
  const alice = sandbox.as("alice", REPO);
  head = await alice.push(
    "hotfix/incident-1",
    { "src/auth.js": "export const x = '<b>';\n" },
    { from: "main" },
  );
  ({ number: pr } = await alice.openPullRequest({
    head: "hotfix/incident-1",
    title: HOSTILE_TITLE,
    body: HOSTILE_BODY,
  }));
  const ci = sandbox.asApp("ci", REPO);
  const run = await ci.createCheckRun({ name: "critical-tests", headSha: head, status: "in_progress" });
  await ci.completeCheckRun(run, "failure", {
    title: "2 <i>tests</i> failed",
    summary: `## Result\n\n${HOSTILE_BODY}`,
  });
});

afterAll(async () => {
  await sandbox.close();
});

async function get(path: string) {
  const response = await fetch(`${sandbox.url}${path}`);
  return { status: response.status, headers: response.headers, html: await response.text() };
}

/** No element or attribute from the hostile texts made it into the markup. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script|<img|<svg|<i>|<b>|href="javascript:/i);
}

test("the issue page: title and comments as text, markdown rendered, HTML comments hidden, a strict CSP", async () => {
  const page = await get(`/html/${REPO}/issues/${issue}`);
  expect(page.status).toBe(200);
  expect(page.headers.get("content-security-policy")).toMatch(
    /^default-src 'none'; style-src 'sha256-[^']+'; img-src data:/,
  );
  expectInert(page.html);
  expect(page.html).toContain(
    "&#60;script&#62;alert(1)&#60;/script&#62;&#34;&#62;&#60;img src=x onerror=alert(2)&#62;",
  );
  // markdown-it escapes the raw tags of a body; the javascript: link stays text.
  expect(page.html).toContain("&lt;script&gt;alert(5)&lt;/script&gt;");
  expect(page.html).toContain("[click](javascript:alert(7))");
  expect(page.html).toContain("visible <strong>bold</strong> text");
  expect(page.html).not.toContain("hidden state");
});

test("the pull request page: check runs with their output, commits and files changed", async () => {
  const page = await get(`/html/${REPO}/pull/${pr}`);
  expect(page.status).toBe(200);
  expectInert(page.html);
  expect(page.html).toContain('data-check-run="critical-tests"');
  expect(page.html).toContain('data-conclusion="failure"');
  expect(page.html).toContain("<h3>2 &#60;i&#62;tests&#60;/i&#62; failed</h3>");
  expect(page.html).toContain("<h2>Result</h2>");
  expect(page.html).toContain(`data-commit="${head}"`);
  expect(page.html).toContain('data-file="src/auth.js"');
  expect(page.html).toContain('<span class="add">+export const x = &#39;&#60;b&#62;&#39;;</span>');
  // /issues/N of a pull request shows the pull request too, as on GitHub.
  expect((await get(`/html/${REPO}/issues/${pr}`)).html).toContain('data-check-run="critical-tests"');
});

test("the repository, its releases, a commit and a check run; anything else is a 404 page; writes are refused", async () => {
  const repo = await get(`/html/${REPO}`);
  expect(repo.status).toBe(200);
  expectInert(repo.html);
  expect(repo.html).toContain("<code>main</code>");
  expect((await get(`/html/${REPO}/releases`)).html).toContain("No releases.");
  expect((await get(`/html/${REPO}/commit/${head}`)).html).toContain('data-file="src/auth.js"');
  const runId = [...sandbox.internalRepo(REPO).checkRuns.keys()][0];
  expect((await get(`/html/${REPO}/runs/${runId}`)).html).toContain('data-check-run="critical-tests"');
  for (const path of [
    `/html/${REPO}/issues/999`,
    "/html/acme/nothing",
    `/html/${REPO}/wiki`,
    `/html/${REPO}/issues/%E0%A4%A`,
  ])
    expect((await get(path)).status).toBe(404);
  const post = await fetch(`${sandbox.url}/html/${REPO}/issues/${issue}`, { method: "POST", body: "x" });
  expect(post.status).toBe(405);
});
