import { describe, expect, test } from "@jest/globals";
import { configSchema } from "../../src/config/schema.js";
import { followUpAssignees, incidentAssignees, reviewRequest } from "../../src/incident/hotfix-team.js";

const config = (team: Record<string, unknown>) => configSchema.parse({ team });

describe("the hotfix team", () => {
  test("the incident goes to its commander first, then the team, each once, never a bot", () => {
    const team = config({ assignees: ["Dave", "alice", "renovate"] });
    expect(incidentAssignees(team, "alice")).toEqual(["alice", "Dave", "renovate"]);
    expect(incidentAssignees(config({}), "hotfix-bot[bot]")).toEqual([]);
    expect(incidentAssignees(config({}), undefined)).toEqual([]);
  });

  test("a follow-up goes to the team and the commander, or the PR's author without a commander", () => {
    const team = config({ assignees: ["dave"] });
    expect(followUpAssignees(team, "alice", "bob")).toEqual(["dave", "alice"]);
    expect(followUpAssignees(team, null, "bob")).toEqual(["dave", "bob"]);
    expect(followUpAssignees(config({}), null, "dependabot[bot]")).toEqual([]);
  });

  test("reviewers split into people and the owner's teams; other organizations' teams and the author are refused", () => {
    const request = reviewRequest(
      config({ reviewers: ["bob", "acme/sre", "ACME/sre", "other/ops", "alice"] }),
      "acme",
      "alice",
    );
    expect(request).toEqual({
      reviewers: ["bob"],
      teamReviewers: ["sre"],
      refused: [
        { reviewer: "other/ops", reason: "not a team of acme, which owns the repository" },
        { reviewer: "alice", reason: "the PR's author cannot review it" },
      ],
    });
  });

  test("the configuration names the field of a bad entry and bounds the lists", () => {
    const bad = configSchema.safeParse({ team: { reviewers: ["acme/sre/extra"], assignees: ["a b"] } });
    expect(bad.success).toBe(false);
    const paths = bad.success ? [] : bad.error.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(["team.reviewers.0", "team.assignees.0"]);
    expect(configSchema.safeParse({ team: { reviewers: Array(16).fill("bob") } }).success).toBe(false);
  });
});
