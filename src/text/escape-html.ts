/**
 * Text from GitHub (titles, logins, labels, comment bodies) is written by anyone who can open an issue: in an HTML
 * page it is data, never markup. Every string interpolated into a page goes through `escapeHtml`, attributes
 * included (it escapes both quote characters).
 */
const HTML_SPECIALS: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_SPECIALS[c] as string);
}

/**
 * An href for a link read from a payload: only http(s) URLs are links; anything else (`javascript:`, `data:`)
 * becomes `#`, so a forged URL cannot run script when clicked. Escaped for an attribute.
 */
export function safeHref(url: string | null | undefined): string {
  if (!url) return "#";
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? escapeHtml(parsed.href) : "#";
  } catch {
    return "#";
  }
}
