import { gateRow, gateState, REPO, type Stage, startStage, timelineOf } from "./approval-scenario.js";

// Finding 9: a PR from a fork whose head branch is named like an incident branch was taken for a hotfix: after
// the merge the base repository's own branch of that name was deleted and the fork PR linked itself to the
// incident.

const TIMEOUT = 180_000;

let stage: Stage;
beforeEach(async () => {
  stage = await startStage();
});
afterEach(async () => {
  await stage.close();
});

test(
  "a fork PR named like an incident branch is not a hotfix: the gate fails it, the merge touches nothing of ours",
  async () => {
    const conformance = await stage.sandbox.recordConformance();
    const alice = stage.as("alice");
    const incident = await alice.createIssue({ title: "Checkout is down" });
    await alice.addLabels(incident, ["P1-hotfix"]);
    await stage.sandbox.settle();
    const branch = `hotfix/incident-${incident}`;
    const ours = await alice.branchSha(branch);
    expect(ours).not.toBeNull();

    // Mallory forks the repository and opens a PR from her fork's branch of the same name.
    const fork = stage.sandbox.fork(REPO, "mallory");
    const mallory = stage.sandbox.as("mallory", fork);
    const head = await mallory.push(branch, { "src/auth.js": "export const check = () => true;\n" });
    const opened = await mallory.request<{ number: number; head: { repo: { full_name: string } } }>(
      "POST",
      `/repos/${REPO}/pulls`,
      {
        head: `mallory:${branch}`,
        base: "main",
        title: "[SPF-1] Fix checkout",
        body: `Incident: #${incident}`,
      },
    );
    expect(opened.head.repo.full_name).toBe("mallory/webshop");
    await stage.sandbox.asApp("ci", REPO).runCheck("critical-tests", head, "success");
    await stage.sandbox.settle();

    expect(gateState(stage, head)).toBe("completed/failure");
    expect(gateRow(stage, head, "Branch")).toMatch(/from the fork mallory\/webshop/);

    // A maintainer merges it anyway: our incident branch stays, and the incident records nothing of it.
    await alice.merge(opened.number);
    await stage.sandbox.settle();
    expect(await alice.branchSha(branch)).toBe(ours);
    expect(Object.keys(timelineOf(stage, incident)?.pipelines ?? {})).toEqual([]);
    expect(conformance.violations).toEqual([]);
  },
  TIMEOUT,
);
