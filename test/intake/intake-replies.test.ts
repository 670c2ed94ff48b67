import { refusalMarker } from "../../src/incident/refusal-marker.js";
import { configErrorReply, refusalReply, replyMarker } from "../../src/intake/intake-replies.js";

test("a reply starts with a marker naming the comment it answers", () => {
  expect(replyMarker(31)).toBe('<!-- hotfix-bot:hotfix-reply {"comment":31} -->');
});

test("a refusal starts with a marker naming the user, not the comment: one refusal per user and issue", () => {
  expect(refusalMarker(7001)).toBe('<!-- hotfix-bot:command-refused {"user":7001} -->');
  expect(refusalReply(7001, "carol").split("\n", 1)[0]).toBe(refusalMarker(7001));
});

test("the refusal is polite, names the way forward and says nothing was done", () => {
  const text = refusalReply(7001, "carol");
  expect(text).toContain("Thanks @carol.");
  expect(text).toContain("nothing was done");
  expect(text).toContain("severity label");
});

test("a configuration error is echoed escaped", () => {
  expect(configErrorReply(2, "bad <b>@team</b>")).toContain("bad &lt;b\\>@&#8203;team&lt;/b\\>");
});
