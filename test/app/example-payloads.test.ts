import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { inRepo, webhookDefinitions } from "../support/webhook-examples.js";
import { gateStage } from "./harness.js";

// Every published example of every event the App subscribes to, delivered to hotfix-bot running on the sandbox.
// The examples are GitHub's own payloads; only what names the sandbox's objects is re-pointed: the repository,
// and the commits and pull request number where the App must find them.

type Json = Record<string, unknown>;

const manifest = parse(readFileSync(new URL("../../app.yml", import.meta.url), "utf8")) as {
  default_events: string[];
};
const subscribed = manifest.default_events;

const cases = subscribed.flatMap((name) => {
  const definition = webhookDefinitions.find((d) => d.name === name);
  if (!definition) throw new Error(`no examples for subscribed event ${name}`);
  return definition.examples.map((payload, i) => ({
    label: `${name}.${String(payload.action ?? "")} #${i}`,
    name,
    payload,
  }));
});

const stage = gateStage({ app: "once" });

/** A repository whose production branch is the default `main`, and one configured with `master` as production. */
const PUBLISHED = { owner: "acme", name: "published" };
const ON_MASTER = { owner: "acme", name: "on-master" };
let groups = 0;
let onMaster = { number: 0, head: "", base: "" };

beforeAll(async () => {
  const { sandbox } = stage;
  await sandbox.createRepository({
    ...PUBLISHED,
    history: [{ message: "Initial commit", files: { "README.md": "hello\n" } }],
    branches: { master: {} },
    collaborators: { alice: "write" },
  });
  const fullName = `${ON_MASTER.owner}/${ON_MASTER.name}`;
  await sandbox.createRepository({
    ...ON_MASTER,
    history: [
      { message: "Initial commit", files: { "README.md": "hello\n" } },
      { message: "Configure hotfix-bot", files: { ".github/hotfix.yml": "productionBranch: master\n" } },
    ],
    branches: {
      master: {},
      changes: {
        from: "master",
        commits: [{ message: "Update README", files: { "README.md": "Hello World\n" } }],
      },
    },
    collaborators: { codertocat: "write" },
  });
  // The examples' pull request is #2, from `changes` into master: issue #1 comes first, as in the examples.
  const person = sandbox.as("codertocat", fullName);
  await person.createIssue({ title: "Spelling error in the README file" });
  const title = "Update the README with new information.";
  const pr = await person.openPullRequest({ head: "changes", base: "master", title });
  const head = sandbox.repository(fullName).branch("changes") as string;
  onMaster = { number: pr.number, head, base: sandbox.repository(fullName).branch("master") as string };
});

/** A copy of the example in `repository`, keeping its default branch. */
function pointedAt(payload: Json, repository: { owner: string; name: string }): Json {
  const branch = String((payload.repository as Json).default_branch);
  return inRepo(structuredClone(payload), repository.owner, repository.name, branch);
}

it("covers every subscribed event with examples", () => {
  expect(subscribed).toEqual(
    expect.arrayContaining([
      "check_run",
      "check_suite",
      "merge_group",
      "pull_request",
      "pull_request_review",
    ]),
  );
  expect(cases.length).toBeGreaterThan(90);
});

describe.each(cases)("$label", ({ name, payload }) => {
  it("is handled without a throw, writing nothing that is not the gate's own run", async () => {
    const event = pointedAt(payload, PUBLISHED);
    // The merge group's head commit must exist for the gate to put its run on it: a new one per example.
    let groupHead = "";
    if (name === "merge_group") {
      const alice = stage.sandbox.as("alice", `${PUBLISHED.owner}/${PUBLISHED.name}`);
      groupHead = await alice.push(`queue-${++groups}`, { "queued.txt": `${groups}\n` }, { from: "main" });
      (event.merge_group as Json).head_sha = groupHead;
    }
    await stage.deliver(name, event);
    const writes = stage.writes();
    if (name !== "merge_group") {
      // Their PRs target master, not the default production branch main: none is the gate's business.
      expect(writes).toEqual([]);
      return;
    }
    // The merge group examples are for main, so the gate answers them; their PR #104 does not exist here.
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([
      `POST /repos/${PUBLISHED.owner}/${PUBLISHED.name}/check-runs`,
    ]);
    expect(writes[0]?.body).toMatchObject({
      name: "hotfix-gate",
      head_sha: groupHead,
      conclusion: "failure",
      output: { summary: expect.stringContaining("pull request \\#104 not found") },
    });
  });

  it("writes nothing but the hotfix-gate run when the example's base branch is production", async () => {
    // The examples target master; with master as production, their PRs are ordinary PRs into production.
    const event = pointedAt(payload, ON_MASTER);
    const pr = (event.pull_request ?? null) as Json | null;
    if (pr) {
      pr.number = onMaster.number;
      (pr.head as Json).sha = onMaster.head;
      (pr.base as Json).sha = onMaster.base;
      if (event.number !== undefined) event.number = onMaster.number;
    }
    await stage.deliver(name, event);
    const repo = `/repos/${ON_MASTER.owner}/${ON_MASTER.name}`;
    for (const write of stage.writes()) {
      expect(`${write.method} ${write.path}`).toMatch(
        new RegExp(`^(POST ${repo}/check-runs|PATCH ${repo}/check-runs/\\d+)$`),
      );
      expect(write.body).toMatchObject({ status: "completed", conclusion: "neutral" });
      if (write.method === "POST") expect(write.body?.name).toBe("hotfix-gate");
    }
  });
});

it("the examples' pull request into production got its neutral hotfix-gate run", () => {
  const runs = [...stage.sandbox.internalRepo(`${ON_MASTER.owner}/${ON_MASTER.name}`).checkRuns.values()];
  expect(runs.filter((run) => run.name === "hotfix-gate" && run.headSha === onMaster.head)).toMatchObject([
    { status: "completed", conclusion: "neutral" },
  ]);
});
