import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";

export const REPO = "acme/webshop";

/**
 * A sandbox repository (main, develop, a config) where alice merged the hotfix PR #1 (squash) while no App
 * was listening: nothing after the merge has happened yet.
 */
export async function mergedHotfix(): Promise<{
  sandbox: Sandbox;
  pr: number;
  closedPayload: Record<string, unknown>;
}> {
  const sandbox = await startSandbox();
  await sandbox.createRepository({
    name: "webshop",
    history: [
      {
        message: "Initial commit",
        files: {
          "src/auth.ts": "export const ok = 1;\n",
          ".github/hotfix.yml": "title:\n  projects: [SPF]\n",
        },
      },
    ],
    collaborators: { alice: "write" },
  });
  const alice = sandbox.as("alice", REPO);
  await alice.push("hotfix/incident-1", { "src/auth.ts": "export const ok = 2;\n" }, { message: "Fix auth" });
  const { number } = await alice.openPullRequest({
    head: "hotfix/incident-1",
    base: "main",
    title: "[SPF-1290] Fix critical auth failure",
  });
  await alice.merge(number, "squash");
  const closed = sandbox.webhooks.find("pull_request", "closed").at(-1);
  if (!closed) throw new Error("the sandbox announced no pull_request.closed");
  sandbox.requests.reset();
  return { sandbox, pr: number, closedPayload: closed.payload };
}

export function tags(sandbox: Sandbox): string[] {
  return sandbox
    .internalRepo(REPO)
    .refs.list("refs/tags/")
    .map((r) => r.ref.slice("refs/tags/".length));
}
