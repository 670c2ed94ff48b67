import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import {
  ConformanceRecorder,
  OpenApiValidator,
  rewriteNullable,
} from "../../packages/sandbox/openapi-conformance.js";
import { createRouteTable } from "../../packages/sandbox/routes/all-routes.js";
import { WebhookSchemaValidator } from "../../packages/sandbox/webhook-conformance.js";
import { appOctokit, FIXED_CLOCK, type TestOctokit } from "../support/sandbox-octokit.js";

const owner = "acme";
const repo = "webshop";
let sandbox: Sandbox;
let validator: OpenApiValidator;
let recorder: ConformanceRecorder;
let octokit: TestOctokit;

/** Drives every route the sandbox implements, the way the App and people would, errors included. */
async function exerciseEveryRoute(): Promise<void> {
  const jwtHeader = Buffer.from(JSON.stringify({ alg: "RS256" })).toString("base64url");
  const jwtBody = Buffer.from(JSON.stringify({ iss: 1 })).toString("base64url");
  const jwt = sandbox.client(null);
  const asJwt = { authorization: `Bearer ${jwtHeader}.${jwtBody}.x` };
  await jwt.request("GET", "/app", undefined, asJwt);
  await jwt.request("GET", "/app/installations", undefined, asJwt);
  await jwt.request("GET", "/app/installations/1", undefined, asJwt);
  await jwt.request("POST", "/app/installations/1/access_tokens", undefined, asJwt);
  await jwt.request("GET", "/repos/acme/webshop/installation", undefined, asJwt);
  await octokit.rest.apps.listReposAccessibleToInstallation();
  await octokit.rest.apps.getBySlug({ app_slug: "hotfix-bot" });
  await octokit.request("GET /apps/{app_slug}", { app_slug: "no-such-app" }).catch(() => undefined);

  const alice = sandbox.as("alice", "acme/webshop");
  const bob = sandbox.as("bob", "acme/webshop");
  const ci = sandbox.asApp("ci", "acme/webshop");
  await octokit.rest.repos.get({ owner, repo });
  await octokit.rest.repos.listBranches({ owner, repo });
  await octokit.rest.repos.getBranch({ owner, repo, branch: "main" });
  await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: "alice" });
  await octokit.rest.repos.addCollaborator({ owner, repo, username: "dave", permission: "push" });
  await octokit.rest.actions.createWorkflowDispatch({ owner, repo, workflow_id: "deploy.yml", ref: "main" });
  // Who moved a branch (the approvals rule reads pushers), and a team's members (team approvers) for an App with
  // Members: read. Without it GitHub answers 403, a status its description does not list (the attack suite's
  // team-approvers test covers that answer).
  await octokit.rest.repos.listActivities({ owner, repo, ref: "refs/heads/main" });
  sandbox.createTeam("acme", "sre", ["alice"]);
  sandbox.grantMembersRead();
  await octokit.rest.teams.listMembersInOrg({ org: "acme", team_slug: "sre" });

  // Git data, as a backport writes it.
  const main = sandbox.repository("acme/webshop").branch("main") as string;
  const blob = await octokit.rest.git.createBlob({ owner, repo, content: "aGVsbG8=", encoding: "base64" });
  await octokit.rest.git.getBlob({ owner, repo, file_sha: blob.data.sha });
  const baseCommit = await octokit.rest.git.getCommit({ owner, repo, commit_sha: main });
  await octokit.rest.git.getTree({ owner, repo, tree_sha: baseCommit.data.tree.sha, recursive: "1" });
  const tree = await octokit.rest.git.createTree({
    owner,
    repo,
    base_tree: baseCommit.data.tree.sha,
    tree: [
      { path: "src/auth.js", mode: "100644", type: "blob", content: "export const fixed = true;\n" },
      { path: "hello.bin", mode: "100644", type: "blob", sha: blob.data.sha },
      { path: "CHANGELOG.md", mode: "100644", type: "blob", sha: null },
    ],
  });
  const commit = await octokit.rest.git.createCommit({
    owner,
    repo,
    message: "Backport",
    tree: tree.data.sha,
    parents: [main],
  });
  await octokit.rest.git.createRef({
    owner,
    repo,
    ref: "refs/heads/hotfix-bot/backport-1-to-develop",
    sha: commit.data.sha,
  });
  await octokit.rest.git.getRef({ owner, repo, ref: "heads/hotfix-bot/backport-1-to-develop" });
  await octokit.rest.git.listMatchingRefs({ owner, repo, ref: "heads/hotfix-bot/" });
  await octokit.rest.git.updateRef({
    owner,
    repo,
    ref: "heads/hotfix-bot/backport-1-to-develop",
    sha: main,
    force: true,
  });
  await octokit.rest.git.createRef({ owner, repo, ref: "refs/heads/tmp", sha: main }).catch(() => undefined);
  await octokit.rest.git.createRef({ owner, repo, ref: "refs/heads/tmp", sha: main }).catch(() => undefined);
  await octokit.rest.git.deleteRef({ owner, repo, ref: "heads/tmp" });
  await octokit.rest.git.updateRef({ owner, repo, ref: "heads/nope", sha: main }).catch(() => undefined);
  const tag = await octokit.rest.git.createTag({
    owner,
    repo,
    tag: "hotfix-20260301-1200",
    message: "Hotfix",
    object: main,
    type: "commit",
    tagger: { name: "hotfix-bot", email: "bot@example.com", date: "2026-03-01T12:00:00Z" },
  });
  await octokit.rest.git.getTag({ owner, repo, tag_sha: tag.data.sha });
  await octokit.rest.git.createRef({ owner, repo, ref: "refs/tags/hotfix-20260301-1200", sha: tag.data.sha });
  await octokit.rest.repos.listTags({ owner, repo });
  await octokit.rest.repos.listCommits({ owner, repo, sha: "develop", per_page: 5 });
  await octokit.rest.repos.getCommit({ owner, repo, ref: main });
  await octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: "main...develop" });
  await octokit.rest.repos.getContent({ owner, repo, path: "src" });
  await octokit.rest.repos.getContent({ owner, repo, path: "README.md" });
  await octokit.request("GET /repos/{owner}/{repo}/contents", { owner, repo });
  // The sweep's discovery: incidents by label, updated since a date, in the installation's account.
  await octokit.request("GET /search/issues", {
    q: `org:${owner} is:issue label:P1-hotfix updated:>=2020-01-01`,
    per_page: 100,
  });
  await octokit.rest.repos.getContent({ owner, repo, path: "nope" }).catch(() => undefined);
  const put = await octokit.rest.repos.createOrUpdateFileContents({
    owner,
    repo,
    path: "NOTES.md",
    message: "notes",
    content: "bm90ZXMK",
    branch: "develop",
  });
  await octokit.rest.repos.deleteFile({
    owner,
    repo,
    path: "NOTES.md",
    message: "drop",
    sha: put.data.content?.sha as string,
    branch: "develop",
  });

  // A hotfix PR with reviews, checks and a merge.
  const head = await alice.push(
    "hotfix/incident-1",
    { "src/auth.js": "export const ok = 1;\n" },
    { message: "Fix auth" },
  );
  const pr = await octokit.rest.pulls.create({
    owner,
    repo,
    head: "hotfix/incident-1",
    base: "main",
    title: "[SPF-1290] Fix critical auth failure",
    body: "Incident: #1",
  });
  await octokit.rest.pulls
    .create({ owner, repo, head: "hotfix/incident-1", base: "main", title: "dup" })
    .catch(() => undefined);
  await octokit.rest.pulls.list({ owner, repo, state: "all" });
  await octokit.rest.pulls.get({ owner, repo, pull_number: pr.data.number });
  await octokit.rest.pulls.update({
    owner,
    repo,
    pull_number: pr.data.number,
    body: "Incident: #1\n\nDetails",
  });
  await octokit.rest.pulls.listFiles({ owner, repo, pull_number: pr.data.number });
  await octokit.rest.pulls.listCommits({ owner, repo, pull_number: pr.data.number });
  await octokit.rest.pulls.requestReviewers({ owner, repo, pull_number: pr.data.number, reviewers: ["bob"] });
  await octokit.rest.pulls.listRequestedReviewers({ owner, repo, pull_number: pr.data.number });
  await octokit.rest.pulls.removeRequestedReviewers({
    owner,
    repo,
    pull_number: pr.data.number,
    reviewers: ["bob"],
  });
  const changes = await bob.review(pr.data.number, "REQUEST_CHANGES", "not yet");
  await octokit.rest.pulls.dismissReview({
    owner,
    repo,
    pull_number: pr.data.number,
    review_id: changes,
    message: "addressed",
  });
  const pending = await octokit.rest.pulls.createReview({ owner, repo, pull_number: pr.data.number });
  await octokit.rest.pulls.submitReview({
    owner,
    repo,
    pull_number: pr.data.number,
    review_id: pending.data.id,
    event: "COMMENT",
    body: "noted",
  });
  await bob.review(pr.data.number, "APPROVE");
  await octokit.rest.pulls.getReview({
    owner,
    repo,
    pull_number: pr.data.number,
    review_id: pending.data.id,
  });
  await octokit.rest.pulls.listReviews({ owner, repo, pull_number: pr.data.number });
  await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: head });

  const gate = await octokit.rest.checks.create({
    owner,
    repo,
    name: "hotfix-gate",
    head_sha: head,
    status: "in_progress",
    output: { title: "Pending", summary: "waiting" },
  });
  await ci.runCheck("critical-tests", head, "success");
  await octokit.rest.checks.update({
    owner,
    repo,
    check_run_id: gate.data.id,
    conclusion: "success",
    output: { title: "Passed", summary: "ok" },
  });
  await octokit.rest.checks.get({ owner, repo, check_run_id: gate.data.id });
  // A scanner's annotations, as the security-review follow-up reads them.
  const scan = await ci.createCheckRun({
    name: "security-scan",
    headSha: head,
    conclusion: "neutral",
    output: {
      title: "1 warning",
      summary: "warnings",
      annotations: [
        {
          path: "src/a.js",
          start_line: 2,
          end_line: 2,
          annotation_level: "warning",
          message: "eval",
          title: "no-eval",
        },
      ],
    },
  });
  await octokit.rest.checks.listAnnotations({ owner, repo, check_run_id: scan });
  await octokit.rest.checks.listForRef({ owner, repo, ref: head, filter: "all" });
  const suites = await octokit.rest.checks.listSuitesForRef({ owner, repo, ref: head });
  const suiteId = suites.data.check_suites[0]?.id as number;
  await octokit.rest.checks.getSuite({ owner, repo, check_suite_id: suiteId });
  await octokit.rest.checks.listForSuite({ owner, repo, check_suite_id: suiteId });
  await octokit.rest.checks.createSuite({ owner, repo, head_sha: main });
  await octokit.rest.checks.rerequestRun({ owner, repo, check_run_id: gate.data.id });
  await octokit.rest.checks.rerequestSuite({ owner, repo, check_suite_id: suiteId });
  await octokit.rest.repos.createCommitStatus({
    owner,
    repo,
    sha: head,
    state: "success",
    context: "ci/legacy",
  });
  await octokit.rest.repos.listCommitStatusesForRef({ owner, repo, ref: head });
  await octokit.rest.repos.getCombinedStatusForRef({ owner, repo, ref: head });
  await sandbox.enqueueMergeGroup("acme/webshop", pr.data.number, "bob");
  await octokit.rest.pulls.merge({ owner, repo, pull_number: pr.data.number, merge_method: "merge" });
  await octokit.rest.pulls.checkIfMerged({ owner, repo, pull_number: pr.data.number });
  await octokit.rest.pulls.merge({ owner, repo, pull_number: pr.data.number }).catch(() => undefined);
  await octokit.rest.repos.merge({ owner, repo, base: "develop", head: "main" }).catch(() => undefined);
  await alice.deleteBranch("hotfix/incident-1");

  // Branch protection requiring signatures, and the merge it refuses: a person's API commit is unsigned.
  const unprotected = { owner, repo, branch: "develop" };
  await octokit.rest.repos.createCommitSignatureProtection(unprotected).catch(() => undefined);
  await octokit.rest.repos.updateBranchProtection({
    ...unprotected,
    required_status_checks: null,
    enforce_admins: null,
    required_pull_request_reviews: null,
    restrictions: null,
  });
  await octokit.rest.repos.createCommitSignatureProtection(unprotected);
  await octokit.rest.repos.getCommitSignatureProtection(unprotected);
  await alice.push("unsigned", { "src/unsigned.js": "x\n" }, { from: "develop" });
  const unsigned = await alice.openPullRequest({ head: "unsigned", base: "develop", title: "Unsigned" });
  await octokit.rest.pulls.merge({ owner, repo, pull_number: unsigned.number }).catch(() => undefined);
  await octokit.rest.repos.deleteCommitSignatureProtection(unprotected);

  // Incident issue, comments, labels.
  const issue = await octokit.rest.issues.create({
    owner,
    repo,
    title: "Checkout fails",
    labels: ["P1-hotfix"],
    assignees: ["alice"],
  });
  const n = issue.data.number;
  await octokit.rest.issues
    .create({ owner, repo, title: "bad", assignees: ["nobody"] })
    .catch(() => undefined);
  await octokit.rest.issues.listForRepo({ owner, repo, state: "all", labels: "P1-hotfix" });
  await octokit.rest.issues.get({ owner, repo, issue_number: n });
  const comment = await octokit.rest.issues.createComment({ owner, repo, issue_number: n, body: "timeline" });
  await alice.comment(n, "/hotfix");
  await octokit.rest.issues.listComments({ owner, repo, issue_number: n });
  await octokit.rest.issues.listCommentsForRepo({ owner, repo });
  await octokit.rest.issues.getComment({ owner, repo, comment_id: comment.data.id });
  await octokit.rest.issues.updateComment({ owner, repo, comment_id: comment.data.id, body: "timeline v2" });
  await octokit.rest.issues.addLabels({ owner, repo, issue_number: n, labels: ["incident"] });
  await octokit.rest.issues.listLabelsOnIssue({ owner, repo, issue_number: n });
  await octokit.rest.issues.setLabels({ owner, repo, issue_number: n, labels: ["P1-hotfix", "incident"] });
  await octokit.rest.issues.removeLabel({ owner, repo, issue_number: n, name: "incident" });
  await octokit.rest.issues
    .removeLabel({ owner, repo, issue_number: n, name: "incident" })
    .catch(() => undefined);
  await octokit.rest.issues.removeAllLabels({ owner, repo, issue_number: n });
  await octokit.rest.issues.addAssignees({ owner, repo, issue_number: n, assignees: ["bob"] });
  await octokit.rest.issues.removeAssignees({ owner, repo, issue_number: n, assignees: ["alice"] });
  await octokit.rest.issues.createLabel({ owner, repo, name: "backport-conflict", color: "d73a4a" });
  await octokit.rest.issues.getLabel({ owner, repo, name: "backport-conflict" });
  await octokit.rest.issues.listLabelsForRepo({ owner, repo });
  await octokit.rest.issues.update({
    owner,
    repo,
    issue_number: n,
    state: "closed",
    title: "Checkout failed",
  });
  await octokit.rest.issues.deleteComment({ owner, repo, comment_id: comment.data.id });

  // Release and deploy.
  const release = await octokit.rest.repos.createRelease({
    owner,
    repo,
    tag_name: "hotfix-20260301-1200",
    name: "Hotfix",
    body: "notes",
  });
  await octokit.rest.repos
    .createRelease({ owner, repo, tag_name: "hotfix-20260301-1200" })
    .catch(() => undefined);
  await octokit.rest.repos.getReleaseByTag({ owner, repo, tag: "hotfix-20260301-1200" });
  await octokit.rest.repos.getRelease({ owner, repo, release_id: release.data.id });
  await octokit.rest.repos.getLatestRelease({ owner, repo });
  await octokit.rest.repos.listReleases({ owner, repo });
  await octokit.rest.repos.updateRelease({ owner, repo, release_id: release.data.id, body: "notes v2" });
  const draft = await octokit.rest.repos.createRelease({ owner, repo, tag_name: "draft-1", draft: true });
  await octokit.rest.repos.deleteRelease({ owner, repo, release_id: draft.data.id });
  const deployment = await octokit.rest.repos.createDeployment({
    owner,
    repo,
    ref: "main",
    environment: "production",
    auto_merge: false,
    required_contexts: [],
  });
  const deploymentId = (deployment.data as { id: number }).id;
  await octokit.rest.repos.getDeployment({ owner, repo, deployment_id: deploymentId });
  await octokit.rest.repos.listDeployments({ owner, repo });
  await octokit.rest.repos.createDeploymentStatus({
    owner,
    repo,
    deployment_id: deploymentId,
    state: "failure",
    log_url: "http://127.0.0.1/log",
  });
  await octokit.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id: deploymentId });
}

beforeAll(async () => {
  validator = await OpenApiValidator.load();
  sandbox = await startSandbox({ clock: FIXED_CLOCK });
  recorder = new ConformanceRecorder(validator);
  sandbox.observe(recorder.observe);
  octokit = appOctokit(sandbox);
  await sandbox.createRepository(WEBSHOP);
  await exerciseEveryRoute();
  await sandbox.settle();
}, 120_000);
afterAll(() => sandbox.close());

test("every response and every App request body matches GitHub's OpenAPI description", () => {
  expect(recorder.violations).toEqual([]);
  // Error bodies were checked too (422 validation errors, 404s), not only successes.
  const statuses = new Set([...recorder.checkedResponses].map((entry) => entry.split(" ").at(-1)));
  expect(statuses).toEqual(expect.objectContaining(new Set(["200", "201", "404", "422"])));
  expect(recorder.checkedRequests.size).toBeGreaterThan(30);
});

test("every route the sandbox implements is described by GitHub and was exercised", () => {
  // GraphQL (POST /graphql) is not part of the REST description; test/sandbox/graphql-routes.test.ts covers it.
  const routes = createRouteTable()
    .templates()
    .filter(({ template }) => template !== "/graphql");
  const undescribed = routes.filter(({ method, template }) => !validator.hasOperation(method, template));
  expect(undescribed).toEqual([]);
  const missed = routes
    .map(({ method, template }) => `${method} ${template}`)
    .filter((route) => !recorder.exercised.has(route));
  expect(missed).toEqual([]);
  // Every JSON answer had a schema (a status GitHub does not document would be a "status" violation above).
  expect(recorder.checkedResponses.size).toBeGreaterThan(90);
});

test("the validator catches a wrong response, so a green run means something", () => {
  const errors = validator.validateResponse("GET", "/repos/{owner}/{repo}/pulls/{pull_number}", 200, {
    number: "one",
  });
  expect(errors?.length).toBeGreaterThan(0);
  const requestErrors = validator.validateRequest("POST", "/repos/{owner}/{repo}/git/refs", { ref: 1 });
  expect(requestErrors?.length).toBeGreaterThan(0);
});

test("nullable rewriting turns OpenAPI 3.0 nullables into JSON Schema", () => {
  const doc = {
    a: { type: "string", nullable: true },
    b: { nullable: true, allOf: [{ $ref: "#/x" }], description: "d" },
  };
  rewriteNullable(doc);
  expect(doc).toEqual({
    a: { type: ["string", "null"] },
    b: { description: "d", anyOf: [{ allOf: [{ $ref: "#/x" }] }, { type: "null" }] },
  });
});

describe("webhook payloads", () => {
  let webhooks: WebhookSchemaValidator;
  beforeAll(async () => {
    webhooks = await WebhookSchemaValidator.load();
  });

  test("every delivered payload matches GitHub's published webhook schema", () => {
    const problems = sandbox.webhooks.deliveries.flatMap((delivery) => {
      const errors = webhooks.validate(delivery.event, delivery.payload);
      if (errors === null) return [`${delivery.event}.${delivery.action}: no schema`];
      return errors.length > 0 ? [`${delivery.event}.${delivery.action}: ${errors.join("; ")}`] : [];
    });
    expect([...new Set(problems)]).toEqual([]);
  });

  test("the scenario produced every event kind the App may need", () => {
    const kinds = new Set(
      sandbox.webhooks.deliveries.map((d) => (d.action ? `${d.event}.${d.action}` : d.event)),
    );
    for (const kind of [
      "push",
      "create",
      "delete",
      "issues.opened",
      "issues.labeled",
      "issues.closed",
      "issue_comment.created",
      "issue_comment.edited",
      "issue_comment.deleted",
      "pull_request.opened",
      "pull_request.edited",
      "pull_request.review_requested",
      "pull_request.closed",
      "pull_request_review.submitted",
      "pull_request_review.dismissed",
      "check_run.created",
      "check_run.completed",
      "check_run.rerequested",
      "check_suite.completed",
      "check_suite.rerequested",
      "merge_group.checks_requested",
      "deployment.created",
      "deployment_status.created",
      "release.published",
      "status",
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  test("the schema check catches a broken payload", () => {
    const delivery = sandbox.webhooks.find("pull_request", "opened")[0];
    const broken = { ...delivery?.payload, pull_request: { number: "x" } };
    expect(webhooks.validate("pull_request", broken)?.length).toBeGreaterThan(0);
  });
});
