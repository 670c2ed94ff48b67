import { commitsToPick, PickListError, type PickListInput } from "../../src/cherry-pick/pick-list.js";
import { firstParentPath } from "../../src/cherry-pick/read-pick-plan.js";

const sha = (c: string) => c.repeat(40);
const P = sha("0"); // production before the merge
const A = sha("a");
const B = sha("b");
const C = sha("c");
const M = sha("m");

const chain = (...commits: [string, string, string[]][]) =>
  commits.map(([s, message, parents]) => ({ sha: s, message, parents }));

describe("commitsToPick", () => {
  const cases: { name: string; input: PickListInput; expected: ReturnType<typeof commitsToPick> }[] = [
    {
      name: "a merge commit is picked alone against its first parent",
      input: {
        mergeCommitSha: M,
        mergeCommitParents: [P, B],
        prCommits: [
          { sha: A, message: "one" },
          { sha: B, message: "two" },
        ],
        firstParentChain: chain([M, "Merge pull request #7", [P, B]], [P, "earlier", [sha("9")]]),
      },
      expected: { method: "merge", picks: [{ sha: M, parent: P, mainline: 1 }] },
    },
    {
      name: "a rebase merge picks every rebased commit, oldest first",
      input: {
        mergeCommitSha: C,
        mergeCommitParents: [B],
        prCommits: [
          { sha: sha("1"), message: "first fix" },
          { sha: sha("2"), message: "second fix\n\nwith a body" },
          { sha: sha("3"), message: "third fix" },
        ],
        firstParentChain: chain(
          [C, "third fix", [B]],
          [B, "second fix\n\nwith a body\n", [A]],
          [A, "first fix", [P]],
          [P, "production", [sha("9")]],
        ),
      },
      expected: {
        method: "rebase",
        picks: [
          { sha: A, parent: P },
          { sha: B, parent: A },
          { sha: C, parent: B },
        ],
      },
    },
    {
      name: "a squash merge picks the one commit",
      input: {
        mergeCommitSha: C,
        mergeCommitParents: [P],
        prCommits: [
          { sha: sha("1"), message: "first fix" },
          { sha: sha("2"), message: "second fix" },
        ],
        firstParentChain: chain([C, "Fix the login loop (#7)", [P]], [P, "second fix", [sha("9")]]),
      },
      expected: { method: "squash", picks: [{ sha: C, parent: P }] },
    },
    {
      name: "messages that match out of order are a squash, not a rebase",
      input: {
        mergeCommitSha: B,
        mergeCommitParents: [A],
        prCommits: [
          { sha: sha("1"), message: "one" },
          { sha: sha("2"), message: "two" },
        ],
        firstParentChain: chain([B, "one", [A]], [A, "two", [P]]),
      },
      expected: { method: "squash", picks: [{ sha: B, parent: A }] },
    },
    {
      name: "a single-commit pull request whose message survived is reported as a rebase of that commit",
      input: {
        mergeCommitSha: A,
        mergeCommitParents: [P],
        prCommits: [{ sha: sha("1"), message: "Fix it" }],
        firstParentChain: chain([A, "Fix it\n", [P]]),
      },
      expected: { method: "rebase", picks: [{ sha: A, parent: P }] },
    },
    {
      name: "a chain that ends at the root commit may be shorter than the pull request",
      input: {
        mergeCommitSha: A,
        mergeCommitParents: [P],
        prCommits: [
          { sha: sha("1"), message: "x" },
          { sha: sha("2"), message: "y" },
          { sha: sha("3"), message: "z" },
        ],
        firstParentChain: chain([A, "z", [P]], [P, "root", []]),
      },
      expected: { method: "squash", picks: [{ sha: A, parent: P }] },
    },
  ];

  test.each(cases)("$name", ({ input, expected }) => {
    expect(commitsToPick(input)).toEqual(expected);
  });

  test.each([
    {
      name: "a root commit has nothing to pick against",
      input: { mergeCommitSha: A, mergeCommitParents: [], prCommits: [], firstParentChain: [] },
    },
    {
      name: "the chain must start at the merge commit",
      input: {
        mergeCommitSha: A,
        mergeCommitParents: [P],
        prCommits: [{ sha: sha("1"), message: "x" }],
        firstParentChain: chain([B, "x", [P]]),
      },
    },
    {
      name: "the chain must follow first parents",
      input: {
        mergeCommitSha: B,
        mergeCommitParents: [A],
        prCommits: [{ sha: sha("1"), message: "x" }],
        firstParentChain: chain([B, "x", [A]], [C, "y", [P]]),
      },
    },
    {
      name: "a chain cut short before the pull request's length cannot tell a rebase",
      input: {
        mergeCommitSha: B,
        mergeCommitParents: [A],
        prCommits: [
          { sha: sha("1"), message: "x" },
          { sha: sha("2"), message: "y" },
        ],
        firstParentChain: chain([B, "y", [A]]),
      },
    },
    {
      name: "a single-parent merge of a pull request listed only in part (GitHub's 250) cannot tell a rebase",
      input: {
        mergeCommitSha: B,
        mergeCommitParents: [A],
        prCommits: [{ sha: sha("1"), message: "y" }],
        prCommitTotal: 251,
        firstParentChain: chain([B, "y", [A]], [A, "x", [P]]),
      },
    },
  ])("$name", ({ input }) => {
    expect(() => commitsToPick(input)).toThrow(PickListError);
  });

  test("the cut list is named in the error, with its size and the pull request's", () => {
    const input: PickListInput = {
      mergeCommitSha: B,
      mergeCommitParents: [A],
      prCommits: Array.from({ length: 250 }, (_, k) => ({ sha: sha(String(k % 10)), message: `c${k}` })),
      prCommitTotal: 260,
      firstParentChain: chain([B, "c249", [A]]),
    };
    expect(() => commitsToPick(input)).toThrow(/has 260 commits and GitHub lists only 250/);
  });

  test("a merge commit is picked alone even when the pull request's list was cut", () => {
    const picked = commitsToPick({
      mergeCommitSha: M,
      mergeCommitParents: [P, B],
      prCommits: [{ sha: B, message: "two" }],
      prCommitTotal: 400,
      firstParentChain: chain([M, "Merge", [P, B]]),
    });
    expect(picked).toEqual({ method: "merge", picks: [{ sha: M, parent: P, mainline: 1 }] });
  });
});

describe("firstParentPath", () => {
  test("follows first parents through a listing that interleaves side-branch commits", () => {
    const listed = chain(
      [M, "merge", [C, sha("s")]],
      [sha("s"), "side", [A]],
      [C, "c", [B]],
      [B, "b", [A]],
      [A, "a", [P]],
    );
    expect(firstParentPath(listed, M, 10).map((c) => c.sha)).toEqual([M, C, B, A]);
    expect(firstParentPath(listed, M, 2).map((c) => c.sha)).toEqual([M, C]);
  });
});
