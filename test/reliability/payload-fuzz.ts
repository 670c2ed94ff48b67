import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fc from "fast-check";
import { parse } from "yaml";
import { loadConfig } from "../../src/config/load-config.js";
import type { ConfigResult } from "../../src/config/parse-config.js";
import type { EngineContext } from "../../src/context.js";
import { handleEvent, routes } from "../../src/engine.js";
import { createEngineLocks } from "../../src/engine-context.js";
import type { BackgroundRunner, EngineEvent } from "../../src/route.js";
import type { RecordingGitHub } from "../support/recording-github.js";

/**
 * Hostile webhook payloads for the engine: every example payload of every event the App subscribes to, and
 * payloads derived from them by fast-check (fields missing, wrong types, huge and unicode strings, names built to
 * smuggle a shell command or a git option), run through `handleEvent` as the App adapter would.
 */

export type Json = Record<string, unknown>;
export type Path = (string | number)[];

const require = createRequire(import.meta.url);
export const definitions = require("@octokit/webhooks-examples") as { name: string; examples: Json[] }[];
export const subscribed = (
  parse(readFileSync(new URL("../../app.yml", import.meta.url), "utf8")) as { default_events: string[] }
).default_events;
export const examples = subscribed.flatMap((name) =>
  (definitions.find((d) => d.name === name)?.examples ?? []).map((payload) => ({ name, payload })),
);

/** A production branch no example and no generated string names: no PR, group or push is ours. */
export const NOTHING_IS_OURS = "productionBranch: production-line\ndevelopBranch: develop-line\n";
/** The examples' PRs target master: with master as production they are ours, and writes may follow. */
export const MASTER_IS_PRODUCTION = "productionBranch: master\n";

const BUILT_IN_ERRORS = new Set([
  "TypeError",
  "RangeError",
  "ReferenceError",
  "SyntaxError",
  "EvalError",
  "URIError",
  "ZodError",
]);

/** Why an error is not a clean typed one, or null when it is. */
export function untyped(error: unknown): string | null {
  if (error instanceof AggregateError || (error as Error | null)?.name === "AggregateError") {
    for (const inner of (error as AggregateError).errors) {
      const why = untyped(inner);
      if (why) return why;
    }
    return null;
  }
  if (typeof error !== "object" || error === null || !("name" in error) || !("message" in error))
    return `not an Error: ${String(error)}`;
  const { name, message } = error as Error;
  if (BUILT_IN_ERRORS.has(name)) return `${name}: ${message}`;
  if (name === "Error" && (error as Error).constructor?.name === "Error") return `plain Error: ${message}`;
  return null;
}

/** owner/name as the App adapter reads them; the adapter never calls the engine without them. */
export function repoOf(payload: unknown): { owner: string; repo: string } | null {
  const repository = (payload as { repository?: { name?: unknown; owner?: { login?: unknown } } } | null)
    ?.repository;
  const owner = repository?.owner?.login;
  const name = repository?.name;
  return typeof owner === "string" && typeof name === "string" ? { owner, repo: name } : null;
}

export interface Run {
  sent: RecordingGitHub["sent"];
  writes: RecordingGitHub["writes"];
  matched: string[];
  error: string | null;
  errorName: string | null;
}

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** Runs one event through the engine as the App would, background steps included, and reports what happened. */
export async function runEngine(
  github: RecordingGitHub,
  name: string,
  payload: unknown,
): Promise<Run | null> {
  const repo = repoOf(payload);
  if (!repo) return null;
  github.clear();
  const octokit = github.octokit();
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
  const event: EngineEvent = { name, id: "fuzz", payload };
  const matched = routes.filter((route) => route.match(event) !== null).map((route) => route.step);
  const tasks: Promise<unknown>[] = [];
  const background: BackgroundRunner = { run: (_name, task) => tasks.push(task()) };
  const errors: unknown[] = [];
  await handleEvent(event, ctx, background).catch((error: unknown) => errors.push(error));
  for (const outcome of await Promise.allSettled(tasks))
    if (outcome.status === "rejected") errors.push(outcome.reason);
  const why = errors.map(untyped).find((w) => w !== null) ?? null;
  return {
    sent: [...github.sent],
    writes: github.writes,
    matched,
    error: why,
    errorName: errors.length > 0 ? ((errors[0] as Error).name ?? "?") : null,
  };
}

// --- payloads derived from the examples ------------------------------------------------------------------------

const HOSTILE = [
  "hotfix/$(id)",
  "hotfix/..",
  "hotfix/x;rm -rf /",
  "-X ours",
  "--upload-pack=touch /tmp/pwned",
  "refs/heads/../../../etc/passwd",
  "hotfix/`id`",
  "hotfix/incident-1\nrm -rf /",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, meant to stay literal text
  "${{ github.token }}",
  "<!-- hotfix-bot:timeline {} -->",
  "@everyone",
  "\u202egnp.exe",
  "\u0000",
  "../",
  "",
  " ",
  "💥".repeat(300),
  "x".repeat(70_000),
];

const interestingPaths: Path[] = [
  ["ref"],
  ["action"],
  ["pull_request", "head", "ref"],
  ["pull_request", "base", "ref"],
  ["pull_request", "title"],
  ["pull_request", "body"],
  ["pull_request", "merged"],
  ["pull_request", "merge_commit_sha"],
  ["pull_request", "number"],
  ["issue", "number"],
  ["issue", "pull_request"],
  ["label", "name"],
  ["comment", "body"],
  ["comment", "user", "type"],
  ["repository", "name"],
  ["repository", "owner", "login"],
  ["repository", "default_branch"],
  ["check_run", "name"],
  ["check_run", "head_sha"],
  ["check_run", "pull_requests"],
  ["merge_group", "head_ref"],
  ["merge_group", "base_ref"],
];

function allPaths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (prefix.length > 6 || typeof value !== "object" || value === null) return out;
  for (const key of Object.keys(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    out.push(path);
    allPaths((value as Json)[key], path, out);
  }
  return out;
}

const textCache = new Map<number, string>();
function textOf(example: number, payload: Json): string {
  let text = textCache.get(example);
  if (text === undefined) {
    text = JSON.stringify(payload);
    textCache.set(example, text);
  }
  return text;
}

const pathCache = new Map<number, Path[]>();
function pathsOf(example: number, payload: Json): Path[] {
  let paths = pathCache.get(example);
  if (!paths) {
    paths = allPaths(payload);
    pathCache.set(example, paths);
  }
  return paths;
}

function parentOf(root: Json, path: Path): Json | unknown[] | null {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== "object" || node === null) return null;
    node = (node as Json)[key as string];
  }
  return typeof node === "object" && node !== null ? (node as Json) : null;
}

const strings = (withCommands: boolean) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    {
      weight: withCommands ? 2 : 0,
      arbitrary: fc.constantFrom(
        "/hotfix",
        "/hotfix P0",
        "/backport develop",
        "/backport -X ours",
        "/backport hotfix/..",
        "P0-hotfix",
        "P1-hotfix",
        "hotfix/incident-7",
        "master",
      ),
    },
  );

const values = (withCommands: boolean) =>
  fc.oneof(
    strings(withCommands),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant([]),
    fc.constant({}),
    fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }),
  );

const mutation = (withCommands: boolean) =>
  fc.record({
    op: fc.constantFrom("delete", "set", "set-interesting", "set-interesting"),
    at: fc.nat(),
    value: values(withCommands),
  });

export function payloads(withCommands: boolean) {
  return fc
    .record({
      example: fc.nat({ max: examples.length - 1 }),
      mutations: fc.array(mutation(withCommands), { minLength: 1, maxLength: 4 }),
    })
    .map(({ example, mutations }) => {
      const base = examples[example] as { name: string; payload: Json };
      const payload = JSON.parse(textOf(example, base.payload)) as Json;
      for (const { op, at, value } of mutations) {
        // Paths of the original example (computed once each): one an earlier mutation removed is skipped.
        const candidates =
          op === "set-interesting"
            ? interestingPaths.filter((p) => parentOf(payload, p) !== null)
            : pathsOf(example, base.payload);
        const path = candidates[at % Math.max(1, candidates.length)];
        if (!path) continue;
        const parent = parentOf(payload, path);
        const key = path.at(-1) as string;
        if (!parent) continue;
        if (op === "delete") delete (parent as Json)[key];
        else
          (parent as Json)[key] =
            typeof value === "object" && value !== null ? structuredClone(value) : value;
      }
      // Without owner and name the adapter drops the event before the engine (checked once, below): keep them
      // usable so that every derived payload exercises the engine.
      if (!repoOf(payload)) payload.repository = structuredClone(base.payload.repository);
      return { name: base.name, payload };
    });
}

/**
 * Answers that let the engine get past its first reads when master is production: the PR the event names, as
 * GitHub would return it; people have write access; gate runs are created.
 */
export function answersFor(payload: unknown): (method: string, path: string) => unknown | undefined {
  return (method, path) => {
    const pr = (payload as Json | null)?.pull_request;
    if (method === "GET" && /\/pulls\/\d+$/.test(path)) return pr ?? undefined;
    if (method === "GET" && /\/collaborators\/[^/]+\/permission$/.test(path))
      return { permission: "write", role_name: "write", user: null };
    if (method === "POST" && /\/check-runs$/.test(path)) return { id: 1, html_url: null };
    return undefined;
  };
}
