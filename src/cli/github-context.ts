import { appReference, tokenIdentity } from "../action/token-app.js";
import { createTokenOctokit } from "../action/token-octokit.js";
import { loadConfig } from "../config/load-config.js";
import type { ConfigResult } from "../config/parse-config.js";
import type { EngineContext, Log, RepoRef } from "../context.js";
import { memoAsync } from "../util/memo-async.js";

/** The environment or the options do not say how to reach GitHub; names what is missing. */
export class CliEnvError extends Error {
  override readonly name = "CliEnvError";
}

export const DEFAULT_API_URL = "https://api.github.com";

export function parseRepo(text: string | undefined): RepoRef {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(text ?? "");
  if (!match?.[1] || !match[2]) throw new CliEnvError(`--repo: expected owner/name, got "${text ?? ""}"`);
  return { owner: match[1], repo: match[2] };
}

export function parseApiUrl(text: string | undefined): string {
  const url = (text || DEFAULT_API_URL).replace(/\/+$/, "");
  if (!/^https?:\/\/\S+$/.test(url))
    throw new CliEnvError(`--api-url: expected an http(s) URL, got "${text}"`);
  return url;
}

/** A logger on stderr, so that stdout carries only the command's result. */
export function stderrLog(write: (text: string) => void, verbose: boolean): Log {
  return {
    debug: (msg) => {
      if (verbose) write(`debug: ${msg}`);
    },
    info: (msg) => {
      if (verbose) write(msg);
    },
    warn: (msg) => write(`warning: ${msg}`),
    error: (msg) => write(`error: ${msg}`),
  };
}

/**
 * The engine's context for one repository, as the App and the Action build it: Probot's Octokit with the
 * token from GITHUB_TOKEN, the configuration read through the API (with `_extends`) at most once. Whose hidden
 * state counts is named by HOTFIX_BOT_APP (the App's id or slug) and HOTFIX_BOT_STATE_SECRET (the Action's
 * state-secret, when the repository runs hotfix-bot as an Action), asked only by commands that read state.
 */
export function githubContext(input: {
  env: NodeJS.ProcessEnv;
  repo: RepoRef;
  apiUrl: string;
  log: Log;
  configPath?: string;
}): EngineContext {
  const token = input.env.GITHUB_TOKEN;
  if (!token)
    throw new CliEnvError("GITHUB_TOKEN is not set: export a token that can read and write the repository");
  const octokit = createTokenOctokit({
    token,
    apiUrl: input.apiUrl,
    log: input.log,
    userAgent: "hotfix-bot-cli",
    // As in the Action: GitHub's write pacing stays on unless turned off for a local sandbox.
    pacing: input.env.HOTFIX_BOT_WRITE_PACING !== "off",
  });
  let config: Promise<ConfigResult> | undefined;
  return {
    octokit,
    repo: input.repo,
    config: () => {
      config ??= loadConfig(octokit, input.repo, input.configPath);
      return config;
    },
    log: input.log,
    clock: () => new Date(),
    identity: memoAsync(async () => {
      const app = input.env.HOTFIX_BOT_APP?.trim();
      if (!app) {
        throw new CliEnvError(
          "HOTFIX_BOT_APP is not set: name the GitHub App that runs hotfix-bot on this repository (its id or slug; github-actions for the Action with the workflow token), whose state alone is trusted",
        );
      }
      return tokenIdentity(octokit, appReference(app), input.env.HOTFIX_BOT_STATE_SECRET ?? "");
    }),
  };
}
