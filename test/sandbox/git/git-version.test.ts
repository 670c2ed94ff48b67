import { isSupportedGitVersion, parseGitVersion } from "../../../packages/sandbox/git/git-version.js";

test.each([
  ["git version 2.39.5", [2, 39, 5], true],
  ["git version 2.38.0", [2, 38, 0], true],
  ["git version 2.37.7", [2, 37, 7], false],
  ["git version 2.39.3 (Apple Git-146)", [2, 39, 3], true],
  ["git version 3.0", [3, 0, 0], true],
  ["git version 1.9.1", [1, 9, 1], false],
])("%s", (text, version, supported) => {
  const parsed = parseGitVersion(text);
  expect(parsed).toEqual(version);
  expect(isSupportedGitVersion(parsed as [number, number, number])).toBe(supported);
});

test("text that is not git's version line is not a version", () => {
  expect(parseGitVersion("command not found")).toBeNull();
});
