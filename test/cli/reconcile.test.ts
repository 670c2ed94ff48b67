import type { Sandbox } from "@hotfix-bot/sandbox";
import { mergedHotfix, REPO, tags } from "../action/merged-hotfix.js";
import { runCli } from "./run-cli.js";

describe("hotfix-bot reconcile", () => {
  it.each([
    [["reconcile"], { GITHUB_TOKEN: "t" }, "--repo OWNER/NAME is required"],
    [["reconcile", "--repo", "acme"], { GITHUB_TOKEN: "t" }, '--repo: expected owner/name, got "acme"'],
    [["reconcile", "--repo", "acme/webshop"], {}, "GITHUB_TOKEN is not set"],
    [["reconcile", "--repo", "acme/webshop", "--api-url", "ftp://x"], { GITHUB_TOKEN: "t" }, "--api-url"],
  ])("exits 2 on %j", async (args, env, message) => {
    const run = await runCli(args, { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  describe("against the sandbox", () => {
    let sandbox: Sandbox | undefined;
    afterEach(async () => {
      await sandbox?.close();
      sandbox = undefined;
    });

    it("finishes a merged hotfix whose pipeline never ran, then has nothing left to do", async () => {
      const scenario = await mergedHotfix();
      sandbox = scenario.sandbox;
      const env = {
        GITHUB_TOKEN: sandbox.appToken(),
        HOTFIX_BOT_APP: String(sandbox.app.id),
        HOTFIX_BOT_WRITE_PACING: "off",
      };
      const args = ["reconcile", "--repo", REPO, "--api-url", sandbox.url];

      const first = await runCli(args, { env });
      expect(first.stderr).toBe("");
      expect(first.code).toBe(0);
      expect(first.stdout).toContain(`after-merge: finished #${scenario.pr}`);
      expect(tags(sandbox)).toHaveLength(1);

      sandbox.requests.reset();
      const second = await runCli([...args, "--json"], { env });
      expect(second.code).toBe(0);
      expect(JSON.parse(second.stdout)).toEqual({
        repo: REPO,
        checked: 1,
        finished: [],
        failed: [],
        results: [],
      });
      expect(sandbox.requests.forApp().writes).toBe(0);
    });

    it("exits 1 when the repository's configuration is broken", async () => {
      const scenario = await mergedHotfix();
      sandbox = scenario.sandbox;
      await sandbox.as("alice", REPO).push("main", { ".github/hotfix.yml": "title: {formatt: x}\n" });
      const run = await runCli(["reconcile", "--repo", REPO, "--api-url", sandbox.url], {
        env: { GITHUB_TOKEN: sandbox.appToken(), HOTFIX_BOT_APP: String(sandbox.app.id) },
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        "skipped: .github/hotfix.yml is invalid: title: unknown key title.formatt",
      );
      expect(tags(sandbox)).toEqual([]);
    });
  });
});
