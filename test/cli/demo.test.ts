import { runCli } from "./run-cli.js";

describe("hotfix-bot demo", () => {
  it("plays the incident through the bundled CLI and ends with a JSON outcome", async () => {
    const run = await runCli(["demo", "--fast", "--json"], { timeoutMs: 60_000 });
    expect(run.code).toBe(0);
    const last = run.stdout.trimEnd().split("\n").at(-1) ?? "";
    const outcome = JSON.parse(last) as { tag: string; backports: { target: string; conflict: boolean }[] };
    expect(outcome.tag).toMatch(/^hotfix-\d{8}-\d{4}$/);
    expect(outcome.backports.map((b) => b.target).sort()).toEqual(["develop", "release/1.x"]);
    expect(run.stdout).toContain("sandbox http://127.0.0.1:");
  }, 90_000);

  it("rejects unknown options as a usage error", async () => {
    const run = await runCli(["demo", "--slow"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--slow");
  });
});
