import { hotfixPushFrom } from "../../src/intake/hotfix-push.js";
import { example } from "../support/webhook-examples.js";

type Json = Record<string, unknown>;

function push(ref: string, commits: number, after = "a".repeat(40)): Json {
  const payload = example("push", null);
  payload.ref = ref;
  payload.after = after;
  payload.deleted = false;
  const commit = (payload.commits as Json[])[0] ?? { id: after };
  payload.commits = Array.from({ length: commits }, () => commit);
  return payload;
}

test("a push of commits to hotfix/incident-<n> is a trigger", () => {
  const payload = push("refs/heads/hotfix/incident-7", 1);
  expect(hotfixPushFrom({ name: "push", id: "1", payload })).toEqual({
    branch: "hotfix/incident-7",
    incident: 7,
    after: "a".repeat(40),
    pusher: (payload.sender as Json).login,
  });
});

test("the branch's creation without commits, deletions, tags and other branches are not", () => {
  const none = (payload: Json) => expect(hotfixPushFrom({ name: "push", id: "1", payload })).toBeNull();
  none(push("refs/heads/hotfix/incident-7", 0));
  none(push("refs/heads/hotfix/incident-7", 1, "0".repeat(40)));
  none({ ...push("refs/heads/hotfix/incident-7", 1), deleted: true });
  none(push("refs/tags/hotfix/incident-7", 1));
  none(push("refs/heads/hotfix/20260301-login", 1));
  none(push("refs/heads/main", 1));
  expect(
    hotfixPushFrom({ name: "create", id: "1", payload: push("refs/heads/hotfix/incident-7", 1) }),
  ).toBeNull();
});
