import type { Sandbox } from "@hotfix-bot/sandbox";
import { mergedHotfix, REPO, tags } from "./merged-hotfix.js";
import { runAction } from "./run-action.js";

describe("the bundled Action on a merged hotfix PR", () => {
  let sandbox: Sandbox | undefined;
  afterAll(async () => {
    await sandbox?.close();
  });

  it("tags, releases, backports and opens follow-ups; outputs and summary say so; a rerun adds nothing", async () => {
    const scenario = await mergedHotfix();
    sandbox = scenario.sandbox;
    const run = () =>
      runAction({
        event: "pull_request",
        payload: scenario.closedPayload,
        apiUrl: scenario.sandbox.url,
        repository: REPO,
        inputs: { "github-token": scenario.sandbox.appToken(), "dry-run": "false" },
        env: { HOTFIX_BOT_WRITE_PACING: "off" },
      });

    const result = await run();
    expect(result.code).toBe(0);
    const [tag] = tags(sandbox);
    expect(tag).toMatch(/^hotfix-\d{8}-\d{4}$/);
    expect(result.outputs.tag).toBe(tag);
    expect(result.outputs["release-url"]).toContain(`/releases/tag/${tag}`);
    expect(result.outputs.gate).toBe("");

    const backports = JSON.parse(result.outputs.backports ?? "[]") as { target: string; pr: number }[];
    expect(backports).toEqual([
      { target: "develop", pr: expect.any(Number), url: expect.any(String), conflict: false, status: "open" },
    ]);
    const backportPr = sandbox.internalRepo(REPO).pulls.get(backports[0]?.pr ?? 0);
    expect(backportPr).toMatchObject({ headRef: "hotfix-bot/backport-1-to-develop", baseRef: "develop" });

    const followUps = JSON.parse(result.outputs["follow-ups"] ?? "[]") as { kind: string }[];
    expect(followUps.map((f) => f.kind)).toContain("post-mortem");

    expect(result.summary).toContain("### Release");
    expect(result.summary).toContain(`| develop | open | [#${backports[0]?.pr}]`);
    expect(result.summary).toContain("### Follow-ups");
    // The timeline as the timeline renderer wrote it into the incident comment, without its hidden state.
    expect(result.summary).toContain("### Hotfix timeline");
    expect(result.summary).not.toContain("<!-- hotfix-bot:timeline");

    sandbox.requests.reset();
    const again = await run();
    expect(again.code).toBe(0);
    expect(sandbox.requests.forApp().writes).toBe(0);
    expect(again.outputs.tag).toBe(tag);
    expect(tags(sandbox)).toHaveLength(1);
  });
});
