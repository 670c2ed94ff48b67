import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit } from "probot";
import { createHotfixBot } from "../../src/app.js";
import { FakeGitHub } from "./fake-github.js";

type Json = Record<string, unknown>;

// One key for the whole file: generating RSA keys is the slowest part of starting an app.
const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

export const NOW = new Date("2024-05-01T12:00:00Z");

/** A real Probot running the real app, its HTTP answered by the fake (retries and throttling off: no waits). */
export async function startApp(github: FakeGitHub): Promise<Probot> {
  const probot = new Probot({
    appId: 1,
    privateKey,
    logLevel: "fatal",
    // A function, not an object: Probot merges its own throttle options over object defaults, and its
    // write limiter would then space our fake writes a second apart.
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      request: { ...(options.request as object), fetch: github.fetch },
      retry: { enabled: false },
      throttle: { ...(options.throttle as object), enabled: false },
    })),
  });
  await probot.load(createHotfixBot({ clock: () => NOW }));
  return probot;
}

let delivery = 0;
export async function deliver(probot: Probot, name: string, payload: Json): Promise<void> {
  delivery += 1;
  // biome-ignore lint/suspicious/noExplicitAny: example payloads are plain JSON; Probot types them per event name
  await probot.receive({ id: `delivery-${delivery}`, name, payload } as any);
}

export { FakeGitHub };
