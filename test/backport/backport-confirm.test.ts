import { parseBackportCommand } from "../../src/backport/backport-command.js";
import { parseBackportConfirmation } from "../../src/backport/backport-confirm.js";

const comment = (body: string, type = "User") => ({
  action: "created",
  issue: { number: 7, pull_request: {} },
  comment: { id: 99, body, user: { id: 42, login: "alice", type } },
});

describe("/backport confirm", () => {
  test("names the head the person checked; the SHA is kept in lower case", () => {
    expect(parseBackportConfirmation(comment("/backport confirm ABCDEF1234\nlooks right"))).toEqual({
      pull: 7,
      sha: "abcdef1234",
      commenter: { id: 42, login: "alice" },
      commentId: 99,
    });
    // Without a SHA it is still the confirmation command (answered with the exact command to use).
    expect(parseBackportConfirmation(comment("/backport confirm"))?.sha).toBeNull();
  });

  test("is not a backport to a branch called confirm, and a bot's comment is no confirmation", () => {
    expect(parseBackportCommand(comment("/backport confirm"))).toBeNull();
    expect(parseBackportCommand(comment("/backport develop"))?.target).toBe("develop");
    expect(parseBackportConfirmation(comment("/backport confirm abcdef1", "Bot"))).toBeNull();
  });

  test("takes 7 to 40 hex digits and nothing else on the line", () => {
    for (const body of [
      "/backport confirm abc",
      "/backport confirm xyz1234",
      "/backport confirm abcdef1 now",
    ]) {
      expect(parseBackportConfirmation(comment(body))).toBeNull();
    }
    expect(parseBackportConfirmation(comment(`/backport confirm ${"a".repeat(40)}`))?.sha).toBe(
      "a".repeat(40),
    );
    expect(parseBackportConfirmation(comment(`/backport confirm ${"a".repeat(41)}`))).toBeNull();
  });
});
