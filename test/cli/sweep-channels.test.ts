import { githubContext } from "../../src/cli/github-context.js";

// `hotfix-bot sweep` can end a monitoring window or find a milestone unannounced: it posts to the channels the
// App's environment defines, and a read-only command never reads them.

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const repo = { owner: "acme", repo: "webshop" };
const env = {
  GITHUB_TOKEN: "t",
  HOTFIX_NOTIFY_WEBHOOK_STATUS_PAGE: "https://status.example.test/hook/s3cr3t",
};

test("a writing command takes the channels of HOTFIX_NOTIFY_* from the environment", () => {
  const ctx = githubContext({ env, repo, apiUrl: "http://127.0.0.1:1", log: quiet, access: "write" });
  expect([...(ctx.notifyChannels?.keys() ?? [])]).toEqual(["status-page"]);
  expect(ctx.notifyChannels?.get("status-page")?.kind).toBe("webhook");
});

test("a reading command (the report) defines no channel, and a malformed variable does not stop it", () => {
  const broken = { ...env, HOTFIX_NOTIFY_SLACK_ROOM: "not a url" };
  const ctx = githubContext({ env: broken, repo, apiUrl: "http://127.0.0.1:1", log: quiet, access: "read" });
  expect(ctx.notifyChannels).toBeUndefined();
  expect(() =>
    githubContext({ env: broken, repo, apiUrl: "http://127.0.0.1:1", log: quiet, access: "write" }),
  ).toThrow(/HOTFIX_NOTIFY_SLACK_ROOM/);
});
