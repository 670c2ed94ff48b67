import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { closestWord } from "../text/closest-word.js";
import { errorMessage } from "../util/errors.js";
import { ConfigError, type ConfigProblem } from "./config-error.js";
import { knownKeysAt } from "./known-keys.js";
import { configSchema, type HotfixConfig } from "./schema.js";

export const DEFAULT_CONFIG_PATH = ".github/hotfix.yml";

export const NOT_A_MAPPING = "expected a mapping of keys to values at the top level";

export type ConfigResult = { ok: true; config: HotfixConfig } | { ok: false; error: ConfigError };

/**
 * Where the top-level keys of a merged configuration came from, when `_extends` or the owner's `.github`
 * repository contributed: the keys of the repository's own file, and the name of the other file. Content from the
 * other file is never echoed (its owner may not want its keys and values shown on this repository's checks).
 */
export interface ConfigOrigin {
  ownKeys: ReadonlySet<string>;
  otherFile: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function describeIssue(issue: z.core.$ZodIssue, origin?: ConfigOrigin): ConfigProblem[] {
  const path = issue.path.map(String).join(".");
  const top = issue.path[0] === undefined ? undefined : String(issue.path[0]);
  if (issue.code === "unrecognized_keys") {
    const own = path === "" && origin ? issue.keys.filter((k) => origin.ownKeys.has(k)) : issue.keys;
    const foreign = issue.keys.length - own.length;
    const known = knownKeysAt(issue.path);
    const keys = own.map((key) => {
      const named = path ? `${path}.${key}` : key;
      const meant = closestWord(key, known);
      return meant ? `${named} (did you mean ${meant}?)` : named;
    });
    const problems: ConfigProblem[] = [];
    if (keys.length > 0)
      problems.push({ path, message: `unknown key${keys.length > 1 ? "s" : ""} ${keys.join(", ")}` });
    if (foreign > 0 && origin)
      problems.push({ path, message: `${plural(foreign, "unknown key")} in ${origin.otherFile}` });
    return problems;
  }
  if (origin && top !== undefined && !origin.ownKeys.has(top)) {
    return [{ path: top, message: `invalid value in ${origin.otherFile}; fix it there` }];
  }
  return [{ path, message: issue.message }];
}

/** Validates an already-parsed configuration object (from YAML, JSON or an org-level `_extends`). */
export function validateConfig(
  raw: unknown,
  file: string = DEFAULT_CONFIG_PATH,
  origin?: ConfigOrigin,
): ConfigResult {
  if (raw !== null && raw !== undefined && (typeof raw !== "object" || Array.isArray(raw))) {
    return {
      ok: false,
      error: new ConfigError(file, [{ path: "", message: NOT_A_MAPPING }]),
    };
  }
  const result = configSchema.safeParse(raw ?? {});
  if (result.success) return { ok: true, config: result.data };
  const problems = result.error.issues.flatMap((issue) => describeIssue(issue, origin));
  return { ok: false, error: new ConfigError(file, problems) };
}

/** Parses YAML text and validates it. A syntax error names the line and column. */
export function parseConfigText(text: string, file: string = DEFAULT_CONFIG_PATH): ConfigResult {
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    // The yaml library's first line ends with a colon that introduces a code frame; the position is enough here.
    const firstLine = errorMessage(error).split("\n")[0] ?? "";
    const message = firstLine.replace(/:\s*$/, "");
    return {
      ok: false,
      error: new ConfigError(file, [{ path: "", message: `YAML syntax error: ${message}` }]),
    };
  }
  return validateConfig(raw, file);
}
