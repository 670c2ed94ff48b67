import { incidentBranchName, incidentOfBranch } from "../../src/intake/incident-branch.js";

test("the branch of incident n is hotfix/incident-n, and back", () => {
  expect(incidentBranchName(42)).toBe("hotfix/incident-42");
  expect(incidentOfBranch("hotfix/incident-42")).toBe(42);
  expect(() => incidentBranchName(0)).toThrow(RangeError);
  expect(() => incidentBranchName(1.5)).toThrow(RangeError);
});

test.each([
  "hotfix/incident-0",
  "hotfix/incident-042",
  "hotfix/incident-4x",
  "hotfix/20260301-x",
  "main",
  "hotfix/incident-99999999999",
])("%s is no incident branch", (branch) => {
  expect(incidentOfBranch(branch)).toBeNull();
});
