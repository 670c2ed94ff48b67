import { followUpKinds, openHotfix, type Stage, startStage, timelineOf } from "./approval-scenario.js";

// Finding 7: a drive-by approval suppressed the post-deploy review, a P0 merged unreviewed got none, and an
// `Incident: #N` line let any hotfix PR write its pipeline into an unrelated incident.

/** The after-merge pipeline runs in full (tag, release, backport, follow-ups), slowly on a loaded machine. */
const PIPELINE_TIMEOUT = 180_000;

let stage: Stage;
beforeEach(async () => {
  stage = await startStage();
});
afterEach(async () => {
  await stage.close();
});

test(
  "a drive-by approval does not stand in for the post-deploy review of an unreviewed P1",
  async () => {
    const alice = stage.as("alice");
    const { number } = await openHotfix(stage, alice);
    // Erin can only read the repository: the gate does not count her approval, so neither does the pipeline.
    await stage.as("erin").review(number, "APPROVE");
    await alice.merge(number);
    await stage.sandbox.settle();
    expect(followUpKinds(stage, number)).toContain("post-deploy-review");
  },
  PIPELINE_TIMEOUT,
);

test(
  "a P0 hotfix merged without an approval gets a post-deploy review",
  async () => {
    const alice = stage.as("alice");
    const { number } = await openHotfix(stage, alice, { labels: ["P0-hotfix"] });
    await alice.merge(number);
    await stage.sandbox.settle();
    expect(followUpKinds(stage, number)).toContain("post-deploy-review");
  },
  PIPELINE_TIMEOUT,
);

test(
  "an Incident: #N line does not tie a hotfix PR to an incident whose branch it is not",
  async () => {
    const alice = stage.as("alice");
    // A real incident: intake records its branch hotfix/incident-<n> on the timeline.
    const incident = await alice.createIssue({ title: "Checkout is down" });
    await alice.addLabels(incident, ["P1-hotfix"]);
    await stage.sandbox.settle();
    expect(timelineOf(stage, incident)?.intake?.branch).toBe(`hotfix/incident-${incident}`);

    // Dave's hotfix on another branch claims to belong to that incident.
    const dave = stage.as("dave");
    const { number } = await openHotfix(stage, dave, { incident: 90, body: `Incident: #${incident}` });
    await dave.merge(number);
    await stage.sandbox.settle();

    expect(Object.keys(timelineOf(stage, incident)?.pipelines ?? {})).toEqual([]);
    expect(timelineOf(stage, number)?.pipelines[String(number)]?.tag).toBeDefined();
    expect(stage.sandbox.internalRepo("acme/webshop").issues.get(incident)?.state).toBe("open");
  },
  PIPELINE_TIMEOUT,
);
