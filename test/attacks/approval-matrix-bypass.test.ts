import {
  BASE_CONFIG,
  gateDetails,
  gateRow,
  gateState,
  openHotfix,
  pushAuthoredAs,
  type Stage,
  startStage,
} from "./approval-scenario.js";

// Finding 3: the approval matrix could be bypassed by a triage user's approval, by an approval of an older commit,
// and by approving a PR one pushed to or committed in oneself. P1 needs one approval here.

const CONFIG = `${BASE_CONFIG}approvals:\n  P1: { required: 1 }\n`;

let stage: Stage;
beforeEach(async () => {
  stage = await startStage(CONFIG);
});
afterEach(async () => {
  await stage.close();
});

test("a triage user's approval does not satisfy the approval matrix (permission is read from the API)", async () => {
  const { number, head } = await openHotfix(stage, stage.as("alice"));
  await stage.as("carol").review(number, "APPROVE");
  await stage.sandbox.settle();

  expect(gateState(stage, head)).toBe("in_progress/null");
  expect(gateRow(stage, head, "Approvals")).toMatch(/1 more approval needed/);

  // A writer's approval does count; the gate's details say why carol's did not.
  await stage.as("bob").review(number, "APPROVE");
  await stage.sandbox.settle();
  expect(gateState(stage, head)).toBe("completed/success");
  expect(gateRow(stage, head, "Approvals")).toMatch(/approved by bob \(1 required/);
  expect(gateDetails(stage, head)).toMatch(/approval by carol does not count \(no write access/);
});

test("an approval of an older commit does not count for a new head", async () => {
  const alice = stage.as("alice");
  const { number, branch } = await openHotfix(stage, alice);
  await stage.as("bob").review(number, "APPROVE");
  await stage.sandbox.settle();

  const backdoored = await alice.push(branch, { "src/backdoor.js": "export const open = () => true;\n" });
  await stage.sandbox.asApp("ci", "acme/webshop").runCheck("critical-tests", backdoored, "success");
  await stage.sandbox.settle();

  expect(gateState(stage, backdoored)).toBe("in_progress/null");
  expect(gateRow(stage, backdoored, "Approvals")).toMatch(/1 more approval needed/);
  expect(gateDetails(stage, backdoored)).toMatch(/approval by bob was for .{7}, not the head .{7}/);

  // Bob approves again after looking at the new commit: now it counts.
  await stage.as("bob").review(number, "APPROVE");
  await stage.sandbox.settle();
  expect(gateState(stage, backdoored)).toBe("completed/success");
});

test("whoever pushed or committed to the PR cannot approve it, whatever the commit's git author says", async () => {
  const alice = stage.as("alice");
  const dave = stage.as("dave");
  const { number, branch } = await openHotfix(stage, alice);

  // Dave pushes a commit whose git author and committer claim to be bob, then approves the PR himself.
  const forged = await pushAuthoredAs(
    dave,
    branch,
    { "src/backdoor.js": "export const open = () => true;\n" },
    { author: { name: "bob", email: "bob@users.noreply.github.com" } },
  );
  await stage.sandbox.asApp("ci", "acme/webshop").runCheck("critical-tests", forged, "success");
  await dave.review(number, "APPROVE");
  await stage.sandbox.settle();
  expect(gateState(stage, forged)).toBe("in_progress/null");

  // Bob, whose name is on the commit, is a commit author: his approval does not count either.
  await stage.as("bob").review(number, "APPROVE");
  await stage.sandbox.settle();
  expect(gateState(stage, forged)).toBe("in_progress/null");
  expect(gateRow(stage, forged, "Approvals")).toMatch(/1 more approval needed/);

  // Frank took no part: his approval counts, and the details say why dave's and bob's did not.
  await stage.as("frank").review(number, "APPROVE");
  await stage.sandbox.settle();
  expect(gateState(stage, forged)).toBe("completed/success");
  expect(gateRow(stage, forged, "Approvals")).toMatch(/approved by frank \(1 required/);
  expect(gateDetails(stage, forged)).toMatch(/approval by dave does not count \(they pushed to this PR\)/);
  expect(gateDetails(stage, forged)).toMatch(/approval by bob does not count \(they wrote or committed/);
});

test("a commit with no GitHub user behind it fails the approvals row closed", async () => {
  const alice = stage.as("alice");
  const dave = stage.as("dave");
  const { number, branch } = await openHotfix(stage, alice);

  const anonymous = await pushAuthoredAs(
    dave,
    branch,
    { "src/backdoor.js": "export const open = () => true;\n" },
    { author: { name: "nobody", email: "nobody@example.invalid" } },
  );
  await stage.sandbox.asApp("ci", "acme/webshop").runCheck("critical-tests", anonymous, "success");
  await stage.as("bob").review(number, "APPROVE");
  await stage.sandbox.settle();

  expect(gateState(stage, anonymous)).toBe("completed/failure");
  expect(gateRow(stage, anonymous, "Approvals")).toMatch(
    new RegExp(`commit ${anonymous.slice(0, 7)} has no GitHub author or committer`),
  );
});
