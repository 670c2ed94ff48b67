import { createRequire } from "node:module";
import { pullRequestFrom } from "../../src/gate/pull-request-data.js";

const require = createRequire(import.meta.url);
const definitions = require("@octokit/webhooks-examples") as {
  name: string;
  examples: Record<string, unknown>[];
}[];
const examples = (name: string) => definitions.find((d) => d.name === name)?.examples ?? [];

describe("pullRequestFrom", () => {
  it("reads a pull_request webhook payload", () => {
    const payload = examples("pull_request").find((e) => e.action === "labeled");
    expect(pullRequestFrom(payload?.pull_request)).toEqual({
      number: 2,
      title: "Update the README with new information.",
      body: "This is a pretty simple change that we need to pull into master.",
      author: "Codertocat",
      authorId: 21031067,
      commitCount: 1,
      fromFork: false,
      headRepoName: "Codertocat/Hello-World",
      headRef: "changes",
      headSha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
      baseRef: "master",
      labels: ["bug"],
      state: "open",
      draft: false,
      size: { files: 1, additions: 1, deletions: 1 },
    });
  });

  it("reads every pull_request and review example, without sizes for reviews", () => {
    for (const payload of examples("pull_request"))
      expect(pullRequestFrom(payload.pull_request)?.size).not.toBeNull();
    for (const payload of examples("pull_request_review")) {
      const pr = pullRequestFrom(payload.pull_request);
      expect(pr?.number).toBe(2);
      expect(pr?.size).toBeNull();
    }
  });

  it.each([
    null,
    "x",
    {},
    { number: 1, head: {}, base: { ref: "main" } },
    { number: "1", head: { ref: "a", sha: "b" }, base: { ref: "c" } },
  ])("is null for %j", (raw) => {
    expect(pullRequestFrom(raw)).toBeNull();
  });
});
