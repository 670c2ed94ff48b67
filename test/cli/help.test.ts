import { runCli } from "./run-cli.js";

const commandNames = ["check-title", "validate-config", "sandbox"];

describe("hotfix-bot --help", () => {
  it("lists every command and exits 0", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    for (const name of commandNames) expect(run.stdout).toMatch(new RegExp(`^  ${name} `, "m"));
  });

  it("exits 2 with the usage for no command or an unknown one", async () => {
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Usage: hotfix-bot <command>");
    const unknown = await runCli(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });

  it("does not offer a report command before one exists", async () => {
    expect((await runCli(["report", "--help"])).code).toBe(2);
  });

  it.each(commandNames)("%s --help prints its usage and exits 0", async (name) => {
    for (const flag of ["--help", "-h"]) {
      const run = await runCli([name, flag]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: hotfix-bot ${name}`);
      expect(run.stdout).toContain("Exit codes");
    }
  });
});
