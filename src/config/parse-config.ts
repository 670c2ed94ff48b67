import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { closestWord } from "../text/closest-word.js";
import { ConfigError, type ConfigProblem } from "./config-error.js";
import { knownKeysAt } from "./known-keys.js";
import { configSchema, type HotfixConfig } from "./schema.js";

export const DEFAULT_CONFIG_PATH = ".github/hotfix.yml";

export const NOT_A_MAPPING = "expected a mapping of keys to values at the top level";

export type ConfigResult = { ok: true; config: HotfixConfig } | { ok: false; error: ConfigError };

function describeIssue(issue: z.core.$ZodIssue): ConfigProblem {
  const path = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const known = knownKeysAt(issue.path);
    const keys = issue.keys.map((key) => {
      const named = path ? `${path}.${key}` : key;
      const meant = closestWord(key, known);
      return meant ? `${named} (did you mean ${meant}?)` : named;
    });
    return { path, message: `unknown key${keys.length > 1 ? "s" : ""} ${keys.join(", ")}` };
  }
  return { path, message: issue.message };
}

/** Validates an already-parsed configuration object (from YAML, JSON or an org-level `_extends`). */
export function validateConfig(raw: unknown, file: string = DEFAULT_CONFIG_PATH): ConfigResult {
  if (raw !== null && raw !== undefined && (typeof raw !== "object" || Array.isArray(raw))) {
    return {
      ok: false,
      error: new ConfigError(file, [{ path: "", message: NOT_A_MAPPING }]),
    };
  }
  const result = configSchema.safeParse(raw ?? {});
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, error: new ConfigError(file, result.error.issues.map(describeIssue)) };
}

/** Parses YAML text and validates it. A syntax error names the line and column. */
export function parseConfigText(text: string, file: string = DEFAULT_CONFIG_PATH): ConfigResult {
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    // The yaml library's first line ends with a colon that introduces a code frame; the position is enough here.
    const firstLine = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    const message = firstLine.replace(/:\s*$/, "");
    return {
      ok: false,
      error: new ConfigError(file, [{ path: "", message: `YAML syntax error: ${message}` }]),
    };
  }
  return validateConfig(raw, file);
}
