import { escapeMarkdown, linkTarget, truncate } from "../text/escape-markdown.js";

export interface ReleasePr {
  number: number;
  title: string;
  url: string;
  author: string;
}

export interface ReleaseCommit {
  sha: string;
  message: string;
}

export interface ReleaseNotesInput {
  tag: string;
  pr: ReleasePr;
  incident: number | null;
  jiraKey: string | null;
  commits: ReleaseCommit[];
}

/** GitHub refuses release bodies over 125,000 characters; stay well below. */
export const RELEASE_NOTES_MAX = 100_000;
/** A hotfix has few commits; a long list means something else went on, and a count says enough. */
const MAX_LISTED_COMMITS = 250;

/** The first line of a commit message, escaped, on one line. */
function commitSubject(message: string): string {
  return escapeMarkdown(truncate((message.split(/\r?\n/, 1)[0] ?? "").trim(), 200));
}

function commitLines(commits: ReleaseCommit[]): string[] {
  const listed = commits.slice(0, MAX_LISTED_COMMITS).map((c) => {
    const sha = c.sha.replace(/[^0-9a-f]/gi, "").slice(0, 7);
    return `- \`${sha}\` ${commitSubject(c.message)}`;
  });
  if (commits.length > MAX_LISTED_COMMITS) listed.push(`- … and ${commits.length - MAX_LISTED_COMMITS} more`);
  return listed.length > 0 ? listed : ["- (no commits listed)"];
}

/** The body of the GitHub release: incident, PR, Jira key, commits. All user text is escaped. */
export function renderReleaseNotes(input: ReleaseNotesInput): string {
  const { pr } = input;
  const lines = [
    `Hotfix release \`${input.tag}\`.`,
    "",
    `- Pull request: [#${pr.number} ${escapeMarkdown(pr.title)}](${linkTarget(pr.url)}) by ${escapeMarkdown(`@${pr.author}`)}`,
    `- Incident: ${input.incident === null ? "none" : `#${input.incident}`}`,
    `- Jira: ${input.jiraKey === null ? "none" : escapeMarkdown(input.jiraKey)}`,
    "",
    "### Commits",
    "",
    ...commitLines(input.commits),
    "",
  ];
  return truncate(lines.join("\n"), RELEASE_NOTES_MAX);
}

export interface ChangelogEntryInput {
  tag: string;
  mergedAt: Date;
  pr: ReleasePr;
  incident: number | null;
  jiraKey: string | null;
}

/** The heading that starts an entry; also how `prependChangelog` recognises an entry that is already there. */
export function changelogHeading(tag: string, mergedAt: Date): string {
  return `## ${tag} (${mergedAt.toISOString().slice(0, 10)})`;
}

/** One CHANGELOG.md section for a hotfix, newest-first style (Keep a Changelog). */
export function changelogEntry(input: ChangelogEntryInput): string {
  const { pr } = input;
  const refs = [
    `[#${pr.number}](${linkTarget(pr.url)})`,
    ...(input.incident === null ? [] : [`incident #${input.incident}`]),
    ...(input.jiraKey === null ? [] : [escapeMarkdown(input.jiraKey)]),
  ];
  const title = escapeMarkdown(pr.title.replace(/\r\n|\r|\n/g, " "));
  return `${changelogHeading(input.tag, input.mergedAt)}\n\n### Fixed\n\n- ${title} (${refs.join(", ")})\n`;
}

const CHANGELOG_TITLE = "# Changelog\n";

/**
 * Puts `entry` above the newest entry: after the title and any introduction, before the first `## ` section.
 * An entry whose heading is already in the file is not added again, so a retried run changes nothing.
 * The file's line endings are kept.
 */
export function prependChangelog(existing: string | null, entry: string): string {
  if (existing === null || existing.trim() === "") return `${CHANGELOG_TITLE}\n${entry}`;
  const eol = existing.includes("\r\n") ? "\r\n" : "\n";
  const normalised = entry.replace(/\r?\n/g, eol).replace(/(\r?\n)*$/, eol);
  const heading = entry.split(/\r?\n/, 1)[0] ?? "";
  const lines = existing.split(/\r?\n/);
  if (heading !== "" && lines.includes(heading)) return existing;
  const firstSection = lines.findIndex((line) => /^##\s/.test(line));
  if (firstSection === -1) {
    const body = existing.endsWith(eol) ? existing : existing + eol;
    return `${body}${eol}${normalised}`;
  }
  const before = lines.slice(0, firstSection).join(eol);
  const after = lines.slice(firstSection).join(eol);
  return `${before}${before === "" ? "" : eol}${normalised}${eol}${after}`;
}
