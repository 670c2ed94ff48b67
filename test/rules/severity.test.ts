import { resolveSeverity, severityFromLabels, severityRow } from "../../src/rules/severity.js";
import { configOf } from "../support/config-of.js";

const config = configOf();

describe("severityFromLabels", () => {
  it.each<[string[], string | null]>([
    [["P1-hotfix"], "P1"],
    [["bug", "p2-HOTFIX"], "P2"],
    [["P2-hotfix", "P0-hotfix", "P1-hotfix"], "P0"],
    [["bug"], null],
    [[], null],
    [["P1"], null],
  ])("%j -> %j", (labels, expected) => {
    expect(severityFromLabels(labels, config)).toBe(expected);
  });

  it("uses the configured label names", () => {
    const custom = configOf({ severity: { labels: { P2: "sev:2" } } });
    expect(severityFromLabels(["sev:2"], custom)).toBe("P2");
    expect(severityFromLabels(["P2-hotfix"], custom)).toBeNull();
  });
});

describe("resolveSeverity", () => {
  it.each([
    [
      "the PR's label wins",
      { prLabels: ["P2-hotfix"], incident: { number: 4, labels: ["P0-hotfix"] } },
      "P2",
      /label P2-hotfix on the PR/,
    ],
    [
      "then the incident's",
      { prLabels: ["bug"], incident: { number: 4, labels: ["P0-hotfix"] } },
      "P0",
      /label P0-hotfix on incident #4/,
    ],
    [
      "then the default",
      { prLabels: [], incident: { number: 4, labels: ["bug"] } },
      "P1",
      /P1 by default \(no severity label/,
    ],
    [
      "an unreadable incident",
      { prLabels: [], incident: { number: 4, labels: null } },
      "P1",
      /incident #4 could not be read/,
    ],
    ["no incident", { prLabels: [], incident: null }, "P1", /by default/],
  ])("%s", (_name, facts, severity, reason) => {
    const resolved = resolveSeverity(facts, config);
    expect(resolved.severity).toBe(severity);
    const row = severityRow(resolved, config);
    expect(row.state).toBe("pass");
    expect(row.reason).toMatch(reason);
  });

  it("uses the configured default", () => {
    expect(
      resolveSeverity({ prLabels: [], incident: null }, configOf({ severity: { default: "P2" } })).severity,
    ).toBe("P2");
  });
});
