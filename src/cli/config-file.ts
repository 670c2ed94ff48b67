import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type ConfigResult, parseConfigText } from "../config/parse-config.js";

/** A configuration file that cannot be read at all (missing, a directory, no permission). */
export class ConfigFileReadError extends Error {
  override readonly name = "ConfigFileReadError";
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`cannot read ${file}: ${reason}`);
  }
}

/** Reads and validates a local `.github/hotfix.yml`, exactly as the App validates the one it fetches. */
export function readConfigFile(file: string, cwd: string): ConfigResult {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigFileReadError(file, code === "ENOENT" ? "no such file" : String(code ?? error));
  }
  return parseConfigText(text, file);
}
