import type { RuleResult } from "./rule-result.js";

/** A changed file as the pull request files endpoint lists it; `patch` is absent for binary or huge diffs. */
export interface ChangedFile {
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  changes: number;
  patch?: string | null | undefined;
}

export interface ConflictMarker {
  file: string;
  /** Line number in the new version of the file. */
  line: number;
  marker: string;
}

const OPENING = /^<{7}(?:[ \t].*)?$/;
const CLOSING = /^>{7}(?:[ \t].*)?$/;
const SEPARATOR = /^={7}[ \t]*$/;
const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/**
 * In these formats a line of exactly seven `=` under a title is a heading underline (setext, reStructuredText,
 * AsciiDoc), so there only `<<<<<<<` and `>>>>>>>` count; a leftover separator comes with them in practice.
 */
const UNDERLINED_HEADINGS = /\.(?:md|markdown|mdx|rst|adoc|asciidoc|txt)$/i;

/** Conflict markers on the ADDED lines of one file's patch: git's 7-character markers at the line start. */
export function conflictMarkersIn(file: Pick<ChangedFile, "filename" | "patch">): ConflictMarker[] {
  if (!file.patch) return [];
  const separatorCounts = !UNDERLINED_HEADINGS.test(file.filename);
  const found: ConflictMarker[] = [];
  let line = 0;
  for (const raw of file.patch.split("\n")) {
    const hunk = HUNK.exec(raw);
    if (hunk) {
      line = Number(hunk[1]);
      continue;
    }
    const sign = raw[0];
    if (sign === "+") {
      const text = raw.slice(1).replace(/\r$/, "");
      if (OPENING.test(text) || CLOSING.test(text) || (separatorCounts && SEPARATOR.test(text))) {
        found.push({ file: file.filename, line, marker: text.slice(0, 7) });
      }
      line += 1;
    } else if (sign === " " || sign === undefined) {
      line += 1;
    }
    // "-" lines are not in the new file; "\ No newline at end of file" is not a line at all.
  }
  return found;
}

/** Files whose added lines could not be read: a text change without a patch (GitHub omits very large ones). */
export function uncheckedFiles(files: readonly ChangedFile[]): string[] {
  return files.filter((f) => !f.patch && f.status !== "removed" && f.additions > 0).map((f) => f.filename);
}

/**
 * Fails on any added conflict marker. A file without a patch cannot be checked: that is a warning, not a
 * failure (binary files list no added lines at all and are not reported), because the diff budget already
 * bounds how large a hotfix may be and blocking on GitHub's patch size limit would block big-but-clean files.
 */
export function checkConflictMarkers(files: readonly ChangedFile[], listComplete: boolean): RuleResult {
  const markers = files.flatMap((file) => conflictMarkersIn(file));
  const base = { rule: "conflict-markers" as const, label: "Conflict markers" };
  if (markers.length > 0) {
    const where = markers
      .slice(0, 3)
      .map((m) => `${m.file}:${m.line}`)
      .join(", ");
    const more = markers.length > 3 ? `, … (${markers.length})` : "";
    return {
      ...base,
      state: "fail",
      reason: `${markers.length === 1 ? "a conflict marker" : `${markers.length} conflict markers`} added: ${where}${more}`,
      details: markers.map((m) => `${m.file}:${m.line}: ${m.marker}`),
    };
  }
  const unchecked = uncheckedFiles(files);
  if (unchecked.length > 0 || !listComplete) {
    const parts: string[] = [];
    if (unchecked.length > 0) {
      const named = unchecked.slice(0, 3).join(", ");
      const more = unchecked.length > 3 ? `, … (${unchecked.length})` : "";
      parts.push(`not checked: ${named}${more} (no patch: too large to show)`);
    }
    if (!listComplete) parts.push(`only the first ${files.length} files could be listed`);
    return {
      ...base,
      state: "warn",
      reason: `none found; ${parts.join("; ")}`,
      details: unchecked.map((f) => `${f}: not checked (no patch)`),
    };
  }
  return { ...base, state: "pass", reason: "none added" };
}
