/**
 * User text (titles, branch names, labels, logins, comments) echoed into comments and check output is data:
 * it must not render as markdown, open HTML (which could forge our hidden state comments), or notify people.
 */

const MARKDOWN_SPECIALS = /[\\`*_{}[\]()#+\-.!|~>]/g;

/** Escapes inline markdown and HTML, and defuses @-mentions and team mentions. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(MARKDOWN_SPECIALS, "\\$&")
    .replace(/@(?=[A-Za-z0-9])/g, "@&#8203;");
}

/** Like escapeMarkdown, and also keeps the text on one line so that it cannot break a table row. */
export function escapeTableCell(text: string): string {
  return escapeMarkdown(text.replace(/\r\n|\r|\n/g, " "));
}

/** Cuts text to at most `max` characters (counting the marker), never in the middle of a surrogate pair. */
export function truncate(text: string, max: number, marker = "…"): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - marker.length);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end) + marker;
}

/** A URL inside `[text](url)`: characters that would end or break the link target are percent-encoded. */
export function linkTarget(url: string): string {
  // encodeURIComponent leaves ( and ) alone, and those are exactly what ends a link target early.
  return url.replace(/[\s()<>[\]`]/g, (c) => (c === "(" ? "%28" : c === ")" ? "%29" : encodeURIComponent(c)));
}
