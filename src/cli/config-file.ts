import { readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { type ConfigResult, parseConfigText, validateConfig } from "../config/parse-config.js";
import { errorMessage, HotfixBotError } from "../util/errors.js";

/** A configuration file that cannot be read at all (missing, a directory, no permission). */
export class ConfigFileReadError extends HotfixBotError {
  override readonly kind = "usage";
  override readonly name = "ConfigFileReadError";
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`cannot read ${file}: ${reason}`);
  }
}

/** Why a file could not be read, in words rather than an errno code. */
function readProblem(file: string, absolute: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EISDIR": {
      const inside =
        basename(absolute) === ".github" ? join(file, "hotfix.yml") : join(file, ".github", "hotfix.yml");
      return `it is a directory; give the configuration file itself, such as ${inside}`;
    }
    case "EACCES":
    case "EPERM":
      return "permission denied";
    default:
      return errorMessage(error);
  }
}

export interface LocalConfig {
  result: ConfigResult;
  /** The `_extends` target the file names: resolved only when the App reads the file through the API. */
  extendsTarget: string | null;
}

/**
 * Reads and validates a local `.github/hotfix.yml`, exactly as the App validates the one it fetches. A file
 * with `_extends` is validated on its own keys (the base lives in another repository, which only the API
 * read resolves), and the caller is told so.
 */
export function readConfigFile(file: string, cwd: string): LocalConfig {
  const absolute = resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(absolute, "utf8");
  } catch (error) {
    throw new ConfigFileReadError(file, readProblem(file, absolute, error));
  }
  const result = parseConfigText(text, file);
  const namesExtends = (p: { path: string; message: string }) =>
    p.path === "" && /^unknown keys? (.*, )?_extends(,|$)/.test(p.message);
  if (result.ok || !result.error.problems.some(namesExtends)) {
    return { result, extendsTarget: null };
  }
  // The text parsed (the only complaint is a key), so parsing it again cannot throw.
  const { _extends, ...own } = parseYaml(text) as Record<string, unknown>;
  return { result: validateConfig(own, file), extendsTarget: String(_extends) };
}

export function extendsNote(file: string, target: string): string {
  return `note: ${file} extends "${target}", which is resolved only when read from GitHub; checked this file's own keys`;
}
