import { deploymentDescription, deploymentPayload, markerOf } from "../../src/deploy/deploy-marker.js";

test("the marker reads back from the payload we create, as an object or a JSON string", () => {
  const marker = { incident: 12, pr: 34, tag: "hotfix-20260301-1200" };
  expect(markerOf(deploymentPayload(marker))).toEqual(marker);
  expect(markerOf(JSON.stringify(deploymentPayload(marker)))).toEqual(marker);
  expect(markerOf(deploymentPayload({ ...marker, incident: null }))).toEqual({ ...marker, incident: null });
});

test.each([
  null,
  {},
  "not json",
  { hotfix_bot: null },
  { hotfix_bot: { pr: 0, tag: "t", incident: 1 } },
  { hotfix_bot: { pr: 3, tag: "", incident: 1 } },
  { hotfix_bot: { pr: 3, tag: "t", incident: "1" } },
  { hotfix_bot: { pr: 3.5, tag: "t", incident: null } },
])("%j carries no marker", (payload) => {
  expect(markerOf(payload)).toBeNull();
});

test("the description says what is deployed and stays within GitHub's 140 characters", () => {
  expect(deploymentDescription({ incident: 12, pr: 34, tag: "v1.2.3" })).toBe(
    "hotfix-bot: deploy v1.2.3 (#34) for incident #12",
  );
  expect(deploymentDescription({ incident: null, pr: 34, tag: "x".repeat(200) }).length).toBe(140);
});
