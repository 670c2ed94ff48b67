import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { runCli } from "./run-cli.js";

describe("hotfix-bot report", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
    await sandbox.createRepository(WEBSHOP);
    await sandbox
      .as("alice", "acme/webshop")
      .createIssue({ title: "Checkout is down", labels: ["P1-hotfix"] });
  });
  afterAll(() => sandbox.close());

  it("prints the recovery figures of the repository's incidents as JSON, reading only", async () => {
    sandbox.requests.reset();
    const run = await runCli(["report", "--repo", "acme/webshop", "--api-url", sandbox.url, "--json"], {
      env: { GITHUB_TOKEN: sandbox.appToken() },
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ incidents: 1 });
    expect(sandbox.requests.forApp().writes).toBe(0);
    expect(sandbox.requests.forApp().requests).toBeGreaterThan(0);
  });

  it("exits 2 without --repo or without a token", async () => {
    expect((await runCli(["report"], { env: { GITHUB_TOKEN: "t" } })).code).toBe(2);
    const run = await runCli(["report", "--repo", "acme/webshop", "--api-url", sandbox.url]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("GITHUB_TOKEN is not set");
  });
});
