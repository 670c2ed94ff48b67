import { parseConfigText } from "../../src/config/parse-config.js";
import { FOLLOW_UP_PLACEHOLDERS, unknownPlaceholders } from "../../src/config/placeholders.js";
import { renderTemplate } from "../../src/follow-ups/templates.js";

const values = {
  pr: "#12",
  incident: "#5",
  jira: "SPF-1",
  tag: "hotfix-20261121-1405",
  title: "Fix login",
  severity: "P1",
  author: "octocat",
  url: "https://example.test/pull/12",
};

describe("renderTemplate", () => {
  it.each([
    ["Post-mortem: {title}", "Post-mortem: Fix login"],
    ["{pr}{incident}{jira}{tag}", "#12#5SPF-1hotfix-20261121-1405"],
    ["{severity} by {author} at {url}", "P1 by octocat at https://example.test/pull/12"],
    ["{title} and {title}", "Fix login and Fix login"],
    // Not placeholders, or not in the fixed set: left exactly as written.
    ["{ pr } {} { {pr", "{ pr } {} { {pr"],
    [
      "{constructor} {__proto__} {toString} {hasOwnProperty}",
      "{constructor} {__proto__} {toString} {hasOwnProperty}",
    ],
    ["{PR} {pr.number} {unknown}", "{PR} {pr.number} {unknown}"],
    ["{{pr}}", "{#12}"],
    ["}{pr}{", "}#12{"],
  ])("renders %j", (template, expected) => {
    expect(renderTemplate(template, values)).toBe(expected);
  });

  it("does not expand placeholders inside substituted values (one pass, no recursion)", () => {
    expect(renderTemplate("{title}", { ...values, title: "{pr} {constructor} $& $1" })).toBe(
      "{pr} {constructor} $& $1",
    );
  });

  it("leaves a known placeholder without a value as written, and ignores inherited properties", () => {
    expect(renderTemplate("{pr} {tag}", { pr: "#1" })).toBe("#1 {tag}");
    const inherited = Object.create({ pr: "#666" }) as Record<string, string>;
    expect(renderTemplate("{pr}", inherited)).toBe("{pr}");
  });

  it("has a fixed set that includes the documented names", () => {
    expect([...FOLLOW_UP_PLACEHOLDERS]).toEqual(
      expect.arrayContaining(["pr", "incident", "jira", "tag", "title", "severity", "author"]),
    );
  });
});

describe("unknownPlaceholders", () => {
  it.each([
    ["{pr} {title}", []],
    ["{incidnet} {pr} {incidnet} {constructor}", ["incidnet", "constructor"]],
    ["{ } {} {a.b} {1x}", []],
    ["{__proto__}", ["__proto__"]],
  ])("finds the unknown names in %j", (template, expected) => {
    expect(unknownPlaceholders(template, FOLLOW_UP_PLACEHOLDERS)).toEqual(expected);
  });
});

describe("follow-up templates in the configuration", () => {
  it("rejects an unknown placeholder, naming the field and the allowed set", () => {
    const result = parseConfigText(
      'followUps:\n  properFix:\n    title: "Fix {incidnet}"\n    body: "{constructor} { ok }"\n',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const title = result.error.problems.find((p) => p.path === "followUps.properFix.title");
    const body = result.error.problems.find((p) => p.path === "followUps.properFix.body");
    expect(title?.message).toMatch(/unknown placeholder \{incidnet\}.*\{pr\}/);
    expect(body?.message).toMatch(/unknown placeholder \{constructor\}/);
  });

  it("accepts the defaults and templates that use only known placeholders or plain braces", () => {
    const result = parseConfigText(
      'followUps:\n  postMortem:\n    title: "PM {title} ({severity})"\n    body: "code: { a: 1 } {}"\n',
    );
    expect(result.ok).toBe(true);
  });
});
