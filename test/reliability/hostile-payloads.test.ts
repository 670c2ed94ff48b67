import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createRouteTable } from "@hotfix-bot/sandbox";
import { OpenApiValidator } from "@hotfix-bot/sandbox/conformance";
import fc from "fast-check";
import { RecordingGitHub } from "../support/recording-github.js";
import {
  answersFor,
  examples,
  MASTER_IS_PRODUCTION,
  NOTHING_IS_OURS,
  payloads,
  repoOf,
  runEngine,
  subscribed,
} from "./payload-fuzz.js";

const execFileAsync = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

// Whatever arrives at the webhook endpoint is data. Every example payload of every event the App subscribes to,
// and 10,000 more derived from them (fields missing, wrong types, huge and unicode strings, names built to
// smuggle a shell command or a git option), go through the engine with a GitHub that knows nothing. Decision:
// the engine may throw only a typed error (GitHub's HttpError, our own named errors); a JavaScript built-in error
// (TypeError, RangeError, ...) or a plain Error means a payload reached code that trusted its shape. No promise
// may be left rejected unhandled. With a configuration under which nothing is ours, no event may cause a write.

// --- the properties ------------------------------------------------------------------------------------------

const figures: string[] = [];

afterAll(() => {
  process.stdout.write(`hostile payloads:\n${figures.join("\n")}\n`);
});

const tally = new Map<string, number>();
const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);

test("every example payload of every subscribed event: typed errors only, no write when nothing is ours", async () => {
  expect(examples.length).toBeGreaterThan(90);
  for (const { name, payload } of examples) {
    const run = await runEngine(new RecordingGitHub(NOTHING_IS_OURS), name, structuredClone(payload));
    if (!run) continue;
    expect({ event: name, error: run.error }).toEqual({ event: name, error: null });
    expect({ event: name, writes: run.writes }).toEqual({ event: name, writes: [] });
    if (run.matched.length === 0) expect({ event: name, sent: run.sent }).toEqual({ event: name, sent: [] });
  }
  figures.push(
    `  ${examples.length} example payloads of ${subscribed.length} events: no untyped error, no write`,
  );
});

test("10,000 derived payloads with nothing ours: typed errors only, no write, no request unless a step matched", async () => {
  tally.clear();
  let checked = 0;
  const github = new RecordingGitHub(NOTHING_IS_OURS);
  await fc.assert(
    fc.asyncProperty(payloads(false), async ({ name, payload }) => {
      const run = await runEngine(github, name, payload);
      if (!run) throw new Error("a derived payload lost its repository");
      checked++;
      count(run.matched.length === 0 ? "no step matched" : `matched ${run.matched.join("+")}`);
      if (run.errorName) count(`threw ${run.errorName}`);
      expect(run.error).toBeNull();
      expect(run.writes).toEqual([]);
      if (run.matched.length === 0) expect(run.sent).toEqual([]);
    }),
    { numRuns: 10_000, seed: 20260301 },
  );
  expect(checked).toBeGreaterThanOrEqual(10_000);
  figures.push(`  ${checked} derived payloads, nothing ours: ${JSON.stringify(Object.fromEntries(tally))}`);
}, 240_000);

test("2,000 derived payloads where master is production: typed errors only, every write a valid GitHub request", async () => {
  const validator = await OpenApiValidator.load();
  const table = createRouteTable();
  const github = new RecordingGitHub(MASTER_IS_PRODUCTION);
  tally.clear();
  let writes = 0;
  await fc.assert(
    fc.asyncProperty(payloads(true), async ({ name, payload }) => {
      github.known = answersFor(payload);
      const run = await runEngine(github, name, payload);
      if (!run) throw new Error("a derived payload lost its repository");
      count(run.matched.length === 0 ? "no step matched" : `matched ${run.matched.join("+")}`);
      if (run.errorName) count(`threw ${run.errorName}`);
      expect(run.error).toBeNull();
      const repo = repoOf(payload);
      for (const write of run.writes) {
        writes++;
        count(`${write.method} ${write.path.replace(/^\/repos\/[^/]+\/[^/]+/, "")}`);
        // Only the event's own repository is written to, at a route GitHub documents, with a valid body.
        // (A name like `..` must not let the URL resolve elsewhere: compared after decoding, segment by segment.)
        const [, reposSegment, owner, name] = write.path.split("/").map((part) => decodeURIComponent(part));
        expect({ write: write.path, at: [reposSegment, owner, name] }).toEqual({
          write: write.path,
          at: ["repos", repo?.owner, repo?.repo],
        });
        // Decoded segment by segment: an encoded `/` inside a name (`hotfix%2F…`) stays inside its segment.
        const decodedPath = write.path
          .split("/")
          .map((part) => decodeURIComponent(part).replaceAll("/", "%2F"))
          .join("/");
        const route = table.match(write.method, decodedPath);
        expect({ write: `${write.method} ${write.path}`, route: route?.template ?? null }).toEqual({
          write: `${write.method} ${write.path}`,
          route: expect.any(String),
        });
        if (!route) continue;
        expect(validator.hasOperation(write.method, route.template)).toBe(true);
        expect(validator.validateRequest(write.method, route.template, write.body) ?? []).toEqual([]);
      }
    }),
    { numRuns: 2_000, seed: 20260302 },
  );
  figures.push(
    `  2000 derived payloads, master is production: ${writes} writes, all valid; ${JSON.stringify(Object.fromEntries(tally))}`,
  );
}, 240_000);

test("in a process where an unhandled rejection is fatal, none happens", async () => {
  const { stdout } = await execFileAsync(
    process.execPath,
    ["--import", "tsx", "--unhandled-rejections=strict", "test/reliability/fuzz-process.ts", "500"],
    { cwd: ROOT, timeout: 180_000, maxBuffer: 16 * 1024 * 1024 },
  );
  const report = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as {
    events: number;
    untyped: number;
    unhandled: number;
  };
  figures.push(`  separate process, unhandled rejections fatal: ${JSON.stringify(report)}`);
  expect(report.events).toBeGreaterThan(500);
  expect(report).toMatchObject({ untyped: 0, unhandled: 0 });
}, 200_000);
