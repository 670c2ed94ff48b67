import { type ParseArgsConfig, parseArgs } from "node:util";
import { errorMessage } from "../util/errors.js";
import type { CliIo } from "./io.js";
import { UsageError } from "./usage-error.js";

export interface Command {
  name: string;
  /** The full text of `hotfix-bot <name> --help`. */
  help: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * node:util parseArgs in strict mode, with `--help` added to every command; its errors become UsageErrors
 * naming the command.
 */
export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(command, errorMessage(error));
  }
}
