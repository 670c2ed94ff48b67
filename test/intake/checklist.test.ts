import { checklistComment, checklistMarker } from "../../src/intake/checklist.js";
import { configOf } from "../support/config-of.js";

const input = (config = configOf()) => ({
  repo: { owner: "acme", repo: "webshop" },
  incident: 5,
  severity: "P1" as const,
  branch: "hotfix/incident-5",
  cutFrom: "main",
  baseSha: "c".repeat(40),
  previousTag: null,
  productionSha: "c".repeat(40),
  config,
});

test("the checklist starts with its marker and has the four items and the rollback plan", () => {
  const body = checklistComment(input());
  expect(body.split("\n", 1)[0]).toBe(checklistMarker(5));
  expect(checklistMarker(5)).toBe('<!-- hotfix-bot:checklist {"incident":5} -->');
  for (const item of ["Confirm the impact", "Minimal fix", "Critical tests only", "Rollback plan"]) {
    expect(body).toContain(`- [ ] **${item}**`);
  }
  expect(body).toContain("Branch `hotfix/incident-5` was cut from `main` (`ccccccc`)");
  expect(body).toContain("#### Rollback plan");
  expect(body).not.toContain("[!WARNING]");
});

test("it names the required checks, and warns when the branch will fail the branch rule", () => {
  const config = configOf({
    checks: { criticalTests: ["critical-tests"], securityScan: ["codeql*"] },
    branches: { patterns: ["hotfix/{date}-{slug}"] },
  });
  const body = checklistComment(input(config));
  expect(body).toContain("security scan: `critical-tests`, `codeql*`;");
  expect(body).toContain("[!WARNING]");
  expect(body).toContain("matches none of `branches.patterns`");
});
