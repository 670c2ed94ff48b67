import { cherryPickMessage } from "../../src/cherry-pick/cherry-pick-message.js";
import { GitRepo, readCommit } from "./git-repo.js";

/** Each message is committed as is, picked with `git cherry-pick -x`, and git's message compared with ours. */
const MESSAGES = [
  "Fix",
  "Fix\n",
  "Fix the login loop\n\nThe cookie was read before it was set.",
  "Fix\n\nSigned-off-by: Ada Tester <ada@example.test>",
  "Signed-off-by: Ada Tester <ada@example.test>",
  "Fix\n\nbody\nKey: value",
  "Fix\n\nKey: v\nOther-Key: w\n\n",
  "Fix\n\nKey: v\n  continued\n",
  "Fix\n\nb1\nb2\nb3\nSigned-off-by: A <a@example.test>",
  "Fix\n\nb1\nb2\nb3\nb4\nSigned-off-by: A <a@example.test>",
  "Fix\n\nKey : v",
  "Fix\n\n(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)",
  "Fix\nsecond title line\n\nKey: v",
  "Fix\n\nhttp://example.test: not a trailer",
  "Fix\n\n  Key: indented",
  "Fix   \n\n\nbody with trailing spaces  \n\n",
  "Fix\n\nCo-authored-by: B <b@example.test>\n# a comment line",
  "Hotfix: 🔥 encoding (#12)\n\n* first\n* second\n",
];

test("cherryPickMessage writes what git cherry-pick -x writes", () => {
  const repo = new GitRepo();
  try {
    const [base = ""] = repo.importCommits([{ message: "base\n", parents: [], files: { f: "0\n" } }]);
    const picks = repo.importCommits(
      MESSAGES.map((message, k) => ({ message, parents: [base], files: { f: `${k + 1}\n` } })),
    );
    repo.git(["checkout", "-q", "--detach", base]);
    const expected: string[] = [];
    const actual: string[] = [];
    for (const pick of picks) {
      repo.git(["checkout", "-q", "--detach", base]);
      repo.git(["cherry-pick", "-x", pick]);
      expected.push(readCommit(repo, "HEAD").message);
      actual.push(cherryPickMessage(readCommit(repo, pick).message, pick));
    }
    expect(actual).toEqual(expected);
  } finally {
    repo.remove();
  }
});
