import { closestWord, editDistance } from "../../src/text/closest-word.js";

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["kitten", "sitting", 3],
    ["enabeld", "enabled", 2],
    ["criticalTest", "criticalTests", 1],
  ])("%j -> %j is %d", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe("closestWord", () => {
  const keys = ["productionBranch", "developBranch", "branches", "title", "checks"];
  it("suggests the nearest key for a typo or a different case", () => {
    expect(closestWord("productionBrnch", keys)).toBe("productionBranch");
    expect(closestWord("Checks", keys)).toBe("checks");
    expect(closestWord("titel", keys)).toBe("title");
  });
  it("suggests nothing when no key is close", () => {
    expect(closestWord("notifications", keys)).toBeNull();
    expect(closestWord("x", keys)).toBeNull();
    expect(closestWord("a".repeat(10_000), keys)).toBeNull();
  });
});
