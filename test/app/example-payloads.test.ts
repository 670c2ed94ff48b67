import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { webhookDefinitions } from "../support/webhook-examples.js";
import { deliver, FakeGitHub, startApp } from "./harness.js";

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

/** The repository an example belongs to, so the fake answers for it. */
function repoOf(payload: Json): { owner: string; repo: string } {
  const repository = payload.repository as { name: string; owner: { login: string } };
  return { owner: repository.owner.login, repo: repository.name };
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
    const { owner, repo } = repoOf(payload);
    const github = new FakeGitHub(owner, repo);
    const probot = await startApp(github);
    await deliver(probot, name, structuredClone(payload));
    if (name !== "merge_group") {
      // Their PRs target master, not the default production branch main: none is the gate's business.
      expect(github.writes).toEqual([]);
      return;
    }
    // The merge group examples are for main, so the gate answers them; their PR #104 does not exist here.
    const group = payload.merge_group as Json;
    expect(github.writes.map((w) => `${w.method} ${w.path}`)).toEqual([
      `POST /repos/${owner}/${repo}/check-runs`,
    ]);
    expect(github.writes[0]?.body).toMatchObject({
      name: "hotfix-gate",
      head_sha: group.head_sha,
      conclusion: "failure",
      output: { summary: expect.stringContaining("pull request \\#104 not found") },
    });
  });

  it("writes nothing but the hotfix-gate run when the example's base branch is production", async () => {
    const { owner, repo } = repoOf(payload);
    const github = new FakeGitHub(owner, repo);
    // The examples target master; with master as production, their PRs are ordinary PRs into production.
    github.configText = "productionBranch: master\n";
    const pr = (payload.pull_request ?? null) as Json | null;
    if (pr) github.pulls.set(pr.number as number, structuredClone(pr));
    const probot = await startApp(github);
    await deliver(probot, name, structuredClone(payload));
    for (const write of github.writes) {
      expect(`${write.method} ${write.path}`).toMatch(
        new RegExp(
          `^(POST /repos/${owner}/${repo}/check-runs|PATCH /repos/${owner}/${repo}/check-runs/\\d+)$`,
        ),
      );
      expect(write.body).toMatchObject({ status: "completed", conclusion: "neutral" });
      if (write.method === "POST") expect(write.body?.name).toBe("hotfix-gate");
    }
  });
});
