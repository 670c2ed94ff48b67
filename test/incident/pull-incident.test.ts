import { incidentLinkHolds } from "../../src/incident/pull-incident.js";
import { emptyTimeline } from "../../src/incident/timeline-state.js";

const intake = (branch: string) => ({
  ...emptyTimeline(12),
  intake: { trigger: "label" as const, branch, cutFrom: "main", baseSha: "b", productionSha: "p" },
});

describe("incidentLinkHolds", () => {
  it("holds when the incident's intake recorded the PR's head branch", () => {
    expect(incidentLinkHolds(intake("hotfix/incident-12"), "hotfix/incident-12")).toBe(true);
  });
  it("does not hold for another branch, an incident without intake, or no timeline", () => {
    expect(incidentLinkHolds(intake("hotfix/incident-12"), "hotfix/incident-13")).toBe(false);
    expect(incidentLinkHolds(emptyTimeline(12), "hotfix/incident-12")).toBe(false);
    expect(incidentLinkHolds(null, "hotfix/incident-12")).toBe(false);
  });
});
