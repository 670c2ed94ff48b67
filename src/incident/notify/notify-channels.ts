import type { NotifyChannel } from "../../context.js";

/**
 * Where notification URLs come from. They are secrets (whoever has a Slack or Teams webhook URL can post to the
 * channel), so they live only in the App's environment or the Action's secrets; a repository's configuration
 * names a channel, and this map turns the name into the URL.
 */

export type ChannelKind = NotifyChannel["kind"];

const KINDS: readonly ChannelKind[] = ["slack", "teams", "webhook"];

/** `HOTFIX_NOTIFY_SLACK_INCIDENT_ROOM=<url>` defines the channel `incident-room`, posted to as Slack. */
const ENV_NAME = /^HOTFIX_NOTIFY_(SLACK|TEAMS|WEBHOOK)_([A-Z0-9][A-Z0-9_]{0,62})$/;

/** A channel variable whose value is not an http(s) URL: the App refuses to start rather than drop it silently. */
export class NotifyChannelError extends Error {
  override readonly name = "NotifyChannelError";
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable}: ${reason}`);
  }
}

function checkedUrl(variable: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    // The value itself is never repeated: it may be a secret pasted into the wrong variable.
    throw new NotifyChannelError(variable, "not a URL (expected the webhook's https:// URL)");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new NotifyChannelError(variable, `a ${url.protocol} URL; expected https://`);
  return url.toString();
}

/** The channel name a variable defines: `INCIDENT_ROOM` -> `incident-room`. */
export function channelNameOf(suffix: string): string {
  return suffix.toLowerCase().replace(/_/g, "-");
}

/** The App's channels, from its environment (`HOTFIX_NOTIFY_<KIND>_<NAME>=<url>`). */
export function channelsFromEnvironment(env: NodeJS.ProcessEnv): Map<string, NotifyChannel> {
  const channels = new Map<string, NotifyChannel>();
  for (const [variable, value] of Object.entries(env).sort(([a], [b]) => a.localeCompare(b))) {
    const match = ENV_NAME.exec(variable);
    if (!match || value === undefined || value.trim() === "") continue;
    const kind = (match[1] as string).toLowerCase() as ChannelKind;
    const name = channelNameOf(match[2] as string);
    const existing = channels.get(name);
    if (existing)
      throw new NotifyChannelError(
        variable,
        `channel "${name}" is already defined as a ${existing.kind} channel`,
      );
    channels.set(name, { name, kind, url: checkedUrl(variable, value) });
  }
  return channels;
}

/**
 * The Action's channels, from its inputs `notify-slack`, `notify-teams` and `notify-webhook` (each from a secret):
 * the channels are named after their kind, `slack`, `teams` and `webhook`.
 */
export function channelsFromInputs(
  urls: Partial<Record<ChannelKind, string>>,
  options: { dryRun?: boolean } = {},
): Map<string, NotifyChannel> {
  const channels = new Map<string, NotifyChannel>();
  for (const kind of KINDS) {
    const value = urls[kind]?.trim();
    if (!value) continue;
    const url = checkedUrl(`input notify-${kind}`, value);
    // A dry run sends nothing: its GitHub writes are refused by the Octokit it is given, and a post to a channel
    // is a write that goes around Octokit.
    channels.set(kind, {
      name: kind,
      kind,
      url,
      ...(options.dryRun ? { refused: "dry run: not sent" } : {}),
    });
  }
  return channels;
}
