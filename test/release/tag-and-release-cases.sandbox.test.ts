import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { HotfixConfigInput } from "../../src/config/schema.js";
import { type TagAndReleaseInput, tagAndRelease } from "../../src/release/create-tag-and-release.js";
import { configOf } from "../support/config-of.js";
import { git, gitIn, importCommits } from "../support/git.js";
import { sandboxPerFile } from "../support/sandbox-per-file.js";

// The tag and release step's cases against the sandbox: tags are real refs and tag objects in a bare git
// repository, histories are real commits, and the writes are the sandbox's count of the App's requests. Races and
// refusals are scripted with the sandbox's interceptions; the tags of other hotfixes are made by a person.

const owner = "acme";
const mergedAt = new Date("2026-11-21T14:05:30Z");
const stage = sandboxPerFile({ clock: () => new Date("2026-11-21T14:00:00Z") });
let count = 0;

afterEach(() => {
  const { sandbox } = stage;
  sandbox.setFaults(null);
  sandbox.clearInterceptions();
});

/** A git repository on disk whose main is c0 <- c1 <- c2 <- c3, with `files` in c0; imported once per test. */
function sourceRepository(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "tag-source-"));
  gitIn(dir, ["init", "--quiet"]);
  for (const i of [0, 1, 2, 3]) {
    const added = { [`c${i}.txt`]: `${i}\n`, ...(i === 0 ? files : {}) };
    for (const [path, content] of Object.entries(added)) writeFileSync(join(dir, path), content);
    gitIn(dir, ["add", "--all"]);
    gitIn(dir, ["commit", "--quiet", "--message", `c${i}`]);
  }
  return dir;
}

const sources = new Map<string, string>();
afterAll(() => {
  for (const dir of sources.values()) rmSync(dir, { recursive: true, force: true });
});

/**
 * A repository whose main is c0 <- c1 <- c2 <- c3, the hotfix's merge commit c3; `files` go into c0. Tags of
 * other hotfixes are made by alice, never counted as the App's.
 */
async function setup(raw: HotfixConfigInput = {}, files: Record<string, string> = {}) {
  const { sandbox, octokit } = stage;
  const name = `tag-${++count}`;
  const key = JSON.stringify(files);
  const from = sources.get(key) ?? sourceRepository(files);
  sources.set(key, from);
  const handle = await sandbox.importRepository({ name, from, collaborators: { alice: "write" } });
  const main = git(handle.gitDir, "rev-list", "--reverse", "main").trim().split("\n");
  const mergeSha = main[3] as string;
  const alice = sandbox.as("alice", `${owner}/${name}`);
  const refs = `/repos/${owner}/${name}/git/refs`;
  const input: TagAndReleaseInput = {
    config: configOf(raw),
    mergeSha,
    mergedAt,
    pr: {
      number: 12,
      title: "[SPF-7] Fix login",
      url: `https://github.com/acme/${name}/pull/12`,
      author: "octocat",
    },
    incident: 5,
    jiraKey: "SPF-7",
    commits: [{ sha: mergeSha, message: "Fix login" }],
  };
  const world = {
    lightweightTag: (tag: string, sha: string) =>
      alice.request("POST", refs, { ref: `refs/tags/${tag}`, sha }),
    async annotatedTag(tag: string, sha: string) {
      const object = await alice.request<{ sha: string }>("POST", `/repos/${owner}/${name}/git/tags`, {
        tag,
        message: `${tag}\n`,
        object: sha,
        type: "commit",
      });
      await alice.request("POST", refs, { ref: `refs/tags/${tag}`, sha: object.sha });
    },
    /** `length` commits on top of `from` that production does not have; returns their SHAs, oldest first. */
    sideBranch: (label: string, length: number, from: string) =>
      importCommits(
        handle.gitDir,
        from,
        Array.from({ length }, (_, i) => ({ message: label, files: { [`${label}-${i}.txt`]: `${i}\n` } })),
      ),
    /** git on the repository once the sandbox has written its refs to disk (it mirrors them in the background). */
    async gitOnDisk(...args: string[]) {
      await sandbox.internalRepo(`${owner}/${name}`).store.flush();
      return git(handle.gitDir, ...args);
    },
    /** The tags that point at `sha` (through a tag object or directly), as git sees them. */
    tagsOn: async (sha: string) =>
      (await world.gitOnDisk("tag", "--points-at", sha)).split("\n").filter(Boolean).sort(),
    releases: async () => (await octokit.rest.repos.listReleases({ owner, repo: name })).data,
    changelog: () => world.gitOnDisk("show", "main:CHANGELOG.md"),
    appWrites: () => sandbox.counters.forApp().writes,
  };
  sandbox.counters.reset();
  return { ...world, alice, main, mergeSha, input, repo: { owner, repo: name } };
}

describe("tagAndRelease (hotfix-date)", () => {
  it("creates an annotated tag on the merge commit and a release, in 3 writes", async () => {
    const { mergeSha, input, repo, gitOnDisk, releases, appWrites } = await setup();
    const result = await tagAndRelease(stage.octokit, repo, input);
    expect(result).toMatchObject({ tag: "hotfix-20261121-1405", created: true, writes: 3 });
    expect(appWrites()).toBe(3);
    expect((await gitOnDisk("cat-file", "-t", "refs/tags/hotfix-20261121-1405")).trim()).toBe("tag");
    expect((await gitOnDisk("rev-parse", "refs/tags/hotfix-20261121-1405")).trim()).toBe(result.tagSha);
    expect(await gitOnDisk("cat-file", "tag", result.tagSha)).toMatch(
      new RegExp(`^object ${mergeSha}\ntype commit\n`),
    );
    const [release, ...others] = await releases();
    expect(others).toEqual([]);
    expect(release?.body).toContain("- Incident: #5");
    expect(result.release).toEqual({ id: release?.id, url: release?.html_url });
    expect(release?.html_url).toMatch(/\/acme\/tag-\d+\/releases\/tag\/hotfix-20261121-1405$/);
  });

  it("is idempotent: a second call finds the tag and the release and writes nothing", async () => {
    const { input, repo, tagsOn, releases, appWrites } = await setup();
    const first = await tagAndRelease(stage.octokit, repo, input);
    const writes = appWrites();
    const second = await tagAndRelease(stage.octokit, repo, input);
    expect(second).toMatchObject({
      tag: first.tag,
      tagSha: first.tagSha,
      created: false,
      release: first.release,
      writes: 0,
    });
    expect(appWrites()).toBe(writes);
    expect(await tagsOn(input.mergeSha)).toEqual([first.tag]);
    expect(await releases()).toHaveLength(1);
  });

  it("finishes a half-done run: tag present, release missing", async () => {
    const { input, repo, annotatedTag, releases } = await setup();
    await annotatedTag("hotfix-20261121-1405", input.mergeSha);
    const result = await tagAndRelease(stage.octokit, repo, input);
    expect(result).toMatchObject({ tag: "hotfix-20261121-1405", created: false, writes: 1 });
    expect((await releases()).map((r) => r.tag_name)).toEqual(["hotfix-20261121-1405"]);
  });

  it("reuses a lightweight tag of the same minute on the merge commit", async () => {
    const { main, input, repo, lightweightTag, sideBranch } = await setup({
      release: { createRelease: false },
    });
    await lightweightTag("hotfix-20261121-1405-2", input.mergeSha);
    const [other] = sideBranch("other", 1, main[0] as string);
    await lightweightTag("hotfix-20261121-1405", other as string);
    const result = await tagAndRelease(stage.octokit, repo, input);
    expect(result).toMatchObject({
      tag: "hotfix-20261121-1405-2",
      tagSha: input.mergeSha,
      created: false,
      writes: 0,
    });
    expect(result.release).toBeUndefined();
  });

  it("takes the next suffix when another hotfix of the same minute has the name, never overwriting it", async () => {
    const { main, input, repo, annotatedTag, tagsOn } = await setup();
    await annotatedTag("hotfix-20261121-1405", main[1] as string);
    const result = await tagAndRelease(stage.octokit, repo, input);
    expect(result.tag).toBe("hotfix-20261121-1405-2");
    expect(await tagsOn(main[1] as string)).toEqual(["hotfix-20261121-1405"]);
    expect(await tagsOn(input.mergeSha)).toEqual(["hotfix-20261121-1405-2"]);
  });

  it("loses a race for a name to another hotfix and moves on (422 Reference already exists)", async () => {
    const { main, input, repo, annotatedTag, tagsOn, appWrites } = await setup({
      release: { createRelease: false },
    });
    const other = main[2] as string;
    const race = stage.sandbox.intercept({
      route: "POST /repos/{owner}/{repo}/git/refs",
      before: () => annotatedTag("hotfix-20261121-1405", other),
    });
    const result = await tagAndRelease(stage.octokit, repo, input);
    expect(race.hits()).toBe(1);
    expect(result).toMatchObject({ tag: "hotfix-20261121-1405-2", created: true, writes: 4 });
    expect(appWrites()).toBe(4);
    expect(await tagsOn(other)).toEqual(["hotfix-20261121-1405"]);
    expect(await tagsOn(input.mergeSha)).toEqual(["hotfix-20261121-1405-2"]);
  });

  it("two concurrent calls end with one tag and one release, and agree on them", async () => {
    const { input, repo, tagsOn, releases } = await setup();
    const [a, b] = await Promise.all([
      tagAndRelease(stage.octokit, repo, input),
      tagAndRelease(stage.octokit, repo, input),
    ]);
    expect(a.tag).toBe(b.tag);
    expect(a.tagSha).toBe(b.tagSha);
    expect(a.release).toEqual(b.release);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await tagsOn(input.mergeSha)).toEqual(["hotfix-20261121-1405"]);
    expect(await releases()).toHaveLength(1);
  });

  it("propagates a server error instead of guessing", async () => {
    const { input, repo, tagsOn } = await setup();
    stage.sandbox.setFaults({
      seed: 1,
      rate: 1,
      kinds: ["500"],
      routes: ["POST /repos/{owner}/{repo}/git/refs"],
    });
    await expect(tagAndRelease(stage.octokit, repo, input)).rejects.toMatchObject({ status: 500 });
    expect(await tagsOn(input.mergeSha)).toEqual([]);
  });
});

describe("tagAndRelease (semver-patch)", () => {
  const semver = { release: { tagScheme: "semver-patch" as const, createRelease: false } };

  it("raises the patch of the latest tag reachable from production, ignoring higher tags elsewhere", async () => {
    const { main, input, repo, annotatedTag, lightweightTag, sideBranch } = await setup(semver);
    await annotatedTag("v1.2.3", main[1] as string);
    await lightweightTag("v1.9.9", main[2] as string);
    await lightweightTag("v1.9.9-rc.1", main[2] as string);
    const branch = sideBranch("release", 2, main[0] as string);
    await annotatedTag("v2.0.0", branch[1] as string);
    stage.sandbox.counters.reset();
    const result = await tagAndRelease(stage.octokit, repo, input);
    expect(result).toMatchObject({ tag: "v1.9.10", created: true, writes: 2 });
    // list + compare v2.0.0 (diverged) + compare v1.9.9 (ahead)
    expect(result.reads).toBe(3);
    expect(stage.sandbox.counters.appRoutes().filter((route) => route.startsWith("GET "))).toEqual([
      "GET /repos/{owner}/{repo}/git/matching-refs/{ref}",
      "GET /repos/{owner}/{repo}/compare/{basehead}",
      "GET /repos/{owner}/{repo}/compare/{basehead}",
    ]);
  });

  it("skips a name already used on another branch without spending a write on it", async () => {
    const { main, input, repo, lightweightTag, sideBranch, appWrites } = await setup(semver);
    await lightweightTag("v1.2.3", main[1] as string);
    const branch = sideBranch("release", 1, main[1] as string);
    await lightweightTag("v1.2.4", branch[0] as string);
    stage.sandbox.counters.reset();
    const result = await tagAndRelease(stage.octokit, repo, input);
    expect(result).toMatchObject({ tag: "v1.2.5", writes: 2 });
    expect(appWrites()).toBe(2);
  });

  it("finds its own tag again, even after later hotfixes were tagged above it", async () => {
    const { main, input, repo, lightweightTag, annotatedTag, sideBranch } = await setup(semver);
    await lightweightTag("v1.2.3", main[1] as string);
    const first = await tagAndRelease(stage.octokit, repo, input);
    expect(first.tag).toBe("v1.2.4");
    const later = sideBranch("later", 1, input.mergeSha);
    await annotatedTag("v1.2.5", later[0] as string);
    const again = await tagAndRelease(stage.octokit, repo, input);
    expect(again).toMatchObject({ tag: "v1.2.4", created: false, writes: 0 });
  });

  it("starts at v0.0.1 without any version tag", async () => {
    const { input, repo } = await setup(semver);
    expect((await tagAndRelease(stage.octokit, repo, input)).tag).toBe("v0.0.1");
  });
});

describe("tagAndRelease on a maintenance line", () => {
  const lines = { productionBranches: ["main", "release/*"], release: { createRelease: false } };

  it("tags the next patch of the line's own latest vX.Y.Z, whatever the main line's scheme", async () => {
    const { main, input, repo, gitOnDisk, lightweightTag, annotatedTag, sideBranch } = await setup(lines);
    // The 1.x line: the merge commit is on it; main's v2 tags and a higher, unreachable v1.9.0 are not its tags.
    await lightweightTag("v1.4.0", main[1] as string);
    await lightweightTag("v0.9.0", main[2] as string);
    const newer = sideBranch("main2", 2, main[0] as string);
    await annotatedTag("v2.0.0", newer[1] as string);
    const other = sideBranch("other1", 1, main[0] as string);
    await lightweightTag("v1.9.0", other[0] as string);
    const result = await tagAndRelease(stage.octokit, repo, { ...input, line: "release/1.x" });
    expect(result).toMatchObject({ tag: "v1.4.1", created: true, writes: 2 });
    expect(result.note).toBeUndefined();
    expect((await gitOnDisk("tag", "--list", "v2.0.1")).trim()).toBe("");
    const again = await tagAndRelease(stage.octokit, repo, { ...input, line: "release/1.x" });
    expect(again).toMatchObject({ tag: "v1.4.1", created: false, writes: 0 });
  });

  it("keeps the main line's configured scheme on main", async () => {
    const { main, input, repo, lightweightTag } = await setup(lines);
    await lightweightTag("v1.4.0", main[1] as string);
    const result = await tagAndRelease(stage.octokit, repo, { ...input, line: "main" });
    expect(result.tag).toBe("hotfix-20261121-1405");
  });

  it("falls back to the hotfix-date tag, with a note, on a line with no tag of its family", async () => {
    const { main, input, repo, lightweightTag } = await setup(lines);
    await lightweightTag("v0.9.0", main[1] as string);
    const result = await tagAndRelease(stage.octokit, repo, { ...input, line: "release/1.x" });
    expect(result).toMatchObject({ tag: "hotfix-20261121-1405", created: true, writes: 2 });
    expect(result.note).toMatch(
      /^release\/1\.x has no v1\.\* tag reachable from the merge, so it was tagged hotfix-20261121-1405/,
    );
    // A redelivery finds the fallback tag, and says the same.
    const again = await tagAndRelease(stage.octokit, repo, { ...input, line: "release/1.x" });
    expect(again).toMatchObject({
      tag: "hotfix-20261121-1405",
      created: false,
      writes: 0,
      note: result.note,
    });
  });

  it("counts every reachable vX.Y.Z on a line without a version in its name", async () => {
    const { main, input, repo, lightweightTag } = await setup(lines);
    await lightweightTag("v3.1.4", main[1] as string);
    const result = await tagAndRelease(stage.octokit, repo, { ...input, line: "release/legacy" });
    expect(result.tag).toBe("v3.1.5");
  });
});

describe("tagAndRelease changelog", () => {
  const withChangelog = { release: { changelog: true } };

  it("prepends an entry on the production branch once", async () => {
    const { input, repo, changelog } = await setup(withChangelog, {
      "CHANGELOG.md": "# Changelog\n\n## v1\n- a\n",
    });
    const first = await tagAndRelease(stage.octokit, repo, input);
    expect(first.changelog?.updated).toBe(true);
    expect(first.writes).toBe(4);
    const content = await changelog();
    expect(content).toMatch(/^# Changelog\n\n## hotfix-20261121-1405 \(2026-11-21\)\n/);
    expect(content).toContain("## v1\n- a\n");
    const second = await tagAndRelease(stage.octokit, repo, input);
    expect(second.changelog).toEqual({ updated: false });
    expect(second.writes).toBe(0);
    expect(await changelog()).toBe(content);
  });

  it("creates CHANGELOG.md when there is none", async () => {
    const { input, repo, changelog } = await setup(withChangelog);
    await tagAndRelease(stage.octokit, repo, input);
    expect(await changelog()).toMatch(/^# Changelog\n\n## hotfix-20261121-1405/);
  });

  it("retries when the file changed between read and write", async () => {
    const { input, repo, alice, changelog } = await setup(withChangelog, { "CHANGELOG.md": "# Changelog\n" });
    const race = stage.sandbox.intercept({
      route: "PUT /repos/{owner}/{repo}/contents/{path}",
      before: async () => {
        await alice.push("main", { "CHANGELOG.md": "# Changelog\n\n## other\n" }, { message: "other entry" });
      },
    });
    const result = await tagAndRelease(stage.octokit, repo, input);
    expect(race.hits()).toBe(1);
    expect(result.changelog?.updated).toBe(true);
    expect(await changelog()).toContain("## other");
    expect(await changelog()).toContain("## hotfix-20261121-1405");
  });

  it("reports a refused changelog commit without losing the tag and release, and does not retry it", async () => {
    const { input, repo, tagsOn, releases } = await setup(withChangelog);
    stage.sandbox.intercept({
      route: "PUT /repos/{owner}/{repo}/contents/{path}",
      refuse: { status: 409, message: "protected branch" },
    });
    const result = await tagAndRelease(stage.octokit, repo, input);
    expect(result.tag).toBe("hotfix-20261121-1405");
    expect(await tagsOn(input.mergeSha)).toEqual([result.tag]);
    expect(result.release).toBeDefined();
    expect((await releases()).map((r) => r.tag_name)).toEqual([result.tag]);
    expect(result.changelog).toEqual({ updated: false, error: expect.stringContaining("protected branch") });
    expect(stage.sandbox.counters.appRoutes().filter((route) => route.startsWith("PUT "))).toHaveLength(1);
  });
});
