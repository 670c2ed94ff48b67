import { type Sandbox, startSandbox } from "../../../packages/sandbox/start-sandbox.js";
import { appOctokit, FIXED_CLOCK } from "../../support/sandbox-octokit.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ clock: FIXED_CLOCK });
  await sandbox.createRepository({ name: "misc", collaborators: { alice: "write", dave: "write" } });
});
afterAll(() => sandbox.close());

test("the activity listing names who created, pushed, force-pushed and deleted a branch", async () => {
  const conformance = await sandbox.recordConformance();
  const alice = sandbox.as("alice", "acme/misc");
  const dave = sandbox.as("dave", "acme/misc");
  const first = await alice.push("topic", { "a.txt": "1\n" }, { from: "main" });
  await dave.push("topic", { "a.txt": "2\n" });
  await dave.push("topic", { "a.txt": "3\n" }, { parent: first, force: true });
  await alice.deleteBranch("topic");
  await alice.push("other", { "b.txt": "1\n" }, { from: "main" });

  const octokit = appOctokit(sandbox);
  const listed = await octokit.paginate("GET /repos/{owner}/{repo}/activity", {
    owner: "acme",
    repo: "misc",
    ref: "topic",
    per_page: 2,
  });
  expect(listed.map((a) => `${a.activity_type} by ${a.actor?.login}`)).toEqual([
    "branch_deletion by alice",
    "force_push by dave",
    "push by dave",
    "branch_creation by alice",
  ]);
  expect(listed.every((a) => a.ref === "refs/heads/topic")).toBe(true);
  const byDave = await octokit.request("GET /repos/{owner}/{repo}/activity", {
    owner: "acme",
    repo: "misc",
    actor: "dave",
    direction: "asc",
  });
  expect(byDave.data.map((a) => a.activity_type)).toEqual(["push", "force_push"]);
  expect(conformance.violations).toEqual([]);
});
