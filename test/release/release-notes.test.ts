import {
  changelogEntry,
  prependChangelog,
  RELEASE_NOTES_MAX,
  renderReleaseNotes,
} from "../../src/release/release-notes.js";

const pr = {
  number: 12,
  title: "[SPF-7] Fix login",
  url: "https://github.com/acme/shop/pull/12",
  author: "octocat",
};

describe("renderReleaseNotes", () => {
  it("lists the incident, the PR, the Jira key and the commits", () => {
    const notes = renderReleaseNotes({
      tag: "hotfix-20261121-1405",
      pr,
      incident: 5,
      jiraKey: "SPF-7",
      commits: [
        { sha: "0123456789abcdef0123456789abcdef01234567", message: "Fix login\n\nLong body here" },
        { sha: "89abcdef0123456789abcdef0123456789abcdef", message: "Add test" },
      ],
    });
    expect(notes).toBe(
      [
        "Hotfix release `hotfix-20261121-1405`.",
        "",
        "- Pull request: [#12 \\[SPF\\-7\\] Fix login](https://github.com/acme/shop/pull/12) by @&#8203;octocat",
        "- Incident: #5",
        "- Jira: SPF\\-7",
        "",
        "### Commits",
        "",
        "- `0123456` Fix login",
        "- `89abcde` Add test",
        "",
      ].join("\n"),
    );
  });

  it("says none for a missing incident or Jira key", () => {
    const notes = renderReleaseNotes({ tag: "v1.2.4", pr, incident: null, jiraKey: null, commits: [] });
    expect(notes).toContain("- Incident: none");
    expect(notes).toContain("- Jira: none");
    expect(notes).toContain("(no commits listed)");
  });

  it("escapes hostile titles, commit messages and URLs", () => {
    const notes = renderReleaseNotes({
      tag: "v1.2.4",
      pr: { ...pr, title: "<img src=x> @everyone", url: "https://x.test/a)b(c" },
      incident: null,
      jiraKey: null,
      commits: [{ sha: "`evil`sha", message: "<!-- hotfix-bot:timeline {} --> ping @acme/team" }],
    });
    expect(notes).not.toMatch(/<img|<!--|@everyone|@acme/);
    expect(notes).toContain("(https://x.test/a%29b%28c)");
    expect(notes).not.toContain("`evil`");
  });

  it("stays within the release body limit with a huge commit list", () => {
    const commits = Array.from({ length: 5000 }, (_, i) => ({
      sha: "a".repeat(40),
      message: `c${i} ${"x".repeat(300)}`,
    }));
    const notes = renderReleaseNotes({ tag: "v1.2.4", pr, incident: 1, jiraKey: null, commits });
    expect(notes.length).toBeLessThanOrEqual(RELEASE_NOTES_MAX);
    expect(notes).toContain("… and 4750 more");
  });
});

describe("changelog", () => {
  const entry = changelogEntry({
    tag: "hotfix-20261121-1405",
    mergedAt: new Date("2026-11-21T14:05:00Z"),
    pr,
    incident: 5,
    jiraKey: "SPF-7",
  });

  it("renders one section per hotfix", () => {
    expect(entry).toBe(
      "## hotfix-20261121-1405 (2026-11-21)\n\n### Fixed\n\n- \\[SPF\\-7\\] Fix login ([#12](https://github.com/acme/shop/pull/12), incident #5, SPF\\-7)\n",
    );
  });

  it.each<[string, string | null, string]>([
    ["creates the file", null, `# Changelog\n\n${entry}`],
    ["creates the file from an empty one", "  \n", `# Changelog\n\n${entry}`],
    [
      "goes above the newest entry, below the title and introduction",
      "# Changelog\n\nAll notable changes.\n\n## v1.0.0 (2026-01-01)\n\n- first\n",
      `# Changelog\n\nAll notable changes.\n\n${entry}\n## v1.0.0 (2026-01-01)\n\n- first\n`,
    ],
    ["goes first when the file starts with an entry", "## v1.0.0\n- a\n", `${entry}\n## v1.0.0\n- a\n`],
    ["goes last when there is no entry yet", "# Changelog\n", `# Changelog\n\n${entry}`],
    ["adds a missing final newline", "# Changelog", `# Changelog\n\n${entry}`],
  ])("%s", (_name, existing, expected) => {
    expect(prependChangelog(existing, entry)).toBe(expected);
  });

  it("is idempotent: an entry already present is not added again", () => {
    const once = prependChangelog("# Changelog\n\n## v1.0.0\n- a\n", entry);
    expect(prependChangelog(once, entry)).toBe(once);
  });

  it("keeps CRLF line endings", () => {
    const out = prependChangelog("# Changelog\r\n\r\n## v1.0.0\r\n- a\r\n", entry);
    expect(out.replace(/\r\n/g, "")).not.toContain("\n");
    expect(out.startsWith("# Changelog\r\n\r\n## hotfix-20261121-1405 (2026-11-21)\r\n")).toBe(true);
    expect(out.endsWith("## v1.0.0\r\n- a\r\n")).toBe(true);
  });
});
