import { ActionInputError, parseInputs } from "../../src/action/inputs.js";

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? "";

describe("parseInputs", () => {
  it("reads the inputs as the runner passes them, with defaults for empty ones", () => {
    expect(parseInputs(reader({ "github-token": " ghs_abc ", "workflow-token": "ghs_abc" }))).toEqual({
      token: "ghs_abc",
      configPath: ".github/hotfix.yml",
      dryRun: false,
      workflowToken: "ghs_abc",
      app: "",
      stateSecret: "",
      reportHtml: "",
      notify: { slack: "", teams: "", webhook: "" },
    });
  });

  it("the notify-* inputs are the webhook URLs of the channels slack, teams and webhook", () => {
    const inputs = parseInputs(
      reader({ "github-token": "t", "notify-slack": " https://hooks.example/T/B/x ", "notify-webhook": "" }),
    );
    expect(inputs.notify).toEqual({ slack: "https://hooks.example/T/B/x", teams: "", webhook: "" });
  });

  it("report-html is a relative path in the workspace", () => {
    expect(parseInputs(reader({ "github-token": "t", "report-html": " out/report.html " })).reportHtml).toBe(
      "out/report.html",
    );
    for (const bad of ["/etc/passwd", "../up.html", "a b.html"])
      expect(() => parseInputs(reader({ "github-token": "t", "report-html": bad }))).toThrow(
        'input "report-html": a relative path in the workspace',
      );
  });

  it.each([
    ["true", true],
    ["TRUE", true],
    ["false", false],
    ["", false],
  ])("dry-run %j is %s", (text, expected) => {
    expect(parseInputs(reader({ "github-token": "t", "dry-run": text })).dryRun).toBe(expected);
  });

  it("keeps a custom config path", () => {
    expect(parseInputs(reader({ "github-token": "t", "config-path": "ops/hotfix.yaml" })).configPath).toBe(
      "ops/hotfix.yaml",
    );
  });

  it.each([
    [{}, "github-token"],
    [{ "github-token": "t", "dry-run": "yes" }, "dry-run"],
    [{ "github-token": "t", "config-path": "../../etc/passwd" }, "config-path"],
    [{ "github-token": "t", "config-path": "/abs.yml" }, "config-path"],
    [{ "github-token": "t", app: "evil app" }, "app"],
  ])("rejects %j naming the input", (values, input) => {
    let caught: unknown;
    try {
      parseInputs(reader(values));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ActionInputError);
    expect((caught as ActionInputError).input).toBe(input);
    expect((caught as Error).message).toContain(`input "${input}"`);
  });
});
