import { linkedIncidentNumber } from "../../src/rules/incident-link.js";

describe("linkedIncidentNumber", () => {
  it.each<[string | null, string | null, number | null]>([
    ["Incident: #12", "hotfix/20240101-x", 12],
    ["incident:#12", null, 12],
    ["Some text.\n\nIncident : #12\n", null, 12],
    ["Fixes #34", null, 34],
    ["fixed: #34", null, 34],
    ["Closes #5 and more", null, 5],
    ["resolves #8", null, 8],
    ["This PR\ncloses #9.", null, 9],
    // The explicit form wins over a closing keyword, wherever it is.
    ["Fixes #3\nIncident: #4", null, 4],
    // The body wins over the branch.
    ["Fixes #3", "hotfix/incident-99", 3],
    [null, "hotfix/incident-99", 99],
    ["", "hotfix/incident-99", 99],
    // Not links.
    ["Fixes other/repo#3", null, null],
    ["prefixes #3", null, null],
    ["Fixes #0", null, null],
    ["Fixes #12abc", null, null],
    ["Fixes # 12", null, null],
    ["Incident #12", null, null],
    ["see #12", null, null],
    [null, "hotfix/incident-07", null],
    [null, "hotfix/incident-7x", null],
    [null, "feature/incident-7", null],
    [null, null, null],
    ["Fixes #99999999999", null, null],
  ])("body %j, head %j -> %j", (body, headRef, expected) => {
    expect(linkedIncidentNumber({ body, headRef })).toBe(expected);
  });

  it("reads a long run of whitespace without quadratic backtracking", () => {
    const body = `fixes${" ".repeat(50_000)}x ${"incident ".repeat(5_000)}`;
    expect(linkedIncidentNumber({ body, headRef: null })).toBeNull();
  });
});
