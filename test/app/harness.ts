import { generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
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

const require = createRequire(import.meta.url);
export const webhookDefinitions = require("@octokit/webhooks-examples") as {
  name: string;
  examples: Json[];
}[];

/** A deep copy of the first example payload of an event with that action (and an installation). */
export function example(name: string, action: string | null): Json {
  const definition = webhookDefinitions.find((d) => d.name === name);
  const found =
    definition?.examples.find((e) => (action === null || e.action === action) && e.installation) ??
    definition?.examples.find((e) => action === null || e.action === action);
  if (!found) throw new Error(`no example for ${name}.${action}`);
  return structuredClone(found);
}

/** Points an example payload at the test repository. */
export function inRepo(payload: Json, owner: string, repo: string, defaultBranch = "main"): Json {
  const repository = payload.repository as Json;
  repository.name = repo;
  repository.full_name = `${owner}/${repo}`;
  repository.default_branch = defaultBranch;
  (repository.owner as Json).login = owner;
  return payload;
}

let delivery = 0;
export async function deliver(probot: Probot, name: string, payload: Json): Promise<void> {
  delivery += 1;
  // biome-ignore lint/suspicious/noExplicitAny: example payloads are plain JSON; Probot types them per event name
  await probot.receive({ id: `delivery-${delivery}`, name, payload } as any);
}

export { FakeGitHub };
