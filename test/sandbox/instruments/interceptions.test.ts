import type { Sandbox } from "@hotfix-bot/sandbox";
import { appOctokit, FIXED_CLOCK, failure, userOctokit } from "../../support/sandbox-octokit.js";
import { sandboxPerFile } from "../../support/sandbox-per-file.js";

const file = sandboxPerFile({ clock: FIXED_CLOCK });
let sandbox: Sandbox;
let count = 0;

beforeAll(() => {
  sandbox = file.sandbox;
});
afterEach(() => sandbox.clearInterceptions());

async function repository() {
  const name = `intercepted-${++count}`;
  const handle = await sandbox.createRepository({
    name,
    history: [{ message: "base", files: { "a.txt": "a\n" } }],
    collaborators: { alice: "write" },
  });
  return { repo: { owner: "acme", repo: name }, main: handle.branch("main") as string };
}

describe("interceptions of the App's requests", () => {
  it("refuse the next request to a route with GitHub's error body; nothing happens, and only once", async () => {
    const { repo, main } = await repository();
    const refusal = sandbox.intercept({
      route: "POST /repos/{owner}/{repo}/git/refs",
      refuse: { status: 409, message: "protected branch" },
    });
    sandbox.counters.reset();
    const refused = await failure(
      appOctokit(sandbox).rest.git.createRef({ ...repo, ref: "refs/tags/v1", sha: main }),
    );
    expect(refused).toMatchObject({ status: 409, message: "protected branch" });
    expect(sandbox.internalRepo(`acme/${repo.repo}`).refs.get("refs/tags/v1")).toBeNull();
    expect(sandbox.counters.all().map((r) => [r.status, r.fault])).toEqual([[409, "refused 409"]]);
    await appOctokit(sandbox).rest.git.createRef({ ...repo, ref: "refs/tags/v1", sha: main });
    expect(sandbox.internalRepo(`acme/${repo.repo}`).refs.get("refs/tags/v1")).toBe(main);
    expect(refusal.hits()).toBe(1);
  });

  it("leave people's requests alone and apply `times` times, in order", async () => {
    const { repo } = await repository();
    const refusal = sandbox.intercept({
      route: "POST /repos/{owner}/{repo}/issues",
      times: 2,
      refuse: {
        status: 422,
        message: "Validation Failed",
        errors: [{ field: "assignees", code: "invalid" }],
      },
    });
    await userOctokit(sandbox, "alice").rest.issues.create({ ...repo, title: "by alice" });
    const app = appOctokit(sandbox);
    const first = await failure(app.rest.issues.create({ ...repo, title: "one" }));
    expect(first.body).toMatchObject({ errors: [{ field: "assignees", code: "invalid" }] });
    await failure(app.rest.issues.create({ ...repo, title: "two" }));
    const third = await app.rest.issues.create({ ...repo, title: "three" });
    expect(third.data.number).toBe(2);
    expect(refusal.hits()).toBe(2);
  });

  it("run `before` just before the request is served, so the App meets the changed world", async () => {
    const { repo, main } = await repository();
    const alice = sandbox.as("alice", `acme/${repo.repo}`);
    sandbox.intercept({
      route: "POST /repos/{owner}/{repo}/git/refs",
      before: async () => {
        await alice.request("POST", `/repos/acme/${repo.repo}/git/refs`, { ref: "refs/tags/v2", sha: main });
      },
    });
    const lost = await failure(
      appOctokit(sandbox).rest.git.createRef({ ...repo, ref: "refs/tags/v2", sha: main }),
    );
    expect(lost).toMatchObject({ status: 422, message: "Reference already exists" });
  });

  it("can be cancelled before they are used up", async () => {
    const { repo } = await repository();
    const refusal = sandbox.intercept({
      route: "POST /repos/{owner}/{repo}/issues",
      refuse: { status: 500, message: "boom" },
    });
    refusal.cancel();
    await appOctokit(sandbox).rest.issues.create({ ...repo, title: "served" });
    expect(refusal.hits()).toBe(0);
  });
});

it("the request log keeps each request's query string", async () => {
  const { repo } = await repository();
  sandbox.counters.reset();
  await appOctokit(sandbox).rest.issues.listForRepo({ ...repo, state: "all", per_page: 5 });
  expect(sandbox.counters.all().map((r) => [r.path, r.query])).toEqual([
    [`/repos/acme/${repo.repo}/issues`, "state=all&per_page=5"],
  ]);
});
