import { parseConfigText } from "../../src/config/parse-config.js";

// Attack: whoever writes .github/hotfix.yml (any writer, in any branch a config is read from) puts a webhook URL
// where a channel name goes, to make the App post incident details to a receiver of their choosing, or commits
// the team's own Slack URL to the repository where every reader sees it. A channel is a name the App defines.

test.each([
  "https://hooks.slack.example/services/T000/B000/XXXX",
  "http://127.0.0.1:8080/collect",
  "HTTPS://evil.example/x",
  "hooks.slack.example/services/T000",
  "mailto:ops@example.com",
])("a URL as a notification channel (%s) is refused with the reason, and names the field", (url) => {
  const result = parseConfigText(`notify:\n  channels: [room, "${url}"]\n`);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.message).toContain("notify.channels");
  expect(result.error.message).toContain("never a URL: webhook URLs are secrets");
});

test("channel names are plain names; the defaults announce every milestone to no channel", () => {
  const named = parseConfigText("notify:\n  channels: [incident-room, status]\n");
  expect(named.ok && named.config.notify.channels).toEqual(["incident-room", "status"]);
  const defaults = parseConfigText("");
  expect(defaults.ok && defaults.config.notify).toEqual({
    channels: [],
    milestones: [
      "declared",
      "draft-pr",
      "gate-green",
      "merged",
      "deployed",
      "rollback",
      "monitoring-done",
      "resolved",
    ],
    timeoutSeconds: 5,
  });
});
