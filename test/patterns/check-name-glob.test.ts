import { matchesCheckName } from "../../src/patterns/check-name-glob.js";

describe("matchesCheckName", () => {
  it.each([
    ["unit", "unit", true],
    ["unit", "unit-tests", false],
    ["unit*", "unit-tests", true],
    ["*", "", true],
    ["*", "CI / test (20.x)", true],
    ["CI / test (*)", "CI / test (20.x)", true],
    ["CI / test (*)", "CI / lint", false],
    ["CI / test (20.x)", "CI / test (20.x)", true],
    ["test (?)", "test (8)", true],
    ["test (?)", "test (18)", false],
    ["*scan*", "codeql security scan", true],
    ["a*b*c", "aXbYc", true],
    ["a*b*c", "aXbYd", false],
    ["[abc]", "a", false],
    ["[abc]", "[abc]", true],
    ["*.x", "a/b.x", true],
  ])("%j vs %j -> %j", (pattern, name, expected) => {
    expect(matchesCheckName(pattern, name)).toBe(expected);
  });

  it("stays linear on a pattern made to backtrack", () => {
    const pattern = `${"*a".repeat(80)}*b`;
    expect(matchesCheckName(pattern, "a".repeat(200))).toBe(false);
  });
});
