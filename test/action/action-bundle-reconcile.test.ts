import type { Sandbox } from "@hotfix-bot/sandbox";
import { mergedHotfix, REPO, tags } from "./merged-hotfix.js";
import { runAction } from "./run-action.js";

const schedule = (sandbox: Sandbox, event: string, inputs: Record<string, string> = {}) =>
  runAction({
    event,
    payload: event === "schedule" ? { schedule: "17 * * * *" } : { inputs: {}, ref: "refs/heads/main" },
    apiUrl: sandbox.url,
    repository: REPO,
    inputs: { "github-token": sandbox.appToken(), "dry-run": "false", ...inputs },
    // Nobody is notified in the sandbox: no need for GitHub's one-write-a-second pacing.
    env: { HOTFIX_BOT_WRITE_PACING: "off" },
  });

describe("the bundled Action on schedule and workflow_dispatch: reconcile", () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it("finishes a merged hotfix whose pipeline never ran, then finds nothing left to do", async () => {
    const scenario = await mergedHotfix();
    sandbox = scenario.sandbox;
    expect(tags(sandbox)).toEqual([]);

    const first = await schedule(sandbox, "schedule");
    expect(first.code).toBe(0);
    expect(first.summary).toContain("### Reconcile");
    expect(first.summary).toContain(`Finished the pipeline of #${scenario.pr}.`);
    expect(tags(sandbox)).toEqual([expect.stringMatching(/^hotfix-\d{8}-\d{4}$/)]);
    expect(sandbox.requests.forApp().writes).toBeGreaterThan(0);

    sandbox.requests.reset();
    const second = await schedule(sandbox, "workflow_dispatch");
    expect(second.code).toBe(0);
    expect(second.summary).toContain("Nothing was left half done.");
    expect(sandbox.requests.forApp().writes).toBe(0);
    expect(tags(sandbox)).toHaveLength(1);
  });

  it("in a dry run finds the unfinished pipeline but writes nothing and does not fail", async () => {
    const scenario = await mergedHotfix();
    sandbox = scenario.sandbox;
    const result = await schedule(sandbox, "schedule", { "dry-run": "true" });
    expect(sandbox.requests.forApp().writes).toBe(0);
    expect(tags(sandbox)).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.summary).toContain("Writes refused by the dry run");
    expect(result.summary).toMatch(/- `POST \/repos\/acme\/webshop\/git\//);
  });
});
