import { parseConfigText, validateConfig } from "../../src/config/parse-config.js";
import type { HotfixConfig, HotfixConfigInput } from "../../src/config/schema.js";

/** A defaulted configuration with the given overrides, validated like a real `.github/hotfix.yml`. */
export function configOf(input: HotfixConfigInput = {}): HotfixConfig {
  const result = validateConfig(input);
  if (!result.ok) throw result.error;
  return result.config;
}

/** The configuration a `.github/hotfix.yml` with this text gives (its YAML parsed, validated and defaulted). */
export function configOfText(text: string): HotfixConfig {
  const result = parseConfigText(text);
  if (!result.ok) throw result.error;
  return result.config;
}
