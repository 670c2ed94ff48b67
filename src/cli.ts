import type { Command } from "./cli/command.js";
import { commands } from "./cli/commands.js";
import { type CliIo, processIo } from "./cli/io.js";
import { ownVersion } from "./cli/own-version.js";
import { EXIT, UsageError } from "./cli/usage-error.js";
import { errorMessage, isErrorOfKind } from "./util/errors.js";

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage: hotfix-bot <command> [options]",
    "       hotfix-bot --version",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    'Run "hotfix-bot <command> --help" for the options of a command.',
    "",
  ].join("\n");
}

/** The `hotfix-bot` command line: returns the exit code, never calls process.exit. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(usage());
    return EXIT.usage;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return EXIT.ok;
  }
  if (name === "--version" || name === "-v" || name === "version") {
    io.stdout(ownVersion());
    return EXIT.ok;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`hotfix-bot: unknown command "${name}"\n\n${usage()}`);
    return EXIT.usage;
  }
  try {
    const command: Command = await entry.load();
    return await command.run(rest, io);
  } catch (error) {
    const message = errorMessage(error);
    // How the command was started is wrong (an option, GITHUB_TOKEN, a local file): a usage problem, exit 2.
    if (isErrorOfKind(error, "usage")) {
      const hint = error instanceof UsageError ? `\nRun "hotfix-bot ${name} --help" for usage.` : "";
      io.stderr(`hotfix-bot ${name}: ${message}${hint}`);
      return EXIT.usage;
    }
    io.stderr(`hotfix-bot ${name}: ${message}`);
    return EXIT.failed;
  }
}
