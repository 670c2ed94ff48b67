import { createServer } from "node:net";
import type { NotifyChannel } from "../../../src/context.js";
import {
  type NotificationReceiver,
  startNotificationReceiver,
} from "../../../src/demo/notification-receiver.js";
import type { MilestoneMessage } from "../../../src/incident/notify/milestone-message.js";
import { channelsFromInputs } from "../../../src/incident/notify/notify-channels.js";
import { sendNotification } from "../../../src/incident/notify/send-notification.js";

// Each channel kind posted to a real HTTP receiver on 127.0.0.1, which keeps the bodies for their shape.

let receiver: NotificationReceiver;
beforeEach(async () => {
  receiver = await startNotificationReceiver();
});
afterEach(() => receiver.close());

const message: MilestoneMessage = {
  milestone: "merged",
  title: "Hotfix merged — incident #12",
  summary: "PR #13 merged into main, tagged v1.2.4 <!channel> [x](javascript:alert(1))",
  at: "2026-11-27T06:00:00.000Z",
  repository: "acme/webshop",
  incident: {
    number: 12,
    url: "https://github.example/acme/webshop/issues/12",
    severity: "P1",
    commander: "alice",
    detectedAt: "2026-11-27T05:40:00.000Z",
  },
  links: [{ label: "PR #13", url: "https://github.example/acme/webshop/pull/13" }],
};

test("Slack gets Block Kit: a header, the escaped summary, the incident's facts and the links", async () => {
  const result = await sendNotification(
    { name: "incidents", kind: "slack", url: receiver.url("incidents") },
    message,
    { timeoutMs: 5000 },
  );
  expect(result).toEqual({ channel: "incidents", kind: "slack", ok: true });
  expect(receiver.received).toHaveLength(1);
  const body = receiver.received[0]?.body as {
    text: string;
    blocks: { type: string; text?: { text: string } }[];
  };
  expect(receiver.received[0]?.contentType).toBe("application/json");
  expect(body.blocks.map((b) => b.type)).toEqual(["header", "section", "context", "section"]);
  expect(body.blocks[0]?.text).toEqual({ type: "plain_text", text: "Hotfix merged — incident #12" });
  // Slack's control characters in repository text cannot ping a channel.
  expect(body.blocks[1]?.text?.text).toBe(
    "PR #13 merged into main, tagged v1.2.4 &lt;!channel&gt; [x](javascript:alert(1))",
  );
  expect(JSON.stringify(body.blocks[2])).toContain(
    "<https://github.example/acme/webshop/issues/12|incident #12>",
  );
  expect(JSON.stringify(body.blocks[2])).toContain("severity P1");
  expect(body.blocks[3]?.text?.text).toBe("<https://github.example/acme/webshop/pull/13|PR #13>");
  expect(body.text).toContain("Hotfix merged — incident #12");
});

test("Teams gets a message with one Adaptive Card attachment: title, summary, facts, open-URL actions", async () => {
  const result = await sendNotification({ name: "ops", kind: "teams", url: receiver.url("ops") }, message, {
    timeoutMs: 5000,
  });
  expect(result).toEqual({ channel: "ops", kind: "teams", ok: true, status: 200 });
  const body = receiver.received[0]?.body as {
    type: string;
    attachments: { contentType: string; content: Record<string, unknown> }[];
  };
  expect(body.type).toBe("message");
  expect(body.attachments).toHaveLength(1);
  expect(body.attachments[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
  const card = body.attachments[0]?.content as {
    type: string;
    version: string;
    body: { type: string; text?: string; facts?: { title: string; value: string }[] }[];
    actions: { type: string; title: string; url: string }[];
  };
  expect(card.type).toBe("AdaptiveCard");
  expect(card.version).toBe("1.4");
  expect(card.body.map((b) => b.type)).toEqual(["TextBlock", "TextBlock", "FactSet"]);
  // A markdown link in repository text stays text.
  expect(card.body[1]?.text).toContain("\\[x\\](javascript:alert(1))");
  expect(card.body[2]?.facts).toContainEqual({ title: "Severity", value: "P1" });
  expect(card.actions).toEqual([
    { type: "Action.OpenUrl", title: "Incident #12", url: "https://github.example/acme/webshop/issues/12" },
    { type: "Action.OpenUrl", title: "PR #13", url: "https://github.example/acme/webshop/pull/13" },
  ]);
});

test("a generic webhook gets the documented JSON, every key present", async () => {
  await sendNotification({ name: "status", kind: "webhook", url: receiver.url("status") }, message, {
    timeoutMs: 5000,
  });
  expect(receiver.received[0]?.body).toEqual({
    schema: "hotfix-bot.notification/v1",
    milestone: "merged",
    title: "Hotfix merged — incident #12",
    summary: message.summary,
    at: "2026-11-27T06:00:00.000Z",
    repository: "acme/webshop",
    incident: message.incident,
    links: message.links,
  });
});

test.each(["slack", "teams", "webhook"] as const)(
  "%s: a receiver answering 500 is a failed result with the status, and no URL in it",
  async (kind) => {
    receiver.behave("down", { status: 500 });
    const url = receiver.url("down");
    const result = await sendNotification({ name: "down", kind, url }, message, { timeoutMs: 5000 });
    expect(result).toEqual({ channel: "down", kind, ok: false, status: 500, error: "HTTP 500" });
    expect(JSON.stringify(result)).not.toContain(receiver.secretOf("down"));
  },
);

test.each(["slack", "teams", "webhook"] as const)(
  "%s: a receiver that never answers fails after the timeout instead of holding the step",
  async (kind) => {
    receiver.behave("slow", { hang: true });
    const result = await sendNotification({ name: "slow", kind, url: receiver.url("slow") }, message, {
      timeoutMs: 300,
    });
    expect(result).toEqual({ channel: "slow", kind, ok: false, error: "timed out after 0.3 s" });
  },
);

test.each(["slack", "teams", "webhook"] as const)(
  "%s: a refused connection is a failed result that names neither host nor path",
  async (kind) => {
    // A port that was just free: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, "127.0.0.1", () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === "object" && address ? address.port : 1));
      });
    });
    const url = `http://127.0.0.1:${port}/hooks/secret-token-123`;
    const result = await sendNotification({ name: "gone", kind, url }, message, { timeoutMs: 2000 });
    expect(result).toEqual({ channel: "gone", kind, ok: false, error: "connection refused" });
  },
);

test("in the Action's dry run no channel kind posts anything: the result says why it was not sent", async () => {
  const channels = channelsFromInputs(
    { slack: receiver.url("slack"), teams: receiver.url("teams"), webhook: receiver.url("webhook") },
    { dryRun: true },
  );
  expect([...channels.keys()]).toEqual(["slack", "teams", "webhook"]);
  for (const channel of channels.values()) {
    const result = await sendNotification(channel, message, { timeoutMs: 5000 });
    expect(result).toEqual({
      channel: channel.name,
      kind: channel.kind,
      ok: false,
      error: "dry run: not sent",
    });
  }
  expect(receiver.received).toEqual([]);
  // Outside a dry run the same inputs do post.
  const real = channelsFromInputs({ webhook: receiver.url("webhook") });
  await sendNotification(real.get("webhook") as NotifyChannel, message, { timeoutMs: 5000 });
  expect(receiver.received).toHaveLength(1);
});
