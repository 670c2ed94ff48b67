import { parseConfigText } from "../../src/config/parse-config.js";
import { ANY_BRACES, TITLE_PLACEHOLDERS, unknownPlaceholders } from "../../src/config/placeholders.js";
import { checkTitle, exampleTitle, jiraKeyOf } from "../../src/rules/title.js";
import { configOf } from "../support/config-of.js";

const defaults = configOf();

describe("jiraKeyOf", () => {
  it.each([
    ["[SPF-1290] Fix critical auth failure", "SPF-1290"],
    ["  [OPS_2-7]   Roll back cache flag  ", "OPS_2-7"],
    ["[AB-1] x", "AB-1"],
    // Date-and-hash fragments are never keys (jira-lint read `20230411-245` as one).
    ["[20230411-245a825] Fix", null],
    ["Fix 20230411-245a825 regression [SPF-1]", null],
    // Only the key position counts: a key in the summary is text.
    ["Fix SPF-1290 auth failure", null],
    ["[Hotfix] SPF-1290 auth failure", null],
    ["[spf-1290] lower-case project", null],
    ["[SPF-0129] leading zero", null],
    ["[S-12] one-letter project", null],
    ["[SPF-1290]", null],
    ["[SPF-1290]Fix without the space", null],
    ["[SPF-1290x] trailing garbage", null],
  ])("%j -> %j", (title, key) => {
    expect(jiraKeyOf(title, defaults)).toBe(key);
  });

  it("follows a custom format", () => {
    const config = configOf({ title: { format: "{key}: {summary}" } });
    expect(jiraKeyOf("OPS-12: restart workers", config)).toBe("OPS-12");
    expect(jiraKeyOf("[OPS-12] restart workers", config)).toBeNull();
    expect(jiraKeyOf("fix: OPS-12: restart workers", config)).toBeNull();
  });

  it("treats regex characters in the format literally", () => {
    const config = configOf({ title: { format: "(hotfix) {key} | {summary}" } });
    expect(jiraKeyOf("(hotfix) OPS-12 | restart", config)).toBe("OPS-12");
    expect(jiraKeyOf("xhotfix) OPS-12 | restart", config)).toBeNull();
    expect(jiraKeyOf("(hotfix) OPS-12 ! restart", config)).toBeNull();
  });

  it("is null when the format has no key", () => {
    expect(jiraKeyOf("[SPF-1] x", configOf({ title: { format: "{summary}" } }))).toBeNull();
  });
});

describe("checkTitle", () => {
  it.each([
    [{}, "[SPF-1290] Fix critical auth failure", "pass", /Jira key SPF-1290/],
    [
      {},
      "Fix critical auth failure",
      "fail",
      /expected "\[\{key\}\] \{summary\}", e\.g\. "\[SPF-1290\] Fix critical auth failure"/,
    ],
    [{}, "[20230411-245a825] Fix", "fail", /does not match/],
    [{ projects: ["SPF", "OPS"] }, "[OPS-9] Restart", "pass", /OPS-9/],
    [
      { projects: ["SPF", "OPS"] },
      "[ABC-9] Restart",
      "fail",
      /project ABC is not allowed \(allowed: SPF, OPS\)/,
    ],
    [{ projects: ["OPS"] }, "Restart", "fail", /e\.g\. "\[OPS-1290\] Fix critical auth failure"/],
    [{ format: "{summary}" }, "anything at all", "pass", /matches "\{summary\}"/],
  ])("title config %j, %j -> %s", (title, text, state, reason) => {
    const result = checkTitle(text, configOf({ title }));
    expect(result.rule).toBe("title");
    expect(result.state).toBe(state);
    expect(result.reason).toMatch(reason);
  });

  it("quotes a long title shortened", () => {
    const result = checkTitle("x".repeat(500), defaults);
    expect(result.state).toBe("fail");
    expect(result.reason.length).toBeLessThan(200);
  });

  it("shows an example that passes its own check", () => {
    for (const format of ["[{key}] {summary}", "{key}: {summary}", "{summary} ({key})"]) {
      const config = configOf({ title: { format, projects: ["PAY"] } });
      expect(checkTitle(exampleTitle(config), config).state).toBe("pass");
    }
  });
});

describe("unknown title placeholders", () => {
  it("lists placeholders outside the fixed set", () => {
    expect(unknownPlaceholders("[{key}] {summary}", TITLE_PLACEHOLDERS, ANY_BRACES)).toEqual([]);
    expect(unknownPlaceholders("[{jira}] {summary} {}", TITLE_PLACEHOLDERS, ANY_BRACES)).toEqual([
      "jira",
      "",
    ]);
  });
});

describe("configuration validation", () => {
  it("rejects a format with an unknown placeholder, naming the field", () => {
    const result = parseConfigText("title:\n  format: '[{jira}] {summary}'\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problems).toEqual([
      { path: "title.format", message: "unknown placeholder {jira}; allowed: {key} {summary}" },
    ]);
  });
});
