import { backportBody } from "../../src/backport/backport-pr-text.js";

const input = {
  pr: { number: 7, title: "Fix login", author: "alice" },
  target: "develop",
  picks: [{ sha: "a".repeat(40) }],
  incident: 3,
};

test("a conflicting file committed without markers is named as such, with a caution to apply the fix by hand", () => {
  const body = backportBody({
    ...input,
    conflictFiles: ["data/big.csv", "src/app.ts"],
    undraftedFiles: [{ path: "data/big.csv", reason: "over 1 MB, too large" }],
  });
  expect(body).toContain("- `data/big.csv` — **no conflict markers**: over 1 MB, too large");
  expect(body).toContain("- `src/app.ts`\n");
  expect(body).toContain("> [!CAUTION]");
});

test("a draft whose every file carries markers has no caution", () => {
  const body = backportBody({ ...input, conflictFiles: ["src/app.ts"], undraftedFiles: [] });
  expect(body).toContain("- `src/app.ts`");
  expect(body).not.toContain("no conflict markers");
  expect(body).not.toContain("[!CAUTION]");
});

test("a conflict draft says its blocks are git's, with the target branch named where git writes HEAD", () => {
  const body = backportBody({ ...input, conflictFiles: ["src/app.ts"], undraftedFiles: [] });
  expect(body).toContain(
    "> The conflict blocks are the ones `git cherry-pick -x` writes, except that `<<<<<<<` names `develop` where git writes `HEAD`.",
  );
});

test("a draft whose files all lack markers does not claim that the commit contains them, and names the command", () => {
  const body = backportBody({
    ...input,
    conflictFiles: ["src/login.ts"],
    undraftedFiles: [
      { path: "src/login.ts", reason: "renamed on the target, deleted by the fix (rename/delete)" },
    ],
    headSha: "b".repeat(40),
  });
  expect(body).not.toContain("contains the conflict markers");
  expect(body).toContain("no conflict marker shows");
  expect(body).toContain("`hotfix-backport` check stays failing");
  expect(body).toContain(`\`/backport confirm ${"b".repeat(12)}\``);
});
