import { type Sandbox, signatureSha256, startSandbox } from "@hotfix-bot/sandbox";
import { startAppOnSandbox } from "../../src/sandbox-app/start-app-on-sandbox.js";
import { effectCounts, effectsSnapshot } from "./effects-snapshot.js";
import { REPO, seedWebshop } from "./hotfix-scenario.js";

// Only GitHub may make the App act. Through the real Probot server: a delivery signed with another secret, or not
// signed at all, is refused and nothing happens. The signature covers the body, not the X-GitHub-Event header, so
// a genuine signed body can be replayed under another event name; Probot accepts it, and the engine, which routes
// by event name and payload shape together, finds no step for it: not a single API call. As a control, the genuine
// delivery, sent afterwards, does make the App act.

const SECRET = "the-right-secret";
let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startSandbox();
  await seedWebshop(sandbox);
});
afterEach(() => sandbox.close());

async function post(url: string, headers: Record<string, string>, body: string): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "GitHub-Hookshot/test", ...headers },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

test("forged deliveries are refused or find nothing to do; the genuine one is processed", async () => {
  const app = await startAppOnSandbox(sandbox, {
    secret: SECRET,
    throttle: { enabled: false },
    retry: { enabled: false },
  });
  try {
    const endpoint = `${app.url}/api/github/webhooks`;
    // An incident label: genuinely delivered, it makes the App cut a branch and comment (intake).
    sandbox.webhooks.hold();
    const incident = await sandbox
      .as("alice", REPO)
      .createIssue({ title: "Checkout down", labels: ["P1-hotfix"] });
    const genuine = sandbox.webhooks.pending().find((d) => d.event === "issues" && d.action === "labeled");
    if (!genuine) throw new Error("no labeled delivery was queued");
    const before = await effectsSnapshot(sandbox, REPO);
    sandbox.counters.reset();

    const headers = (event: string, signature: string | null) => ({
      "x-github-event": event,
      "x-github-delivery": `forged-${event}-${signature === null ? "unsigned" : signature.slice(7, 15)}`,
      ...(signature === null ? {} : { "x-hub-signature-256": signature }),
    });
    const statuses = {
      wrongSecret: await post(
        endpoint,
        headers("issues", signatureSha256("a-guess", genuine.body)),
        genuine.body,
      ),
      unsigned: await post(endpoint, headers("issues", null), genuine.body),
      tampered: await post(
        endpoint,
        headers("issues", signatureSha256(SECRET, genuine.body)),
        genuine.body.replace("Checkout down", "Checkout down!"),
      ),
      replayed: {} as Record<string, number>,
    };
    for (const event of ["issue_comment", "pull_request", "push", "check_run", "merge_group"]) {
      statuses.replayed[event] = await post(
        endpoint,
        headers(event, signatureSha256(SECRET, genuine.body)),
        genuine.body,
      );
    }
    await sandbox.settle();
    await app.background.idle();

    expect(statuses.wrongSecret).toBeGreaterThanOrEqual(400);
    expect(statuses.unsigned).toBeGreaterThanOrEqual(400);
    expect(statuses.tampered).toBeGreaterThanOrEqual(400);
    // Authentic bodies: accepted by Probot, but no step is for an issues payload under another event's name.
    expect(Object.values(statuses.replayed).every((status) => status === 200)).toBe(true);
    expect(sandbox.counters.forApp()).toEqual({ requests: 0, writes: 0 });
    expect(await effectsSnapshot(sandbox, REPO)).toEqual(before);
    expect(sandbox.repository(REPO).branch(`hotfix/incident-${incident}`)).toBeNull();

    // The control: the genuine delivery makes the App act.
    sandbox.webhooks.release();
    await sandbox.settle();
    expect(sandbox.repository(REPO).branch(`hotfix/incident-${incident}`)).not.toBeNull();
    expect(effectCounts(await effectsSnapshot(sandbox, REPO)).comments).toBeGreaterThan(0);
    process.stdout.write(
      `webhook security: ${JSON.stringify(statuses)}; App requests for the forged ones: 0\n`,
    );
  } finally {
    await app.close();
  }
}, 120_000);
