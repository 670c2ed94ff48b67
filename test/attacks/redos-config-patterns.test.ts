import type { Sandbox } from "@hotfix-bot/sandbox";
import fc from "fast-check";
import { expandTargets } from "../../src/cherry-pick/backport-branch.js";
import { parseConfigText } from "../../src/config/parse-config.js";
import { configSchema } from "../../src/config/schema.js";
import { followUpKindsFor } from "../../src/follow-ups/plan-follow-ups.js";
import { matchingBranchPattern } from "../../src/patterns/branch-pattern.js";
import { matchesCheckName } from "../../src/patterns/check-name-glob.js";
import { isProductionLine, newerLines } from "../../src/patterns/production-lines.js";
import { checkTitle, jiraKeyOf } from "../../src/rules/title.js";
import { appOnSandboxEachTest, configuredWebshop } from "../support/app-on-sandbox.js";

// Attack: whoever controls `.github/hotfix.yml` writes patterns that make a backtracking regex explode. One
// repository's config would then block the event loop of the process that serves every installation. Every
// matcher of a configured pattern must run in linear time, and the schema refuses what has no sensible meaning
// (a title with two `{summary}`s).

/** The bound: no single match may take longer than this on any adversarial input. */
const BOUND_MS = 50;

/**
 * The CPU time of one call, in ms: the best of three runs of the process's own CPU time, so that being descheduled
 * on a busy machine or one garbage collection is not mistaken for a slow matcher (an exponential one is slow on
 * every run).
 */
function timed(run: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
    if (best < BOUND_MS / 10) break;
  }
  return best;
}

describe("end to end: a hostile title format on the sandbox", () => {
  const format = `${"{summary}".repeat(20)}!`;
  const stage = appOnSandboxEachTest({
    repository: configuredWebshop(`title:\n  format: "${format}"\n`, {
      files: { "src/auth.js": "export const ok = true;\n" },
      branches: {},
    }),
  });
  let sandbox: Sandbox;
  beforeEach(() => {
    sandbox = stage.sandbox;
  });

  test("20 {summary} placeholders: the gate reports title.format as invalid instead of stalling on a 31-character title", async () => {
    const alice = sandbox.as("alice", "acme/webshop");
    const head = await alice.push(
      "hotfix/incident-1",
      { "src/auth.js": "export const ok = Boolean(1);\n" },
      { from: "main", message: "Fix" },
    );
    await alice.openPullRequest({ head: "hotfix/incident-1", base: "main", title: "a".repeat(31) });
    await sandbox.settle();
    const gates = [...sandbox.internalRepo("acme/webshop").checkRuns.values()].filter(
      (run) => run.name === "hotfix-gate" && run.headSha === head,
    );
    expect(gates.map((run) => `${run.status}/${run.conclusion}`)).toEqual(["completed/failure"]);
    expect(gates[0]?.output.title).toBe("Invalid configuration: .github/hotfix.yml");
    expect(gates[0]?.output.summary).toMatch(/title\\?\.format: at most one \\?\{summary\\?\}/);
  }, 120_000);
});

describe("the schema refuses patterns without a linear meaning, naming the field", () => {
  test.each([
    ["two {summary}", 'title:\n  format: "{summary} {summary}"\n', /title\.format: at most one \{summary\}/],
    ["two {key}", 'title:\n  format: "[{key}] {key} {summary}"\n', /title\.format: at most one \{key\}/],
    ["a long glob", `followUps:\n  testGlobs: ["${"a".repeat(300)}"]\n`, /followUps\.testGlobs\.0: .*200/],
    [
      "too many globs",
      `followUps:\n  testGlobs: [${Array.from({ length: 60 }, (_, i) => `"g${i}/**"`).join(", ")}]\n`,
      /followUps\.testGlobs: .*50/,
    ],
    ["an extglob", 'backport:\n  targets: ["release/@(a|b)"]\n', /backport\.targets\.0: extglobs/],
    [
      "too many check names",
      `checks:\n  criticalTests: [${Array.from({ length: 60 }, (_, i) => `"c${i}"`).join(", ")}]\n`,
      /checks\.criticalTests: .*50/,
    ],
  ])("%s", (_name, text, says) => {
    const result = parseConfigText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(says);
  });
});

const defaults = configSchema.parse({});
const titleConfig = (format: string) => ({ ...defaults, title: { format, projects: [] } });

/** Patterns built from the pieces that make backtracking explode: repeated wildcards between literals. */
const repeated = (piece: string, min = 2, max = 20) =>
  fc
    .tuple(fc.integer({ min, max }), fc.constantFrom("", "b", "!", "/b"))
    .map(([n, end]) => piece.repeat(n) + end);
const victim = fc
  .tuple(
    fc.constantFrom("a", "a/", "aa-", "1", "a "),
    fc.integer({ min: 10, max: 120 }),
    fc.constantFrom("", "!", "c"),
  )
  .map(([unit, n, end]) => unit.repeat(n).slice(0, 200) + end);

describe("every configured matcher runs within 50 ms on adversarial inputs", () => {
  const run = <A, B>(arbitrary: fc.Arbitrary<[A, B]>, check: (a: A, b: B) => void, examples: [A, B][]) =>
    fc.assert(
      fc.property(arbitrary, ([a, b]) => check(a, b)),
      {
        numRuns: 60,
        examples: examples.map((example) => [example] as [[A, B]]),
        // A slow case is the finding itself: report it as is rather than shrink through more slow cases.
        endOnFailure: true,
      },
    );

  test("title formats (checkTitle, jiraKeyOf): the issue's 20×{summary} and every format the schema accepts", () => {
    const placeholder = fc.constantFrom("{summary}", "{key}", " ", "-", "[", "]", ":", "a");
    run(
      fc.tuple(fc.array(placeholder, { maxLength: 30 }), victim),
      (parts, title) => {
        const format = `${parts.join("")}!`;
        const ms = timed(() => {
          checkTitle(title, titleConfig(format));
          jiraKeyOf(title, titleConfig(format));
        });
        expect(ms).toBeLessThan(BOUND_MS);
      },
      [
        [Array(7).fill("{summary}"), "a".repeat(40)],
        [Array(20).fill("{summary}"), "a".repeat(31)],
        [Array(8).fill("{summary}"), "a".repeat(50)],
        [["{summary}", " ", "{summary}", " ", "{summary}", " ", "{summary}"], "a ".repeat(100)],
      ],
    );
  });

  test("followUps.testGlobs: '*a'×12+'b' against a 40-character name, long **/ chains", () => {
    run(
      fc.tuple(
        fc.oneof(repeated("*a"), repeated("**/"), repeated("a*"), repeated("*?"), repeated("{a,*}")),
        victim,
      ),
      (glob, file) => {
        const ms = timed(() =>
          followUpKindsFor({
            pr: { labels: [] },
            changedFiles: [file],
            testGlobs: [glob],
            severity: "P1",
            approved: true,
          }),
        );
        expect(ms).toBeLessThan(BOUND_MS);
      },
      [
        [`${"*a".repeat(8)}b`, "a".repeat(30)],
        [`${"*a".repeat(12)}b`, "a".repeat(40)],
        [`${"**/".repeat(20)}b`, `${"a/".repeat(100)}c`],
      ],
    );
  });

  test("backport.targets globs against branch names", () => {
    run(
      fc.tuple(fc.oneof(repeated("*a"), repeated("*-"), repeated("**/"), repeated("?*")), victim),
      (glob, branch) => {
        const ms = timed(() => expandTargets([glob], [branch, `${branch}x`], "develop", "main"));
        expect(ms).toBeLessThan(BOUND_MS);
      },
      [
        [`${"*a".repeat(8)}b`, "a".repeat(30)],
        [`${"*a".repeat(12)}b`, "a".repeat(40)],
      ],
    );
  });

  test("productionBranches globs against a writer's branch name (gate, after-merge, forward-ports)", () => {
    run(
      fc.tuple(fc.oneof(repeated("*a"), repeated("*-"), repeated("?*"), repeated("{a,*}")), victim),
      (glob, branch) => {
        const lines = { ...defaults, productionBranches: ["main", glob] };
        const ms = timed(() => {
          isProductionLine(lines, branch);
          newerLines(lines, "release/1.x", [branch, `${branch}x`]);
        });
        expect(ms).toBeLessThan(BOUND_MS);
      },
      [
        [`${"*a".repeat(8)}b`, "a".repeat(30)],
        [`${"*a".repeat(12)}b`, "a".repeat(40)],
      ],
    );
  });

  test("branches.patterns: {slug}, {n} and * repeated", () => {
    const token = fc.constantFrom("{slug}", "{n}", "*", "{date}", "-", "a", "/");
    run(
      fc.tuple(fc.array(token, { maxLength: 12 }), victim),
      (parts, branch) => {
        const ms = timed(() => matchingBranchPattern(branch.slice(0, 255), [parts.join("")]));
        expect(ms).toBeLessThan(BOUND_MS);
      },
      [
        [["{slug}", "{slug}", "{slug}"], `${"a".repeat(250)}!`],
        [["*", "a", "*", "a", "*", "a"], `${"a".repeat(254)}!`],
      ],
    );
  });

  test("check-name globs", () => {
    run(
      fc.tuple(repeated("*a", 2, 100), victim),
      (glob, name) => {
        const ms = timed(() => matchesCheckName(glob, name));
        expect(ms).toBeLessThan(BOUND_MS);
      },
      [[`${"*a".repeat(100)}b`, "a".repeat(200)]],
    );
  });
});
