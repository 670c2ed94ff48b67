import fc from "fast-check";
import { RecordingGitHub } from "../support/recording-github.js";
import { answersFor, examples, MASTER_IS_PRODUCTION, payloads, runEngine } from "./payload-fuzz.js";

// The hostile payloads again, in a process of its own: jest keeps unhandled rejections of the code under test
// from reaching a test's listener, so this runs under `--unhandled-rejections=strict`, where one is fatal, and
// also counts any it is told about. Prints one JSON line: { events, untyped, unhandled }.

const derived = Number(process.argv[2] ?? 1000);
let unhandled = 0;
process.on("unhandledRejection", (reason) => {
  unhandled++;
  process.stderr.write(`unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}\n`);
});

const github = new RecordingGitHub(MASTER_IS_PRODUCTION);
const inputs = [
  ...examples.map(({ name, payload }) => ({ name, payload: structuredClone(payload) })),
  ...fc.sample(payloads(true), { numRuns: derived, seed: 20260303 }),
];
let events = 0;
let untyped = 0;
for (const { name, payload } of inputs) {
  github.known = answersFor(payload);
  const run = await runEngine(github, name, payload);
  if (!run) continue;
  events++;
  if (run.error) {
    untyped++;
    process.stderr.write(`untyped error on ${name}: ${run.error}\n`);
  }
}
// Rejections are reported after the microtask queue drains; give late ones a moment to surface.
await new Promise((resolve) => setTimeout(resolve, 200));
process.stdout.write(`${JSON.stringify({ events, untyped, unhandled })}\n`);
process.exitCode = untyped + unhandled > 0 ? 1 : 0;
