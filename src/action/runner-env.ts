import { readFileSync } from "node:fs";
import type { RepoRef } from "../context.js";
import type { EngineEvent } from "../route.js";
import { errorMessage, HotfixBotError } from "../util/errors.js";

/** The runner's environment is missing or contradicts itself; names the variable. */
export class RunnerEnvError extends HotfixBotError {
  override readonly kind = "usage";
  override readonly name = "RunnerEnvError";
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

export interface RunnerContext {
  event: EngineEvent;
  repo: RepoRef;
  /** REST base URL: api.github.com, `https://HOST/api/v3` on GitHub Enterprise Server, or a sandbox. */
  apiUrl: string;
  /** False when HOTFIX_BOT_WRITE_PACING=off: for a local sandbox, where no rate limit applies. */
  pacing: boolean;
}

/**
 * `pull_request_target` carries the same payload as `pull_request` (it runs in the base repository with a
 * token that can write, which is what a gate on fork PRs needs), so the engine sees it under GitHub's webhook
 * name. Every other name is passed through.
 */
export function engineEventName(runnerEventName: string): string {
  return runnerEventName === "pull_request_target" ? "pull_request" : runnerEventName;
}

function repoOf(payload: unknown, fallback: string | undefined): RepoRef {
  const repository = (payload as { repository?: { name?: unknown; owner?: { login?: unknown } } } | null)
    ?.repository;
  const owner = repository?.owner?.login;
  const name = repository?.name;
  if (typeof owner === "string" && typeof name === "string") return { owner, repo: name };
  // `schedule` payloads carry no repository; the runner always names it.
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(fallback ?? "");
  if (!match?.[1] || !match[2]) {
    throw new RunnerEnvError("GITHUB_REPOSITORY", "expected owner/name (the payload names no repository)");
  }
  return { owner: match[1], repo: match[2] };
}

/** Reads what a workflow runner provides: event name, the payload file, the repository and the API URL. */
export function readRunnerContext(env: NodeJS.ProcessEnv): RunnerContext {
  const name = env.GITHUB_EVENT_NAME;
  if (!name) throw new RunnerEnvError("GITHUB_EVENT_NAME", "not set; is this running as a workflow step?");
  const path = env.GITHUB_EVENT_PATH;
  if (!path) throw new RunnerEnvError("GITHUB_EVENT_PATH", "not set; is this running as a workflow step?");
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new RunnerEnvError(
      "GITHUB_EVENT_PATH",
      `cannot read the event payload ${path}: ${errorMessage(error)}`,
    );
  }
  const apiUrl = (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
  if (!/^https?:\/\/[^\s]+$/.test(apiUrl))
    throw new RunnerEnvError("GITHUB_API_URL", "expected an http(s) URL");
  const id = env.GITHUB_RUN_ID ? `run-${env.GITHUB_RUN_ID}.${env.GITHUB_RUN_ATTEMPT ?? "1"}` : "local";
  return {
    event: { name: engineEventName(name), id, payload },
    repo: repoOf(payload, env.GITHUB_REPOSITORY),
    apiUrl,
    pacing: env.HOTFIX_BOT_WRITE_PACING !== "off",
  };
}
