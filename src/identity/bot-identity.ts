/**
 * Who hotfix-bot is on GitHub, as the engine compares it: the id of the GitHub App whose token it writes with.
 * Check runs carry their App (`app.id`); issues, comments and deployments an App writes carry it as
 * `performed_via_github_app.id`. Names (`hotfix-gate`, `external_id`, a `[bot]` login) can be chosen by anyone
 * with an App on the repository; the id cannot.
 */
export interface BotIdentity {
  appId: number;
  /**
   * The key that authenticates hidden state (Action: the `state-secret` input). Needed where other writers share
   * the App id (every workflow writes as `github-actions`); null where the id alone is proof (the App).
   */
  stateSecret: string | null;
}

/** Anything GitHub says an App wrote: an issue, a comment, a deployment. */
export interface AppAuthored {
  performed_via_github_app?: { id?: number | null } | null;
}

/** Whether our App wrote the item, by its id. A person or another App typing our markers does not count. */
export function isWrittenByUs(item: AppAuthored, identity: Pick<BotIdentity, "appId">): boolean {
  return item.performed_via_github_app?.id === identity.appId;
}

/** Whether a check run is one our App created (and so one it can update: GitHub answers 403 for any other). */
export function isOurCheckRun(
  run: { app?: { id?: number | null } | null },
  identity: Pick<BotIdentity, "appId">,
): boolean {
  return run.app?.id === identity.appId;
}

/**
 * Whether a pull request was opened by an App rather than a person. GitHub's pull request objects carry no
 * `performed_via_github_app`, so the App's id cannot be compared here; only Apps have `Bot` users. The callers
 * ask this of a PR from a branch whose commits `placeBotBranch` has already checked are the ones the bot
 * computed, so an App that is not us can at most have opened a PR with our exact change.
 */
export function isOpenedByAnApp(pr: { user?: { type?: string | null } | null }): boolean {
  return pr.user?.type === "Bot";
}
