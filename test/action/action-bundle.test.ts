import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { type ActionRun, runAction } from "./run-action.js";

const REPO = "acme/webshop";
const GOOD_CONFIG = "checks:\n  criticalTests: [critical-tests]\n";
const BROKEN_CONFIG = "diffBudget:\n  maxFiles: many\n  maxLinez: 3\n";

interface Scenario {
  sandbox: Sandbox;
  token: string;
  pr: number;
  headSha: string;
  payload: Record<string, unknown>;
}

/** A sandbox repository with the given configuration and an opened hotfix PR; returns its real webhook payload. */
async function hotfixPullRequest(config: string, title: string): Promise<Scenario> {
  const sandbox = await startSandbox();
  await sandbox.createRepository({
    name: "webshop",
    history: [
      {
        message: "Initial commit",
        files: { "README.md": "# webshop\n", "src/auth.ts": "export const ok = 1;\n" },
      },
      { message: "Configure hotfix-bot", files: { ".github/hotfix.yml": config } },
    ],
    collaborators: { alice: "write" },
  });
  const alice = sandbox.as("alice", REPO);
  await alice.push("hotfix/incident-1", { "src/auth.ts": "export const ok = 2;\n" }, { message: "Fix auth" });
  const { number, headSha } = await alice.openPullRequest({ head: "hotfix/incident-1", base: "main", title });
  const delivery = sandbox.webhooks.find("pull_request", "opened").at(-1);
  if (!delivery) throw new Error("the sandbox announced no pull_request.opened");
  sandbox.requests.reset();
  return { sandbox, token: sandbox.appToken(), pr: number, headSha, payload: delivery.payload };
}

function gateRuns(scenario: Scenario) {
  return [...scenario.sandbox.internalRepo(REPO).checkRuns.values()].filter(
    (run) => run.name === "hotfix-gate" && run.headSha === scenario.headSha,
  );
}

const run = (
  scenario: Scenario,
  inputs: Record<string, string> = {},
  event = "pull_request",
  payload?: unknown,
) =>
  runAction({
    event,
    payload: payload ?? scenario.payload,
    apiUrl: scenario.sandbox.url,
    repository: REPO,
    inputs: {
      "github-token": scenario.token,
      // The sandbox's token is hotfix-bot's App's installation token; the step must be told so.
      app: "hotfix-bot",
      "config-path": ".github/hotfix.yml",
      "dry-run": "false",
      ...inputs,
    },
  });

function expectMasked(result: ActionRun, token: string) {
  expect(result.stdout).toContain(`::add-mask::${token}\n`);
  const unmasked = result.stdout.replaceAll(`::add-mask::${token}`, "");
  expect(unmasked).not.toContain(token);
  expect(result.summary).not.toContain(token);
}

describe("the bundled Action (dist/index.js) on the sandbox", () => {
  const open: Sandbox[] = [];
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
  });
  const scenario = async (config: string, title: string) => {
    const s = await hotfixPullRequest(config, title);
    open.push(s.sandbox);
    return s;
  };

  it("fails the step on a hotfix PR whose title breaks the rule, with the gate's table in the summary", async () => {
    const s = await scenario(GOOD_CONFIG, "fix login");
    const result = await run(s);

    expect(result.code).toBe(1);
    expect(result.outputs).toEqual({
      gate: "failure",
      tag: "",
      "release-url": "",
      backports: "[]",
      "follow-ups": "[]",
    });
    expect(result.stdout).toMatch(/^::error::hotfix-gate failed: Failed: title/m);
    expect(result.summary).toContain("hotfix-gate");
    expect(result.summary).toMatch(/\| ❌ \| Title \| .*does not match/);
    expect(result.summary).toContain("| ⏳ | Critical tests |");
    expectMasked(result, s.token);

    const runs = gateRuns(s);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(s.sandbox.requests.forApp().writes).toBe(1);
  });

  it("leaves a valid hotfix PR pending on its required checks and passes the step", async () => {
    const s = await scenario(GOOD_CONFIG, "[SPF-1290] Fix critical auth failure");
    const result = await run(s);
    expect(result.code).toBe(0);
    expect(result.outputs.gate).toBe("pending");
    expect(result.summary).toContain("| ✅ | Title |");
    expect(gateRuns(s)[0]).toMatchObject({ status: "in_progress" });
  });

  it("fails the step and the gate when the configuration is broken, naming the file and fields", async () => {
    const s = await scenario(BROKEN_CONFIG, "[SPF-1290] Fix critical auth failure");
    const result = await run(s);
    expect(result.code).toBe(1);
    expect(result.outputs.gate).toBe("failure");
    expect(result.stdout).toMatch(/^::error::\.github\/hotfix\.yml is invalid: .*diffBudget\.maxFiles/m);
    expect(result.summary).toContain("### Configuration error");
    expect(result.summary).toContain("diffBudget.maxLinez");
    expect(gateRuns(s)[0]).toMatchObject({ status: "completed", conclusion: "failure" });
  });

  it("in a dry run reads, writes nothing, and shows the check run it would have written", async () => {
    const s = await scenario(GOOD_CONFIG, "fix login");
    const result = await run(s, { "dry-run": "true" });
    expect(s.sandbox.requests.forApp().writes).toBe(0);
    expect(s.sandbox.requests.forApp().requests).toBeGreaterThan(0);
    expect(gateRuns(s)).toEqual([]);
    expect(result.outputs.gate).toBe("failure");
    expect(result.code).toBe(1);
    expect(result.summary).toContain("Dry run");
    expect(result.summary).toContain(`- \`POST /repos/${REPO}/check-runs\``);
    expect(result.summary).toMatch(/\| ❌ \| Title \|/);

    // What the dry run showed is the very check run a real run then writes: its summary and its text.
    await run(s);
    const written = gateRuns(s)[0]?.output;
    expect(written?.summary && written.text).toBeTruthy();
    expect(result.summary).toContain(`### hotfix-gate: failure\n\n${written?.summary}\n\n${written?.text}\n`);
  });

  it("in a dry run that succeeds, says with a notice (not an error) which writes it did not send", async () => {
    const s = await scenario(GOOD_CONFIG, "[SPF-1290] Fix critical auth failure");
    const result = await run(s, { "dry-run": "true" });
    expect(result.code).toBe(0);
    expect(result.outputs.gate).toBe("pending");
    expect(result.stdout).not.toContain("::error::");
    expect(result.stdout).toContain(`::notice::Dry run: 1 write not sent (POST /repos/${REPO}/check-runs)`);
    expect(s.sandbox.requests.forApp().writes).toBe(0);
  });

  it("warns in the summary when it runs with the workflow token, and not with another token", async () => {
    const s = await scenario(GOOD_CONFIG, "[SPF-1290] Fix critical auth failure");
    const workflow = await run(s, { "workflow-token": s.token });
    expect(workflow.summary).toContain("actions/create-github-app-token");
    // Both inputs hold the same token: it is masked once.
    expect(workflow.stdout.split(`::add-mask::${s.token}`)).toHaveLength(2);
    const other = await run(s, { "workflow-token": "ghs_theworkflowtoken" });
    expect(other.summary).not.toContain("actions/create-github-app-token");
    expectMasked(other, "ghs_theworkflowtoken");
  });

  it("does nothing, and calls no API, for an event that is not ours", async () => {
    const s = await scenario(GOOD_CONFIG, "[SPF-1290] Fix critical auth failure");
    const payload = { ...s.payload, action: "assigned" };
    const result = await run(s, {}, "pull_request", payload);
    expect(result.code).toBe(0);
    expect(result.summary).toContain("Nothing to do");
    expect(result.outputs.gate).toBe("");
    expect(s.sandbox.requests.forApp().requests).toBe(0);
  });

  it("fails readably on an invalid input, before any request", async () => {
    const s = await scenario(GOOD_CONFIG, "[SPF-1290] Fix critical auth failure");
    const result = await run(s, { "dry-run": "maybe" });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error::input "dry-run": expected true or false');
    expect(s.sandbox.requests.total().requests).toBe(0);
  });
});
