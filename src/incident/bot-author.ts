/**
 * Whether an issue or comment was written by an app rather than a person. Our hidden state (the timeline
 * comment, follow-up markers) is read only from such items: anyone can type a marker into their own comment, but
 * only an app can author one. GitHub marks app-authored items by a `Bot` user type, a `[bot]` login suffix and,
 * for installation tokens, `performed_via_github_app`; any one is enough.
 */
export interface AuthoredItem {
  user?: { login?: string | null; type?: string | null } | null;
  performed_via_github_app?: unknown;
}

export function isBotAuthored(item: AuthoredItem): boolean {
  if (item.performed_via_github_app !== null && item.performed_via_github_app !== undefined) return true;
  const user = item.user;
  if (!user) return false;
  return user.type === "Bot" || (typeof user.login === "string" && user.login.endsWith("[bot]"));
}
