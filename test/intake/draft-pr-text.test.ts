import { draftBase } from "../../src/intake/draft-base.js";
import { draftBody, draftTitle, placeholderKey } from "../../src/intake/draft-pr-text.js";
import { checkTitle } from "../../src/rules/title.js";
import { configOf } from "../support/config-of.js";

test("the title follows the format with a placeholder key that the title rule rejects", () => {
  const config = configOf();
  const title = draftTitle("Checkout:  logins\nfail", config);
  expect(title).toBe("[KEY-000] Checkout: logins fail");
  expect(checkTitle(title, config).state).toBe("fail");
  expect(checkTitle(title.replace("KEY-000", "SPF-12"), config).state).toBe("pass");
});

test("the placeholder uses the first allowed project, and a custom format", () => {
  const config = configOf({ title: { format: "{key}: {summary}", projects: ["SPF", "OPS"] } });
  expect(placeholderKey(config)).toBe("SPF-000");
  expect(draftTitle("Down", config)).toBe("SPF-000: Down");
});

test("braces in the incident title are text, and a long title is cut to GitHub's 256", () => {
  const config = configOf();
  expect(draftTitle("{key} and {summary}", config)).toBe("[KEY-000] {key} and {summary}");
  const long = draftTitle("x".repeat(400), config);
  expect(long.length).toBe(256);
  expect(long.endsWith("…")).toBe(true);
  expect(draftTitle("   ", config)).toBe("[KEY-000] hotfix");
});

test("the body links the incident the way the gate and the pipeline read it", () => {
  const body = draftBody({
    incident: 4,
    branch: "hotfix/incident-4",
    productionBranch: "main",
    config: configOf(),
  });
  expect(body.split("\n", 1)[0]).toBe("Incident: #4");
  expect(body).toContain("Replace `KEY-000` in the title");
  expect(body).toContain("Mark this pull request ready for review");
});

describe("draftBase", () => {
  const config = configOf({ productionBranches: ["main", "release/*"] });
  const intake = {
    trigger: "command" as const,
    branch: "hotfix/incident-3",
    cutFrom: "x",
    baseSha: "a",
    productionSha: "a",
  };

  it("targets the incident's line while it is a production line, else the main line", () => {
    expect(draftBase(config, { ...intake, line: "release/1.x" })).toBe("release/1.x");
    expect(draftBase(config, intake)).toBe("main");
    // The timeline is editable by writers: a line edited into it that is no production line is not a base.
    expect(draftBase(config, { ...intake, line: "develop" })).toBe("main");
    expect(draftBase(configOf(), { ...intake, line: "release/1.x" })).toBe("main");
  });
});
