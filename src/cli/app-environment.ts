import { shellWord } from "../intake/shell-word.js";

export interface AppEnvironmentInput {
  /** The sandbox's API, e.g. `http://127.0.0.1:40123`. */
  apiUrl: string;
  appId: number;
  privateKeyPath: string;
  webhookSecret: string;
  /** Where the sandbox delivers webhooks, if anywhere: the App must listen there. */
  webhookUrl?: string;
}

/** Probot's default; WEBHOOK_PATH is printed only when the webhook URL asks for another. */
const DEFAULT_WEBHOOK_PATH = "/api/github/webhooks";

/**
 * The environment `npm start` needs to run the App against a sandbox: its App id and a key (the sandbox accepts
 * any well-formed JWT, Probot insists on a real RSA key), the webhook secret the sandbox signs with, the sandbox
 * as GitHub Enterprise Server (GHE_HOST, GHE_PROTOCOL=http: it answers under /api/v3), and where to listen: the
 * host, port and path of the webhook URL the sandbox delivers to (default 127.0.0.1:3000).
 */
export function appEnvironment(input: AppEnvironmentInput): [name: string, value: string][] {
  const webhook = new URL(input.webhookUrl ?? `http://127.0.0.1:3000${DEFAULT_WEBHOOK_PATH}`);
  const port = webhook.port || (webhook.protocol === "https:" ? "443" : "80");
  const path = webhook.pathname.replace(/\/+$/, "") || "/";
  return [
    ["APP_ID", String(input.appId)],
    ["PRIVATE_KEY_PATH", input.privateKeyPath],
    ["WEBHOOK_SECRET", input.webhookSecret],
    ["GHE_HOST", new URL(input.apiUrl).host],
    ["GHE_PROTOCOL", "http"],
    ["HOST", webhook.hostname.replace(/^\[|\]$/g, "")],
    ["PORT", port],
    ...(path === DEFAULT_WEBHOOK_PATH ? [] : [["WEBHOOK_PATH", path] as [string, string]]),
  ];
}

/** `NAME=value … npm start`, each value quoted for a POSIX shell where it needs to be. */
export function npmStartCommand(environment: [string, string][]): string {
  return [...environment.map(([name, value]) => `${name}=${shellWord(value)}`), "npm start"].join(" ");
}
