import { execFileSync, spawn } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";

/**
 * `npm run bench`: every benchmark in turn, each in its own process (its memory, its throttling state), printed
 * as one markdown report on stdout; progress goes to stderr. `-- --all` adds the older benches (after-merge
 * writes by route, the Action's cold start; the latter needs a built dist/). Each section is bounded in time.
 */

interface Section {
  title: string;
  script: string;
  args?: string[];
  /** The command that reproduces the section alone. */
  command: string;
  timeoutMinutes: number;
  /** Plain-text output, shown in a code block. */
  preformatted?: boolean;
}

const all = process.argv.includes("--all");
const sections: Section[] = [
  {
    title: "Backport vs. clone",
    script: "backport-vs-clone.ts",
    command: "npm run bench:backport",
    timeoutMinutes: 20,
  },
  {
    title: "Writes vs. the sibling-commit technique",
    script: "writes-vs-sibling.ts",
    args: ["--paced"],
    command: "npm run bench:sibling -- --paced",
    timeoutMinutes: 10,
  },
  { title: "Check storm", script: "check-storm.ts", command: "npm run bench:storm", timeoutMinutes: 10 },
  {
    title: "Webhook throughput",
    script: "webhook-throughput.ts",
    command: "npm run bench:throughput",
    timeoutMinutes: 10,
  },
  { title: "Sweep", script: "sweep.ts", command: "npm run bench:sweep", timeoutMinutes: 20 },
  {
    title: "Webhook throughput with the queue on",
    script: "webhook-throughput.ts",
    args: ["--queue"],
    command: "npm run bench:throughput -- --queue",
    timeoutMinutes: 10,
  },
  ...(all
    ? [
        {
          title: "After-merge writes by route",
          script: "after-merge-writes.ts",
          command: "npm run bench:writes",
          timeoutMinutes: 10,
        },
        {
          title: "Action cold start",
          script: "action-cold-start.ts",
          command: "npm run bench:action",
          timeoutMinutes: 10,
          preformatted: true,
        },
      ]
    : []),
];

function run(
  section: Section,
): Promise<{ code: number | null; stdout: string; stderr: string; seconds: number }> {
  const script = fileURLToPath(new URL(`./${section.script}`, import.meta.url));
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...(section.args ?? [])], {
      env: process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const timer = setTimeout(() => {
      stderr += `\nstopped after ${section.timeoutMinutes} minutes`;
      child.kill("SIGTERM");
    }, section.timeoutMinutes * 60_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}

const gitVersion = execFileSync("git", ["--version"], { encoding: "utf8" }).trim();
const cpu = cpus();
const out: string[] = [
  "# hotfix-bot benchmarks",
  "",
  `${new Date().toISOString()} · node ${process.version} · ${gitVersion} · ${cpu.length} × ${cpu[0]?.model ?? "cpu"} · ` +
    `${(totalmem() / 1024 ** 3).toFixed(0)} GB · load average at start ${loadavg()
      .map((value) => value.toFixed(2))
      .join(" ")}`,
  "",
  "Figures are ratios measured within one run (the machine is shared and noisy) and exact counts of API " +
    "requests and writes. Each section names the command that reproduces it alone.",
];
let failures = 0;
const started = performance.now();
for (const section of sections) {
  process.stderr.write(`bench: ${section.title} (${section.command}) …\n`);
  const result = await run(section);
  process.stderr.write(`bench: ${section.title} took ${result.seconds.toFixed(0)} s\n`);
  out.push("", `## ${section.title}`, "", `\`${section.command}\` — ${result.seconds.toFixed(0)} s`, "");
  const body = result.stdout.trim();
  out.push(section.preformatted ? `\`\`\`\n${body}\n\`\`\`` : body);
  if (result.code !== 0) {
    failures++;
    const tail = result.stderr.trim().split("\n").slice(-15).join("\n");
    out.push("", `**This section failed (exit ${result.code}).**`, "", "```", tail, "```");
  }
}
out.push("", `Whole run: ${((performance.now() - started) / 60_000).toFixed(1)} min.`);
console.log(out.join("\n"));
if (failures > 0) process.exitCode = 1;
