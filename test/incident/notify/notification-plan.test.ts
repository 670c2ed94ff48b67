import { planNotification, recordNotification } from "../../../src/incident/notify/notification-record.js";
import {
  channelsFromEnvironment,
  channelsFromInputs,
  NotifyChannelError,
} from "../../../src/incident/notify/notify-channels.js";
import { emptyTimeline } from "../../../src/incident/timeline-state.js";

const defined = channelsFromEnvironment({
  HOTFIX_NOTIFY_SLACK_INCIDENT_ROOM: "https://hooks.example/services/T1/B1/secret",
  HOTFIX_NOTIFY_WEBHOOK_STATUS: "https://status.example/hook?token=secret",
  HOTFIX_NOTIFY_TEAMS_OPS: " https://teams.example/webhook/secret ",
  HOTFIX_NOTIFY_SLACK_EMPTY: "",
  PATH: "/usr/bin",
});

test("the App's environment defines channels by name and kind", () => {
  expect([...defined.values()].map(({ name, kind }) => `${name}:${kind}`)).toEqual([
    "incident-room:slack",
    "ops:teams",
    "status:webhook",
  ]);
  expect(defined.get("ops")?.url).toBe("https://teams.example/webhook/secret");
});

test("a malformed channel variable stops the App with an error that names it and not its value", () => {
  const attempt = () => channelsFromEnvironment({ HOTFIX_NOTIFY_SLACK_ROOM: "xoxb-not-a-url-secret" });
  expect(attempt).toThrow(NotifyChannelError);
  expect(attempt).toThrow("HOTFIX_NOTIFY_SLACK_ROOM: not a URL");
  expect(attempt).not.toThrow(/xoxb/);
  expect(() =>
    channelsFromEnvironment({
      HOTFIX_NOTIFY_SLACK_ROOM: "https://a.example/x",
      HOTFIX_NOTIFY_TEAMS_ROOM: "https://b.example/y",
    }),
  ).toThrow('channel "room" is already defined as a slack channel');
  expect(() => channelsFromEnvironment({ HOTFIX_NOTIFY_WEBHOOK_X: "file:///etc/passwd" })).toThrow(
    "a file: URL; expected https://",
  );
});

test("the Action's inputs define the channels slack, teams and webhook", () => {
  const channels = channelsFromInputs({ slack: "https://hooks.example/s", teams: "", webhook: " " });
  expect([...channels.keys()]).toEqual(["slack"]);
});

const wanted = { channels: ["incident-room", "status"], milestones: ["declared", "merged"] as const };

test("a milestone is sent to the named channels; an unknown name is a failed result with a hint", () => {
  const plan = planNotification({
    state: emptyTimeline(12),
    milestone: "merged",
    wanted: {
      ...wanted,
      channels: ["incident-rooom", "status", "status"],
      milestones: [...wanted.milestones],
    },
    defined,
  });
  expect(plan.kind).toBe("send");
  if (plan.kind !== "send") return;
  expect(plan.channels.map((c) => c.name)).toEqual(["status"]);
  expect(plan.unknown).toEqual([
    expect.objectContaining({
      channel: "incident-rooom",
      ok: false,
      error: expect.stringContaining('defines no channel of that name; did you mean "incident-room"?'),
    }),
  ]);
});

test("nothing is sent for a milestone the repository did not ask for, nor twice for one recorded", () => {
  const state = emptyTimeline(12);
  const input = { wanted: { ...wanted, milestones: [...wanted.milestones] }, defined };
  expect(planNotification({ ...input, state, milestone: "deployed" })).toEqual({ kind: "skip", why: "off" });
  const sent = recordNotification(state, "merged", "2026-11-27T06:00:00.000Z", [
    { channel: "status", kind: "webhook", ok: false, status: 500, error: "HTTP 500" },
  ]);
  expect(planNotification({ ...input, state: sent, milestone: "merged" })).toEqual({
    kind: "skip",
    why: "already-sent",
  });
  expect(sent.entries).toEqual([
    {
      key: "notified-merged",
      at: "2026-11-27T06:00:00.000Z",
      text: 'Notification "Hotfix merged" not sent: status (webhook) failed: HTTP 500',
    },
  ]);
});
