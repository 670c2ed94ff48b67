import { configErrorReply, refusalReply, replyMarker } from "../../src/intake/intake-replies.js";

test("a reply starts with a marker naming the comment it answers", () => {
  expect(replyMarker(31)).toBe('<!-- hotfix-bot:hotfix-reply {"comment":31} -->');
  expect(refusalReply(31, "carol", "P1-hotfix").split("\n", 1)[0]).toBe(replyMarker(31));
});

test("the refusal is polite, names the way forward and says nothing was done", () => {
  const text = refusalReply(31, "carol", "P1-hotfix");
  expect(text).toContain("Thanks @carol.");
  expect(text).toContain("nothing was done");
  expect(text).toContain("P1\\-hotfix");
});

test("a configuration error is echoed escaped", () => {
  expect(configErrorReply(2, "bad <b>@team</b>")).toContain("bad &lt;b\\>@&#8203;team&lt;/b\\>");
});
