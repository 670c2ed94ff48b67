import { hasAppCredentials, readServerConfig, ServerConfigError } from "../../src/server/server-config.js";

describe("readServerConfig", () => {
  it("defaults to Probot's port, host and webhook path, JSON logs at info, and a 25 s shutdown bound", () => {
    expect(readServerConfig({ WEBHOOK_SECRET: "s" })).toEqual({
      host: "localhost",
      port: 3000,
      webhookPath: "/api/github/webhooks",
      webhookProxyUrl: null,
      shutdownTimeoutMs: 25_000,
      logFormat: "json",
      logLevel: "info",
      dashboardToken: null,
      metricsToken: null,
    });
  });

  it("treats empty values, as .env.example leaves them, as not set", () => {
    expect(
      readServerConfig({ WEBHOOK_SECRET: "s", PORT: "", LOG_LEVEL: " ", WEBHOOK_PROXY_URL: "" }),
    ).toMatchObject({
      port: 3000,
      logLevel: "info",
      webhookProxyUrl: null,
    });
  });

  it("reads every variable it owns", () => {
    expect(
      readServerConfig({
        WEBHOOK_SECRET: "s",
        HOST: "0.0.0.0",
        PORT: "8080",
        WEBHOOK_PATH: "/hooks",
        WEBHOOK_PROXY_URL: "https://smee.io/abc123",
        SHUTDOWN_TIMEOUT_SECONDS: "5",
        LOG_FORMAT: "pretty",
        LOG_LEVEL: "debug",
      }),
    ).toEqual({
      host: "0.0.0.0",
      port: 8080,
      webhookPath: "/hooks",
      webhookProxyUrl: "https://smee.io/abc123",
      shutdownTimeoutMs: 5000,
      logFormat: "pretty",
      logLevel: "debug",
      dashboardToken: null,
      metricsToken: null,
    });
  });

  it("reads the dashboard and metrics tokens, and refuses a short one without echoing it", () => {
    const token = "d".repeat(32);
    expect(
      readServerConfig({ WEBHOOK_SECRET: "s", DASHBOARD_TOKEN: token, METRICS_TOKEN: ` ${token} ` }),
    ).toMatchObject({
      dashboardToken: token,
      metricsToken: token,
    });
    const short = () => readServerConfig({ WEBHOOK_SECRET: "s", DASHBOARD_TOKEN: "hunter2" });
    expect(short).toThrow(
      'DASHBOARD_TOKEN: expected at least 32 characters (openssl rand -hex 32), got "7 characters"',
    );
    expect(short).not.toThrow(/hunter2/);
  });

  it.each([
    ["PORT", "abc", 'PORT: expected a TCP port number (0-65535), got "abc"'],
    ["PORT", "70000", 'PORT: expected a TCP port number (0-65535), got "70000"'],
    [
      "LOG_LEVEL",
      "verbose",
      'LOG_LEVEL: expected one of trace, debug, info, warn, error, fatal, got "verbose"',
    ],
    ["LOG_FORMAT", "xml", 'LOG_FORMAT: expected one of json, pretty, got "xml"'],
    [
      "SHUTDOWN_TIMEOUT_SECONDS",
      "2.5",
      'SHUTDOWN_TIMEOUT_SECONDS: expected a whole number of seconds (0-3600), got "2.5"',
    ],
    ["WEBHOOK_PATH", "hooks", 'WEBHOOK_PATH: expected a path starting with /, got "hooks"'],
    [
      "WEBHOOK_PROXY_URL",
      "smee.io/x",
      'WEBHOOK_PROXY_URL: expected an http(s) URL such as https://smee.io/abc123, got "smee.io/x"',
    ],
  ])("refuses %s=%s with an error naming the variable", (variable, value, message) => {
    const read = () => readServerConfig({ WEBHOOK_SECRET: "s", [variable]: value });
    expect(read).toThrow(ServerConfigError);
    expect(read).toThrow(message);
  });
});

test("a webhook secret is required: without one, Probot would accept deliveries signed with 'development'", () => {
  for (const env of [{}, { WEBHOOK_SECRET: "" }, { WEBHOOK_SECRET: "  " }])
    expect(() => readServerConfig(env)).toThrow(
      'WEBHOOK_SECRET: expected the secret GitHub signs deliveries with (App settings), got ""',
    );
});

describe("hasAppCredentials", () => {
  it("needs the App id and a key, inline or as a file", () => {
    expect(hasAppCredentials({ APP_ID: "12", PRIVATE_KEY_PATH: "key.pem" })).toBe(true);
    expect(hasAppCredentials({ APP_ID: "12", PRIVATE_KEY: "-----BEGIN…" })).toBe(true);
    expect(hasAppCredentials({ APP_ID: "12", PRIVATE_KEY: "" })).toBe(false);
    expect(hasAppCredentials({ PRIVATE_KEY_PATH: "key.pem" })).toBe(false);
  });
});
