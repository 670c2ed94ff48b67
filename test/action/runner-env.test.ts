import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { engineEventName, RunnerEnvError, readRunnerContext } from "../../src/action/runner-env.js";

describe("readRunnerContext", () => {
  let dir: string;
  let prPath: string;
  let schedulePath: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "hotfix-bot-runner-"));
    prPath = join(dir, "pr.json");
    writeFileSync(
      prPath,
      JSON.stringify({ action: "opened", repository: { name: "webshop", owner: { login: "acme" } } }),
    );
    schedulePath = join(dir, "schedule.json");
    writeFileSync(schedulePath, JSON.stringify({ schedule: "17 * * * *" }));
    writeFileSync(join(dir, "broken.json"), "{");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads the event, the payload's repository and the API URL", () => {
    const context = readRunnerContext({
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: prPath,
      GITHUB_API_URL: "https://ghe.example.com/api/v3/",
      GITHUB_RUN_ID: "42",
      GITHUB_RUN_ATTEMPT: "2",
    });
    expect(context.event).toMatchObject({
      name: "pull_request",
      id: "run-42.2",
      payload: { action: "opened" },
    });
    expect(context.repo).toEqual({ owner: "acme", repo: "webshop" });
    expect(context.apiUrl).toBe("https://ghe.example.com/api/v3");
    expect(context.pacing).toBe(true);
  });

  it("turns write pacing off only when asked to", () => {
    const env = { GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: prPath };
    expect(readRunnerContext({ ...env, HOTFIX_BOT_WRITE_PACING: "off" }).pacing).toBe(false);
    expect(readRunnerContext({ ...env, HOTFIX_BOT_WRITE_PACING: "no" }).pacing).toBe(true);
  });

  it("defaults to api.github.com and takes the repository from GITHUB_REPOSITORY for a schedule", () => {
    const context = readRunnerContext({
      GITHUB_EVENT_NAME: "schedule",
      GITHUB_EVENT_PATH: schedulePath,
      GITHUB_REPOSITORY: "acme/webshop",
    });
    expect(context.apiUrl).toBe("https://api.github.com");
    expect(context.repo).toEqual({ owner: "acme", repo: "webshop" });
    expect(context.event.id).toBe("local");
  });

  const faults: [Record<string, string>, string][] = [
    [{ GITHUB_EVENT_PATH: "pr.json" }, "GITHUB_EVENT_NAME"],
    [{ GITHUB_EVENT_NAME: "push" }, "GITHUB_EVENT_PATH"],
    [{ GITHUB_EVENT_NAME: "push", GITHUB_EVENT_PATH: "missing.json" }, "GITHUB_EVENT_PATH"],
    [{ GITHUB_EVENT_NAME: "push", GITHUB_EVENT_PATH: "broken.json" }, "GITHUB_EVENT_PATH"],
    [{ GITHUB_EVENT_NAME: "schedule", GITHUB_EVENT_PATH: "schedule.json" }, "GITHUB_REPOSITORY"],
    [
      { GITHUB_EVENT_NAME: "push", GITHUB_EVENT_PATH: "pr.json", GITHUB_API_URL: "file:///etc" },
      "GITHUB_API_URL",
    ],
  ];
  it.each(faults)("names the variable at fault: %j", (env, variable) => {
    const file = env.GITHUB_EVENT_PATH;
    const resolved = { ...env, ...(file ? { GITHUB_EVENT_PATH: join(dir, file) } : {}) };
    expect(() => readRunnerContext(resolved)).toThrow(RunnerEnvError);
    expect(() => readRunnerContext(resolved)).toThrow(new RegExp(`^${variable}:`));
  });

  it("hands pull_request_target to the engine as pull_request", () => {
    expect(engineEventName("pull_request_target")).toBe("pull_request");
    expect(engineEventName("pull_request")).toBe("pull_request");
    expect(engineEventName("check_run")).toBe("check_run");
  });
});
