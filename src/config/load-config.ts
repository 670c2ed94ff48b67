import type { Octokit, RepoRef } from "../context.js";
import { errorMessage } from "../util/errors.js";
import { httpStatus } from "../util/http-status.js";
import { ConfigError } from "./config-error.js";
import {
  type ConfigOrigin,
  type ConfigResult,
  DEFAULT_CONFIG_PATH,
  NOT_A_MAPPING,
  validateConfig,
} from "./parse-config.js";

interface LoadedFile {
  owner: string;
  repo: string;
  path: string;
  config: unknown;
}

const fileName = (file: LoadedFile) => `${file.owner}/${file.repo}:${file.path}`;

/**
 * The first file the chain reached outside the repository's owner, if any. `_extends` may name any repository the
 * installation can read (public ones of anyone); a configuration is the owner's to set, so only the owner's
 * repositories count.
 */
function otherOwnersFile(files: readonly LoadedFile[], owner: string): LoadedFile | undefined {
  return files.find((file) => file.owner.toLowerCase() !== owner.toLowerCase());
}

/** Which top-level keys the repository's own file set, when other files were merged in (shallowly) too. */
function originOf(files: readonly LoadedFile[], repo: RepoRef): ConfigOrigin | undefined {
  const others = files.filter(
    (file) => file.config && !(file.owner === repo.owner && file.repo === repo.repo),
  );
  const first = others[0];
  if (!first) return undefined;
  const own = files.find((file) => file.owner === repo.owner && file.repo === repo.repo)?.config;
  const ownKeys = new Set(own && typeof own === "object" ? Object.keys(own) : []);
  return { ownKeys, otherFile: others.map(fileName).join(", ") };
}

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
  let origin: ConfigOrigin | undefined;
  try {
    const { config, files } = await octokit.config.get({ owner: repo.owner, repo: repo.repo, path });
    const foreign = otherOwnersFile(files, repo.owner);
    if (foreign) {
      // Named by where it points, never by what it holds.
      const message = `_extends: ${fileName(foreign)} is outside ${repo.owner}; only repositories of ${repo.owner} can be extended`;
      return { ok: false, error: new ConfigError(path, [{ path: "_extends", message }]) };
    }
    origin = originOf(files, repo);
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
    const message = errorMessage(error).replace(/^\[@probot\/octokit-plugin-config\] /, "");
    return { ok: false, error: new ConfigError(path, [{ path: "", message: `${message}${cause}` }]) };
  }
  return validateConfig(raw, path, origin);
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
