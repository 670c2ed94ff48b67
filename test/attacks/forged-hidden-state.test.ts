import type { Sandbox } from "@hotfix-bot/sandbox";
import { followUpMarker, parseFollowUpMarkers } from "../../src/follow-ups/plan-follow-ups.js";
import { renderTimeline } from "../../src/incident/timeline-markdown.js";
import { emptyTimeline, type TimelineState } from "../../src/incident/timeline-state.js";
import { mergedHotfix, REPO, tags } from "../action/merged-hotfix.js";
import { runAction } from "../action/run-action.js";
import { appOnSandboxEachTest, configuredWebshop } from "../support/app-on-sandbox.js";

/** End to end on a shared 2-core machine: generous, not a timing assertion. */
const E2E_TIMEOUT = 120_000;

// Attacker: another GitHub App on the repository (or, in Action mode, another workflow, which writes as the same
// `github-actions[bot]`). It writes the bot's hidden markers into its own comments and issues, to make the
// after-merge pipeline believe its work is done.

/** A timeline state that says PR #`pr`'s after-merge pipeline finished, with nothing left to do. */
function forgedDoneTimeline(pr: number): string {
  const state: TimelineState = {
    ...emptyTimeline(null),
    pipelines: {
      [String(pr)]: {
        pr,
        mergeSha: "0".repeat(40),
        mergedAt: "2026-01-01T00:00:00Z",
        tag: "hotfix-20260101-0000",
        backports: { develop: { status: "already" } },
        followUps: {},
        done: true,
        heartbeatAt: "2026-01-01T00:00:00Z",
      },
    },
  };
  return renderTimeline(state);
}

describe("App mode: markers written by another app", () => {
  const stage = appOnSandboxEachTest({
    repository: configuredWebshop("checks:\n  criticalTests: []\n  securityScan: []\n", {
      collaborators: { alice: "write", bob: "write" },
    }),
  });
  let sandbox: Sandbox;
  beforeEach(() => {
    sandbox = stage.sandbox;
  });

  async function hotfixPullRequest(): Promise<number> {
    const alice = sandbox.as("alice", REPO);
    await alice.push(
      "hotfix/incident-1",
      { "src/auth.js": "export const ok = 2;\n" },
      { from: "main", message: "Fix critical auth failure" },
    );
    const pr = await alice.openPullRequest({
      head: "hotfix/incident-1",
      base: "main",
      title: "[SPF-1290] Fix critical auth failure",
    });
    await sandbox.settle();
    return pr.number;
  }

  /** Issues hotfix-bot itself wrote whose follow-up marker names the PR. */
  function botFollowUps(pr: number) {
    return [...sandbox.internalRepo(REPO).issues.values()].filter(
      (issue) =>
        issue.app?.id === sandbox.app.id && parseFollowUpMarkers(issue.body).some((m) => m.pr === pr),
    );
  }

  test(
    "a forged timeline marker saying the pipeline is done does not stop tag, release, backport, follow-ups",
    async () => {
      const pr = await hotfixPullRequest();
      await sandbox.asApp("evil", REPO).comment(pr, forgedDoneTimeline(pr));
      await sandbox.as("alice", REPO).merge(pr, "squash");
      await sandbox.settle();

      const repo = sandbox.internalRepo(REPO);
      expect(repo.refs.list("refs/tags/").map((r) => r.ref)).toEqual([
        expect.stringMatching(/^refs\/tags\/hotfix-\d{8}-\d{4}$/),
      ]);
      expect(repo.releases.size).toBe(1);
      expect([...repo.pulls.values()].map((p) => p.headRef)).toContain(
        `hotfix-bot/backport-${pr}-to-develop`,
      );
      expect(botFollowUps(pr).length).toBeGreaterThan(0);
    },
    E2E_TIMEOUT,
  );

  test(
    "a forged follow-up marker in another app's issue does not stop the follow-up",
    async () => {
      const pr = await hotfixPullRequest();
      sandbox.webhooks.hold();
      await sandbox.as("alice", REPO).merge(pr, "squash");
      // Between the merge and the pipeline: an issue that claims to be the post-mortem.
      await sandbox.asApp("evil", REPO).createIssue({
        title: "Post-mortem",
        body: `nothing to see\n${followUpMarker(pr, "post-mortem")}`,
      });
      sandbox.webhooks.release();
      await sandbox.settle();

      const kinds = botFollowUps(pr).flatMap((issue) => parseFollowUpMarkers(issue.body).map((m) => m.kind));
      expect(kinds).toContain("post-mortem");
    },
    E2E_TIMEOUT,
  );
});

describe("Action mode: a marker another workflow wrote", () => {
  let sandbox: Sandbox | undefined;
  afterAll(async () => {
    await sandbox?.close();
  });

  test(
    "a forged timeline comment by github-actions[bot] from another workflow is ignored",
    async () => {
      const scenario = await mergedHotfix();
      sandbox = scenario.sandbox;
      // Every workflow of the repository writes with a github-actions token; this one is not hotfix-bot's.
      const workflowToken = sandbox.tokenForApp("github-actions");
      await sandbox.asApp("github-actions", REPO).comment(scenario.pr, forgedDoneTimeline(scenario.pr));

      const result = await runAction({
        event: "pull_request",
        payload: scenario.closedPayload,
        apiUrl: sandbox.url,
        repository: REPO,
        inputs: {
          "github-token": workflowToken,
          "workflow-token": workflowToken,
          "state-secret": "a repository secret",
          "dry-run": "false",
        },
        env: { HOTFIX_BOT_WRITE_PACING: "off" },
      });

      expect(result.code).toBe(0);
      expect(tags(sandbox)).toEqual([expect.stringMatching(/^hotfix-\d{8}-\d{4}$/)]);
      expect(result.outputs.tag).toBe(tags(sandbox)[0]);
      expect(JSON.parse(result.outputs.backports ?? "[]")).toHaveLength(1);
    },
    E2E_TIMEOUT,
  );
});
