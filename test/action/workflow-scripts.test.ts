import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = fileURLToPath(new URL("../..", import.meta.url));
const workflowDir = `${root}.github/workflows`;

interface ScriptFinding {
  where: string;
  script: string;
}

/**
 * Every `run:` script of a workflow (or of a composite action) that contains a `${{ }}` expression. Such an
 * expression is pasted into the script before the shell sees it, so a branch name or title becomes code.
 */
function expressionsInScripts(doc: unknown): ScriptFinding[] {
  const findings: ScriptFinding[] = [];
  const visitSteps = (steps: unknown, where: string) => {
    if (!Array.isArray(steps)) return;
    steps.forEach((step, i) => {
      const run = (step as { run?: unknown } | null)?.run;
      if (typeof run === "string" && run.includes("${{"))
        findings.push({ where: `${where}.steps[${i}]`, script: run });
    });
  };
  const d = doc as { jobs?: Record<string, { steps?: unknown }>; runs?: { steps?: unknown } } | null;
  for (const [name, job] of Object.entries(d?.jobs ?? {})) visitSteps(job?.steps, `jobs.${name}`);
  visitSteps(d?.runs?.steps, "runs");
  return findings;
}

const workflowFiles = readdirSync(workflowDir).filter((f) => /\.ya?ml$/.test(f));
const load = (file: string) =>
  parse(readFileSync(`${workflowDir}/${file}`, "utf8")) as Record<string, unknown>;

describe("workflow scripts", () => {
  it("finds an expression inside a run script, in jobs and in composite actions", () => {
    const bad = parse(`
jobs:
  a:
    steps:
      - run: echo ok
      - run: echo "\${{ github.event.pull_request.title }}"
runs:
  steps:
    - run: |
        git checkout \${{ inputs.ref }}
`);
    expect(expressionsInScripts(bad).map((f) => f.where)).toEqual(["jobs.a.steps[1]", "runs.steps[0]"]);
    const good = parse(`
jobs:
  a:
    steps:
      - run: echo "$TITLE"
        env:
          TITLE: \${{ github.event.pull_request.title }}
      - uses: x/y@v1
        with:
          token: \${{ github.token }}
`);
    expect(expressionsInScripts(good)).toEqual([]);
  });

  it("covers the reusable workflow and CI", () => {
    expect(workflowFiles).toEqual(expect.arrayContaining(["hotfix.yml", "ci.yml"]));
  });

  it.each(workflowFiles)("%s never interpolates an expression into a run script", (file) => {
    expect(expressionsInScripts(load(file))).toEqual([]);
  });

  it("action.yml has no run script with an expression either", () => {
    expect(expressionsInScripts(parse(readFileSync(`${root}action.yml`, "utf8")))).toEqual([]);
  });

  it("the reusable workflow is callable and passes its inputs to the step with `with:`", () => {
    const doc = load("hotfix.yml") as {
      on: Record<string, unknown>;
      jobs: { hotfix: { steps: { id?: string; uses?: string; with?: Record<string, string> }[] } };
    };
    expect(Object.keys(doc.on)).toEqual(["workflow_call"]);
    const step = doc.jobs.hotfix.steps.find((s) => s.id === "hotfix");
    expect(step?.uses).toMatch(/^hotfix-bot\/hotfix-bot@/);
    expect(step?.with?.["config-path"]).toBe(`$\{{ inputs.config-path }}`);
  });

  it("CI installs from the lock file and runs npm test on pushes and pull requests", () => {
    const doc = load("ci.yml") as {
      on: Record<string, unknown>;
      jobs: Record<string, { steps: { run?: string }[] }>;
    };
    expect(Object.keys(doc.on).sort()).toEqual(["pull_request", "push"]);
    const runs = Object.values(doc.jobs).flatMap((job) => job.steps.map((s) => s.run));
    expect(runs).toEqual(expect.arrayContaining(["npm ci", "npm test"]));
    expect(runs.indexOf("npm ci")).toBeLessThan(runs.indexOf("npm test"));
  });
});
