import { MIN_DASHBOARD_TOKEN_LENGTH } from "../metrics/dashboard/dashboard-access.js";
import { HotfixBotError } from "../util/errors.js";

/** The environment variables the production server reads itself (Probot reads APP_ID, the key, GHE_* …). */
export interface ServerConfig {
  host: string;
  port: number;
  webhookPath: string;
  /** A smee.io channel that relays GitHub's webhooks to this server (local development). */
  webhookProxyUrl: string | null;
  /** How long SIGTERM waits for deliveries and background steps before the process exits anyway. */
  shutdownTimeoutMs: number;
  logFormat: "json" | "pretty";
  logLevel: LogLevel;
  /** The dashboard at /hotfix-bot is served only with this token (DASHBOARD_TOKEN); null: off. */
  dashboardToken: string | null;
  /** /metrics asks for this bearer token when set (METRICS_TOKEN); null: open, like /health. */
  metricsToken: string | null;
}

export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Probot's defaults, except JSON logs (what log collectors read) and `info`, which Probot's run also uses. */
export const SERVER_DEFAULTS = {
  host: "localhost",
  port: 3000,
  webhookPath: "/api/github/webhooks",
  shutdownTimeoutSeconds: 25,
  logFormat: "json",
  logLevel: "info",
} as const;

/** A variable of the environment has a value the server cannot use; names the variable and what it expects. */
export class ServerConfigError extends HotfixBotError {
  override readonly kind = "usage";
  constructor(
    readonly variable: string,
    expected: string,
    value: string,
  ) {
    super(`${variable}: expected ${expected}, got "${value}"`);
    this.name = "ServerConfigError";
  }
}

type Env = Record<string, string | undefined>;

/** An empty value (as `.env.example` leaves them) means "not set". */
function setting(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integerIn(
  env: Env,
  name: string,
  min: number,
  max: number,
  fallback: number,
  expected: string,
): number {
  const raw = setting(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new ServerConfigError(name, expected, raw);
  return Number(raw);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = setting(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw))
    throw new ServerConfigError(name, `one of ${allowed.join(", ")}`, raw);
  return raw as T;
}

/**
 * Reads and checks the server's settings from the environment (and that a webhook secret is set); throws
 * ServerConfigError on a missing or bad value.
 */
export function readServerConfig(env: Env): ServerConfig {
  // Probot would fall back to the well-known secret "development", with which anyone can sign a delivery.
  if (setting(env, "WEBHOOK_SECRET") === undefined)
    throw new ServerConfigError(
      "WEBHOOK_SECRET",
      "the secret GitHub signs deliveries with (App settings)",
      "",
    );
  const webhookPath = setting(env, "WEBHOOK_PATH") ?? SERVER_DEFAULTS.webhookPath;
  if (!webhookPath.startsWith("/"))
    throw new ServerConfigError("WEBHOOK_PATH", "a path starting with /", webhookPath);
  const webhookProxyUrl = setting(env, "WEBHOOK_PROXY_URL") ?? null;
  if (webhookProxyUrl !== null && !/^https?:\/\/[^\s/]+\/\S*$/.test(webhookProxyUrl))
    throw new ServerConfigError(
      "WEBHOOK_PROXY_URL",
      "an http(s) URL such as https://smee.io/abc123",
      webhookProxyUrl,
    );
  const tokenSetting = (name: string) => {
    const token = setting(env, name) ?? null;
    // The value is never echoed: only its length is named.
    if (token !== null && token.length < MIN_DASHBOARD_TOKEN_LENGTH)
      throw new ServerConfigError(
        name,
        `at least ${MIN_DASHBOARD_TOKEN_LENGTH} characters (openssl rand -hex 32)`,
        `${token.length} characters`,
      );
    return token;
  };
  return {
    dashboardToken: tokenSetting("DASHBOARD_TOKEN"),
    metricsToken: tokenSetting("METRICS_TOKEN"),
    host: setting(env, "HOST") ?? SERVER_DEFAULTS.host,
    port: integerIn(env, "PORT", 0, 65535, SERVER_DEFAULTS.port, "a TCP port number (0-65535)"),
    webhookPath,
    webhookProxyUrl,
    shutdownTimeoutMs:
      integerIn(
        env,
        "SHUTDOWN_TIMEOUT_SECONDS",
        0,
        3600,
        SERVER_DEFAULTS.shutdownTimeoutSeconds,
        "a whole number of seconds (0-3600)",
      ) * 1000,
    logFormat: oneOf(env, "LOG_FORMAT", ["json", "pretty"] as const, SERVER_DEFAULTS.logFormat),
    logLevel: oneOf(env, "LOG_LEVEL", LOG_LEVELS, SERVER_DEFAULTS.logLevel),
  };
}

/**
 * The App's credentials are given. Without them Probot's first-run setup flow registers the App from app.yml
 * (and writes them to .env); in production their absence is an error.
 */
export function hasAppCredentials(env: Env): boolean {
  return (
    setting(env, "APP_ID") !== undefined &&
    (setting(env, "PRIVATE_KEY") !== undefined || setting(env, "PRIVATE_KEY_PATH") !== undefined)
  );
}
