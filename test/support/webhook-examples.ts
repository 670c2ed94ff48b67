import { createRequire } from "node:module";

// Real webhook payloads: GitHub's published examples (@octokit/webhooks-examples), copied and pointed at a test
// repository, so that routes are tested on the shapes GitHub sends rather than on hand-written objects.

type Json = Record<string, unknown>;

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
