import {
  UsageError,
  errorMessage
} from "./chunk-BLGKLY6J.js";

// src/cli/command.ts
import { parseArgs } from "node:util";
function parseCommandArgs(command, argv, options) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true
    });
  } catch (error) {
    throw new UsageError(command, errorMessage(error));
  }
}

export {
  parseCommandArgs
};
