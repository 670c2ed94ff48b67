import type { Context, Probot } from "probot";
import { ConfigCache, loadConfig } from "./config/load-config.js";
import type { EngineContext, RepoRef } from "./context.js";
import { handleEvent } from "./engine.js";

/** Reads owner/name from any repository-scoped payload without trusting its shape. */
function repoOf(payload: unknown): RepoRef | null {
  const repository = (payload as { repository?: { name?: unknown; owner?: { login?: unknown } } } | null)
    ?.repository;
  const owner = repository?.owner?.login;
  const name = repository?.name;
  return typeof owner === "string" && typeof name === "string" ? { owner, repo: name } : null;
}

/** Probot adapter: maps a Probot context to the engine's context. No workflow logic lives here. */
export function createHotfixBot(options: { clock?: () => Date; configCache?: ConfigCache } = {}) {
  return (app: Probot): void => installHandlers(app, options);
}

function installHandlers(app: Probot, options: { clock?: () => Date; configCache?: ConfigCache }): void {
  const clock = options.clock ?? (() => new Date());
  const configCache = options.configCache ?? new ConfigCache();

  // Probot hands onAny a full Context at run time; its declared type is the bare webhook event.
  app.onAny(async (event) => {
    const context = event as unknown as Context;
    const repo = repoOf(context.payload);
    if (!repo) return;
    const key = `${repo.owner}/${repo.repo}`;
    if (context.name === "push") configCache.invalidate(key);
    const ctx: EngineContext = {
      octokit: context.octokit,
      repo,
      config: () => configCache.get(key, clock().getTime(), () => loadConfig(context.octokit, repo)),
      log: context.log,
      clock,
    };
    await handleEvent({ name: context.name, id: context.id, payload: context.payload }, ctx);
  });
}

/** The App as Probot loads it (`probot run`, `npm start`). */
export default createHotfixBot();
