import type { HotfixConfigInput } from "../../src/config/schema.js";
import { type TagAndReleaseInput, tagAndRelease } from "../../src/release/create-tag-and-release.js";
import { configOf } from "../support/config-of.js";
import { FakeGitHub } from "./fake-github.js";

const mergedAt = new Date("2026-11-21T14:05:30Z");

function setup(raw: HotfixConfigInput = {}) {
  const gh = new FakeGitHub();
  const main = gh.commitChain(4);
  const mergeSha = main[3] as string;
  const input: TagAndReleaseInput = {
    config: configOf(raw),
    mergeSha,
    mergedAt,
    pr: {
      number: 12,
      title: "[SPF-7] Fix login",
      url: "https://github.com/acme/shop/pull/12",
      author: "octocat",
    },
    incident: 5,
    jiraKey: "SPF-7",
    commits: [{ sha: mergeSha, message: "Fix login" }],
  };
  return { gh, main, mergeSha, input, repo: { owner: gh.owner, repo: gh.repo } };
}

describe("tagAndRelease (hotfix-date)", () => {
  it("creates an annotated tag on the merge commit and a release, in 3 writes", async () => {
    const { gh, mergeSha, input, repo } = setup();
    const result = await tagAndRelease(gh.octokit(), repo, input);
    expect(result).toMatchObject({ tag: "hotfix-20261121-1405", created: true, writes: 3 });
    expect(gh.writes).toBe(3);
    const ref = gh.refs.get("refs/tags/hotfix-20261121-1405");
    expect(ref?.type).toBe("tag");
    expect(ref?.sha).toBe(result.tagSha);
    expect(gh.tagObjects.get(result.tagSha)?.object).toEqual({ sha: mergeSha, type: "commit" });
    expect(gh.releases).toHaveLength(1);
    expect(gh.releases[0]?.body).toContain("- Incident: #5");
    expect(result.release).toEqual({
      id: gh.releases[0]?.id,
      url: "https://github.com/acme/shop/releases/tag/hotfix-20261121-1405",
    });
  });

  it("is idempotent: a second call finds the tag and the release and writes nothing", async () => {
    const { gh, input, repo } = setup();
    const first = await tagAndRelease(gh.octokit(), repo, input);
    const writes = gh.writes;
    const second = await tagAndRelease(gh.octokit(), repo, input);
    expect(second).toMatchObject({
      tag: first.tag,
      tagSha: first.tagSha,
      created: false,
      release: first.release,
      writes: 0,
    });
    expect(gh.writes).toBe(writes);
    expect(gh.tagsOn(input.mergeSha)).toEqual([first.tag]);
    expect(gh.releases).toHaveLength(1);
  });

  it("finishes a half-done run: tag present, release missing", async () => {
    const { gh, input, repo } = setup();
    gh.annotatedTag("hotfix-20261121-1405", input.mergeSha);
    const result = await tagAndRelease(gh.octokit(), repo, input);
    expect(result).toMatchObject({ tag: "hotfix-20261121-1405", created: false, writes: 1 });
    expect(gh.releases.map((r) => r.tag_name)).toEqual(["hotfix-20261121-1405"]);
  });

  it("reuses a lightweight tag of the same minute on the merge commit", async () => {
    const { gh, input, repo } = setup({ release: { createRelease: false } });
    gh.lightweightTag("hotfix-20261121-1405-2", input.mergeSha);
    gh.lightweightTag("hotfix-20261121-1405", gh.commitChain(1, null, "other")[0] as string);
    const result = await tagAndRelease(gh.octokit(), repo, input);
    expect(result).toMatchObject({
      tag: "hotfix-20261121-1405-2",
      tagSha: input.mergeSha,
      created: false,
      writes: 0,
    });
    expect(result.release).toBeUndefined();
  });

  it("takes the next suffix when another hotfix of the same minute has the name, never overwriting it", async () => {
    const { gh, main, input, repo } = setup();
    gh.annotatedTag("hotfix-20261121-1405", main[1] as string);
    const result = await tagAndRelease(gh.octokit(), repo, input);
    expect(result.tag).toBe("hotfix-20261121-1405-2");
    expect(gh.tagsOn(main[1] as string)).toEqual(["hotfix-20261121-1405"]);
    expect(gh.tagsOn(input.mergeSha)).toEqual(["hotfix-20261121-1405-2"]);
  });

  it("loses a race for a name to another hotfix and moves on (422 Reference already exists)", async () => {
    const { gh, main, input, repo } = setup({ release: { createRelease: false } });
    const other = main[2] as string;
    gh.beforeRequest = (method, path) => {
      if (method === "POST" && path.endsWith("/git/refs") && !gh.refs.has("refs/tags/hotfix-20261121-1405")) {
        gh.annotatedTag("hotfix-20261121-1405", other);
      }
    };
    const result = await tagAndRelease(gh.octokit(), repo, input);
    expect(result).toMatchObject({ tag: "hotfix-20261121-1405-2", created: true, writes: 4 });
    expect(gh.tagsOn(other)).toEqual(["hotfix-20261121-1405"]);
  });

  it("two concurrent calls end with one tag and one release, and agree on them", async () => {
    const { gh, input, repo } = setup();
    const [a, b] = await Promise.all([
      tagAndRelease(gh.octokit(), repo, input),
      tagAndRelease(gh.octokit(), repo, input),
    ]);
    expect(a.tag).toBe(b.tag);
    expect(a.tagSha).toBe(b.tagSha);
    expect(a.release).toEqual(b.release);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(gh.tagsOn(input.mergeSha)).toEqual(["hotfix-20261121-1405"]);
    expect(gh.releases).toHaveLength(1);
  });

  it("propagates a server error instead of guessing", async () => {
    const { gh, input, repo } = setup();
    gh.faults.push({ method: "POST", path: "/repos/acme/shop/git/refs", status: 500 });
    await expect(tagAndRelease(gh.octokit(), repo, input)).rejects.toMatchObject({ status: 500 });
  });
});

describe("tagAndRelease (semver-patch)", () => {
  const semver = { release: { tagScheme: "semver-patch" as const, createRelease: false } };

  it("raises the patch of the latest tag reachable from production, ignoring higher tags elsewhere", async () => {
    const { gh, main, input, repo } = setup(semver);
    gh.annotatedTag("v1.2.3", main[1] as string);
    gh.lightweightTag("v1.9.9", main[2] as string);
    gh.lightweightTag("v1.9.9-rc.1", main[2] as string);
    const branch = gh.commitChain(2, main[0] as string, "release");
    gh.annotatedTag("v2.0.0", branch[1] as string);
    const result = await tagAndRelease(gh.octokit(), repo, input);
    expect(result).toMatchObject({ tag: "v1.9.10", created: true, writes: 2 });
    // list + compare v2.0.0 (diverged) + compare v1.9.9 (ahead)
    expect(result.reads).toBe(3);
  });

  it("skips a name already used on another branch without spending a write on it", async () => {
    const { gh, main, input, repo } = setup(semver);
    gh.lightweightTag("v1.2.3", main[1] as string);
    const branch = gh.commitChain(1, main[1] as string, "release");
    gh.lightweightTag("v1.2.4", branch[0] as string);
    const result = await tagAndRelease(gh.octokit(), repo, input);
    expect(result).toMatchObject({ tag: "v1.2.5", writes: 2 });
  });

  it("finds its own tag again, even after later hotfixes were tagged above it", async () => {
    const { gh, main, input, repo } = setup(semver);
    gh.lightweightTag("v1.2.3", main[1] as string);
    const first = await tagAndRelease(gh.octokit(), repo, input);
    expect(first.tag).toBe("v1.2.4");
    const later = gh.commitChain(1, input.mergeSha, "later");
    gh.annotatedTag("v1.2.5", later[0] as string);
    const again = await tagAndRelease(gh.octokit(), repo, input);
    expect(again).toMatchObject({ tag: "v1.2.4", created: false, writes: 0 });
  });

  it("starts at v0.0.1 without any version tag", async () => {
    const { gh, input, repo } = setup(semver);
    expect((await tagAndRelease(gh.octokit(), repo, input)).tag).toBe("v0.0.1");
  });
});

describe("tagAndRelease on a maintenance line", () => {
  const lines = { productionBranches: ["main", "release/*"], release: { createRelease: false } };

  it("tags the next patch of the line's own latest vX.Y.Z, whatever the main line's scheme", async () => {
    const { gh, main, input, repo } = setup(lines);
    // The 1.x line: the merge commit is on it; main's v2 tags and a higher, unreachable v1.9.0 are not its tags.
    gh.lightweightTag("v1.4.0", main[1] as string);
    gh.lightweightTag("v0.9.0", main[2] as string);
    const newer = gh.commitChain(2, main[0] as string, "main2");
    gh.annotatedTag("v2.0.0", newer[1] as string);
    const other = gh.commitChain(1, main[0] as string, "other1");
    gh.lightweightTag("v1.9.0", other[0] as string);
    const result = await tagAndRelease(gh.octokit(), repo, { ...input, line: "release/1.x" });
    expect(result).toMatchObject({ tag: "v1.4.1", created: true, writes: 2 });
    expect(result.note).toBeUndefined();
    expect(gh.refs.has("refs/tags/v2.0.1")).toBe(false);
    const again = await tagAndRelease(gh.octokit(), repo, { ...input, line: "release/1.x" });
    expect(again).toMatchObject({ tag: "v1.4.1", created: false, writes: 0 });
  });

  it("keeps the main line's configured scheme on main", async () => {
    const { gh, main, input, repo } = setup(lines);
    gh.lightweightTag("v1.4.0", main[1] as string);
    const result = await tagAndRelease(gh.octokit(), repo, { ...input, line: "main" });
    expect(result.tag).toBe("hotfix-20261121-1405");
  });

  it("falls back to the hotfix-date tag, with a note, on a line with no tag of its family", async () => {
    const { gh, main, input, repo } = setup(lines);
    gh.lightweightTag("v0.9.0", main[1] as string);
    const result = await tagAndRelease(gh.octokit(), repo, { ...input, line: "release/1.x" });
    expect(result).toMatchObject({ tag: "hotfix-20261121-1405", created: true, writes: 2 });
    expect(result.note).toMatch(
      /^release\/1\.x has no v1\.\* tag reachable from the merge, so it was tagged hotfix-20261121-1405/,
    );
    // A redelivery finds the fallback tag, and says the same.
    const again = await tagAndRelease(gh.octokit(), repo, { ...input, line: "release/1.x" });
    expect(again).toMatchObject({
      tag: "hotfix-20261121-1405",
      created: false,
      writes: 0,
      note: result.note,
    });
  });

  it("counts every reachable vX.Y.Z on a line without a version in its name", async () => {
    const { gh, main, input, repo } = setup(lines);
    gh.lightweightTag("v3.1.4", main[1] as string);
    const result = await tagAndRelease(gh.octokit(), repo, { ...input, line: "release/legacy" });
    expect(result.tag).toBe("v3.1.5");
  });
});

describe("tagAndRelease changelog", () => {
  it("prepends an entry on the production branch once", async () => {
    const { gh, input, repo } = setup({ release: { changelog: true } });
    gh.files.set("main:CHANGELOG.md", { content: "# Changelog\n\n## v1\n- a\n", sha: "s1" });
    const first = await tagAndRelease(gh.octokit(), repo, input);
    expect(first.changelog?.updated).toBe(true);
    expect(first.writes).toBe(4);
    const content = gh.files.get("main:CHANGELOG.md")?.content ?? "";
    expect(content).toMatch(/^# Changelog\n\n## hotfix-20261121-1405 \(2026-11-21\)\n/);
    const second = await tagAndRelease(gh.octokit(), repo, input);
    expect(second.changelog).toEqual({ updated: false });
    expect(second.writes).toBe(0);
    expect(gh.files.get("main:CHANGELOG.md")?.content).toBe(content);
  });

  it("creates CHANGELOG.md when there is none", async () => {
    const { gh, input, repo } = setup({ release: { changelog: true } });
    await tagAndRelease(gh.octokit(), repo, input);
    expect(gh.files.get("main:CHANGELOG.md")?.content).toMatch(/^# Changelog\n\n## hotfix-20261121-1405/);
  });

  it("retries when the file changed between read and write", async () => {
    const { gh, input, repo } = setup({ release: { changelog: true } });
    gh.files.set("main:CHANGELOG.md", { content: "# Changelog\n", sha: "s1" });
    let raced = false;
    gh.beforeRequest = (method, path) => {
      if (method === "PUT" && path.endsWith("/contents/CHANGELOG.md") && !raced) {
        raced = true;
        gh.files.set("main:CHANGELOG.md", { content: "# Changelog\n\n## other\n", sha: "s2" });
      }
    };
    const result = await tagAndRelease(gh.octokit(), repo, input);
    expect(result.changelog?.updated).toBe(true);
    expect(gh.files.get("main:CHANGELOG.md")?.content).toContain("## other");
    expect(gh.files.get("main:CHANGELOG.md")?.content).toContain("## hotfix-20261121-1405");
  });

  it("reports a refused changelog commit without losing the tag and release, and does not retry it", async () => {
    const { gh, input, repo } = setup({ release: { changelog: true } });
    gh.faults.push({
      method: "PUT",
      path: "/repos/acme/shop/contents/",
      status: 409,
      message: "protected branch",
    });
    const result = await tagAndRelease(gh.octokit(), repo, input);
    expect(result.tag).toBe("hotfix-20261121-1405");
    expect(result.release).toBeDefined();
    expect(result.changelog).toEqual({ updated: false, error: expect.stringContaining("protected branch") });
    expect(gh.requests.filter((r) => r.method === "PUT")).toHaveLength(1);
  });
});
