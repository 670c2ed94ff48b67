import { IncomingWebhook, IncomingWebhookHTTPError } from "@slack/webhook";
import type { NotifyChannel } from "../../context.js";
import { jsonPayload } from "./json-payload.js";
import type { MilestoneMessage } from "./milestone-message.js";
import { slackMessage } from "./slack-message.js";
import { teamsCard } from "./teams-card.js";

/** What one post to one channel came to; it names the channel, never its URL (a secret). */
export interface ChannelResult {
  channel: string;
  kind: NotifyChannel["kind"];
  ok: boolean;
  /** The receiver's HTTP status, when it answered. */
  status?: number;
  /** Why it failed, in words that hold no URL: "HTTP 500", "timed out after 5 s", "connection refused". */
  error?: string;
}

export type Fetch = typeof fetch;

class HttpStatusError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** The system error code (ECONNREFUSED) or TIMEOUT down the error's causes; errors from fetch may come from another realm, so no instanceof. */
function errorCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const { code, name } = current as { code?: unknown; name?: unknown };
    if (typeof code === "string" && /^E[A-Z_]+$/.test(code)) return code;
    if (name === "TimeoutError" || name === "AbortError") return "TIMEOUT";
    // Slack's client wraps the fetch error as `original`; fetch's own errors keep theirs as `cause`.
    const { original, cause } = current as { original?: unknown; cause?: unknown };
    current = original ?? cause;
  }
  return null;
}

/**
 * Why a post failed, built from the error's kind and code only: the messages of fetch and of the Slack client can
 * carry the address they were sent to, and a webhook's address is its secret.
 */
export function failureOf(error: unknown, timeoutMs: number): Pick<ChannelResult, "status" | "error"> {
  const status =
    error instanceof IncomingWebhookHTTPError
      ? error.statusCode
      : error instanceof HttpStatusError
        ? error.status
        : null;
  if (status !== null) return { status, error: `HTTP ${status}` };
  const code = errorCode(error);
  if (code === "TIMEOUT") return { error: `timed out after ${Math.round(timeoutMs / 100) / 10} s` };
  if (code === "ECONNREFUSED") return { error: "connection refused" };
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return { error: "host not found" };
  if (code === "ECONNRESET") return { error: "connection reset" };
  return { error: code ? `request failed (${code})` : "request failed" };
}

async function postJson(url: string, body: unknown, timeoutMs: number, fetchFn: Fetch): Promise<number> {
  const response = await fetchFn(url, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "hotfix-bot" },
    body: JSON.stringify(body),
    // A redirect would send the body somewhere the secret URL did not name.
    redirect: "error",
    signal: AbortSignal.timeout(timeoutMs),
  });
  // The answer is not read beyond its status; drain it so the connection is released.
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new HttpStatusError(response.status);
  return response.status;
}

/**
 * Posts the message to one channel in that channel's format: Slack through Slack's webhook client (Block Kit),
 * Teams as an Adaptive Card, a generic webhook as hotfix-bot's JSON. Never throws and never takes longer than
 * `timeoutMs`: a receiver that is down must not hold up the hotfix.
 */
export async function sendNotification(
  channel: NotifyChannel,
  message: MilestoneMessage,
  options: { timeoutMs: number; fetch?: Fetch },
): Promise<ChannelResult> {
  const base = { channel: channel.name, kind: channel.kind };
  if (channel.refused !== undefined) return { ...base, ok: false, error: channel.refused };
  // The transport's own error, kept as thrown: Slack's client re-wraps it, and may lose its cause on the way.
  let transportError: unknown = null;
  const transport = options.fetch ?? fetch;
  const fetchFn: Fetch = async (input, init) => {
    try {
      return await transport(input, init);
    } catch (error) {
      transportError = error;
      throw error;
    }
  };
  try {
    if (channel.kind === "slack") {
      const webhook = new IncomingWebhook(channel.url, { timeout: options.timeoutMs, fetch: fetchFn });
      await webhook.send(slackMessage(message));
      return { ...base, ok: true };
    }
    const body = channel.kind === "teams" ? teamsCard(message) : jsonPayload(message);
    const status = await postJson(channel.url, body, options.timeoutMs, fetchFn);
    return { ...base, ok: true, status };
  } catch (error) {
    return { ...base, ok: false, ...failureOf(transportError ?? error, options.timeoutMs) };
  }
}
