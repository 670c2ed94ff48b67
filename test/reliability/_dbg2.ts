import { parseTimeline } from "../../src/incident/timeline-markdown.js";
import { startSandbox } from "../../src/sandbox/start-sandbox.js";
import { startHotfixApp } from "./app-context.js";
import { playHotfix, REPO, scenarioOutcome, seedWebshop } from "./hotfix-scenario.js";

const seed = Number(process.argv[2] ?? 3);
const sandbox = await startSandbox();
await seedWebshop(sandbox);
const app = await startHotfixApp(sandbox);
app.app.probot.log.level = "info";
sandbox.setFaults({
  seed,
  rate: 0.2,
  phase: "mixed",
  kinds: ["500", "502", "timeout", "secondary-rate-limit"],
  timeoutMs: 50,
  retryAfterSeconds: 1,
});
const facts = await playHotfix(sandbox, () => sandbox.settle({ timeoutMs: 120_000 }));
console.log(await scenarioOutcome(sandbox, facts));
const r = sandbox.internalRepo(REPO);
for (const c of r.comments.values())
  if (c.body.startsWith("<!-- hotfix-bot:timeline"))
    console.log(JSON.stringify(parseTimeline(c.body)?.pipelines, null, 1));
for (const c of r.comments.values())
  console.log("comment", c.issueNumber, c.user.login, c.body.slice(0, 120).replace(/\n/g, " | "));
console.log(sandbox.faults.injected.map((f) => `${f.method} ${f.path} ${f.kind} ${f.phase}`).join("\n"));
console.log(app.errors);
await app.close();
await sandbox.close();
