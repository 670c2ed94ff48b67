import { readFileSync } from "node:fs";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli.js";
import { runCli } from "./run-cli.js";

const commandNames = ["demo", "check-title", "validate-config", "sweep", "reconcile", "report", "sandbox"];

function memoryIo(): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: (text: string) => {
      io.out += `${text}\n`;
    },
    stderr: (text: string) => {
      io.err += `${text}\n`;
    },
    env: {},
    cwd: process.cwd(),
  };
  return io;
}

describe("hotfix-bot --help", () => {
  it("lists every command and exits 0 (through bin/hotfix-bot.js and the bundle)", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    for (const name of commandNames) expect(run.stdout).toMatch(new RegExp(`^  ${name} `, "m"));
  });

  it("--version prints the version in package.json", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    for (const flag of ["--version", "-v"]) {
      const io = memoryIo();
      expect(await main([flag], io)).toBe(0);
      expect(io.out).toBe(`${version}\n`);
    }
  });

  it("exits 2 with the usage for no command or an unknown one", async () => {
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Usage: hotfix-bot <command>");
    const io = memoryIo();
    expect(await main(["frobnicate"], io)).toBe(2);
    expect(io.err).toContain('unknown command "frobnicate"');
  });

  it.each(commandNames)("%s --help prints its usage and exits 0", async (name) => {
    for (const flag of ["--help", "-h"]) {
      const io = memoryIo();
      expect(await main([name, flag], io)).toBe(0);
      expect(io.out).toContain(`Usage: hotfix-bot ${name}`);
      expect(io.out).toContain("Exit codes");
      expect(io.err).toBe("");
    }
  });
});
