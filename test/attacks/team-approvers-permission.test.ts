import {
  BASE_CONFIG,
  gateDetails,
  gateRow,
  gateState,
  openHotfix,
  type Stage,
  startStage,
} from "./approval-scenario.js";

// Finding 11: team approvers (`org/team`) need the organization permission Members: read. Without it the gate
// waited for an approval forever; now the Approvals row fails and names the missing permission.

const CONFIG = `${BASE_CONFIG}approvals:\n  P1: { required: 1, from: [acme/sre] }\n`;

let stage: Stage;
beforeEach(async () => {
  stage = await startStage(CONFIG);
  stage.sandbox.createTeam("acme", "sre", ["frank"]);
});
afterEach(async () => {
  await stage.close();
});

test("without Members: read, a team rule fails and names the permission; with it, a member's approval counts", async () => {
  const { number, head } = await openHotfix(stage, stage.as("alice"));
  await stage.as("frank").review(number, "APPROVE");
  await stage.sandbox.settle();

  expect(gateState(stage, head)).toBe("completed/failure");
  expect(gateRow(stage, head, "Approvals")).toMatch(
    /team acme\/sre cannot be read: grant the App the organization permission Members: read/,
  );
  expect(gateDetails(stage, head)).toMatch(
    /team acme\/sre could not be read: the App needs the organization permission Members: read/,
  );

  stage.sandbox.grantMembersRead();
  await stage.sandbox.asApp("ci", "acme/webshop").runCheck("critical-tests", head, "success");
  await stage.sandbox.settle();
  expect(gateState(stage, head)).toBe("completed/success");
  expect(gateRow(stage, head, "Approvals")).toMatch(/approved by frank/);
});
