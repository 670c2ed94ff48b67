import { expandTargets } from "../src/cherry-pick/backport-branch.js";
import { configSchema } from "../src/config/schema.js";
import { followUpKindsFor } from "../src/follow-ups/plan-follow-ups.js";
import { matchingBranchPattern } from "../src/patterns/branch-pattern.js";
import { matchesCheckName } from "../src/patterns/check-name-glob.js";
import { checkTitle, jiraKeyOf } from "../src/rules/title.js";
import { median } from "./figures.js";

/**
 * `npm run bench:patterns`: the worst time of every matcher that takes a pattern from `.github/hotfix.yml`, on
 * the adversarial inputs of the ReDoS report (patterns built to make a backtracking regex explode). The matchers
 * are called directly, past the schema, so the figures also hold for a pattern the schema would now refuse.
 */

interface Case {
  matcher: string;
  input: string;
  run: () => unknown;
}

const defaults = configSchema.parse({});
const titleConfig = (format: string) => ({ ...defaults, title: { format, projects: [] } });
const starA = (times: number) => `${"*a".repeat(times)}b`;

const CASES: Case[] = [
  {
    matcher: "title (checkTitle)",
    input: '20×"{summary}" + "!" vs 31 "a"',
    run: () => checkTitle("a".repeat(31), titleConfig(`${"{summary}".repeat(20)}!`)),
  },
  {
    matcher: "title (checkTitle)",
    input: '8×"{summary}" vs 50 "a"',
    run: () => checkTitle("a".repeat(50), titleConfig(`${"{summary}".repeat(8)}!`)),
  },
  {
    matcher: "title (jiraKeyOf)",
    input: '"[{key}] {summary}" vs "[A-1] " + 5000×"a b" + "!"',
    run: () => jiraKeyOf(`[A-1] ${"a b".repeat(5000)}`, titleConfig("[{key}] {summary} !")),
  },
  {
    matcher: "followUps.testGlobs",
    input: '"*a"×12 + "b" vs 40 "a"',
    run: () =>
      followUpKindsFor({
        pr: { labels: [] },
        changedFiles: ["a".repeat(40)],
        testGlobs: [starA(12)],
        severity: "P1",
        approved: true,
      }),
  },
  {
    matcher: "followUps.testGlobs",
    input: '"**/"×20 + "b" vs "a/"×100 + "c"',
    run: () =>
      followUpKindsFor({
        pr: { labels: [] },
        changedFiles: [`${"a/".repeat(100)}c`],
        testGlobs: [`${"**/".repeat(20)}b`],
        severity: "P1",
        approved: true,
      }),
  },
  {
    matcher: "backport.targets",
    input: '"*a"×12 + "b" vs a 40-character branch',
    run: () => expandTargets([starA(12)], ["a".repeat(40)], "develop", "main"),
  },
  {
    matcher: "branches.patterns",
    input: '"{slug}{slug}{slug}" vs 250 "a" + "!"',
    run: () => matchingBranchPattern(`${"a".repeat(250)}!`, ["{slug}{slug}{slug}"]),
  },
  {
    matcher: "branches.patterns",
    input: '"*a*a*a" vs 254 "a" + "!"',
    run: () => matchingBranchPattern(`${"a".repeat(254)}!`, ["*a*a*a"]),
  },
  {
    matcher: "checks (check-name glob)",
    input: '"*a"×100 + "b" vs 200 "a"',
    run: () => matchesCheckName(starA(100), "a".repeat(200)),
  },
];

/** CPU time of one call in ms: on a shared machine, wall time also counts other processes. */
function cpuMs(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const show = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(2)} ms`);
const only = process.env.BENCH_MATCHER;
const rows: string[] = ["| matcher | adversarial input | first call | median of 5 |", "|---|---|---|---|"];
for (const c of CASES) {
  if (only && !c.matcher.includes(only)) continue;
  const times = [cpuMs(c.run)];
  // A first call that already takes seconds says enough.
  while (times.length < 5 && (times[0] ?? 0) < 1000) times.push(cpuMs(c.run));
  const row = `| ${c.matcher} | ${c.input} | ${show(times[0] ?? 0)} | ${times.length === 5 ? show(median(times)) : "-"} |`;
  rows.push(row);
  console.log(row);
}
console.log(`\n${rows.join("\n")}`);
