import type { Sandbox } from "@hotfix-bot/sandbox";
import { type AppOnSandbox, startAppOnSandbox } from "../../src/sandbox-app/start-app-on-sandbox.js";
import { sandboxPerFile } from "../support/sandbox-per-file.js";

// The stage of the gate suites: one sandbox for the file, and before each test a fresh hotfix-bot (the real
// Probot, its Octokit talking HTTP to the sandbox) that receives only the payloads the test delivers — real
// examples from @octokit/webhooks-examples, pointed at the sandbox's repositories. The sandbox sends no webhooks
// of its own, so what the App does is the answer to exactly the delivered events.

type Json = Record<string, unknown>;

export const NOW = new Date("2024-05-01T12:00:00Z");

/** One request the App sent, with its body, as the sandbox received it. */
export interface AppRequest {
  method: string;
  /** `/repos/acme/shop-1/contents/.github/hotfix.yml` (no query). */
  path: string;
  query: URLSearchParams;
  body: Json | null;
  /** `installation` (the App's token, on the repository's behalf) or `jwt` (the App itself: who it is, tokens). */
  as: "installation" | "jwt";
}

export interface GateStage {
  readonly sandbox: Sandbox;
  readonly app: AppOnSandbox;
  /** Every request of this test's App since the last `clear()`, JWT ones included. */
  readonly requests: AppRequest[];
  /** Requests made on behalf of a repository (the installation token): what an evaluation costs. */
  apiRequests(): AppRequest[];
  writes(): AppRequest[];
  clear(): void;
  deliver(name: string, payload: Json): Promise<void>;
}

let delivery = 0;

/** `app: "each"` (default) starts a fresh App before every test; `"once"` one App for the whole file. */
export function gateStage(options: { app?: "each" | "once" } = {}): GateStage {
  const each = (options.app ?? "each") === "each";
  // No event is delivered by the sandbox itself (an empty subscription); the tests deliver them.
  const file = sandboxPerFile({ events: [] });
  let app: AppOnSandbox | null = null;
  const requests: AppRequest[] = [];

  beforeAll(() => {
    const started = file.sandbox;
    started.observe((exchange) => {
      const { identity } = exchange;
      const mine =
        (identity.kind === "installation" || identity.kind === "app") && identity.app.id === started.app.id;
      if (!mine) return;
      requests.push({
        method: exchange.method,
        path: decodeURIComponent(exchange.path),
        query: new URLSearchParams(exchange.query),
        body: (exchange.requestBody ?? null) as Json | null,
        as: identity.kind === "app" ? "jwt" : "installation",
      });
    });
  });
  const startApp = async () => {
    app = await startAppOnSandbox(stage.sandbox, {
      clock: () => NOW,
      throttle: { enabled: false },
      retry: { enabled: false },
    });
  };
  const stopApp = async () => {
    await app?.close();
    app = null;
  };
  if (!each) {
    beforeAll(startApp);
    afterAll(stopApp);
  }
  beforeEach(async () => {
    if (each) await startApp();
    requests.length = 0;
  });
  afterEach(async () => {
    if (each) await stopApp();
    stage.sandbox.setLatency(null);
  });

  const stage: GateStage = {
    get sandbox() {
      return file.sandbox;
    },
    get app() {
      if (!app) throw new Error("no App yet: use the stage inside a test or a hook");
      return app;
    },
    requests,
    apiRequests: () => requests.filter((r) => r.as === "installation"),
    writes: () => stage.apiRequests().filter((r) => r.method !== "GET"),
    clear: () => {
      requests.length = 0;
    },
    async deliver(name, payload) {
      delivery += 1;
      // The example's installation is GitHub's; the App's installation on the sandbox is the one it can act as.
      const installation = { ...((payload.installation as Json | undefined) ?? {}) };
      installation.id = stage.sandbox.app.installationId;
      await stage.app.probot.receive({
        id: `delivery-${delivery}`,
        name,
        payload: { ...payload, installation },
        // biome-ignore lint/suspicious/noExplicitAny: example payloads are plain JSON; Probot types them per event name
      } as any);
    },
  };
  return stage;
}
