import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Sandbox } from "@hotfix-bot/sandbox";
import { mergedHotfix, REPO } from "./merged-hotfix.js";
import { runAction } from "./run-action.js";

// The step runs from the sources here: dist/ is rebuilt from them on release (test/action/dist-fresh.test.ts).
const source = fileURLToPath(new URL("../../src/action/index.ts", import.meta.url));

describe("the Action's report-html input", () => {
  let sandbox: Sandbox | undefined;
  let workspace: string | undefined;
  afterEach(async () => {
    await sandbox?.close();
    if (workspace) await rm(workspace, { recursive: true, force: true });
  });

  it("writes the HTML report into the workspace, names it in report-path and puts the figures in the summary", async () => {
    const scenario = await mergedHotfix();
    sandbox = scenario.sandbox;
    workspace = await mkdtemp(join(tmpdir(), "hotfix-workspace-"));
    const result = await runAction({
      event: "schedule",
      payload: { schedule: "17 * * * *" },
      apiUrl: sandbox.url,
      repository: REPO,
      inputs: {
        "github-token": sandbox.appToken(),
        app: "hotfix-bot",
        "report-html": "reports/recovery.html",
      },
      env: { HOTFIX_BOT_WRITE_PACING: "off", GITHUB_WORKSPACE: workspace },
      entry: ["--import", "tsx", source],
    });
    // The directory does not exist: the step fails and says which input.
    expect(result.code).toBe(1);
    expect(result.summary).toContain("report-html: ENOENT");

    const ok = await runAction({
      event: "schedule",
      payload: { schedule: "17 * * * *" },
      apiUrl: sandbox.url,
      repository: REPO,
      inputs: { "github-token": sandbox.appToken(), app: "hotfix-bot", "report-html": "recovery.html" },
      env: { HOTFIX_BOT_WRITE_PACING: "off", GITHUB_WORKSPACE: workspace },
      entry: ["--import", "tsx", source],
    });
    expect(ok.code).toBe(0);
    expect(ok.outputs["report-path"]).toBe(join(workspace, "recovery.html"));
    const html = await readFile(join(workspace, "recovery.html"), "utf8");
    const incidents = /data-figure="incidents" data-value="(\d+)"/.exec(html)?.[1];
    expect(ok.summary).toContain("### Recovery report");
    expect(ok.summary).toContain(`| Incidents | ${incidents} | | |`);
    expect(ok.summary).toContain("`recovery.html`");
  }, 120_000);
});
