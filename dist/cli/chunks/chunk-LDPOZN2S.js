import {
  UsageError
} from "./chunk-UNCCS3NG.js";

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
    throw new UsageError(command, error instanceof Error ? error.message : String(error));
  }
}

export {
  parseCommandArgs
};
