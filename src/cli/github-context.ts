import { appReference, tokenIdentity } from "../action/token-app.js";
import type { EngineContext, Log, RepoRef } from "../context.js";
import { createEngineContext, createEngineLocks } from "../engine-context.js";
import { createTokenOctokit } from "../github/token-octokit.js";
import { channelsFromEnvironment } from "../incident/notify/notify-channels.js";
import { HotfixBotError } from "../util/errors.js";
import { httpStatus } from "../util/http-status.js";
import { textLog } from "../util/text-log.js";

/** The environment or the options do not say how to reach GitHub; names what is missing. */
export class CliEnvError extends HotfixBotError {
  override readonly kind = "usage";
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
  return textLog({
    debug: (line) => {
      if (verbose) write(`debug: ${line}`);
    },
    info: (line) => {
      if (verbose) write(line);
    },
    warn: (line) => write(`warning: ${line}`),
    error: (line) => write(`error: ${line}`),
  });
}

/**
 * A refused request, said in terms of what to check: the repository and API it was for, and the token. GitHub
 * answers 404 both for a repository that does not exist and for one the token cannot see, so both are named.
 * Other errors are returned unchanged.
 */
export function explainGitHubError(error: unknown, target: { repo: RepoRef; apiUrl: string }): unknown {
  const status = httpStatus(error);
  const name = `${target.repo.owner}/${target.repo.repo}`;
  const detail =
    error instanceof Error ? error.message.replace(/ - https:\/\/docs\.github\.com\S*$/, "") : "";
  switch (status) {
    case 404:
      return new Error(
        `repository ${name} not found at ${target.apiUrl}: check its name, and that the token in GITHUB_TOKEN can access it (a fine-grained token must list the repository; an App must be installed on it)`,
      );
    case 401:
      return new Error(
        `${target.apiUrl} refused the token in GITHUB_TOKEN (${detail || "401"}): check that it is valid, not expired or revoked, and meant for this server`,
      );
    case 403:
      return new Error(
        `${target.apiUrl} refused access to ${name} (${detail || "403"}): check the permissions of the token in GITHUB_TOKEN`,
      );
    default:
      return error;
  }
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
  /** What the command does with the repository, for the message when no token is set. */
  access: "read" | "write";
}): EngineContext {
  const token = input.env.GITHUB_TOKEN;
  if (!token)
    throw new CliEnvError(
      input.access === "read"
        ? "GITHUB_TOKEN is not set: export a token that can read the repository's issues (read-only is enough)"
        : "GITHUB_TOKEN is not set: export a token that can read and write the repository (contents, issues, pull requests, checks)",
    );
  const octokit = createTokenOctokit({
    token,
    apiUrl: input.apiUrl,
    log: input.log,
    userAgent: "hotfix-bot-cli",
    // As in the Action: GitHub's write pacing stays on unless turned off for a local sandbox.
    pacing: input.env.HOTFIX_BOT_WRITE_PACING !== "off",
  });
  return createEngineContext({
    octokit,
    repo: input.repo,
    log: input.log,
    locks: createEngineLocks(),
    ...(input.configPath ? { configPath: input.configPath } : {}),
    // A command that writes (the sweep) reaches milestones too: it tells the channels the App's environment
    // defines (HOTFIX_NOTIFY_<KIND>_<NAME>), so a window ended by `hotfix-bot sweep` is announced like the App's.
    ...(input.access === "write" ? { notifyChannels: channelsFromEnvironment(input.env) } : {}),
    identity: async () => {
      const app = input.env.HOTFIX_BOT_APP?.trim();
      if (!app) {
        throw new CliEnvError(
          "HOTFIX_BOT_APP is not set: name the GitHub App that runs hotfix-bot on this repository (its id or slug; github-actions for the Action with the workflow token), whose state alone is trusted",
        );
      }
      return tokenIdentity(octokit, appReference(app), input.env.HOTFIX_BOT_STATE_SECRET ?? "");
    },
  });
}
