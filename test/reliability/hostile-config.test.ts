import { createRequire } from "node:module";
import { OpenApiValidator } from "@hotfix-bot/sandbox/conformance";
import { loadConfig } from "../../src/config/load-config.js";
import type { ConfigResult } from "../../src/config/parse-config.js";
import type { EngineContext } from "../../src/context.js";
import { handleEvent } from "../../src/engine.js";
import { createEngineLocks } from "../../src/engine-context.js";
import { RecordingGitHub } from "../support/recording-github.js";

// A broken or hostile `.github/hotfix.yml` must not break the App, and must say what is wrong where people look:
// on the hotfix PR, a failed `hotfix-gate` run titled with the file, its summary naming the field. Every case runs
// through the engine with a GitHub that holds only that file.

type Json = Record<string, unknown>;
const require = createRequire(import.meta.url);
const definitions = require("@octokit/webhooks-examples") as { name: string; examples: Json[] }[];

/** A hotfix PR into main opened on acme/webshop, from GitHub's own example payload. */
function hotfixPrOpened(): Json {
  const payload = structuredClone(
    definitions.find((d) => d.name === "pull_request")?.examples.find((e) => e.action === "opened") ?? {},
  );
  const repository = payload.repository as Json;
  repository.name = "webshop";
  repository.full_name = "acme/webshop";
  repository.default_branch = "main";
  (repository.owner as Json).login = "acme";
  const pr = payload.pull_request as Json;
  (pr.base as Json).ref = "main";
  (pr.head as Json).ref = "hotfix/incident-7";
  pr.title = "[SPF-1] Fix";
  return payload;
}

const bomb = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
  "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
  "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
  "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
  "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
  "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]",
  "",
].join("\n");

/** Each case: the file, and what the gate's summary must say about it. */
const CASES: { name: string; text: string; says: RegExp }[] = [
  { name: "a YAML syntax error", text: "productionBranch: [main\n", says: /YAML|parsed/i },
  { name: "a billion-laughs alias bomb", text: bomb, says: /YAML|alias|parsed/i },
  { name: "a list instead of a mapping", text: "- main\n- develop\n", says: /expected a mapping/ },
  {
    name: "a string instead of a mapping",
    text: "just text\n",
    says: /YAML|mapping|object|expected|parsed/i,
  },
  { name: "a mistyped key", text: "productionBrnach: main\n", says: /productionBrnach/ },
  { name: "wrong types", text: "productionBranch: 42\n", says: /productionBranch/ },
  {
    name: "a shell command as a branch",
    text: "productionBranch: 'main; rm -rf /'\n",
    says: /productionBranch/,
  },
  { name: "a git option as a branch", text: "developBranch: '-X ours'\n", says: /developBranch/ },
  { name: "a path escape as a branch", text: "developBranch: '../../etc/passwd'\n", says: /developBranch/ },
  {
    name: "an unknown template placeholder",
    text: "followUps:\n  postMortem:\n    title: 'Post-mortem {exec} $(id)'\n    body: x\n",
    says: /followUps\\?\.postMortem\\?\.title.*unknown placeholder/s,
  },
  {
    name: "a prototype key",
    text: "__proto__:\n  polluted: true\nproductionBranch: main\n",
    says: /__proto__|unknown key/,
  },
  { name: "a huge value", text: `productionBranch: ${"a".repeat(1_000_000)}\n`, says: /productionBranch/ },
  {
    name: "a huge production line pattern",
    text: `productionBranches: [main, "${"*a".repeat(500_000)}"]\n`,
    says: /productionBranches/,
  },
  {
    name: "a huge backport target glob",
    text: `backport:\n  targets: ["${"{a,".repeat(300_000)}"]\n`,
    says: /backport\\?\.targets/,
  },
  {
    name: "deep nesting",
    text: `approvals: ${"[".repeat(5_000)}${"]".repeat(5_000)}\n`,
    says: /approvals|YAML|parsed/i,
  },
];

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let validator: OpenApiValidator | undefined;

async function gateOn(text: string): Promise<{ writes: RecordingGitHub["writes"]; error: unknown }> {
  const github = new RecordingGitHub(text, (method, path) =>
    method === "POST" && path.endsWith("/check-runs") ? { id: 1, html_url: null } : undefined,
  );
  const octokit = github.octokit();
  const repo = { owner: "acme", repo: "webshop" };
  let config: Promise<ConfigResult> | null = null;
  const ctx: EngineContext = {
    octokit,
    repo,
    config: () => {
      config ??= loadConfig(octokit, repo);
      return config;
    },
    log: quiet,
    clock: () => new Date("2026-03-01T12:00:00Z"),
    identity: async () => ({ appId: 1, stateSecret: null }),
    locks: createEngineLocks(),
  };
  let error: unknown = null;
  await handleEvent({ name: "pull_request", id: "config", payload: hotfixPrOpened() }, ctx).catch(
    (e: unknown) => {
      error = e;
    },
  );
  return { writes: github.writes, error };
}

test.each(CASES)(
  "$name: one failed hotfix-gate run that names the file and what is wrong",
  async ({ text, says }) => {
    const { writes, error } = await gateOn(text);
    expect(error).toBeNull();
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual(["POST /repos/acme/webshop/check-runs"]);
    const body = writes[0]?.body as { name: string; status: string; conclusion: string; output: Json };
    expect(body).toMatchObject({ name: "hotfix-gate", status: "completed", conclusion: "failure" });
    expect(body.output.title).toBe("Invalid configuration: .github/hotfix.yml");
    expect(String(body.output.summary)).toMatch(says);
    // GitHub's limit on a check run's summary: a huge value is not echoed whole.
    expect(String(body.output.summary).length).toBeLessThanOrEqual(65_535);
    expect(({} as Json).polluted).toBeUndefined();
    // And it is a request GitHub accepts, however hostile the text it reports.
    validator ??= await OpenApiValidator.load();
    expect(validator.validateRequest("POST", "/repos/{owner}/{repo}/check-runs", body)).toEqual([]);
  },
);

test("the same repository with a good file passes through to the real evaluation", async () => {
  const { writes } = await gateOn("productionBranch: main\n");
  // With a good file the gate reads the PR itself (404 here), so it writes nothing: no configuration error.
  expect(writes).toEqual([]);
});
