import { createRequire } from "node:module";
import { Writable } from "node:stream";
import pino from "pino";
import { ConfigError } from "../src/config/config-error.js";
import type { Octokit } from "../src/context.js";
import { handleEvent } from "../src/engine.js";
import { createEngineContext, createEngineLocks } from "../src/engine-context.js";

type Json = Record<string, unknown>;
const require = createRequire(import.meta.url);
const definitions = require("@octokit/webhooks-examples") as { name: string; examples: Json[] }[];

/** Pino writing JSON lines into an array, as Probot's logger writes them to stdout. */
function memoryLogger() {
  const lines: Json[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Json);
      done();
    },
  });
  return { logger: pino({ level: "debug" }, stream), lines };
}

test("a step's log line carries the repository, the delivery, the step and the incident as fields, not in its message", async () => {
  const labeled = structuredClone(
    definitions.find((d) => d.name === "issues")?.examples.find((e) => e.action === "labeled"),
  ) as Json;
  const issue = labeled.issue as { number: number; state: string };
  issue.state = "open";
  const { logger, lines } = memoryLogger();
  const broken = new ConfigError(".github/hotfix.yml", [{ path: "severity", message: "expected an object" }]);
  const ctx = createEngineContext({
    // The configuration cannot be used, so intake logs and stops before any request.
    octokit: {} as Octokit,
    repo: { owner: "acme", repo: "webshop" },
    log: logger.child({ repo: "acme/webshop", delivery: "d-1" }),
    locks: createEngineLocks(),
    readConfig: async () => ({ ok: false, error: broken }),
    identity: async () => ({ appId: 1, stateSecret: null }),
  });
  await handleEvent({ name: "issues", id: "d-1", payload: labeled }, ctx);
  const skipped = lines.find((line) => String(line.msg).startsWith("intake skipped"));
  expect(skipped).toMatchObject({
    level: 50,
    repo: "acme/webshop",
    delivery: "d-1",
    step: "intake",
    incident: issue.number,
    msg: `intake skipped: ${broken.message}`,
  });
  expect(String(skipped?.msg)).not.toContain(`#${issue.number}`);
});
