import type { Octokit, RepoRef } from "../context.js";
import { httpStatus } from "../util/http-status.js";
import { ConfigError } from "./config-error.js";
import { type ConfigResult, DEFAULT_CONFIG_PATH, NOT_A_MAPPING, validateConfig } from "./parse-config.js";

/**
 * Reads `.github/hotfix.yml` through the Octokit config plugin (the same loader Probot's `context.config` uses,
 * so org-level `.github` repositories and `_extends` work the same in the App, the Action and the CLI), then
 * validates it. Never throws for a bad file: the error is returned so that the gate can show it.
 */
export async function loadConfig(
  octokit: Octokit,
  repo: RepoRef,
  path: string = DEFAULT_CONFIG_PATH,
): Promise<ConfigResult> {
  let raw: unknown;
  try {
    const { config, files } = await octokit.config.get({ owner: repo.owner, repo: repo.repo, path });
    // The plugin merges every file into an object, which turns a top-level list into keys "0", "1", …: look at
    // what each file held before that, so the error says what is wrong rather than "unknown keys 0, 1".
    const notMapping = files.find((file) => Array.isArray(file.config));
    if (notMapping) {
      const own = notMapping.owner === repo.owner && notMapping.repo === repo.repo;
      const file = own ? notMapping.path : `${notMapping.owner}/${notMapping.repo}:${notMapping.path}`;
      return { ok: false, error: new ConfigError(file, [{ path: "", message: NOT_A_MAPPING }]) };
    }
    raw = config;
  } catch (error) {
    const status = httpStatus(error);
    if (status !== undefined && status !== 404) throw error;
    const cause =
      error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message.split("\n")[0]}` : "";
    const message =
      error instanceof Error
        ? error.message.replace(/^\[@probot\/octokit-plugin-config\] /, "")
        : String(error);
    return { ok: false, error: new ConfigError(path, [{ path: "", message: `${message}${cause}` }]) };
  }
  return validateConfig(raw, path);
}

/**
 * Per-process memo of configurations, so that a storm of events for one repository reads the file once.
 * An entry lives `ttlMs` and is dropped early when a push to the default branch touches the file.
 */
export class ConfigCache {
  private readonly entries = new Map<string, { at: number; value: Promise<ConfigResult> }>();
  constructor(private readonly ttlMs = 60_000) {}

  get(key: string, now: number, load: () => Promise<ConfigResult>): Promise<ConfigResult> {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.set(key, { at: now, value });
    // A failed load (network) must not be remembered; a loaded-but-invalid file is remembered like a good one.
    value.catch(() => this.entries.delete(key));
    return value;
  }

  invalidate(key: string): void {
    this.entries.delete(key);
  }
}
