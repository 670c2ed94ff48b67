import { branchOfRef, mergeQueuePullNumber } from "../../src/gate/merge-queue-ref.js";

const SHA = "929f8209d40f77f4abc622a499c93a83babdbe64";

describe("mergeQueuePullNumber", () => {
  it.each<[string, number | null]>([
    [`refs/heads/gh-readonly-queue/main/pr-104-${SHA}`, 104],
    [`gh-readonly-queue/main/pr-7-${SHA}`, 7],
    [`refs/heads/gh-readonly-queue/release/2024/pr-12-${SHA}`, 12],
    [`refs/heads/gh-readonly-queue/main/pr-104-${SHA.slice(1)}`, null],
    [`refs/heads/gh-readonly-queue/main/pr-0-${SHA}`, null],
    [`refs/heads/gh-readonly-queue/main/pr-x-${SHA}`, null],
    [`refs/heads/feature/pr-104-${SHA}`, null],
    ["refs/heads/main", null],
  ])("%s -> %j", (ref, expected) => {
    expect(mergeQueuePullNumber(ref)).toBe(expected);
  });
});

describe("branchOfRef", () => {
  it("strips refs/heads/ only", () => {
    expect(branchOfRef("refs/heads/release/1")).toBe("release/1");
    expect(branchOfRef("main")).toBe("main");
    expect(branchOfRef("refs/tags/v1")).toBe("refs/tags/v1");
  });
});
